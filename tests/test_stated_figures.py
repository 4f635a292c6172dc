"""Figures the asker already states, and numbers that name a measure (bot/engine/pack.py,
bot/decision/rules.py rule_known_figure, bot/retrieval/curated.py)."""

import pytest

from bot.analysis.numbers import find_numbers, writes_figure
from bot.engine.conversation import Conversation
from bot.text.normalize import convert_numerals


def _head(reply) -> str:
    return reply.answer.split("\n", 1)[0]


def test_writes_figure_needs_the_number_unit_and_qualifier_as_written():
    numbers = lambda text: tuple(find_numbers(convert_numerals(text)))  # noqa: E731
    assert writes_figure(numbers("配了四千四百台"), "4400台")
    assert writes_figure(numbers("免证办覆盖3000余项"), "3000余项")
    assert writes_figure(numbers("三千多项"), "3000余项")  # 多 and 余 say the same
    assert not writes_figure(numbers("三千项左右"), "3000余项")
    assert not writes_figure(numbers("3000项"), "3000余项")
    assert not writes_figure(numbers("配了4400个"), "4400台")
    assert not writes_figure(numbers("配了4500台"), "4400台")


@pytest.mark.parametrize(
    "message, figure, stated",
    [
        ("市政府规范性文件是28件，那部门规范性文件呢", "51件", "28件"),
        ("看到跑一次事项是1024项了，出庭应诉率呢", "100%", "1024项"),
        ("我知道法律援助案件有2900余件，想问下为农民工讨回工资是多少", "317万余元", "2900余件"),
        ("免证办覆盖的高频单一政务服务事项3000余项，湘易办业务应用有多少", "300多个", "3000余项"),
        ("网上可办率是100%，那诉前调解案例有多少件", "13355件", "100%"),
    ],
)
def test_a_figure_the_message_states_is_context_not_the_answer(engine, message, figure, stated):
    reply = engine.respond(message)
    assert reply.status == "answer" and figure in reply.answer, reply.text
    assert stated not in _head(reply), reply.text


def test_asking_further_of_a_stated_figure_is_not_answered_with_it(engine):
    reply = engine.respond("22个乡镇通过初评以后，最后有几个评上示范的")
    assert reply.status != "answer", reply.text
    assert "评上示范" in reply.text and "乡镇通过初评" not in reply.text.split("\n", 1)[0]


def test_a_stated_clause_among_several_asks_is_not_one_of_them(engine):
    reply = engine.respond("6125家企业首次不罚，罚款免了多少")
    assert "2000余万元" in reply.answer and "6125家" not in _head(reply), reply.text
    reply = engine.respond("市政府规范性文件是28件，那部门规范性文件呢？还有市本级重大行政决策事项几项")
    assert "51件" in reply.answer and "6项" in reply.answer and "28件" not in _head(reply), reply.text


def test_a_follow_up_quoting_the_figure_just_given_is_about_it(engine):
    chat = Conversation()
    engine.respond("执法记录仪全市配了几台", chat, 0.0)
    reply = engine.respond("哦四千四百台，是全市的数吧", chat, 1.0)
    assert reply.entry_id == "body_cameras", reply.text


def test_a_follow_up_goes_to_a_sibling_of_the_same_part_of_the_report(engine):
    chat = Conversation()
    engine.respond("审查合同和涉法事务有多少件", chat, 0.0)
    reply = engine.respond("涉及金额一共多大", chat, 1.0)
    assert "2000余万元" not in reply.answer, reply.text  # 免罚金额 is another section's money


def test_numbers_naming_a_measure_tell_siblings_apart(engine):
    assert "1837项" in _head(engine.respond("跑零次的事项有多少"))
    assert "1024项" in _head(engine.respond("只跑一次的事项有多少"))
    assert "1837项" in _head(engine.respond("一次都不用跑的有几项"))  # one, negated: none
    chat = Conversation()
    engine.respond("政务服务网上能办的有多少项", chat, 0.0)
    assert "1837项" in _head(engine.respond("其中一趟不用跑的呢", chat, 1.0))
    reply = engine.respond("跑零次的事项和只跑一次的事项，哪个多？")
    assert "1837项" in reply.answer and "1024项" in reply.answer, reply.text


def test_an_explanation_gives_way_to_the_figure_of_the_kind_asked_it_states(engine):
    reply = engine.respond("首次不罚免掉的钱是多少")
    assert reply.entry_id == "exempted_fines", reply.text
    reply = engine.respond("首次不罚免掉的钱跟帮农民工讨回来的工资，哪个多啊")
    assert "2000余万元" in reply.answer and "317万余元" in reply.answer, reply.text
    # an explanation stating two figures of the kind asked keeps the lead
    assert "300多个" in engine.respond("app上能办多少事 湘易办那个").answer


def test_the_askers_own_verb_is_not_the_measure(engine):
    reply = engine.respond("嗯 那个 就是那个啥 柔性执法事项 市本级 整理了多少个来着")
    assert reply.status == "answer" and "358项" in reply.answer, reply.text
    # a noun the report never writes, before the verb, still is
    assert engine.respond("法律援助投诉受理了多少件").status != "answer"


def test_a_follow_up_sibling_counts_what_the_ask_counts(engine):
    chat = Conversation()
    engine.respond("新增了几个立法联系点", chat, 0.0)
    reply = engine.respond("那现在一共有几个联系点", chat, 1.0)
    assert reply.status != "answer" and "40余条" not in reply.text.split("\n", 1)[0], reply.text


def test_a_follow_up_in_an_entrys_own_words_is_that_entry(engine):
    chat = Conversation()
    engine.respond("人民调节一共化解了多少起纠纷", chat, 0.0)
    engine.respond("那调处成功率呢", chat, 1.0)
    reply = engine.respond("诉前调解的案例呢", chat, 2.0)
    assert "13355件" in reply.answer, reply.text  # not 诉前调解's 成功率, the measure of the turn before


def test_money_of_another_kind_stated_by_an_explanation_is_no_answer(engine):
    """ "法律援助花了多少钱": the explanation of those activities states the wages recovered, another money."""
    reply = engine.respond("2023年益阳法律援助一共花了多少钱")
    assert reply.status != "answer" and "317万余元" not in reply.text.split("\n", 1)[0], reply.text


def test_the_stated_figure_is_never_checked_when_the_rest_asks_of_another_thing(engine):
    """ "…是2900余件了，还没到法院立案之前先调解的那种案子呢": the rest is unsure (诉前调解 or 分调裁审), so
    it is clarified; never a 不是 on the figure the asker stated (还没到…之前 negates nothing)."""
    reply = engine.respond("看到法律援助案件2023年受理是2900余件了，还没到法院立案之前先调解的那种案子呢")
    assert not reply.text.startswith(("是的", "不是")), reply.text
    assert "2900余件" not in reply.text.split("\n")[0]


def test_a_measure_named_then_asked_after_a_stated_figure(engine):
    reply = engine.respond("新增立法联系点是5个，网办率是多少")
    assert reply.entry_id == "online_rate", reply.text


@pytest.mark.parametrize(
    "message, figure",
    [
        ("法治审核事项数是1.5万余项，帮没钱打官司的人那个事一年是多少", "2900余件"),
        ("行政机关负责人出庭应诉率是100%，那fgf改革向园区赋权呢", "11项"),
    ],
)
def test_the_ask_after_a_figure_told_is_answered_as_asked_alone(engine, message, figure):
    """The whole found only the figure told and lacks what is asked further; the rest, answered
    on its own, is the answer (never "报告没有写到…" of the rest's own words)."""
    reply = engine.respond(message)
    assert reply.status == "answer" and figure in reply.answer, reply.text


def test_what_is_asked_further_of_a_figure_told_stays_declined(engine):
    reply = engine.respond("22个乡镇通过初评以后，最后有几个评上示范的")
    assert reply.status != "answer", reply.text


@pytest.mark.parametrize(
    ("question", "figure", "known"),
    [
        ("零跑动事项数是1837项，那找律师咨询呢", "近30000人次", "1837项"),
        ("发布典型案例的谁执法谁普法责任单位是30多家，法援件数是多少", "2900余件", "30多家"),
    ],
)
def test_the_figure_told_is_no_answer_to_the_ask_after_it(engine, question, figure, known):
    """A weak reading of the ask after a figure told still beats the figure told: the asker
    knows it."""
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.answer and known not in reply.answer, reply.text
