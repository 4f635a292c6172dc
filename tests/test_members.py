"""The other members of a group the report's city belongs to (bot/decision/members.py): the
report names only 益阳 among the first national model cities, so their list is not in it."""

import pytest

from bot.engine.conversation import Conversation


@pytest.mark.parametrize(
    "question",
    [
        "全国首批法治政府建设示范市有哪些城市",
        "全国示范市这块，首批一共评了哪些城市",
        "和益阳一起评上首批全国法治政府建设示范市的还有哪几个市",
        "全國首批法治政府建設示範市有哪些城市",  # traditional
        "首批全国法治政府示范市，其他城市都有谁",
    ],
)
def test_a_group_whose_other_members_the_report_never_names_is_no_list(engine, question):
    reply = engine.respond(question, Conversation(), now=0.0)
    assert reply.status == "fallback" and reply.kind == "unstated"
    assert "其他城市" in reply.text


@pytest.mark.parametrize(
    "question, expected",
    [
        ("第二批湖南省法治政府建设示范地区有哪些地方", "南县"),  # the report lists them
        ("益阳是第几批全国法治政府建设示范市", "首批"),  # the city's own place in the group
    ],
)
def test_a_group_the_report_lists_or_the_city_itself_still_answers(engine, question, expected):
    reply = engine.respond(question, Conversation(), now=0.0)
    assert reply.status == "answer" and expected in reply.text
