"""What the asker rules out: bot/analysis/ruled_out.py."""

import pytest

from bot.analysis.ruled_out import ruled_out, rules_out, set_aside, sets_aside
from bot.analysis.split import split_question


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("我说的不是新增的是总数", ["新增"]),
        ("不是市本级的，是全市加起来的", ["市本级"]),
        ("不算第一批那个", ["第一批"]),
        ("全市（不只是市本级）一共梳理了多少项", ["市本级"]),  # more than the part asked
        ("有多少项，不光是市本级的", ["市本级"]),
        ("立法联系点总共有多少个", []),
        ("是不是两千多件", []),  # a check, not a ruling
    ],
)
def test_ruled_out_words(text, words):
    assert ruled_out(text) == words


def test_a_whole_clause_rules_out_only_when_it_says_nothing_else():
    assert rules_out("不是市本级的")
    assert not rules_out("不是市本级的事项有多少")


def test_the_split_keeps_a_ruling_clause_with_its_ask():
    """ "…多少项，不是市本级的" stays one question: the clause says what the ask meant."""
    assert split_question("柔性执法事项一共多少项，不是市本级的") == []
    assert [s.parts for s in split_question("柔性执法事项一共多少项，网上可办率是多少")] == [
        ("柔性执法事项一共多少项", "网上可办率是多少")
    ]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("合同审查提的审查意见多少条？不是问询问室", ["询问室"]),  # a clause of the thing alone, after the ask
        ("法律咨询提供了多少人次 不要法援案件数", ["法援案件数"]),
        ("执法记录仪多少台，不是四千多台吗", []),  # a number checked is no thing ruled out
        ("不是问询问室", []),  # no ask before it
    ],
)
def test_a_clause_of_the_thing_alone_after_the_ask_rules_it_out(text, words):
    assert ruled_out(text) == words


def test_a_thing_said_known_is_no_ask():
    from bot.analysis.ruled_out import without_known

    assert rules_out("业务应用我知道了") and rules_out("不是企业家数")
    assert without_known("湘易办旗舰店服务场景多少个，业务应用我知道了") == "湘易办旗舰店服务场景多少个"
    assert without_known("业务应用我知道了") == "业务应用我知道了"  # nothing asked before it: kept


@pytest.mark.parametrize(
    ("question", "figure", "not_figure"),
    [
        ("合同审查提的审查意见多少条？不是问询问室", "近200条", "近200处"),
        ("法律咨询提供了多少人次 不要法援案件数", "近30000人次", "2900余件"),
        ("湘易办旗舰店服务场景多少个，业务应用我知道了", "2000余个", "300多个"),
        ("柔性执法办理的案件多少件，不是企业家数", "4600余件", "6125家"),
    ],
)
def test_the_thing_ruled_out_or_known_is_not_answered(engine, question, figure, not_figure):
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.answer and not_figure not in reply.answer, reply.text


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("首次不罚之外，减轻处罚的企业有多少家？", [("首次不罚", "减轻处罚的企业有多少家")]),
        ("除了法律援助，法律咨询多少人次", [("法律援助", "法律咨询多少人次")]),
        ("不算普法案例涉及方面数的话，别的还有多少个", [("普法案例涉及方面数", "别的还有多少个")]),
        ("除此之外还有啥", []),  # a pointer sets nothing named aside
        ("法律援助案件多少件", []),
    ],
)
def test_set_aside(text, found):
    assert set_aside(text)[: len(found)] == found
    assert bool(set_aside(text)) == bool(found)


def test_a_clause_only_setting_a_thing_aside_belongs_to_the_ask_after_it():
    assert sets_aside("除了执法人员身上别着录像的那个设备以外")
    assert not sets_aside("首次不罚之外减轻处罚的企业有多少家")


@pytest.mark.parametrize(
    "question", ["全市（不只是市本级）一共梳理了多少项柔性执法事项", "柔性执法事项有多少项，不光是市本级的"]
)
def test_more_than_the_part_asked_is_never_answered_with_the_part(engine, question):
    """358项 is 市本级's: asked beyond it, the report lacks the whole."""
    reply = engine.respond(question)
    assert reply.status != "answer" and "358项" not in reply.answer, reply.text
