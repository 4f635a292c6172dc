"""Kinds of figures: achieved, target, change, rank — detected in the report, stored on drafted
metrics, and a target answered only when a target is asked; a change never given as a count."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine.engine import Engine
from bot.importer import import_report
from bot.knowledge.load import load_knowledge
from bot.knowledge.reporttext import parse_report

REPORT = [
    "临江市2024年法治政府建设情况",
    "2024年，临江市坚持依法行政，法治政府建设取得新成效。",
    "一、政务服务提速增效",
    "网上办事能力提升。可在网上办理的政务服务事项达到2937项，执法记录仪在用数量增至4870台。",
    "帮办代办全面铺开。全年帮办代办服务量同比增长27.3%。柔性方式办结的涉企案件5200余件，较上年增加600余件。",
    "案卷评查常态开展。案卷优秀率为82.5%，较上年提高4.1个百分点，平台案件录入数排名全省第一。",
    "二、2025年工作目标",
    "1. 目标：网上可办事项突破3000项。",
    "2. 到2025年底，执法记录仪配备数量达到5500台。",
    "3. 行政诉讼案件败诉率控制在4%以内。",
    "4. 力争执法案卷优秀率达到85%以上。",
]


def _roles(text: str) -> dict[str, str]:
    return {f.value: f.role for f in parse_report(text).figures}


def test_every_figure_has_a_kind():
    roles = _roles("\n".join(REPORT))
    assert roles["2937项"] == roles["4870台"] == roles["5200余件"] == roles["82.5%"] == "achieved"
    assert roles["27.3%"] == roles["600余件"] == roles["4.1个百分点"] == "change"
    assert roles["全省第一"] == "rank"
    # 目标：, 到2025年底, 力争, and a figure under a heading about next year's goals
    assert roles["3000项"] == roles["5500台"] == roles["85%"] == roles["4%"] == "target"


def test_a_year_already_reported_is_no_target():
    text = "临江市2024年法治政府建设情况\n一、成效\n到2024年底，全市建成调解室120个。\n"
    assert _roles(text)["120个"] == "achieved"
    text = text.replace("到2024年底", "到2026年底")
    assert _roles(text)["120个"] == "target"


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    root = tmp_path_factory.mktemp("kinds")
    source = root / "report.txt"
    source.write_text("\n".join(REPORT) + "\n", encoding="utf-8")
    assert import_report(source, root / "pack").ok
    return Engine(load_knowledge(root / "pack"))


def test_drafted_metrics_store_their_kind(engine):
    kinds = {m.value: m.figure_kind for m in engine.latest.metrics}
    assert kinds["2937项"] == "achieved" and kinds["27.3%"] == "change" and kinds["5500台"] == "target"
    target = next(m for m in engine.latest.metrics if m.value == "5500台")
    assert "目标" in target.title  # named as a target, so a plain question does not find it


@pytest.mark.parametrize(
    "question",
    ["执法记录仪有多少台", "网上可办的事项有多少项", "案卷优秀率是多少", "执法记录仪数量"],
)
def test_a_plain_question_never_gets_a_target(engine, question):
    response = engine.respond(question)
    for target in ("5500台", "3000项", "85%"):
        assert not (response.status == "answer" and target in response.answer), response.text


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("2025年网上可办事项的目标是多少", "3000项"),
        ("到2025年底执法记录仪要配到多少台", "5500台"),
        ("案卷优秀率目标", "85%"),
    ],
)
def test_a_target_asked_gets_the_target(engine, question, value):
    response = engine.respond(question)
    assert response.status == "answer" and value in response.answer, response.text


def test_a_change_is_never_a_count(engine):
    response = engine.respond("柔性方式办结的涉企案件有多少件")
    assert response.status == "answer" and "5200余件" in response.answer, response.text
    assert "600余件" not in response.answer
    response = engine.respond("帮办代办服务量是多少")  # only its 同比 change is written
    assert not (response.status == "answer" and "27.3%" in response.answer), response.text
    response = engine.respond("案卷优秀率比上年提高了多少")
    assert response.status == "answer" and "4.1个百分点" in response.answer, response.text


def test_kind_is_validated(tmp_path: Path):
    from bot.knowledge.validate import validate_dir

    source = tmp_path / "report.txt"
    source.write_text("\n".join(REPORT) + "\n", encoding="utf-8")
    assert import_report(source, tmp_path / "pack").ok
    path = tmp_path / "pack" / "metrics.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('kind: "change"', 'kind: "guess"', 1), encoding="utf-8")
    problems = validate_dir(tmp_path / "pack")
    assert any(
        p.message == "kind 只能是 achieved/target/change/rank 之一（达成、目标、变化、排名），实际是 'guess'"
        for p in problems
    )
