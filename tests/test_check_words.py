"""One vocabulary of check tags (bot/analysis/check_words.py), read alike by the ask, the split of
several stated figures and the numbers."""

import math

import pytest

from bot.analysis.check_words import (
    bare_check,
    checked_after,
    claim_end,
    kind_checked,
    kind_fits,
    offers_choice,
    without_rejected,
)
from bot.analysis.numbers import find_numbers, states_number
from bot.analysis.split import checked_claims
from bot.engine.conversation import Conversation
from bot.text.normalize import convert_numerals

TAGS = [
    "对吧",
    "对不对",
    "是不是",
    "没错吧",
    "我没记错吧",
    "这几个数对不对",
    "这几个数据都准确吗",
    "是吧",
    "对么",
    "冇错吧",
    "真的吗",
]


@pytest.mark.parametrize("tag", TAGS)
def test_every_tag_is_read_the_same_by_the_ask_the_split_and_the_numbers(tag):
    assert bare_check(tag)
    claims = checked_claims(f"新增立法联系点5个，出庭应诉率有60%，{tag}")
    assert claims == (f"新增立法联系点5个，{tag}", f"出庭应诉率有60%，{tag}")
    assert checked_after(f"，{tag}")
    (number,) = find_numbers(convert_numerals(f"出庭应诉率有60%，{tag}"))
    assert number.low == number.high == 60  # "有60%" then a tag states 60%, not "at least 60%"


@pytest.mark.parametrize("clause", ["常德也是吗", "今年的有没有", "网上可办率呢", "好吧那算了", "是多少"])
def test_a_clause_naming_something_of_its_own_is_no_bare_check(clause):
    assert not bare_check(clause)


def test_a_question_particle_after_a_number_asks_whether_the_figure_reaches_it():
    assert not checked_after("吗")
    assert not checked_after("吗？")
    (number,) = find_numbers(convert_numerals("出庭应诉率有60%吗"))
    assert number.high == math.inf  # at least (about) 60%


@pytest.mark.parametrize(
    "clause", ["新增立法联系点十五个", "新增立法联系点五个", "成功率百分之九十三", "近二万件", "有358项"]
)
def test_numbers_in_words_state_an_amount_even_after_a_word_ending_in_dian(clause):
    assert states_number(clause)


@pytest.mark.parametrize("clause", ["新增立法联系点", "2023年市本级网上可办率", "第一批"])
def test_a_clause_with_no_amount_states_none(clause):
    assert not states_number(clause)


def test_several_figures_then_any_tag_are_each_judged(engine):
    reply = engine.respond("用柔性执法办的案件是4600多件；出庭应诉率有60%，这几个数对不对")
    verdicts = [line for line in reply.answer.split("\n") if line.startswith(("是的", "不是"))]
    assert verdicts[0].startswith("是的") and "4600余件" in verdicts[0]
    assert verdicts[1].startswith("不是") and "100%" in verdicts[1]
    reply = engine.respond("新增立法联系点十五个，讨回工资有951万余元，没错吧")
    verdicts = [line for line in reply.answer.split("\n") if line.startswith(("是的", "不是"))]
    assert len(verdicts) == 2 and all(v.startswith("不是") for v in verdicts), reply.text


def test_a_whoever_saying_is_a_name_not_a_question_of_who():
    claims = checked_claims("谁执法谁普法发布典型案例210个，新增立法联系点五个，没错吧")
    assert claims == ("谁执法谁普法发布典型案例210个，没错吧", "新增立法联系点五个，没错吧")
    assert checked_claims("谁发布了70个案例，新增立法联系点五个，没错吧") == ()  # 谁 alone asks who


@pytest.mark.parametrize(
    "clause, own",
    [("是不是两千多万", ""), ("是40多个吗", ""), ("应该是百分之六十吧", ""), ("立法联系点是不是十五个", "立法联系点")],
)
def test_unchecked_leaves_only_the_words_of_its_own(clause, own):
    from bot.analysis.check_words import unchecked

    assert unchecked(clause) == own


@pytest.mark.parametrize(
    "question, asks",
    [
        ("首违免罚那个一共免了多少罚款啊是不是两千多万", 1),  # the ask, its particle, then its check
        ("新增了多少个立法联系点是不是十五个", 1),
        ("普法典型案例涉及多少个方面？是40多个吗", 1),
        ("发了多少个案例，是不是70个", 1),
        ("诉前调解有多少件啊成功率高不高", 2),  # a particle that ends one ask before another
        ("网上可办数 0跑动 跑1次", 3),  # an amount named, not checked: an item of its own
    ],
)
def test_a_check_of_the_amount_just_asked_stays_with_its_ask(question, asks):
    from bot.analysis.split import split_question

    splits = split_question(question)
    assert (len(splits[0].parts) if splits else 1) == asks, splits


@pytest.mark.parametrize(
    "tag",
    [
        "这个是真的吗",
        "是不是真有这么回事",
        "是真的还是邻居乱讲的",
        "这是真的吗",
        "有没有这回事",
        "也不晓得他是不是吹牛",
        "是这样的吗",
        "真是这样的吗",
    ],
)
def test_a_doubt_in_other_words_is_a_bare_check(tag):
    assert bare_check(tag)


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("两法衔接录入数连续两年全省第一，真的假的", "两法衔接录入数连续两年全省第一"),
        ("益阳是第一批示范市，是真的吗？", "益阳是第一批示范市"),
        ("益阳是不是第一批", "益阳是不是第一批"),  # an ordinal in the tag is claimed
        ("真的假的", "真的假的"),  # a tag alone is all there is
    ],
)
def test_the_claim_ends_before_its_tags(text, claim):
    assert text[: claim_end(text)] == claim


@pytest.mark.parametrize("message", ["资江两岸那个风貌 管控的规定 出了没", "营商码 上过央视没有"])
def test_done_or_not_after_a_pause_checks_the_ask_before_it(engine, message):
    """ "出了没" is a check with only its verb: the clause before is what it checks, one ask."""
    reply = engine.respond(message)
    assert reply.status == "answer" and reply.text.startswith("是的")


@pytest.mark.parametrize(
    ("text", "kind"),
    [("单位是万元吗", "单位:万元"), ("是按人次算的吧", "单位:人次"), ("那单位是台吗", "单位:台"), ("单位是什么", "")],
)
def test_a_check_of_the_unit_alone_is_read(text, kind):
    assert kind_checked(text) == kind


def test_the_unit_checked_fits_the_figures_unit():
    assert kind_fits("单位:万元", "万元", "免罚金额") and kind_fits("单位:元", "万元", "免罚金额")
    assert not kind_fits("单位:台", "万元", "免罚金额") and not kind_fits("单位:人", "人次", "法律咨询人次")
    assert kind_fits("单位:百分比", "%", "网上可办率")


def test_a_unit_checked_after_an_answer_or_a_quoted_figure_is_judged(engine):
    from bot.engine.engine import Conversation

    reply = engine.respond("首次不罚的免罚金额两千多，单位是万元吗")
    assert reply.answer.startswith("是的") and "2000余万元" in reply.answer
    chat = Conversation()
    engine.respond("法律咨询多少", chat, now=0)
    assert engine.respond("是按人次算的吧", chat, now=1).answer.startswith("是的")
    assert engine.respond("单位是台吗", chat, now=2).answer.startswith("不是")


@pytest.mark.parametrize(
    ("text", "offered"),
    [
        ("法律援助案件是2900余件还是3000件", True),
        ("5100多那个数是人数还是别的什么", True),
        ("两千多万是罚的钱还是免的钱啵", True),
        ("网上可办率现在还是100%吗", False),
        ("4400台是真的还是乱讲的", False),
        ("是不是还是2900余件", False),
    ],
)
def test_two_options_at_the_end_of_the_ask_are_a_choice(text, offered):
    assert offers_choice(text) is offered


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("网上可办率是100%还是90%", "100%"),
        ("法律援助案件是2900余件还是3000件", "2900余件"),
        ("4400是台数还是人数", "4400台"),
    ],
)
def test_a_choice_between_options_gets_the_figure_never_yes_or_no(engine, question, figure):
    """The figure says which option is right; 是的/不是 would confirm or deny the wrong one."""
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.answer
    assert not reply.answer.startswith(("是的", "不是"))


@pytest.mark.parametrize(
    "turns, figure",
    [
        (["人民调解的调处成功率是多少是两三成还是百分之九十三啊"], "93%"),  # the figure offered, not known
        (["一审收案降幅", "是百分之四十点二一呢还是一两成"], "10.21%"),  # a change's options, no 总数
        (["复调对接和解率", "应该是四五成还是百分之二十五"], "25%"),  # options name nothing of a part
    ],
)
def test_numbers_offered_as_options_of_the_figure_get_it(engine, turns, figure):
    chat = Conversation()
    for n, turn in enumerate(turns):
        reply = engine.respond(turn, chat, now=n)
    assert reply.status == "answer" and figure in reply.answer, reply.text


@pytest.mark.parametrize(
    ("question", "yes"),
    [
        ("网上可办数2861，是按项算的还是按件算的是不是8583项", False),
        ("13355的单位是起还是件，是一万三千三百五十五件吗", True),
    ],
)
def test_a_check_after_a_choice_is_still_judged(engine, question, yes):
    """The options end where a check starts ("…还是按件算的 | 是不是8583项"): the check is judged."""
    reply = engine.respond(question)
    assert reply.answer.startswith("是的" if yes else "不是"), reply.text


def test_numbers_offered_as_options_ask_the_figure(engine):
    reply = engine.respond("谁执法谁普法发布的典型案例是70个还是70件")
    assert reply.status == "answer" and reply.answer.startswith("普法典型案例数：70个"), reply.text


@pytest.mark.parametrize(
    ("question", "yes"),
    [("那个74.1是百分比吗", True), ("13355单位是件吗", True), ("4400是件数吗", False), ("370是人数吗", True)],
)
def test_a_figure_quoted_then_its_kind_checked_in_one_clause(engine, question, yes):
    """ "那个74.1是百分比吗": the figure looked up, its unit judged (it said 'no 百分比')."""
    reply = engine.respond(question)
    assert reply.status == "answer" and reply.answer.startswith("是的" if yes else "不是"), reply.text


def test_the_unit_after_a_figure_asked_is_answered_by_the_figure(engine):
    reply = engine.respond("13355后面跟的是啥单位")
    assert reply.status == "answer" and "13355件" in reply.answer, reply.text


@pytest.mark.parametrize(("question", "yes"), [("免罚金额是不是上亿了", False), ("公示执法事项上万了吧", True)])
def test_reaching_a_magnitude_is_checked_as_a_bound(engine, question, yes):
    """ "上亿了" is at least 1亿: 2000余万元 does not reach it (it got 是的)."""
    reply = engine.respond(question)
    assert reply.answer.startswith("是的" if yes else "不是"), reply.text


@pytest.mark.parametrize(
    ("question", "figure"), [("5100多是什么人的数", "5100多名"), ("两千九百多是什么的数", "2900余件")]
)
def test_what_a_bare_figure_counts_is_answered_by_the_figure(engine, question, figure):
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.answer, reply.text


def test_dialect_没得_before_a_number_is_below_it(engine):
    """ "没得九成吧" claims less than 90%: 93% says 不是 (it said 是的)."""
    assert engine.respond("人民调解调处成功率没得九成吧").answer.startswith("不是")


def test_money_asked_for_someone_is_no_price_question(engine):
    """ "帮农民工要钱的那个": wages recovered, not "does it cost money" (a how-to decline)."""
    reply = engine.respond("帮农民工要钱的那个，帮了多少人要回多少钱")
    assert reply.status == "answer" and "370名" in reply.answer and "317万余元" in reply.answer, reply.text
    assert engine.respond("法律援助要钱吗").status == "fallback"


@pytest.mark.parametrize(
    "question, figure",
    [
        ("帮在外面打工被拖欠工钱的农村人要钱，帮了多少个人", "370名"),  # money told, another clause asks
        ("那些打工的工资拿不到，政府出面去要钱，一共要回来多少", "317万余元"),
    ],
)
def test_money_in_a_clause_that_asks_nothing_describes(engine, question, figure):
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.answer, reply.text
    for practical in ("我想打官司，要花钱吗", "找律师打官司要花钱吗"):
        assert engine.respond(practical).status == "fallback"
    # a rate asked beside the request: the rate answers, the request is named as not in the report
    both = engine.respond("人民调解调成功的比例多高 收不收费")
    assert "93%" in both.answer and "没有价格费用这类办事信息" in both.text, both.text


@pytest.mark.parametrize(
    "text, check",
    [
        ("这个110是百分比吧，不是110起案子", "这个110是百分比吧"),
        ("十一项，单位是项不是个吧", "十一项，单位是项吧"),
        ("是2900件不是3000件吧", "是2900件吧"),
        ("没搞错吧，不是六百多家", "没搞错吧，不是六百多家"),  # the check claims nothing: what follows is it
        ("网上可办率是100%吧，不是99%吗", "网上可办率是100%吧，不是99%吗"),  # a second check of its own
        ("是不是两千多件", "是不是两千多件"),
        ("就是…刑事破案数不是下降了吗", "就是…刑事破案数不是下降了吗"),  # 不是…吗 is the check itself
    ],
)
def test_the_alternative_rejected_beside_a_check_is_dropped(text, check):
    assert without_rejected(text) == check


@pytest.mark.parametrize("tag", ["我说的这两个数对吧", "这2个数对吧", "两个都对吧", "我讲的没错吧"])
def test_a_tag_pointing_at_the_amounts_said_checks_each_and_claims_no_number(tag):
    assert bare_check(tag)
    claims = checked_claims(f"免证办涉及五十多类证明材料，覆盖三千多项高频事项，{tag}")
    assert len(claims) == 2


@pytest.mark.parametrize(
    "message, parts",
    [
        ("普法案例是不是有七十个，涉及二十多个方面", ("普法案例是不是有七十个", "涉及二十多个方面，对吧")),
        ("出庭应诉率和网上可办率是不是都是百分之百", ("出庭应诉率是不是是百分之百", "网上可办率是不是是百分之百")),
        ("出庭应诉率、网上可办率都是100%对吧", ("出庭应诉率是100%对吧", "网上可办率是100%对吧")),
    ],
)
def test_one_check_frame_checks_every_amount_or_item_it_covers(message, parts):
    from bot.analysis.split import split_question

    assert any(split.parts == parts for split in split_question(message)), split_question(message)


@pytest.mark.parametrize(
    "message, verdicts",
    [
        ("免证办涉及五十多类证明材料，覆盖三千多项高频事项，我说的这两个数对吧？", ["是的", "是的"]),
        ("免证办涉及五十多类证明材料，覆盖四千多项高频事项，我说的这两个数对吧？", ["是的", "不是"]),
        ("普法案例是不是有八十个，涉及二十多个方面", ["不是", "是的"]),
        ("出庭应诉率和人民调解成功率是不是都是百分之百", ["是的", "不是"]),
        ("出庭应诉率和网上可办率都是百分之百对吧", ["是的", "是的"]),
        ("法律援助案件和法律咨询人次是不是都过万了", ["不是", "是的"]),  # a bound said with its verb
    ],
)
def test_several_claims_under_one_frame_are_each_judged_and_a_mixed_result_says_so(engine, message, verdicts):
    reply = engine.respond(message)
    said = [line[:2] for line in reply.answer.split("\n") if line.startswith(("是的", "不是"))]
    assert said == verdicts, reply.text
    assert reply.answer.startswith("不全对") == (len(set(verdicts)) == 2)
