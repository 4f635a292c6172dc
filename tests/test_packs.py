"""Report packs: a folder of packs, broken packs, answers by year and by place."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.engine.conversation import Conversation
from bot.engine.engine import Engine
from bot.importer import import_report
from bot.knowledge.model import KnowledgeError
from bot.knowledge.packs import load_library, pack_dirs, validate_library

DATA = Path(__file__).parent / "data" / "qinglan"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def qinglan(tmp_path_factory) -> Path:
    """Both years of the fictional 青岚市, drafted by the importer, in one folder of packs."""
    root = tmp_path_factory.mktemp("packs")
    for year in (2023, 2024):
        assert import_report(DATA / f"qinglan-{year}.txt", root / f"qinglan-{year}").ok
    return root


@pytest.fixture(scope="module")
def two_years(qinglan) -> Engine:
    return Engine(load_library(qinglan))


def test_a_folder_of_packs_and_a_single_pack_both_load(qinglan):
    library = load_library(qinglan)
    assert [k.year for k in library.packs] == [2023, 2024] and library.latest.year == 2024
    assert pack_dirs(qinglan / "qinglan-2024") == [qinglan / "qinglan-2024"]
    assert validate_library(qinglan) == []


def test_a_broken_pack_keeps_the_others_serving(qinglan, tmp_path):
    root = tmp_path / "packs"
    shutil.copytree(qinglan, root)
    (root / "qinglan-2023" / "metrics.yaml").write_text("version: 1\nmetrics: [\n", encoding="utf-8")
    library = load_library(root)
    assert [k.year for k in library.packs] == [2024]
    assert library.problems and str(root / "qinglan-2023" / "metrics.yaml") in str(library.problems[0])
    with pytest.raises(KnowledgeError):
        load_library(root, strict=True)
    problems = validate_library(root)
    assert problems and all("qinglan-2023" in p.path for p in problems)


def test_the_same_ids_in_two_packs_are_reported(qinglan, tmp_path):
    root = tmp_path / "packs"
    shutil.copytree(qinglan / "qinglan-2024", root / "a")
    shutil.copytree(qinglan / "qinglan-2024", root / "b")
    problems = validate_library(root)
    assert problems and "也用在了报告包 a/ 中" in problems[0].message


def test_no_year_means_the_latest_report_and_says_so(two_years):
    r = two_years.respond("法律援助案件有多少件")
    assert r.status == "answer" and "3100余件" in r.answer and "2600余件" not in r.answer
    assert "2024年" in r.answer.split("\n")[0] and "2024年报告" in r.text


def test_a_named_year_is_answered_from_its_report(two_years):
    r = two_years.respond("2023年法律援助案件有多少件")
    assert "2600余件" in r.answer and "3100余件" not in r.text and "2023年报告" in r.text
    assert "2600余件" in two_years.respond("23年法律援助案件多少件").answer


def test_both_years_side_by_side_never_a_difference(two_years):
    for question in ("2023年和2024年法律援助案件分别是多少", "法律援助案件两年各是多少"):
        r = two_years.respond(question)
        assert r.status == "answer" and r.kind == "years", question
        assert "【2023年】" in r.text and "【2024年】" in r.text
        assert "2600余件" in r.text and "3100余件" in r.text and "500" not in r.text


def test_compared_with_the_year_before(two_years):
    conversation = Conversation()
    first = two_years.respond("2024年法律援助案件多少件", conversation, now=1.0)
    assert "3100余件" in first.answer and conversation.last_year == 2024
    follow = two_years.respond("比上一年呢", conversation, now=2.0)
    assert follow.kind == "years" and "2600余件" in follow.text and "3100余件" in follow.text
    assert "2600余件" in two_years.respond("2024年法律援助案件多少件，跟上一年比呢").text


def test_a_year_no_pack_covers_is_refused_naming_what_is(two_years):
    for question in ("2022年法律援助案件多少件", "2025年的法律援助案件多少件"):
        r = two_years.respond(question)
        assert r.status == "fallback" and r.kind == "scope"
        assert "2023" in r.text and "2024" in r.text and "2600余件" not in r.text


def test_last_year_without_its_report_is_declined_with_a_button_to_the_newest(two_years, engine):
    """ "去年" is the calendar's last year (2025 today): with no report of it, no figure of another
    year is given, only the newest report's answer to the same question as a button."""
    for bot, newest in ((two_years, "3100余件"), (engine, "2900余件")):
        r = bot.respond("去年法律援助案件多少件")
        assert r.status != "answer" and "去年（2025年）" in r.text and newest not in r.text
        assert r.suggestions and "法律援助" in r.suggestions[0].question
    for question in ("那去年呢", "2025年法律援助案件多少件"):  # another year as the whole ask, or written out
        assert engine.respond(question).status != "answer"


def test_a_year_told_in_the_story_is_no_year_asked(engine):
    message = "我是市政协委员，去年参加了两回立法协商座谈会，感觉提的意见还是有人听的。报告里讲新增了几个立法联系点？"
    reply = engine.respond(message)
    assert reply.status == "answer" and "5个" in reply.answer, reply.text


def test_a_fact_only_one_report_has_is_answered_from_it(two_years, qinglan):
    only_2024 = "信用修复"
    assert only_2024 not in (qinglan / "qinglan-2023" / "report.txt").read_text(encoding="utf-8")
    r = two_years.respond("信用修复了多少家企业")
    assert r.status == "answer" and "2024年" in r.text
    asked_of_2023 = two_years.respond("2023年信用修复了多少家企业")
    assert asked_of_2023.status != "answer"


def test_places_route_to_their_own_pack(qinglan, kb):
    engine = Engine(load_library(qinglan).packs + [kb])
    assert "6125家" in engine.respond("益阳首违不罚了多少家企业").answer
    yiyang = engine.respond("益阳法律援助案件多少件")
    assert "2900余件" in yiyang.answer and "3100余件" not in yiyang.text
    assert "3100余件" in engine.respond("青岚市2024年法律援助案件多少件").answer


def test_buttons_answer_entries_of_every_pack(two_years):
    old = next(p for p in two_years.packs if p.knowledge.year == 2023)
    entry_id = next(iter(old.knowledge.entries))
    r = two_years.answer_entry(entry_id)
    assert r is not None and r.entry_id == entry_id and "2023年" in r.text


def test_browsing_and_figure_lookup_cover_every_pack_labelled_by_year(two_years):
    from bot.retrieval import lookup

    catalog = two_years.knowledge
    sections = [t.title for t in catalog.sections()]
    assert any(t.startswith("2023年 · ") for t in sections) and any(t.startswith("2024年 · ") for t in sections)
    found = lookup.search(two_years, "法律援助")
    values = {e.value for e in found}
    assert {"2600余件", "3100余件"} <= values
    assert all("年）" in e.title for e in found)  # each figure says which report it is from


def test_a_message_is_analysed_once_whatever_the_packs(two_years, monkeypatch):
    import bot.analysis as analysis

    seen: list[str] = []
    real = analysis._analyze

    def counting(raw, synonyms, today):
        seen.append(raw)
        return real(raw, synonyms, today)

    monkeypatch.setattr(analysis, "_analyze", counting)
    analysis._cached.cache_clear()
    question = "法律援助案件受理了多少件啊"
    two_years.respond(question)
    assert seen.count(question) == 1, seen
