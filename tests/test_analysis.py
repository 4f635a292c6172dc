"""Query analysis: intent, measure, numbers as ranges, scope, sub-questions."""

import datetime as dt
import math

import pytest

from bot.analysis import analyze
from bot.analysis.numbers import compare, figure_range, find_numbers
from bot.analysis.split import split_question

TODAY = dt.date(2026, 12, 1)


@pytest.mark.parametrize(
    "question, kind",
    [
        ("首违不罚了多少家企业", "figure"),
        ("“四度融合”是什么", "description"),
        ("第二批示范地区有哪些", "list"),
        ("益阳是首批示范市吗", "yesno"),
        ("这报告讲了啥", "overview"),
        ("这个报告讲的啥啊", "overview"),  # 讲的 as 讲了
        ("我就想大概知道下这份东西分了哪几大块", "overview"),  # the wish to know, said with no break
        ("报告主要分几大块啊", "overview"),
        ("这份报告有啥亮点", "overview"),  # the document's highlights are its parts
        ("益阳2023年法治政府建设有哪些亮点成绩", "list"),  # the work's highlights are its results
        ("烦请概括介绍该报告主要由哪几个部分构成，分别涉及哪些方面的工作？", "overview"),  # a formal request's frame
        ("特此询问：本报告共分为哪几个主要部分？", "overview"),  # a formal letter's frame, "分为…主要部分"
        ("敬请告知本报告分成哪几个部分", "overview"),
        ("请问贵市2023年度法治政府建设情况报告涵盖哪些主要方面？", "overview"),  # 涵盖, 哪些主要方面
        ("CCTV几台报道了益阳的营商码", "lookup"),  # which channel: a name, not a count of 台
        ("这个机器人能干嘛", "help"),
        ("网上可办率", "lookup"),
        ("益阳是第几批全国示范市呀，是什么情况", "description"),
        ("规范性文件的内容", "description"),
        ("那就超过九成了咯", "yesno"),  # 咯 confirms what was said
        ("人民调解的成功率是好多咯", "figure"),  # …but only softens a question word's ask
        ("真的全部都能在网上办啊", "yesno"),
        ("六千一百二十五家对不", "yesno"),  # 对不: 对不对
        ("警务改革搞了么子中心咯，好几个吧", "yesno"),  # 好几个: several, told, no count asked
        ("央视12台报道过益阳什么事，你知道吗", "lookup"),  # whether the listener knows: no check (as without it)
        ("湘易办里面接进去的应用举两个例子呗", "list"),  # some of the members, by example
    ],
)
def test_intent(question, kind):
    assert analyze(question, today=TODAY).kind == kind


@pytest.mark.parametrize(
    "question, measure",
    [
        ("免罚金额多少钱", "money"),
        ("帮多少名农民工讨回工资", "people"),
        ("网上可办率是多少", "percent"),
        ("两法衔接在全省排第几", "rank"),
        ("复议案件受理了多少件", "count"),
        ("有没有五百人", "people"),
        ("调处成功率93%，那调解了多少起", "count"),
        ("讨回工资数", "money"),  # a staff lookup of 工资数: the sum, not the people
        ("讨回工资人数", "people"),
        ("首违不罚企业比例", "percent"),  # a share named last is what is looked up
    ],
)
def test_measure(question, measure):
    assert analyze(question, today=TODAY).intent.measure == measure


@pytest.mark.parametrize(
    "question, number, scale, qualifier, expected",
    [
        ("是不是有一万多项", 1.5, 1e4, "余", True),
        ("不到九成吧", 93, 1, None, False),
        ("超过七成了吗", 74.1, 1, None, True),
        ("两百处左右吧", 200, 1, "近", True),
        ("超过一个亿了吗", 2000, 1e4, "余", False),
        ("是不是过半了", 56.8, 1, None, True),
        ("有三千多件吗", 2900, 1, "余", False),
        ("有没有五百人", 370, 1, None, False),
        ("一百来件吧", 102, 1, None, True),
        # said about the number either side (来, 左右): the report's 近200 is about 200; 多 is above it
        ("两百来处吧", 200, 1, "近", True),
        ("两百多处吧", 200, 1, "近", False),
        ("三百来处吧", 200, 1, "近", False),
        ("是百分之六十五点八吗", 56.8, 1, None, False),
        ("有七点五万项那么多吗", 7.5, 1e4, "余", True),
        ("是不是六项", 6, 1, None, True),
        # a relation said after the number: the same range as said before it
        ("是不是连一半都没到", 56.8, 1, None, False),
        ("五千件都不到吧", 4600, 1, "余", True),
        ("八成都没有吧", 93, 1, None, False),
        ("九成都超过了吧", 93, 1, None, True),
        ("四千件有没有", 4600, 1, "余", True),
        ("五千件没有", 4600, 1, "余", False),  # a final 没有 asks whether it reaches 5000
        ("一千台有了吧", 4400, 1, None, True),
        # that very number claimed: a figure written roughly is not it; one written plainly is
        ("是正好200处吗", 200, 1, "近", False),
        ("是不是整整有4600件", 4600, 1, "余", False),
        ("是不是200处", 200, 1, "近", True),
        ("刚好4400台吧", 4400, 1, None, True),
    ],
)
def test_rough_numbers_compare_with_the_report(question, number, scale, qualifier, expected):
    from bot.text.normalize import clean, convert_numerals

    asked = find_numbers(convert_numerals(clean(question)))
    assert asked and compare(asked[-1], *figure_range(number, scale, qualifier)) is expected


def test_relative_years_resolve_against_today():
    assert analyze("去年的网上可办率", today=TODAY).scope.years == (2025,)
    assert analyze("前年首次不罚的企业", today=TODAY).scope.years == (2024,)
    assert analyze("23年网上可办率", today=TODAY).scope.years == (2023,)
    assert analyze("二〇二二年法律援助", today=TODAY).scope.years == (2022,)
    assert analyze("湘易办服务场景有两千多个吗", today=TODAY).scope.years == ()


def test_places():
    scope = analyze("全国网上可办率", today=TODAY).scope
    assert scope.wider == "全国"
    assert analyze("长沙首违不罚多少家", today=TODAY).scope.places == ("长沙",)
    assert analyze("赫山区有什么成绩", today=TODAY).scope.counties == ("赫山区",)


@pytest.mark.parametrize(
    "question, counties",
    [
        ("我是安化的，柔性执法办了多少案子", ()),  # the asker's home, told: no scope
        ("我家在安化\n柔性执法办了多少案子", ()),
        ("我是安化的，我们那边柔性执法办了多少案子", ("安化",)),  # the ask points back at it
        ("安化的，柔性执法办了多少案子", ("安化",)),  # said as the ask's own topic
        ("我想问一下安化柔性执法办了多少案子", ("安化",)),
    ],
)
def test_a_place_told_in_the_story_is_no_scope(question, counties):
    assert analyze(question, today=TODAY).scope.counties == counties


def test_a_request_to_the_bot_tells_no_story():
    assert analyze("你能告诉我长沙市2023年，网上可办率是多少吗", today=TODAY).scope.places == ("长沙市",)


def test_a_rough_number_beside_a_list_request_is_no_check(engine):
    """ "那30多种证明…能给我列一下吗": the asker names what is counted to ask its members; no 是的."""
    assert not analyze("那30多种可以在线开具的证明能给我列一下吗", today=TODAY).checks_number
    reply = engine.respond("我想要那30多种可以在线开具的证明的完整清单，好对照看看我要用的在不在里面，能给我列一下吗？")
    assert not reply.text.startswith(("是的", "不是")), reply.text


def test_scope_and_rough_numbers_leave_the_text_to_match():
    a = analyze("经过法治审核的执法事项是不是有一万多项", today=TODAY)
    assert a.core == "经过法治审核执法事项" and a.checks_number


@pytest.mark.parametrize(
    "question, parts",
    [
        ("网上可办数多少，网上可办率又是多少？", ["网上可办数多少", "网上可办率又是多少"]),
        ("零跑动和跑一次的事项分别多少项", ["零跑动多少项", "跑一次的事项多少项"]),
        ("免罚金额和首违不罚企业数", ["免罚金额", "首违不罚企业数"]),
        ("帮多少农民工讨回了多少工资", ["帮多少农民工讨回了", "帮农民工讨回了多少工资"]),
        # the items 及 joins, with a 、 inside the second ("询问室、听证室")
        ("配备执法记录仪数量及建立询问室、听证室数量", ["配备执法记录仪数量", "建立询问室、听证室数量"]),
    ],
)
def test_sub_questions(question, parts):
    assert tuple(parts) in [split.parts for split in split_question(question)]


@pytest.mark.parametrize(
    "question", ["除了无车证明、有无房证明，其余的证明都是哪些", "除市监局和科技局以外，还有哪些单位"]
)
def test_what_the_asker_leaves_out_is_no_item_asked(question):
    assert split_question(question) == []


@pytest.mark.parametrize(
    "question", ["诉前调解\n成功率多少啊🤔", "典型案例\n涉及多少个方面", "我是安化的\n柔性执法办了多少"]
)
def test_a_line_naming_only_a_topic_is_no_item(question):
    """A short line that asks nothing and names no measure, before a line that asks: its topic."""
    assert all(len(split.parts) < 2 for split in split_question(question) if split.explicit)


@pytest.mark.parametrize(
    "question, parts",
    [
        ("营商码上过央视没 哪个台哪个节目", ("营商码上过央视没", "哪个台哪个节目")),
        ("网上可办率到了100%没有，可办数多少", ("网上可办率到了100%没有", "可办数多少")),
    ],
)
def test_a_check_said_by_its_ending_is_an_ask_of_its_own(question, parts):
    """ "…上过央视没", "…到了100%没有": a check by its 没(有) ending, where marks set it apart."""
    assert any(s.explicit and s.own == parts for s in split_question(question)), split_question(question)


def test_a_run_on_ending_in_a_check_is_not_cut_inside_a_count():
    """ "…多少项事项营业执照身份证免提交覆盖了没有": no cut between 多少项 and the 事项 it counts."""
    splits = split_question("免证办涉及多少类证明材料多少项事项营业执照身份证免提交覆盖了没有")
    assert not any(p.startswith("事项") for s in splits for p in s.parts), splits


@pytest.mark.parametrize(
    "question",
    [
        "靠清单、备案、首违免罚加督查考核几招一起推动对企业温和执法的那套经验，叫个啥名？",
        "政府请律师帮忙审查合同把关的那个做法\n叫什么名字",
        "给企业在网上开证明不用跑腿的那个东西，名字叫啥",
    ],
)
def test_a_name_asked_of_nothing_is_of_what_was_described_before(question):
    """ "…的那套经验，叫个啥名": the name of the thing described, however long the description
    (its 几招 asks nothing), never a second ask of its own."""
    assert all(len(split.parts) < 2 for split in split_question(question) if split.explicit)


def test_items_on_lines_of_their_own_stay_items():
    assert any(len(s.parts) == 2 and s.explicit for s in split_question("诉前调解案例数\n成功率多少"))
    assert any(len(s.parts) >= 2 and s.explicit for s in split_question("帮忙查下\n诉前调解案例多少件\n成功率多少"))


def test_an_elliptical_part_borrows_the_subject():
    parts = split_question("诉前调解有多少件？成功率呢？")[0].parts
    assert parts[1].startswith("诉前调解") and "成功率" in parts[1]


@pytest.mark.parametrize(
    "question, own, counterpart",
    [
        ("三统一的规范性文件市政府多少件，部门多少件", "部门", "市政府"),
        ("三统一的规范性文件市政府多少件部门多少件", "部门", "市政府"),
    ],
)
def test_an_elliptical_part_naming_its_own_word_borrows_the_subject_without_the_firsts(question, own, counterpart):
    """The first part's word before its ask is its own counterpart of the part's word: "部门多少件"
    after "…市政府多少件" is of 三统一的规范性文件, not of 市政府's."""
    parts = split_question(question)[0].parts
    assert parts[1].startswith("三统一的规范性文件") and own in parts[1] and counterpart not in parts[1]


@pytest.mark.parametrize(
    "spoken, reading",
    [
        ("诉前调解有多少件成功率呢", "诉前调解有多少件，成功率呢"),
        ("人民调解一共化解了多少起纠纷成功率高不高", "人民调解一共化解了多少起纠纷，成功率高不高"),
        ("零跑动事项多少另外承诺时限压缩率呢还有网上可办率", "零跑动事项多少，另外承诺时限压缩率呢，还有网上可办率"),
        # a clause typed without marks in a message with some: that clause read with its breaks
        ("诉前调解，到底成功率多少一年调了多少件", "诉前调解，到底成功率多少，一年调了多少件"),
    ],
)
def test_asks_spoken_without_marks_are_read_with_their_breaks(spoken, reading):
    from bot.analysis.split import spoken_breaks

    assert reading in spoken_breaks(spoken)
    assert any(len(s.parts) >= 2 for s in split_question(spoken))


@pytest.mark.parametrize(
    "one", ["执法的人要考证的有多少人参加了考试", "帮农民工讨回了多少钱", "诉前调解有多少件，成功率呢"]
)
def test_one_ask_or_marked_asks_get_no_guessed_breaks(one):
    from bot.analysis.split import spoken_breaks

    assert spoken_breaks(one) == []


def test_a_story_spoken_without_marks_leaves_the_ask(engine):
    from bot.engine.conversation import Conversation

    message = "我侄子在县里城管局上班他说去年全市组织行政执法人员考执法资格他也考了紧张得一晚上没睡到底有多少人参加了这次执法资格考试"
    reply = engine.respond(message, Conversation(), now=0.0)
    assert reply.status == "answer" and "5100多名" in reply.text


def test_some_hundreds_and_thousands_are_ranges():
    from bot.analysis.numbers import find_numbers
    from bot.text.normalize import convert_numerals

    (number,) = find_numbers(convert_numerals("才几百台"))
    assert (number.low, number.high, number.exact, number.unit) == (200.0, 1000.0, False, "台")
    (number,) = find_numbers(convert_numerals("有几千件"))
    assert (number.low, number.high) == (2000.0, 10000.0)


@pytest.mark.parametrize(
    "question, measure",
    [
        ("帮农民工讨回的工资是多少", "money"),
        ("讨回的工资没到三百万吧", "money"),
        ("帮多少农民工讨回了工资", "people"),
    ],
)
def test_money_and_people_named_by_their_nouns(question, measure):
    from bot.analysis import analyze

    assert analyze(question).intent.measure == measure


def test_how_many_points_asks_a_share():
    """ "几个点": percentage points, never a count in 个."""
    from bot.analysis import analyze

    intent = analyze("承诺时限压缩率几个点").intent
    assert intent.measure == "percent" and intent.unit == ""


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("是不是还没到一半", 0, 50), ("没超过一半吧", 0, 50), ("有没有一半", 50, math.inf), ("半数以上吧", 50, math.inf)]
    + [("只有一半吗", 45, 55), ("是不是一半左右", 45, 55)],  # about half, as stated (only 有没有 asks "at least")
)
def test_half_takes_the_leads_of_any_number(text, low, high):
    (half,) = find_numbers(text)
    assert (half.low, half.high) == (low, high)


@pytest.mark.parametrize(
    ("text", "low", "high"), [("有没有上100处啊", 100, math.inf), ("是不是上1000件", 1000, math.inf)]
)
def test_a_magnitude_reached_is_a_lower_bound_once_converted(text, low, high):
    """ "上百处" reads 上100处 after numerals are converted: still "a hundred or more", not exactly 100."""
    (number,) = find_numbers(text)
    assert (number.low, number.high) == (low, high)


@pytest.mark.parametrize(("text", "low", "high"), [("只有七八成吗", 70, 80), ("是不是五六成", 50, 60)])
def test_two_neighbouring_tenths_are_a_share_between_them(text, low, high):
    (share,) = find_numbers(text)
    assert share.percent and (share.low, share.high) == (low, high)


@pytest.mark.parametrize(
    ("text", "counted"),
    [("市里专门出了1个管资江两岸风貌的规定", False), ("新增了1个联系点吗", True), ("只出了1个吗", True)],
)
def test_one_introducing_a_description_counts_nothing(text, counted):
    assert bool(find_numbers(text)) == counted


@pytest.mark.parametrize(
    "text", ["法援受理数在全省排倒数吧", "执法资格考试人数在全省排倒数吧", "网上可办率是不是百分之百"]
)
def test_what_is_said_of_a_measure_stays_with_it(text):
    """ "X数在全省排倒数吧": where it stands is said of X, no second ask (it was answered with
    another figure's rank)."""
    from bot.analysis.split import split_question

    assert all(len(s.parts) == 1 for s in split_question(text)), split_question(text)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("刑事破案数同比涨幅不到一倍吧", 0.0, 99.99),  # a change of 100%, bounded by its lead
        ("刑事破案数同比增幅超过一倍了吗", 100.0, math.inf),
        ("刑事破案数同比涨幅有一倍吗", 100.0, math.inf),
    ],
)
def test_a_rise_said_in_times_is_a_percentage(text, low, high):
    (found,) = [n for n in find_numbers(text) if n.percent]
    assert (found.low, found.high) == (low, high)


@pytest.mark.parametrize(
    "question, kept, dropped",
    [
        ("市中级人民法院在强化执法监督方面出台了何种意见", "中级人民法院", "执法监督"),
        (
            "益阳在法律援助方面受理了多少案件",
            "法律援助",
            "",
        ),  # no subject of its own before 在: the area is the subject
    ],
)
def test_an_area_after_a_subject_of_its_own_is_no_word_of_the_ask(question, kept, dropped):
    core = analyze(question).core
    assert kept in core and (not dropped or dropped not in core), core


@pytest.mark.parametrize(
    "message, asks",
    [
        (
            "2023年全市公示了多少执法事项配了多少台执法记录仪建了多少处询问室听证室",
            ["公示了多少执法事项", "配了多少台执法记录仪", "建了多少处询问室听证室"],
        ),
        ("2023年度重大行政决策事项目录是哪次常务会议通过的定了几项", ["哪次常务会议通过的", "定了几项"]),
    ],
)
def test_asks_typed_without_marks_start_at_the_verb_before_their_question_word(message, asks):
    from bot.analysis.split import spoken_breaks

    assert any(all(any(p.endswith(ask) for p in r.split("，")) for ask in asks) for r in spoken_breaks(message))


def test_asks_typed_without_marks_each_answered(engine):
    reply = engine.respond("2023年全市公示了多少执法事项配了多少台执法记录仪建了多少处询问室听证室")
    assert all(f in reply.answer for f in ("7.5万余项", "4400台", "近200处")), reply.text


def test_a_space_before_de_breaks_no_ask(engine):
    """ "益阳 法治审核 的执法事项多少项": 的 joins what comes before it, so one ask (never 公示的 7.5万余项 beside it)."""
    assert all(len(s.parts) < 2 for s in split_question("益阳 法治审核 的执法事项多少项"))
    reply = engine.respond("益阳 fazhi审核 的执法事项多少项")
    assert "1.5万余项" in reply.answer and "7.5万余项" not in reply.answer, reply.text


def test_a_rank_claimed_after_a_rank_asked_is_no_second_ask():
    """ "…排第几啊 排第一吗": the check of the rank asked stays with it."""
    assert split_question("两法衔接平台案件录入数在全省排第几 排第一吗") == []
    assert split_question("两法衔接平台案件录入数排第几，是不是全省第一") == []


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        ("行政许可事项清单和办事指南的发布率分别是多少", ("行政许可事项清单的发布率是多少", "办事指南的发布率是多少")),
        (
            "就是那个行政许可事项清单跟办事指南填报 发布率分别是多少",
            ("就是那个行政许可事项清单的发布率是多少", "办事指南填报的发布率是多少"),
        ),
        ("诉前调解和人民调解的成功率分别是多少", ("诉前调解的成功率是多少", "人民调解的成功率是多少")),
    ],
)
def test_a_rate_after_the_items_is_asked_of_each(question, parts):
    assert parts in [s.parts for s in split_question(question)]
    # a rate that is the last item's own name is no rate of each, nor is one after a list of more
    assert ("网上可办数是多少", "网上可办率是多少") in [
        s.parts for s in split_question("网上可办数和网上可办率分别是多少")
    ]
    listed = split_question("首次不罚的企业、市本级网上能办的事项、行政许可实施规范和办事指南的填报发布率都列出来")
    assert all("首次不罚的企业的填报发布率是多少" not in s.parts for s in listed)


def test_what_kind_of_named_thing_is_a_description_ask():
    from bot.analysis.intent import find_intent

    assert find_intent("政府合同审查这块建了什么制度").kind == "description"
    assert find_intent("开了个什么会").kind == "description"


def test_a_last_clause_asking_what_the_report_says_is_the_overview(engine):
    reply = engine.respond("益阳这几年法治政府搞得怎么样，就想让你帮我概括一下，这份2023年的报告主要讲了哪几块内容")
    assert reply.kind == "overview"
    assert engine.respond("网上可办率多少，报告讲了啥").kind != "overview"  # a figure asked first is no overview
    # what comes before the clause asking it is context, never a subject of its own
    assert engine.respond("我就想大概知道下，这份东西分了哪几大块").kind == "overview"


@pytest.mark.parametrize(
    "text, measure",
    [
        ("复调对接调解和解率的件数呢", "count"),
        ("法律援助案件的比例", "percent"),
        ("柔性执法免罚的金额是多少", "money"),
        ("法律援助的人数", "people"),
        ("柔性执法率在全省啥水平具体是百分之几", "percent"),  # the share asked last, after where it stands
        ("柔性执法率在全省啥水平", "rank"),
    ],
)
def test_the_kind_after_the_last_de_is_the_measure_asked(text, measure):
    from bot.analysis.intent import measure_of

    assert measure_of(text) == measure


def test_a_figure_checked_before_another_ask_is_judged_and_the_ask_answered(engine):
    reply = engine.respond("复调对接调解和解的案子是七十件 不对 七十八件吧，和解率多少")
    assert reply.answer.startswith("是的") and "78件" in reply.answer and "25%" in reply.answer
    reply = engine.respond("法律援助案件是3500件吧，法律咨询多少人次")
    assert reply.answer.startswith("不是") and "2900余件" in reply.answer and "近30000人次" in reply.answer


def test_how_a_figure_is_counted_names_no_lacking_word(engine):
    assert "近30000人次" in engine.respond("法律咨询是按什么计数的 有多少").answer


def test_a_rare_reading_of_a_character_never_beats_a_common_word(engine):
    assert "近30000人次" in engine.respond("给老百姓免费解答法律wen ti，一年大概有多少人次").answer


def test_an_ordinal_taken_back_is_replaced_by_the_one_said_after(engine):
    assert "第7次" in engine.respond("重大行政决策事项目录是第六次不对是第几次常务会议通过的来着").answer
    reply = engine.respond("益阳是第二批 哦不 首批全国法治政府建设示范市，它的经验被收进了哪本书")
    assert "全国法治政府建设示范创建典型经验与案例" in reply.answer


def test_the_count_of_a_catalogue_is_of_the_items_its_sentence_lists(engine):
    assert "6项" in engine.respond("重大决策目录项数").answer


@pytest.mark.parametrize("question", ["那30多种证明能给我列一下吗？", "50多类证明材料可以列个清单给我吗？"])
def test_a_request_ending_in_ma_and_a_question_mark_is_no_check(question):
    """The 吗 of a polite request is read already; its question mark checks no number stated."""
    intent = analyze(question).intent
    assert not intent.yes_no and intent.wants_list


def test_which_of_a_count_names_the_count_in_its_decline(engine):
    assert "（6项）" in engine.respond("具体是哪6项").text


@pytest.mark.parametrize(
    "question, answer",
    [
        ("呃那个网上可办数是多少啊，就是，市本级的，不是县里的啊，市本级的", "2861项"),
        ("首次不罚多少家 不是长沙的 是益阳的", "6125家"),
    ],
)
def test_a_place_the_asker_rules_out_is_no_scope(engine, question, answer):
    reply = engine.respond(question)
    assert reply.status == "answer" and answer in reply.answer.split("\n", 1)[0], reply.text


def test_a_formal_ask_of_the_position_in_the_province_is_a_rank(engine):
    reply = engine.respond("恳请告知益阳市市本级政务服务事项承诺时限整体压缩率，及其在全省所处位次。")
    assert reply.status == "answer" and "74.1%" in reply.answer and "全省前列" in reply.answer
