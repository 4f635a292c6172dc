"""A word of the figure's turned to its opposite: bot/decision/contrast.py."""

import pytest

from bot.decision.contrast import turned_word


@pytest.mark.parametrize(
    ("asked", "turned"),
    [("诉后执行的调解成功率", "诉后"), ("向园区收权了几项", "收权"), ("网下可办率", "网下")],
)
def test_a_word_turned_round_is_found(asked, turned):
    own = "诉前调解成功率 园区放权赋权 网上可办率"
    assert turned_word(asked, own, report=own) == turned


@pytest.mark.parametrize(
    "asked",
    [
        "然后诉前调解案例有多少件",  # 然后|诉: 后 and 诉 stand in two words
        "问下能在线开的证明",  # 下能 is no word, 上能 neither
        "诉前调解成功率",  # the figure's own word
    ],
)
def test_characters_side_by_side_are_no_turned_word(asked):
    own = "诉前调解成功率 网上能办 可在线开具"
    assert turned_word(asked, own, report=own + " 然后") == ""


@pytest.mark.parametrize(
    "question", ["诉后执行的调解成功率是多少？", "向园区在收权了几项审批服务事项", "网下可办率是多少"]
)
def test_the_engine_declines_a_turned_measure(engine, question):
    reply = engine.respond(question)
    assert reply.status != "answer" and reply.kind == "unstated", reply.text
