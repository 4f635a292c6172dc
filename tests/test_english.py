"""English words mixed into Chinese questions (bot/text/english.py, bot/data/english.tsv)."""

import pytest

from bot.engine.conversation import Conversation
from bot.text.english import GlossaryError, english, load_glossary


@pytest.mark.parametrize(
    ("mixed", "read"),
    [
        ("legal aid案件有多少件", "法律援助案件有多少件"),
        ("诉前调解的success rate是多少", "诉前调解的成功率是多少"),
        ("what is the success rate of people's mediation", "什么人民调解的成功率"),
        ("How many legal aid cases in 2023?", "多少法律援助案件2023?"),
        ("涉企柔性执法这块有哪些measures？", "涉企柔性执法这块有哪些举措？"),
    ],
)
def test_english_is_read_as_the_reports_words(mixed, read):
    assert english(mixed) == read


@pytest.mark.parametrize(
    "kept", ["falv yuanzhu anjian duoshao", "营商码上了CCTV哪个栏目", "APP上能办吗", "网上可办率是多少"]
)
def test_pinyin_abbreviations_and_chinese_stay_as_written(kept):
    assert english(kept) == kept


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("legal aid案件有多少件", "2900余件"),
        ("诉前调解的success rate是多少", "56.8%"),
        ("how many body cameras", "4400台"),
        ("zero trip的事项有几项", "1837项"),
    ],
)
def test_a_question_with_english_words_is_answered(engine, question, figure):
    reply = engine.respond(question, Conversation(), now=0.0)
    assert reply.status == "answer" and figure in reply.text


def test_the_glossary_loads_and_every_problem_is_reported_with_its_line(tmp_path):
    assert load_glossary()["legal aid"] == "法律援助"
    bad = tmp_path / "english.tsv"
    bad.write_text("# note\nlegal aid\t法律援助\nlegal aid\t法援\nno tab here\n", encoding="utf-8")
    with pytest.raises(GlossaryError) as raised:
        load_glossary(bad)
    assert str(raised.value).splitlines() == [
        "english.tsv:3: “legal aid”重复出现",
        "english.tsv:4: 应为“英文<Tab>中文”，英文只含字母、空格、撇号和连字符",
    ]


def test_an_honour_asked_in_english_words_reads_as_asked_in_chinese(engine):
    reply = engine.respond("Xie Qi banan tuandui got what honor")
    assert reply.status == "answer" and reply.entry_id == "xieqi_team", reply.text


def test_up_and_down_read_as_the_reports_words_for_a_change(engine):
    """ "minshang 一审收案 down 了多少 %": down is 下降 (and up 上升), with the pinyin beside it."""
    reply = engine.respond("minshang 一审收案 down 了多少 %")
    assert reply.status == "answer" and "10.21%" in reply.answer, reply.text
    reply = engine.respond("刑事破案数up了多少")
    assert reply.status == "answer" and "110%" in reply.answer, reply.text
