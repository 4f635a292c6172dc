"""Replay tests/conversations/*.yaml through the engine's chat API (as the terminal chat does)."""

from pathlib import Path

import pytest
import yaml

from bot.engine.engine import Conversation

FILES = sorted((Path(__file__).parent / "conversations").glob("*.yaml"))


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_conversation(engine, path):
    script = yaml.safe_load(path.read_text(encoding="utf-8"))
    chat = Conversation()
    for number, turn in enumerate(script["turns"], 1):
        if "press" in turn:
            response = engine.answer_entry(turn["press"], chat, now=number)
        else:
            response = engine.respond(turn["user"], chat, now=number)
        where = f"{path.name} turn {number}"
        assert response.status == turn["status"], (where, response.text)
        if "entry_id" in turn:
            assert response.entry_id == turn["entry_id"], (where, response.text)
        for fragment in turn.get("contains", []):
            assert fragment in response.text, (where, fragment, response.text)
        for fragment in turn.get("not_contains", []):
            assert fragment not in response.text, (where, fragment, response.text)


def test_there_are_conversations():
    assert len(FILES) >= 3


def test_the_figures_one_clause_gives_together_answer_a_follow_up_naming_their_subject(engine):
    # 成功为370名农民工讨回工资317万余元: no kind asked, both figures, in the report's order;
    # then 金额呢 is the money of that subject
    conversation = Conversation()
    engine.respond("法律援助跟公共法律服务这块有啥成绩", conversation, 0.0)
    both = engine.respond("农民工讨薪的呢", conversation, 1.0)
    assert both.status == "answer" and both.answer.index("370名") < both.answer.index("317万余元"), both.text
    money = engine.respond("金额呢", conversation, 2.0)
    assert "317万余元" in money.answer and "2000余万元" not in money.answer, money.text


@pytest.mark.parametrize(
    "turns, expected",
    [
        # a follow-up naming nothing of its own is about the last answer, with or without 那/呢
        (("2023年度重大行政决策事项目录是哪次会议通过的", "市本级定了几项"), "6项"),
        (("2023年度重大行政决策事项目录是哪次会议通过的", "市本级的呢 确定了几项"), "6项"),
        # what came of a thing explained: the figure its own sentence states
        (("gongan警务改革打造了哪几个中心", "效果呢"), "110%"),
        # "what about X", then the ask: one ask about X
        (("检察院那个控告申诉办案团队拿了个什么荣誉", "那公安那边呢 打造了哪几个中心"), "侦查实战中心"),
        # "有啥用": what it is for, of the last answer (no word 有用 glued where 啥 stood)
        (("法院出的那个阅核的意见全称是啥", "有啥用"), "有序放权和有效监督相统一"),
    ],
)
def test_follow_ups_are_read_with_the_last_answer(engine, turns, expected):
    conversation = Conversation()
    for k, turn in enumerate(turns):
        reply = engine.respond(turn, conversation, float(k))
    assert reply.status == "answer" and expected in reply.answer, reply.text


@pytest.mark.parametrize(
    ("first", "then", "expected", "not_expected"),
    [
        ("桃江的婚调被哪个频道报道过", "那CCTV-13呢", "营商码", "桃江"),
        ("CCTV-12报道过益阳啥事", "那CCTV-13呢", "朝闻天下", "小区大事"),
        ("营商码上了哪个台", "那CCTV-12呢", "小区大事", "朝闻天下"),
    ],
)
def test_a_code_one_digit_apart_is_another_thing_of_the_report(engine, first, then, expected, not_expected):
    """ "那CCTV-13呢" right after the CCTV-12 answer: the report's CCTV-13 item, never the last
    answer again (the two codes share every letter but one digit)."""
    conversation = Conversation()
    engine.respond(first, conversation, 0.0)
    reply = engine.respond(then, conversation, 1.0)
    assert reply.status == "answer" and expected in reply.answer and not_expected not in reply.answer, reply.text


def test_a_code_checked_right_after_the_answer_is_judged_against_it(engine):
    """ "是CCTV-13吧" right after the CCTV-12 answer checks that answer: 不是, on the same item."""
    conversation = Conversation()
    engine.respond("桃江县婚调得了什么荣誉", conversation, 0.0)
    reply = engine.respond("是CCTV-13吧", conversation, 1.0)
    assert reply.answer.startswith("不是") and "CCTV-12" in reply.answer, reply.text


@pytest.mark.parametrize(
    "check, yes",
    [
        ("百分之七十四点一 对不", True),
        ("百分之七十四点一对吧", True),
        ("百分之八十四点一 对不", False),
        ("七成多 是不", True),
    ],
)
def test_a_number_in_words_then_a_clipped_check_tag_is_judged_against_the_last_answer(engine, check, yes):
    conversation = Conversation()
    engine.respond("承诺时限压缩了多少", conversation, 0.0)
    reply = engine.respond(check, conversation, 1.0)
    assert reply.answer.startswith("是的" if yes else "不是") and "74.1%" in reply.answer, reply.text


def test_a_follow_up_naming_a_subject_gets_the_figures_its_clause_gives_together(engine):
    conversation = Conversation()
    engine.respond("法律援助案件受理了多少", conversation, 0.0)
    reply = engine.respond("农民工讨薪那块呢", conversation, 1.0)
    assert "370名" in reply.answer and "317万余元" in reply.answer, reply.text
    conversation = Conversation()
    engine.respond("首次不罚企业数", conversation, 0.0)
    money = engine.respond("金额呢", conversation, 1.0)  # a kind asked: that figure alone
    assert "免罚金额：2000余万元" in money.answer and "首次不罚企业数：" not in money.answer, money.text


@pytest.mark.parametrize(
    "declined, follow_up, expected",
    [
        ("2024年网上可办率多少", "那2023年的呢", "100%"),
        ("长沙市零跑动的事项有几项", "那益阳的呢", "1837项"),
        ("全省网上可办率多少", "益阳呢", "100%"),
        ("赫山区法律援助案件多少件", "那全市的呢", "2900余件"),
        ("今年的重大行政决策事项有哪些", "那2023年市本级定了几项", "6项"),
    ],
)
def test_a_question_declined_for_its_scope_is_asked_again_in_scope(engine, declined, follow_up, expected):
    """After a decline for another year or place, a follow-up naming the report's own year or
    place (or asking on) is the declined question, in scope."""
    conversation = Conversation()
    first = engine.respond(declined, conversation, 0.0)
    assert first.status == "fallback"
    reply = engine.respond(follow_up, conversation, 1.0)
    assert reply.status == "answer" and expected in reply.answer, reply.text


def _reply_after(engine, first: str, then: str):
    """The reply to `then`, asked right after `first` in one conversation."""
    conversation = Conversation()
    engine.respond(first, conversation, 0.0)
    return engine.respond(then, conversation, 1.0)


def test_a_check_after_a_scope_decline_is_not_judged_against_the_offer(engine):
    """ "2024年的是不是一百项" asked after a decline: nothing of 2024 was given to check."""
    reply = _reply_after(engine, "2024年网上可办数多少", "不是三千项吗")
    assert not reply.text.startswith(("是的", "不是")), reply.text


@pytest.mark.parametrize(
    "first, follow_up, wrong",
    [("法律援助受理了多少件", "那成功率呢", "370名"), ("法律援助受理了多少件", "那成功率呢", "2900余件")],
)
def test_a_follow_up_of_another_measure_never_gets_a_sibling_figure(engine, first, follow_up, wrong):
    """A follow-up's figure answers only when the measure asked is its measure (no 成功率 of 法律援助)."""
    reply = _reply_after(engine, first, follow_up)
    assert wrong not in reply.answer, reply.text


@pytest.mark.parametrize("follow_up", ["那讨薪的人有多少", "成功率高不高"])
def test_follow_ups_of_people_and_how_high(engine, follow_up):
    """ "讨薪的人有多少" counts people (not money); "高不高" asks how high (no word "率高")."""
    reply = _reply_after(
        engine, "人民调解一共化解了多少起纠纷" if "成功率" in follow_up else "法律援助多少件", follow_up
    )
    assert reply.status == "answer" and ("93%" if "成功率" in follow_up else "370名") in reply.answer, reply.text


@pytest.mark.parametrize(
    "check, expected",
    [
        ("跑一次的是一千零二十四项对吧", "是的。跑动1次事项数：1024项"),
        ("跑一次的不是一千项吗", "不是。跑动1次事项数：1024项"),
    ],
)
def test_a_check_naming_a_sibling_by_its_number_is_judged_on_that_sibling(engine, check, expected):
    """After “0”跑动 1837项, "跑一次的是…": 1次 names the thing checked, the claim is the last number."""
    reply = _reply_after(engine, "市本级零跑动的事项有多少项", check)
    assert reply.answer.startswith(expected), reply.text


@pytest.mark.parametrize("ask", ["在全省排什么位置", "在全省算什么水平", "全省排名怎么样"])
def test_where_it_stands_asked_alone_is_the_last_subjects(engine, ask):
    """ "在全省排什么位置" names nothing of its own: the last subject's standing (处于全省前列)."""
    reply = _reply_after(engine, "承诺时限整体压缩率", ask)
    assert reply.status == "answer" and "全省前列" in reply.answer and "两法衔接" not in reply.answer, reply.text


def test_where_it_stands_of_a_subject_never_ranked_is_no_other_subjects_rank(engine):
    """After 法律援助 (which the report ranks nowhere) the 两法衔接 rank is no answer."""
    reply = _reply_after(engine, "法律援助多少件", "在全省排第几")
    assert reply.status != "answer" and "全省第一" not in reply.text.split("\n")[0], reply.text


@pytest.mark.parametrize(
    "count, members",
    [
        ("立法联系点新增了几个", "具体是哪些单位"),
        ("立法联系点新增了几个", "具体设在哪些单位，能列一下吗"),
        ("乡镇街道综合行政执法示范创建，有几个通过了初评", "都是哪些乡镇啊，有名单冒得"),
    ],
)
def test_the_members_of_a_count_the_report_does_not_name_are_declined(engine, count, members):
    """ "具体是哪些" after a count: the report names its members only in the count's own clause;
    another list of the same sentence (政协委员、人民团体…) is not them."""
    reply = _reply_after(engine, count, members)
    assert reply.status != "answer" and reply.text.startswith("报告只给出了数量"), reply.text


@pytest.mark.parametrize(
    "count, members, expected",
    [
        ("第一批行政执法能力提升验收了几个单位", "是哪几个", "市市监局"),  # named in the count's clause
        ("合同和涉法事务审查了多少件", "都是哪些领域的合同", "招商引资"),  # another thing named
        ("免证办的证明材料有多少类", "具体是哪些证明可以网上开", "无车证明"),
    ],
)
def test_members_named_or_another_list_asked_are_answered(engine, count, members, expected):
    reply = _reply_after(engine, count, members)
    assert reply.status == "answer" and expected in reply.text, reply.text


@pytest.mark.parametrize(
    "first, follow_up, wrong",
    [
        ("首次不罚的企业有多少家", "那被罚的企业一共多少家", "6125家"),  # the figure of those not fined
        ("园区放权赋权是怎么做的", "那园区现在一共被赋权了多少项", "11项"),  # a total, the report gives one round
    ],
)
def test_an_explanation_answering_a_follow_up_figure_is_judged_by_the_figure_it_states(engine, first, follow_up, wrong):
    """A figure asked after an answer and found in an explanation: the explanation's figure in the
    unit asked is judged as any figure answering it would be (here: another measure)."""
    reply = _reply_after(engine, first, follow_up)
    assert reply.status != "answer" and wrong not in reply.text.split("\n")[0], reply.text


def test_an_explanation_counting_another_thing_is_not_judged_by_its_figure(engine):
    reply = _reply_after(engine, "乡镇街道综合行政执法示范创建，有几个通过了初评", "那示范创建标准是从几个方面提的")
    assert reply.status == "answer" and "五个方面" in reply.text, reply.text


@pytest.mark.parametrize("message", ["新增了几个立法联系点 提了多少条意见", "新增了几个立法联系点，提了多少条意见"])
def test_a_near_tie_goes_to_the_figure_of_the_last_answers_sentence(engine, message):
    """ "提了多少条意见" after 新增5个立法联系点: of 审查意见 (another part) and 立法意见建议 (the same
    sentence), nearly tied, the one of the sentence being talked about."""
    reply = engine.respond(message)
    assert "40余条" in reply.answer and "近200条" not in reply.answer, reply.text


def test_who_published_after_how_many_cases_is_the_count_of_units(engine):
    """ "是多少家单位发的" after 70个 典型案例: the amount written before 单位, with its name between."""
    from bot.engine.conversation import Conversation

    conversation = Conversation()
    engine.respond("谁执法谁普法发布了多少个典型案例", conversation, now=1.0)
    reply = engine.respond("是多少家单位发的", conversation, now=2.0)
    assert "30多家" in reply.answer, reply.text


def test_for_example_which_after_a_count_quotes_the_sentence_naming_them(engine):
    """ "比如说哪些" after 30余种: the report's sentence naming some of them (无车证明、有无房证明)."""
    from bot.engine.conversation import Conversation

    conversation = Conversation()
    engine.respond("那能在网上开的证明有几种", conversation, now=1.0)
    reply = engine.respond("比如说哪些", conversation, now=2.0)
    assert reply.status == "answer" and "无车证明" in reply.text, reply.text


@pytest.mark.parametrize(
    ("first", "narrowed", "expected"),
    [
        ("三统一的规范性文件有好多件", "我只要部门的", "51件"),
        ("全市柔性执法的效果怎样", "只说办了多少件案子", "4600余件"),
    ],
)
def test_narrowing_the_last_question_answers_the_part(engine, first, narrowed, expected):
    from bot.engine.conversation import Conversation

    conversation = Conversation()
    engine.respond(first, conversation, now=1.0)
    reply = engine.respond(narrowed, conversation, now=2.0)
    assert reply.status == "answer" and expected in reply.answer, reply.text


def test_one_of_a_pair_asked_alone_stays_declined_after_the_pair(engine):
    from bot.engine.conversation import Conversation

    conversation = Conversation()
    engine.respond("询问室听证室建了多少处", conversation, now=1.0)
    assert engine.respond("只说听证室有多少间", conversation, now=2.0).kind == "together"


def test_a_count_in_the_unit_just_given_is_that_figure(engine):
    """ "总共有好多种" right after 30余种 可在线开具证明: not 50余类 of the same sentence."""
    from bot.engine.conversation import Conversation

    conversation = Conversation()
    engine.respond("哪些证明现在可以在网上直接开", conversation, now=1.0)
    assert "30余种" in engine.respond("总共有好多种", conversation, now=2.0).answer


@pytest.mark.parametrize(
    ("turns", "figure", "yes"),
    [
        (["法律援助帮了多少农民工讨回工资", "钱是三百多万吧"], "317万余元", True),  # money after a count of people
        (["法律援助帮了多少农民工讨回工资", "钱是五百多万吧"], "317万余元", False),
        (["复调对接模式调解和解了好多件案子", "和解率是25%吗", "有没有达到三成"], "25%", False),
    ],
)
def test_a_check_of_another_kind_of_figure_judges_that_figure_of_the_same_thing(engine, turns, figure, yes):
    from bot.engine.conversation import Conversation

    conversation = Conversation()
    for now, turn in enumerate(turns):
        reply = engine.respond(turn, conversation, now=float(now))
    assert reply.answer.startswith("是的" if yes else "不是") and figure in reply.answer, reply.answer
    assert reply.answer.count("是的") + reply.answer.count("不是") == 1, reply.answer  # one verdict


def test_changing_the_subject_says_no_word_of_the_question(engine):
    """ "问个不相干的，…": the asker's turn of phrase, not a word the report lacks."""
    conversation = Conversation()
    engine.respond("谢琦办案团队拿了个什么荣誉", conversation, 0.0)
    reply = engine.respond("问个不相干的，2023年总的目标是啥", conversation, 1.0)
    assert reply.status == "answer" and "法治益阳建设升级版" in reply.text


@pytest.mark.parametrize(
    "first, check, start",
    [
        ("人民调解成功率多少", "是不是都调成功了", "不是"),  # 93%, never 诉前调解 searched afresh
        ("出庭应诉率是多少", "一个都没缺吧", "是的"),
        ("网上可办率多少", "全部都能网上办吗", "是的"),
    ],
)
def test_a_check_of_all_right_after_a_rate_is_judged_on_that_rate(engine, first, check, start):
    reply = _reply_after(engine, first, check)
    assert reply.answer.startswith(start) and reply.entry_id == engine.respond(first).entry_id


@pytest.mark.parametrize(
    "first, follow_up",
    [
        ("刑事破案数同比涨了多少", "那全省呢"),
        ("刑事破案数同比涨了多少", "湖南省的呢"),
        ("法律援助案件多少件", "全国的呢"),
        ("柔性执法办了多少件", "那桃江县那边呢"),
        ("益阳全市诉前调解成功率多少", "赫山区呢"),
    ],
)
def test_a_place_alone_after_a_figure_asks_that_figure_of_the_place(engine, first, follow_up):
    """ "那全省呢" after a figure: the same figure of that place, which the report does not give,
    never another figure whose sentence happens to say 全省 ("排名全省第一")."""
    found = _reply_after(engine, first, first)
    reply = _reply_after(engine, first, follow_up)
    assert found.figure is not None and reply.status != "answer", reply.text
    assert found.figure.value not in reply.text and "全省第一" not in reply.text, reply.text


def test_a_place_alone_after_a_list_is_still_read_on_its_own(engine):
    """ "那全国呢" after 第二批湖南省示范地区: 全国's own 示范 the report names, no decline."""
    reply = _reply_after(engine, "第二批湖南省示范地区有哪些", "那全国呢")
    assert reply.status == "answer" and "全国法治政府建设示范" in reply.text, reply.text


def test_a_place_alone_the_figure_is_already_of_keeps_that_figure(engine):
    """ "那全省呢" after 排名全省第一: the figure is the province's ranking itself."""
    reply = _reply_after(engine, "两法衔接平台录入数排名多少", "那全省呢")
    assert reply.status == "answer" and "全省第一" in reply.answer, reply.text


@pytest.mark.parametrize(
    "first, then, figure",
    [
        ("执法记录仪台数", "还有乡镇综合执法过了初评的有几个", "22个"),  # 初评 is the report's word
        ("法援件数", "那网上可办率又是多少", "100%"),  # 法律援助 lent is no word it lacks
        ("刑事破按数上升了多少", "还有网上可办率是多少", "100%"),  # not 110% again beside it
        ("政府合同和涉法事务审了多少件", "再问下调处成功率多少", "93%"),  # 再问下 opens, asks nothing
    ],
)
def test_another_subject_named_in_full_after_a_figure_gets_its_own_figure_alone(engine, first, then, figure):
    """A subject of its own asked right after a figure: its figure, never a decline naming the
    last question's words, nor the last figure again beside it."""
    found = _reply_after(engine, first, first)
    reply = _reply_after(engine, first, then)
    assert reply.status == "answer" and figure in reply.answer, reply.text
    assert found.figure.value not in reply.answer.split("\n", 1)[0], reply.text


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("首次不罚的企业有几家", "全省一共有多少家啊"),
        ("首次不罚的企业有几家", "那全国有多少家"),
        ("柔性执法办了多少案件", "全省一共办了多少件"),
    ],
)
def test_a_count_of_the_province_after_an_answer_is_declined(engine, first, then):
    """The explanation says 柔性执法率 stands 在全省领先; that is no count of the province."""
    conversation = Conversation()
    engine.respond(first, conversation, 0.0)
    reply = engine.respond(then, conversation, 1.0)
    assert reply.status != "answer", reply.text


def test_where_it_stands_in_the_province_is_still_answered(engine):
    reply = engine.respond("涉企执法案件柔性执法率在全省怎么样")
    assert reply.status == "answer" and "全省领先" in reply.answer, reply.text
