"""The stage of a case a count is of (bot/decision/stages.py) and a thing set aside
(bot/decision/excluded.py): a figure of one stage, or of what is set aside, never answers."""

import pytest

from bot.engine.conversation import Conversation


@pytest.mark.parametrize(
    "question",
    [
        "2023年法律援助案件办结了多少件",
        "法律援助案件审结多少",
        "法援结案数",
        "法律援助案件辦結了多少件",  # traditional
        "法律援助案件办结了两千九百多件吗",  # a check of a stage the report does not state
    ],
)
def test_a_count_of_cases_received_never_answers_cases_concluded(engine, question):
    reply = engine.respond(question, Conversation(), now=0.0)
    assert reply.status == "fallback" and reply.kind == "unstated"
    assert "2900余件" not in reply.answer


@pytest.mark.parametrize("question", ["法律援助受理了多少件", "2023年共受理法律援助案件多少件？"])
def test_the_stage_the_figure_states_still_answers(engine, question):
    reply = engine.respond(question, Conversation(), now=0.0)
    assert reply.status == "answer" and "2900余件" in reply.text


def test_a_stage_word_outside_the_asking_clause_changes_nothing(engine):
    """ "就是一窗受理，不是，…": 受理 is in a clause corrected away, not asked."""
    reply = engine.respond("那个就是一窗受理，不是，是零跑动的事项有多少项", Conversation(), now=0.0)
    assert reply.status == "answer" and "1837项" in reply.answer


@pytest.mark.parametrize(
    ("question", "lacked"),
    [
        ("首次不罚之外，减轻处罚的企业有多少家？", "减轻处罚的企业"),
        ("首次不罚之外还有多少企业被减轻处罚", "企业被减轻处罚"),
        ("首次不罚的企业之外，还有多少家", "首次不罚的企业之外的"),
        ("除了执法人员身上别着录像的那个设备以外 另外还有几台啊", "其他的"),  # set aside in its own clause
    ],
)
def test_a_figure_of_what_is_set_aside_never_answers_the_rest(engine, question, lacked):
    reply = engine.respond(question, Conversation(), now=0.0)
    assert reply.status == "fallback" and f"（{lacked}）" in reply.text
    assert "6125家" not in reply.answer and "4400台" not in reply.answer


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("除了首次不罚，柔性执法还办了多少案件", "4600余件"),
        ("除了法律援助，法律咨询多少人次", "近30000人次"),
    ],
)
def test_another_subject_named_after_what_is_set_aside_is_answered(engine, question, figure):
    reply = engine.respond(question, Conversation(), now=0.0)
    assert reply.status == "answer" and figure in reply.answer
