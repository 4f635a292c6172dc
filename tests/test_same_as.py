"""Measure identity across years: drafted figures linked (same_as) to the same measure in the other
packs of the place, whatever the wording; side by side and older facts use the links."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine.engine import Engine
from bot.importer import import_report
from bot.knowledge.load import load_knowledge
from bot.knowledge.packs import load_library

Y2023 = [
    "临江市2023年法治政府建设情况",
    "2023年，临江市坚持依法行政，法治政府建设取得新成效。",
    "一、严格规范执法",
    "执法装备持续完善。全市配备执法记录仪4400台，建成询问室、听证室近200处。",
    "法治审核全面覆盖。经过法治审核的执法事项1.5万余项，立法联系点提出立法意见建议40余条。",
    "二、化解矛盾纠纷",
    "人民调解作用明显。全市人民调解组织化解纠纷10816起，调处成功率93%。",
]
Y2024 = [
    "临江市2024年法治政府建设情况",
    "2024年，临江市持续推进法治政府建设，各项任务全面完成。",
    "一、行政执法质效提升",
    "执法全过程留痕。执法记录仪在用数量增至4870台，随案归档的音像资料达2.3万余件。",
    "合法性审查。开展合法性审查118件，提出修改意见和建议210余条。",
    "二、多元解纷",
    "调解优先。人民调解化解矛盾纠纷11342起，调处成功率95.2%。",
]


@pytest.fixture(scope="module")
def library_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("sameas")
    for year, lines in ((2023, Y2023), (2024, Y2024)):
        source = root / f"r{year}.txt"
        source.write_text("\n".join(lines) + "\n", encoding="utf-8")
        assert import_report(source, root / "packs" / f"linjiang-{year}").ok
    return root / "packs"


def test_drafted_figures_link_to_the_same_measure(library_dir: Path):
    older = {m.id: m.value for m in load_knowledge(library_dir / "linjiang-2023").metrics}
    newer = load_knowledge(library_dir / "linjiang-2024")
    links = {m.value: [older[i] for i in m.same_as] for m in newer.metrics}
    assert links["4870台"] == ["4400台"]  # 执法记录仪4400台 / 执法记录仪在用数量增至4870台
    assert links["11342起"] == ["10816起"]
    assert links["95.2%"] == ["93%"]
    assert links["210余条"] == []  # 修改意见和建议 (合法性审查) is not 立法意见建议 (立法联系点)
    assert links["2.3万余件"] == []  # nothing like it the year before
    assert "same_as" in (library_dir / "linjiang-2024" / "metrics.yaml").read_text(encoding="utf-8")


def test_side_by_side_pairs_the_same_measure(library_dir: Path):
    engine = Engine(load_library(library_dir))
    reply = engine.respond("执法记录仪两年各是多少台")
    assert reply.status == "answer" and "4400台" in reply.text and "4870台" in reply.text, reply.text
    reply = engine.respond("人民调解调处成功率2023年和2024年分别是多少")
    assert "93%" in reply.text and "95.2%" in reply.text, reply.text


def test_a_fact_only_the_older_report_has_comes_from_it(library_dir: Path):
    engine = Engine(load_library(library_dir))
    reply = engine.respond("询问室、听证室有多少处")
    assert reply.status == "answer" and "近200处" in reply.text and "2023" in reply.text, reply.text
    reply = engine.respond("立法联系点提了多少条立法意见建议")
    assert reply.status == "answer" and "40余条" in reply.text and "210余条" not in reply.text, reply.text


def test_an_admin_can_correct_a_link(library_dir: Path, tmp_path: Path):
    import shutil

    copy = tmp_path / "packs"
    shutil.copytree(library_dir, copy)
    path = copy / "linjiang-2024" / "metrics.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("same_as:", "same_as_old:", 1), encoding="utf-8")
    assert load_library(copy).problems  # an unknown field is reported, not ignored
