"""Comparisons and enumerations inside one report (bot/analysis/compare.py, split.py)."""

import re

import pytest

from bot.analysis.compare import find_comparison
from bot.analysis.split import split_question
from bot.engine.conversation import Conversation


def test_comparison_forms_give_both_subjects():
    for text in (
        "法律援助案件和柔性执法办的案件哪个多",
        "人民调解成功率高还是复调对接的和解率高",
        "诉前调解成功率比人民调解成功率高吗",
    ):
        found = find_comparison(text)
        assert found is not None and found.first != found.second, text
    assert find_comparison("法律援助案件多少件") is None


def test_comparison_answers_both_figures_and_names_the_larger_only_when_certain(engine):
    reply = engine.respond("法律援助案件和用柔性执法办的案件哪个多")
    assert "2900余件" in reply.text and "4600余件" in reply.text
    assert reply.text.startswith("按报告原文，“柔性执法办案数：4600余件”更多")
    reply = engine.respond("人民调解调处成功率和诉前调解成功率哪个高")
    assert "93%" in reply.text and "56.8%" in reply.text and "更高" in reply.text
    # never a difference or a ratio: only the report's own numbers appear
    report = engine.latest.report_text.text if hasattr(engine.latest.report_text, "text") else ""
    for number in re.findall(r"\d+(?:\.\d+)?", reply.answer):
        assert not report or number in report


def test_enumeration_splits_into_figure_questions():
    splits = split_question("法律援助案件、法律咨询人次、讨回工资金额，列一下")
    assert splits[0].explicit and len(splits[0].parts) == 3


def test_enumeration_answers_each_in_order(engine):
    reply = engine.respond("法律援助案件、法律咨询人次、讨回工资金额，列一下")
    positions = [reply.text.find(f) for f in ("2900余件", "近30000人次", "317万余元")]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)


@pytest.mark.parametrize(
    "question",
    ["零跑动的事项有多少项，跑一趟的又有多少项", "益阳这边零跑动的事项有好多项，跑一次的又有好多项"],
)
def test_a_second_ask_naming_its_thing_by_times_done_is_its_own(engine, question):
    """ "跑一趟的又有多少项" names 跑动1次 by its number: its own figure, never the first's again."""
    reply = engine.respond(question)
    assert "1837项" in reply.answer and "1024项" in reply.answer, reply.text


@pytest.mark.parametrize(
    "question, figures",
    [
        ("跑一次的事项 请问贵单位2023年共受理法律援助案件 这两个各是多少", ("1024项", "2900余件")),
        ("烦请告知2023年全市受理法律援助案件的数量 乡镇通过初评数 这两个各是多少", ("2900余件", "22个")),
    ],
)
def test_a_lead_inside_a_list_asked_of_all_drops_no_item(engine, question, figures):
    reply = engine.respond(question)
    assert all(f in reply.answer for f in figures), reply.text


def test_a_comparison_asked_as_a_check_says_yes_or_no(engine):
    reply = engine.respond("复调对接的调解和解率比诉前调解成功率高吗")
    assert reply.answer.startswith("不是") and "25%" in reply.text and "56.8%" in reply.text
    reply = engine.respond("诉前调解成功率是不是比人民调解调处成功率低")
    assert reply.answer.startswith("是的")


@pytest.mark.parametrize(
    "question, start",
    [
        ("市政府规范性文件三统一的比部门规范性文件还多，是这样吗", "不是"),  # 28件 < 51件
        ("诉前调解成功率比人民调解调处成功率低，对吧", "是的"),
        ("法律援助案件比诉前调解案件多，是不是", "不是"),
        ("听说法律援助案件比诉前调解案例少，没错吧", "是的"),
    ],
)
def test_a_comparison_claimed_then_checked_by_a_tag_says_yes_or_no_of_both(engine, question, start):
    reply = engine.respond(question)
    assert reply.answer.startswith(start), reply.text
    assert reply.kind == "compare"


def test_one_figure_never_bears_out_a_claim_about_two(engine):
    from bot.analysis import analyze
    from bot.decision.verify import verdict

    a = analyze("法律援助案件比哪个都少，没错吧")
    assert verdict(a, "2023年,共受理法律援助案件2900余件") is None
    assert verdict(analyze("刑事破案数是不是比上一年多了"), "2023年,全市刑事破案数同比上升110%") is not None


@pytest.mark.parametrize(
    "question, start",
    [
        ("执法记录仪的台数比参加执法资格考试的人数多吗", "不是"),  # 4400台 < 5100多名: both counts
        ("首次不罚的企业家数比柔性执法办理的案件数还多？", "是的"),  # 6125家 > 4600余件
        ("讨回的工资比首次不罚的企业数多吗", None),  # money and a count: no verdict
    ],
)
def test_counts_in_different_units_are_compared_as_counts(engine, question, start):
    reply = engine.respond(question)
    if start is None:
        assert not reply.answer.startswith(("是的", "不是")) and "更多" not in reply.answer, reply.answer
    else:
        assert reply.answer.startswith(start), reply.answer


def test_a_figure_written_in_words_is_looked_up(engine):
    for question, figure in (("三百一十七万元是什么钱", "317万余元"), ("六千一百二十五家企业是怎么回事", "6125家")):
        reply = engine.respond(question)
        assert reply.status == "answer" and figure in reply.answer, question
    assert engine.respond("第一批能力提升验收的11个单位完整名单是什么").kind != "figure"


def test_which_kind_a_figure_is_and_several_looked_up_at_once(engine):
    reply = engine.respond("370是人数还是钱")
    assert reply.entry_id == "migrant_workers_helped", reply.text
    # two measures offered in long words, after a comma: the figure's own measure, never the other's
    for question in (
        "2000余万元是免罚的金额，还是帮农民工讨回的工资？",
        "2000余万元是免罚的金额还是帮农民工讨回的工资",
    ):
        reply = engine.respond(question)
        assert reply.entry_id == "exempted_fines" and "317万余元" not in reply.answer, reply.text
    reply = engine.respond("3000余项是什么事项？50余类又是什么的类数？")
    assert "3000余项" in reply.answer and "50余类" in reply.answer, reply.text


def test_negated_rough_checks(engine):
    assert engine.respond("人民调解调处成功率没有九成吧").answer.startswith("不是")
    assert engine.respond("首违免罚的金额不到一千万吧").answer.startswith("不是")


def test_a_measure_named_once_after_both_subjects_is_shared(engine):
    reply = engine.respond("诉前调解和人民调解的成功率哪个高")
    assert "56.8%" in reply.text and "93%" in reply.text and "13355件" not in reply.answer


def test_enumeration_items_split_at_strong_separators_first():
    """和 inside a name ("实施规范和办事指南") is not a separator when 、 lists the items."""
    text = "复议那边调解和好的比例、网上可办数、诉前调解案例、法律援助案件数和诉前调解的调解成功率各是多少"
    assert split_question(text)[0].parts == (
        "复议那边调解和好的比例是多少",
        "网上可办数是多少",
        "诉前调解案例是多少",
        "法律援助案件数是多少",
        "诉前调解的调解成功率是多少",
    )
    # without 、, 和 still joins two items
    assert split_question("柔性执法办案数和首次不罚企业数分别是多少")[0].parts[:2] == (
        "柔性执法办案数是多少",
        "首次不罚企业数是多少",
    )


def test_two_asks_in_one_message_are_both_answered(engine):
    reply = engine.respond("2023年人民调解一共调了多少起纠纷，成功的比例有多高")
    assert reply.status == "answer" and "10816起" in reply.text and "93%" in reply.text
    reply = engine.respond("市本级网上可办的事项里 零跑动和只跑一次的各多少项")
    assert "1837项" in reply.text and "1024项" in reply.text


def test_a_figure_and_its_check_in_one_message_are_one_ask(engine):
    reply = engine.respond("2023年全市配了多少台记录仪，是不是有四千多台")
    assert reply.status == "answer" and reply.text.startswith("是的") and reply.text.count("4400台") >= 1


def test_bi_of_tongbi_is_not_a_comparison():
    found = find_comparison("刑事破案数同比上升比市本级网上可办率高还是低")
    assert (found.first, found.second) == ("刑事破案数同比上升是多少", "市本级网上可办率是多少")


def test_a_count_asked_is_never_answered_with_a_rate(engine):
    reply = engine.respond("网上可办数是多少")
    assert reply.status == "answer" and "2861项" in reply.text and "100%" not in reply.text.split("\n")[0]
    assert "74.1%" in engine.respond("承诺时限整体压缩了多少").text  # a reduction asked: the rate answers


def test_questions_typed_one_after_another_are_several_asks(engine):
    assert split_question("法律援助案件多少件讨回工资多少法律咨询多少人次")[0].parts == (
        "法律援助案件多少件",
        "讨回工资多少",
        "法律咨询多少人次",
    )
    reply = engine.respond("柔性执法办案多少件首次不罚了多少家企业")
    assert "4600余件" in reply.text and "6125家" in reply.text


def test_traditional_characters_ask_several_things_too(engine):
    reply = engine.respond("零跑動和跑一次的事項分別多少項")
    assert "1837项" in reply.text and "1024项" in reply.text


def test_a_lists_topic_is_each_items_subject(engine):
    reply = engine.respond("柔性执法几个数一起报一下：事项、合规指导建议、办案数、首次不罚企业、免罚金额")
    for figure in ("358项", "214项", "4600余件", "6125家", "2000余万元"):
        assert figure in reply.text, figure


def test_an_item_without_a_subject_is_heard_with_the_item_before(engine):
    reply = engine.respond("人民调解化解纠纷数 调处成功率 诉前调解案例数 调解成功率 都列出来")
    for figure in ("10816起", "93%", "13355件", "56.8%"):
        assert figure in reply.text, figure


def test_a_measure_the_report_gives_in_two_parts_gets_both(engine):
    reply = engine.respond("三统一的规范性文件有多少件")
    assert "28件" in reply.text and "51件" in reply.text
    one = engine.respond("“三统一”部门规范性文件有多少件")
    assert "51件" in one.text and "28件" not in one.text.split("原文")[0]


@pytest.mark.parametrize(
    "question, figures",
    [
        ("柔性执法办的案子多，还是法律援助受理的案子多", ["4600余件", "2900余件"]),
        ("首次不罚的企业家数比柔性执法办理的案件数还多？", ["6125家", "4600余件"]),
        ("法律援助案件比柔性执法案件多吗？！", ["2900余件", "4600余件"]),
    ],
)
def test_comparisons_with_commas_and_question_marks_give_both_figures(engine, question, figures):
    reply = engine.respond(question)
    assert reply.status == "answer" and all(f in reply.answer for f in figures), reply.answer


@pytest.mark.parametrize(
    "question, yes",
    [
        ("网上可办的事项是两千八百六十一项？", True),
        ("2023年新增了10个立法联系点？", False),
        ("向园区赋权了20项审批服务事项?", False),
    ],
)
def test_a_stated_figure_with_a_question_mark_is_a_check(engine, question, yes):
    assert engine.respond(question).answer.startswith("是的" if yes else "不是")


def test_a_question_word_with_a_question_mark_is_not_a_check(engine):
    assert not engine.respond("2023年新增了几个立法联系点？").answer.startswith(("是的", "不是"))


@pytest.mark.parametrize(
    "question, figures",
    [
        ("法律援助那块的数字都给我列一下 案件 咨询 农民工讨薪这些", ["2900余件", "近30000人次", "317万余元"]),
        ("报一下法律援助这几个数：受理案件、法律咨询人次、帮农民工讨薪的人数", ["2900余件", "近30000人次", "370名"]),
        ("调解这块的件数全部列出来 人民调解 诉前调解 复调对接", ["10816起", "13355件", "78件"]),
        ("柔性执法办了多少案件？首次不罚多少家企业？免了多少钱？", ["4600余件", "6125家", "2000余万元"]),
        ("谁执法谁普法那块的数字列一下 责任单位几家 典型案例几个 涉及多少方面", ["30多家", "70个", "20多个方面"]),
    ],
)
def test_a_request_then_its_items_answers_every_item(engine, question, figures):
    """A list request first and its items after (by spaces, 、 or questions); a topic named with
    the request is each item's subject; a part without a subject is heard as written."""
    reply = engine.respond(question)
    assert reply.status == "answer" and all(f in reply.answer for f in figures), reply.answer


@pytest.mark.parametrize(
    "question, figures",
    [
        ("零跑动事项多少？另外承诺时限压缩率呢，还有网上可办率", ["1837项", "74.1%", "100%"]),
        ("网上能办的事项里 零跑动的多少 跑一次的多少 再加上承诺时限压缩率", ["1837项", "1024项", "74.1%"]),
        ("刑事破案数和民商事一审收案同比各变了多少", ["110%", "10.21%"]),
    ],
)
def test_one_more_item_and_each_with_a_verb_are_all_answered(engine, question, figures):
    """还有/再加上 adds an item even without a question word; "各变了多少" asks each."""
    reply = engine.respond(question)
    assert reply.status == "answer" and all(f in reply.answer for f in figures), reply.answer


@pytest.mark.parametrize(
    "ending",
    [
        "，三个数一起说",
        "，三个数一起讲下",
        " 这几个数都说说",
        "，分别是多少",
        "，分别是？",
        "，都列出来",
        "，一块报给我",
        "，告诉我",
    ],
)
def test_a_list_request_is_heard_whatever_its_words(engine, ending):
    """The request after a list counts the figures, says how they are told or asks to be told:
    each item is answered, not only the one next to the request."""
    reply = engine.respond("诉前调解案例数、调解成功率、民商事一审收案降幅" + ending)
    assert reply.status == "answer"
    assert all(f in reply.answer for f in ("13355件", "56.8%", "10.21%")), reply.answer


@pytest.mark.parametrize("gap", [" ", "，"])
def test_a_check_ending_with_ba_is_an_ask_of_its_own(engine, gap):
    """ "…是一万零八百多起吧" checks a figure: it is no subject of the next clause."""
    reply = engine.respond(f"人民调解化解纠纷是一万零八百多起吧{gap}诉前调解案例又是多少件{gap}民商事一审收案降了多少")
    assert reply.status == "answer"
    assert all(f in reply.answer for f in ("10816起", "13355件", "10.21%")), reply.answer


def test_two_subjects_of_two_measures_give_all_four(engine):
    """ "A和B的X、Y，四个数一起报给我": every subject with every measure."""
    reply = engine.respond("人民调解和诉前调解的数量、成功率，四个数一起报给我")
    assert reply.status == "answer"
    assert all(f in reply.answer for f in ("10816起", "93%", "13355件", "56.8%")), reply.answer


@pytest.mark.parametrize(
    "question, figures",
    [
        ("政府合同审查 件数 意见条数", ["102件", "近200条"]),
        ("谁执法谁普法：多少家单位发了多少个典型案例，涉及多少个方面", ["30多家", "70个", "20多个方面"]),
    ],
)
def test_keywords_after_a_subject_and_a_clause_asking_twice(engine, question, figures):
    """Keywords typed with spaces after a subject are each asked of it; a clause asking twice
    (多少家…多少个…) is two asks."""
    reply = engine.respond(question)
    assert reply.status == "answer" and all(f in reply.answer for f in figures), reply.answer


def test_a_purpose_clause_and_a_total_inside_are_no_asks_of_their_own(engine):
    """ "我好跟boss汇报一下" asks nothing (汇报一下 is no 报一下); "里面一共有多少" is a total, not a part."""
    reply = engine.respond(
        "最近老板让我负责compliance，说益阳有官方编的企业合规guideline，教企业怎么守规矩的。"
        "想问一下里面一共有多少项建议？我好跟boss汇报一下"
    )
    assert reply.status == "answer" and "214项" in reply.answer


@pytest.mark.parametrize(
    "question, figures",
    [
        ("三统一的规范性文件里面 市政府的比部门的多还是少", ["28件", "51件"]),
        ("23年人民调解化解的纠纷，比诉前调解的案例多还是少", ["10816起", "13355件"]),
    ],
)
def test_comparisons_of_two_parts_and_of_a_clause_before_bi(engine, question, figures):
    """The part that differs comes first in each subject; "…，比B多还是少" compares the clause
    before it; a year alone makes no story."""
    reply = engine.respond(question)
    assert reply.status == "answer" and all(f in reply.answer for f in figures), reply.answer


def test_two_asks_without_a_subject_after_a_subject_clause(engine):
    """ "帮农民工讨薪那块呢，多少人多少钱": each ask borrows the clause before it."""
    reply = engine.respond("帮农民工讨薪那块呢，多少人多少钱")
    assert reply.status == "answer" and "370名" in reply.answer and "317万余元" in reply.answer


@pytest.mark.parametrize(
    "question",
    [
        "乡镇街道通过初评的有几个，示范创建标准是从几个方面提的",
        "示范创建标准从几个方面定的？多少个乡镇街道通过了初评？",
    ],
)
def test_two_figures_of_one_sentence_are_two_answers(engine, question):
    """Two counts written in one sentence (22个乡镇, 五个方面 in words) are both given."""
    reply = engine.respond(question)
    assert reply.status == "answer" and "22个" in reply.text and "五个方面" in reply.text


@pytest.mark.parametrize(
    "question, figures",
    [
        ("复调对接案件数和和解率", ("78件", "25%")),
        ("人民调解化解纠纷多少起，成功率多少 先谢过了！", ("10816起", "93%")),
    ],
)
def test_a_count_and_a_rate_joined_are_both_answered(engine, question, figures):
    """Two measures joined by 和 (or asked one after the other) are two asks even when one of
    them alone would answer the whole; the rate is the first's own (人民调解 93%, never 诉前 56.8%)."""
    reply = engine.respond(question)
    assert reply.status == "answer" and all(f in reply.text for f in figures)
    assert "56.8%" not in reply.answer


def test_an_item_naming_only_the_kind_of_figure_is_of_the_subject_before_it(engine):
    """ "帮农民工讨薪的人数和金额": 金额 is the money of the same subject, never another sum."""
    reply = engine.respond("法律援助案件、法律咨询人次、帮农民工讨薪的人数和金额，几个数一起报")
    assert reply.status == "answer"
    assert all(f in reply.text for f in ("2900余件", "近30000人次", "370名", "317万余元"))
    assert "2000余万元" not in reply.text


def test_a_lack_of_the_whole_that_another_ask_answers_is_no_lack(engine):
    """The whole reads as one question lacking 第一批 (a word of the second ask): both asks answer."""
    reply = engine.respond("参加执法资格考试的人数，还有第一批能力提升验收了几个单位")
    assert reply.status == "answer" and "5100多名" in reply.text and "11个" in reply.text
    # a message saying what it does not ask keeps its decline
    kept = engine.respond("全市现在一共有多少个立法联系点（不是新增的，是总数）")
    assert kept.status != "answer" and "报告没有给出总数" in kept.text


def test_items_a_colon_introduces_are_each_answered(engine):
    """ "调解相关的几个率：A、B、C，分别报一下": the words before the colon name the items, they are none."""
    reply = engine.respond(
        "调解相关的几个率：人民调解调处成功率、诉前调解成功率、复调对接和解率，分别报一下", Conversation(), now=0.0
    )
    assert reply.status == "answer" and all(f in reply.text for f in ("93%", "56.8%", "25%")), reply.text


@pytest.mark.parametrize(
    "message, figures",
    [
        ("公示执法事项执法记录仪询问室听证室这三个数列一下", ("7.5万余项", "4400台", "近200处")),
        ("法律援助案件法律咨询人次讨回工资金额列一下", ("2900余件", "近30000人次", "317万余元")),
        ("网上可办数零跑动事项跑一次的事项分别多少", ("2861项", "1837项", "1024项")),  # 事项 left out
        ("0跑动的事项跑一次的事项各多少项", ("1837项", "1024项")),  # asked with 各, a 的 inside names
        ("法律援助案件法律咨询讨回工资各多少", ("2900余件", "近30000人次", "317万余元")),  # a name without 金额
        ("市本级网上可办事项0跑动事项跑1次的事项分别是多少", ("2861项", "1837项", "1024项")),  # a scope first
        # words of the asker's own between two names open the next part, not the one before
        ("公示执法事项法治审核事项参加执法资格考试的人数各多少", ("7.5万余项", "1.5万余项", "5100多名")),
    ],
)
def test_a_list_typed_without_breaks_is_cut_at_the_names_of_figures(engine, message, figures):
    reply = engine.respond(message)
    assert reply.status == "answer"
    at = [reply.text.index(f) for f in figures]
    assert at == sorted(at), reply.text  # in the order asked


def test_a_reading_that_answers_every_part_wins_over_one_that_repeats_a_part(engine):
    # cut after 多少家 the middle part repeats the first; cut after 单位 each part has its own figure
    reply = engine.respond("谁执法谁普法多少家单位多少个案例涉及多少个方面")
    assert reply.status == "answer"
    at = [reply.text.index(f) for f in ("30多家", "70个", "20多个方面")]
    assert at == sorted(at), reply.text


@pytest.mark.parametrize(
    "message, figure, not_asked",
    [
        ("执法的人胸口挂着录像的小机器，全市给配了多少个", "4400台", "22个"),  # the second part names nothing
        ("诉前调解 成功率", "56.8%", "13355件"),  # a subject, then its measure
        ("网上可办数 市本级", "2861项", "100%"),  # a scope after the measure
        ("民商事一审收案同比是涨了还是降了，幅度多少", "10.21%", "110%"),  # a bare measure of the subject before
        ("首次不罚的企业有六千多家，真的假的", "6125家", "5个"),  # words of checking name nothing
        ("网上可办2861项里头 跑动一次的事向有几项", "1024项", "网上可办事项数"),  # the first part frames the next
        ("往开发区园区下放审批权那事儿，这回又放下去几项", "11项", "1024项"),  # the second goes on about the first
        ("那诉前调解的成功率呢 百分之几", "56.8%", "93%"),  # the same measure named again
    ],
)
def test_a_part_naming_nothing_of_its_own_is_not_a_second_ask(engine, message, figure, not_asked):
    reply = engine.respond(message)
    assert figure in reply.answer and not_asked not in reply.answer, reply.answer


def test_an_ask_of_which_ones_typed_before_another_ask_without_a_break_is_cut(engine):
    reply = engine.respond("为民办实事搞了哪些活动法律援助案件受理了多少")
    assert reply.status == "answer" and "2900余件" in reply.answer and "法援惠民生" in reply.answer, reply.text


@pytest.mark.parametrize(
    "question, figures, start",
    [
        ("复调对接的和解率有没有诉前调解成功率高", ("25%", "56.8%"), "不是"),  # A at least B? 25% < 56.8%
        ("给园区赋权的审批事项和市本级重大行政决策事项，数量差不多吗", ("11项", "6项"), ""),  # both, no verdict
    ],
)
def test_comparisons_asked_with_youmeiyou_or_chabuduo_give_both_figures(engine, question, figures, start):
    reply = engine.respond(question)
    assert reply.status == "answer" and all(f in reply.answer for f in figures), reply.text
    assert reply.answer.startswith(start) and (start or not reply.answer.startswith(("是的", "不是"))), reply.answer


@pytest.mark.parametrize(
    "question, entry_id",
    [
        ("那个三百一十几万是啥子钱", "wages_recovered"),  # a rough amount: the one money figure in its range
        ("三百多万是啥钱", "wages_recovered"),
        ("一千零二十四项是跑几次的事项", "one_trip_items"),  # the figure first, then what it is asked to be
        ("唉 请问益阳这边一千零二十四项是跑几次的事项", "one_trip_items"),  # a sigh, a place before it
        ("我们益阳市的1024项是跑几次的事项", "one_trip_items"),
    ],
)
def test_a_figure_asked_about_roughly_or_first_is_found(engine, question, entry_id):
    reply = engine.respond(question)
    assert reply.status == "answer" and reply.entry_id == entry_id, reply.text


@pytest.mark.parametrize(
    "lookup, figures",
    [
        ("首违不罚企业数免罚额", ("6125家", "2000余万元")),
        ("湘易办益阳旗舰店业务应用数服务场景数", ("300多个", "2000余个")),
    ],
)
def test_measures_typed_one_after_another_are_each_looked_up(engine, lookup, figures):
    reply = engine.respond(lookup)
    assert all(f in reply.answer for f in figures), reply.text


def test_one_measure_with_its_change_stays_one_lookup(engine):
    reply = engine.respond("刑事破案数同比变化")
    assert reply.entry_id == "criminal_cases_growth" and reply.kind != "combined", reply.text


@pytest.mark.parametrize(
    "question, figures",
    [
        ("市本级柔性执法事项跟企业合规指导建议，哪个条目多", ("358项", "214项")),  # 条目: how many
        ("通过初评的乡镇街道数是不是比开展能力提升验收的单位多", ("22个", "11个")),  # 提升: part of a name
        ("0跑动的事项和只跑1次的事项，哪种更多？", ("1837项", "1024项")),
        # one verb of making for both (梳理; the report writes 编制 of the second)
        ("柔性执法事项和企业合规指导建议，哪个梳理得多", ("358项", "214项")),
    ],
)
def test_comparisons_in_everyday_words(engine, question, figures):
    reply = engine.respond(question)
    assert reply.kind == "compare" and all(f in reply.answer for f in figures), reply.text


def test_two_measures_joined_are_both_answered_when_the_whole_lacks_a_kind(engine):
    reply = engine.respond("行政机关负责人出庭应诉率和刑事破案数同比增幅")
    assert "100%" in reply.answer and "110%" in reply.answer, reply.text


@pytest.mark.parametrize(
    "lookup, figures",
    [
        ("复调 件数 和解率", ("78件", "25%")),
        ("政府合同审查 件数 意见条数", ("102件", "近200条")),
        ("三統一 市府規範性文件 部門規範性文件", ("28件", "51件")),  # 市府: 市政府 (synonyms)
    ],
)
def test_a_subject_then_its_measures_are_each_looked_up(engine, lookup, figures):
    reply = engine.respond(lookup)
    assert all(f in reply.answer for f in figures), reply.text


@pytest.mark.parametrize(
    "question, yes",
    [
        ("园区赋权的事项数 和 第一批执法能力验收的单位数 一样多吗", True),  # 11项 and 11个: one count
        ("网上可办率和出庭应诉率一样吗", True),
        ("园区赋权的事项数和新增立法联系点一样多吗", False),
        ("诉前调解成功率和人民调解成功率一样吗", False),
    ],
)
def test_whether_two_figures_are_the_same_is_said_only_from_the_verbatim_figures(engine, question, yes):
    reply = engine.respond(question)
    assert reply.kind == "compare"
    assert reply.text.startswith("是的" if yes else "不是"), reply.text


def test_figures_with_a_qualifier_are_never_called_the_same(engine):
    reply = engine.respond("询问室听证室数量和提出审查意见条数一样多吗")  # 近200处, 近200条
    assert not reply.text.startswith(("是的", "不是")), reply.text


@pytest.mark.parametrize("question", ["报告里好像有两个近200 分别说的是啥", "有两个近200，分别指什么"])
def test_a_figure_written_twice_asked_of_each_gets_both(engine, question):
    reply = engine.respond(question)
    assert reply.status == "answer" and "近200条" in reply.answer and "近200处" in reply.answer, reply.text


@pytest.mark.parametrize(
    "question",
    [
        "2023年度重大行政决策事项目录 哪次常务会过的",
        "我在政府办实习 老师让我查一下2023年度重大行政决策事项目录 哪次常务会过的 定了几项 帮我一起查下",
    ],
)
def test_which_meeting_asks_the_ordinal(engine, question):
    reply = engine.respond(question)
    assert reply.status == "answer" and "第7次" in reply.answer, reply.text


@pytest.mark.parametrize(
    "question, figures",
    [
        ("诉前调解件数成功率", ["13355件", "56.8%"]),
        ("复调件数和解率", ["78件", "25%"]),
        ("网上可办数可办率", ["2861项", "100%"]),
        ("人调起数成功率", ["10816起", "93%"]),
        # one after another, with spaces or slashes
        ("网上可办数/可办率", ["2861项", "100%"]),
        ("复调对接件数 和解率", ["78件", "25%"]),
        # names typed with slashes: the first an item too, the others named on their own or of it
        ("柔性执法事项/合规建议/办案数", ["358项", "214项", "4600余件"]),
        ("立法联系点/立法意见/重大决策事项", ["5个", "40余条", "6项"]),
    ],
)
def test_a_staff_lookup_of_measures_typed_without_breaks_answers_each(engine, question, figures):
    reply = engine.respond(question)
    assert reply.status == "answer" and all(f in reply.answer for f in figures), reply.text


@pytest.mark.parametrize(
    "question, figures",
    [
        # a group asking each of its items, then one more ask
        ("网上可办数 零跑动 跑一次各多少项 承诺时限压缩率多少", ["2861项", "1837项", "1024项", "74.1%"]),
        ("民商事一审收案同比下降、全市刑事破案数同比上升分别多少 重大行政决策事项数是多少", ["10.21%", "110%", "6项"]),
        # the items before "各是多少" are asked, described or not
        ("那个一趟都不用跑就能办的事，诉前调解案件各是多少，网上可办率呢", ["1837项", "13355件", "100%"]),
        # a formal request between the writer's context and a request for sources
        (
            "您好！我单位正在撰写法治政府建设材料，烦请提供2023年益阳市法律援助案件受理数、法律咨询人次及"
            "为农民工讨回工资金额，并注明出处，谢谢！",
            ["2900余件", "近30000人次", "317万余元"],
        ),
        (
            "您好，请告知新增立法联系点、行政许可实施规范和办事指南填报发布率及柔性执法办理案件，谢谢",
            ["5个", "100%", "4600余件"],
        ),
        # 和 inside a word joins nothing; a space after an ask is a break, pinyin or not
        (
            "首次不罚的企业、用比较温和的方式处理的企业案子分别多少 nmg讨薪讨回是多少",
            ["6125家", "4600余件", "317万余元"],
        ),
        ("刑事破案数和民商事一审收案，同比各变了多少", ["110%", "10.21%"]),
        ("三统一的规范性文件，市政府的和部门的各多少件", ["28件", "51件"]),  # whose each is, then the thing
    ],
)
def test_every_item_of_an_enumeration_is_answered_whatever_its_frame(engine, question, figures):
    reply = engine.respond(question)
    assert reply.status == "answer" and all(f in reply.answer for f in figures), reply.text


@pytest.mark.parametrize(
    "question, figures",
    [
        ("谁执法谁普法 30多家 70个 20多个 这几个数分别指的是什么", ["30多家", "70个", "20多个方面"]),
        ("4400台、近200处、1.5万余项这几个数分别是什么", ["4400台", "近200处", "1.5万余项"]),  # 1.5: no break
        ("93%和56.8%分别是哪种调解的成功率", ["人民调解调处成功率", "诉前调解成功率"]),  # 分别是哪种
    ],
)
def test_figures_listed_then_asked_what_each_is_are_each_found(engine, question, figures):
    reply = engine.respond(question)
    assert reply.status == "answer" and all(f in reply.answer for f in figures), reply.text


@pytest.mark.parametrize(
    "question", ["“谁执法谁普法”发布的典型案例涉及哪些方面", "请问贵市2023年“谁执法谁普法”发布的典型案例涉及哪些方面？"]
)
def test_which_aspects_asked_takes_the_figure_counting_aspects(engine, question):
    """ "涉及哪些方面" lists 方面: the figure counting them names them, not the count of cases."""
    reply = engine.respond(question)
    assert reply.status == "answer" and reply.entry_id == "typical_case_fields", reply.text
    assert "生态环境保护" in reply.answer


def test_a_word_said_with_a_character_left_out_is_the_figures_word(engine):
    """ "讨工钱" is 讨工资 (synonym), the report's 讨回工资 with 回 left out: no near miss."""
    reply = engine.respond("帮农民工讨工钱一共帮多少人")
    assert reply.status == "answer" and "370名" in reply.answer, reply.text


def test_bi_before_zhongda_compares(engine):
    """ "…比重大行政决策事项数多还是少": 比 then 重大, no 比重 (a share)."""
    reply = engine.respond("湘易办业务应用比重大行政决策事项数多还是少")
    assert reply.kind == "compare" and "300多个" in reply.answer and "6项" in reply.answer, reply.text
    assert "““" not in engine.respond("零跑动和跑一次哪个多").text  # a name's own quotes, no more


def test_the_ji_of_she_ji_joins_nothing_in_a_comparison(engine):
    """ "普法典型案例涉及方面和跑1次事项数": 涉及 is one word, the subjects are cut at 和."""
    reply = engine.respond("普法典型案例涉及方面和跑1次事项数，差不多吗")
    assert reply.kind == "compare" and "20多个方面" in reply.answer and "1024项" in reply.answer, reply.text


def test_which_one_is_no_count_of_one(engine):
    """ "哪一项目入围了…": 哪一 asks which, it counts nothing (no "报告只给出了数量")."""
    reply = engine.respond("益阳市哪一项目入围了“全国法治政府建设示范项目”推荐名单？")
    assert reply.status == "answer" and "智慧渔政" in reply.text, reply.text


def test_only_the_things_of_a_list_asked_is_no_one_of_a_pair(engine):
    """ "只说能在网上开的证明 有哪些": 证明 ends both 无车证明 and 有无房证明, it names neither alone."""
    reply = engine.respond("只说能在网上开的证明 有哪些")
    assert reply.status == "answer" and "无车证明" in reply.text, reply.text
    assert engine.respond("单说听证室建了多少处").status != "answer"


def test_the_things_of_one_sentence_asked_are_no_area(engine):
    reply = engine.respond("能在网上开的证明有哪些")
    assert reply.entry_id == "online_certificates", reply.text


def test_a_what_after_one_is_an_article_not_a_count(engine):
    """ "入围了全国的一个什么名单": 一个 is 'a', so no "报告只给出了数量（1个）"."""
    message = (
        "我在渔业部门干了二十年，从以前划船巡湖到现在用上了智慧渔政，变化太大了。听说这个项目入围了全国的一个什么名单？"
    )
    reply = engine.respond(message)
    assert reply.status == "answer" and "推荐名单" in reply.text, reply.text


@pytest.mark.parametrize(
    "question",
    [
        "央视报道过益阳的两个栏目分别叫啥",
        "益阳哪些事被中央电视台的栏目报道过？",
        "央视哪两个栏目报道过益阳？分别报道的什么",
        "CCTV上过哪些节目",  # one name in letters is a thing of its own
    ],
)
def test_a_list_the_report_tells_of_across_sentences_gets_each(engine, question):
    """Both reports on CCTV, each in its own sentence: a list of them is both sentences."""
    reply = engine.respond(question)
    assert reply.status == "answer" and "朝闻天下" in reply.answer and "小区大事" in reply.answer, reply.text


def test_a_list_across_sentences_never_overrides_a_reasoned_decline_or_the_whole_report(engine):
    assert engine.respond("首次不罚的6125家企业具体是哪些企业").status != "answer"
    reply = engine.respond("益阳二〇二三年法治政府建设有哪些亮点成绩")
    assert reply.entry_id == "overall_results", reply.text


@pytest.mark.parametrize(
    "question, figures",
    [
        # a formal request's last item added with "，以及", its closing (此致 敬礼) no ask
        (
            "尊敬的工作人员：您好！烦请告知2023年度全市通过柔性执法方式办理的案件数量，以及对企业轻微违规首次不罚的免罚金额。此致 敬礼",
            ["4600余件", "2000余万元"],
        ),
        # "A多少项，B多少项，以及C多少件": the items before 以及 ask each too
        (
            "柔性执法事项梳理了多少项，企业合规指导建议编了多少项，以及用柔性方式办了多少案件",
            ["358项", "214项", "4600余件"],
        ),
        # each with a verb of its own and its unit ("各三统一了多少件")
        ("市政府规范性文件和部门规范性文件各三统一了多少件", ["28件", "51件"]),
        # a part that joins two measures of one sentence, then another ask
        (
            "湘易办益阳旗舰店接了多少业务应用和服务场景，园区又赋权了多少项审批服务事项？",
            ["300多个", "2000余个", "11项"],
        ),
    ],
)
def test_formal_lists_each_with_a_verb_and_joined_parts(engine, question, figures):
    reply = engine.respond(question)
    assert reply.status == "answer" and all(f in reply.answer for f in figures), reply.text


@pytest.mark.parametrize(
    "question, figures",
    [
        ("柔性执法事项与企业合规指导建议，二者数量孰多", ["358项", "214项"]),
        # a subject said with its figure ("配了四千四百台") is compared by that figure's measure
        ("执法记录仪配了四千四百台，跟参加执法资格考试的人数比，哪个更多？", ["4400台", "5100多名"]),
    ],
)
def test_comparisons_asked_formally_or_of_a_stated_figure(engine, question, figures):
    reply = engine.respond(question)
    assert reply.status == "answer" and all(f in reply.answer for f in figures), reply.text


def test_a_homophone_typo_is_read_before_the_ask_is_found(engine):
    """ "…跟案卷放在一起存挡的，一共有多少件": 存挡 is 存档, so the clause is the question's own
    (was a story clause, and 4600余件 of another measure answered)."""
    reply = engine.respond("执法时拍的视频录音，跟案卷放在一起存挡的，一共有多少件？")
    assert reply.status == "answer" and "近2万件" in reply.answer, reply.text


def test_a_slash_lists_items(engine):
    """ "记录仪/询问室听证室": a slash between two names lists two items, whatever they end in."""
    reply = engine.respond("记录仪/询问室听证室")
    assert reply.status == "answer" and "4400台" in reply.answer and "近200处" in reply.answer, reply.text


@pytest.mark.parametrize(
    "question, figures",
    [
        ("智慧渔政入围了什么名单，益阳的典型经验又被收录进了哪本书", ["全国法治政府建设示范项目", "典型经验与案例"]),
    ],
)
def test_a_clause_asking_which_one_by_any_measure_word_is_an_ask(engine, question, figures):
    """ "哪本书", "哪部", "谁": a clause asks with any measure word after 哪, so both are answered."""
    reply = engine.respond(question)
    assert all(f in reply.text for f in figures), reply.text


@pytest.mark.parametrize(
    "question, lead",
    [
        ("柔性执法事项358项，企业合规指导建议有没有它多", "不是"),  # 它: the subject before
        ("诉前调解成功率和复调对接的调解和解率，前面那个高吧", "是的"),
        ("诉前调解成功率和复调对接的调解和解率，后者高吧", "不是"),
        ("执法记录仪和询问室听证室，前面那个多吧", "是的"),
    ],
)
def test_a_comparison_pointing_at_its_own_subjects_is_checked(engine, question, lead):
    """ "前面那个/后者/它" point at the two subjects named in the same message: the claim is
    judged on both figures, never read as pointing at a story."""
    reply = engine.respond(question)
    assert reply.status == "answer" and reply.answer.startswith(lead) and "更" in reply.answer, reply.text


@pytest.mark.parametrize(
    "question, figures",
    [
        ("零跑动 跑一次 网办率", ["1837项", "1024项", "100%"]),  # three measures, none the others' subject
        ("人调 起数 成功率", ["10816起", "93%"]),  # a subject, then what of it
        (
            "公示的执法事项、经过法治审核的执法事项和参加执法资格考试的人，一起报个数",
            ["7.5万余项", "1.5万余项", "5100多名"],
        ),
    ],
)
def test_the_reading_answering_the_most_items_wins(engine, question, figures):
    """Of the ways to cut a list, the one answering every part and the most of them: keywords
    each naming a measure are items, not one subject lent to the rest."""
    reply = engine.respond(question)
    assert reply.status == "answer" and all(f in reply.answer for f in figures), reply.text


def test_a_measure_word_alone_is_no_item(engine):
    """ "0跑动 1次跑动 事项数": 事项数 is what of the others is counted, never an item answered alone."""
    reply = engine.respond("0跑动 1次跑动 事项数")
    assert "1837项" in reply.answer and "1024项" in reply.answer and "2861项" not in reply.answer, reply.text


@pytest.mark.parametrize(
    "question, figure",
    [("诉前调解 成功率 2023", "56.8%"), ("2023 法律援助 案件数", "2900余件"), ("人民调解 成功率", "93%")],
)
def test_a_year_token_or_a_measure_after_a_thing_is_no_item_of_a_lookup(engine, question, figure):
    """Spaced keywords: a year alone is the scope of them all, a bare measure the measure of the
    thing before it; one ask, one figure, nothing said of "2023" alone."""
    reply = engine.respond(question)
    assert reply.kind != "combined" and figure in reply.answer and "没有找到" not in reply.text, reply.text


def test_a_thing_named_after_its_activity_stays_an_item_of_its_own(engine):
    """诉前调解案例 names a thing counted (调解 is its activity), no bare measure of the item before."""
    reply = engine.respond("请问执法记录义、诉前掉解案例、湘易办服务场景以及市本级重大行政决策事项分别有多少")
    assert all(f in reply.answer for f in ("4400台", "13355件", "2000余个")), reply.text


@pytest.mark.parametrize("question", ["行政复议 受理总数 2023", "行政复议受理总数", "行政复议 受理数量"])
def test_a_total_asked_in_keywords_is_declined_where_the_report_gives_a_part(engine, question):
    """The report gives only what 复调对接 settled: no description or other figure as the total."""
    reply = engine.respond(question)
    assert reply.status != "answer" and "2900余件" not in reply.text, reply.text


@pytest.mark.parametrize(
    "question, lead, figures",
    [
        # a 和 inside a subject: each join is a cut, the one giving two figures of one kind wins
        ("本级行政许可实施规范和办事指南的填报发布率和調處成功率，前者高吧", "是的", ["100%", "93%"]),
        ("复议那边调解和好的比例与诉前掉解成功率，后面那个高吗", "是的", ["25%", "56.8%"]),
    ],
)
def test_pointing_at_one_of_two_subjects_joined_inside_is_cut_where_both_answer(engine, question, lead, figures):
    reply = engine.respond(question)
    assert reply.answer.startswith(lead) and all(f in reply.answer for f in figures), reply.text


def test_a_measure_after_the_second_subject_is_not_lent_to_a_first_that_names_a_figure(engine):
    """ "湘易办服务场景和首次不罚的免罚金额哪个多": 服务场景 is a figure of its own; both are
    given, side by side, and no larger is named across units."""
    reply = engine.respond("湘易办服务场景和首次不罚的免罚金额哪个多")
    assert "2000余个" in reply.answer and "2000余万元" in reply.answer, reply.text
    assert "更多" not in reply.answer


def test_a_topic_then_one_ask_of_it_is_no_enumeration():
    """ "免证办 多少类证明": the topic, then what is asked of it; never 免证办 as an item of its own."""
    assert all(len(s.parts) != 2 or s.parts[0] != "免证办" for s in split_question("免证办 多少类证明"))


def test_a_part_naming_whose_with_its_noun_left_out_borrows_the_subject():
    """ "…三统一了多少件，市政府的是多少": 市政府的 is of 规范性文件, its noun left out."""
    from bot.analysis.split import _with_subjects

    parts = _with_subjects(["规范性文件三统一了多少件", "市政府的是多少", "是多少家单位发的"])
    assert parts[1].startswith("规范性文件") and parts[2] == "是多少家单位发的"


@pytest.mark.parametrize(
    "question, larger",
    [
        # the first side told with its figure, the second after a comma and 跟
        ("柔性执法事项三百五十八项，跟企业合规指导建议的数量比哪个大", "358项"),
        # in Xiang: 同 joins, 冇要跑 is need not run
        ("冇要跑的事项同只跑一趟的事项比，哪个多些咯", "1837项"),
    ],
)
def test_a_comparison_typed_with_a_break_or_in_dialect_names_the_larger(engine, question, larger):
    reply = engine.respond(question)
    assert reply.kind == "compare" and larger in reply.text.splitlines()[0]


@pytest.mark.parametrize("question", ["时间比原来缩短了多少，是不是百分之七十四点一", "办事时间比以前缩短了多少"])
def test_a_change_against_the_time_before_is_no_comparison(question):
    """比原来 / 比以前: a change over time, one figure, not two subjects compared."""
    assert find_comparison(question) is None


@pytest.mark.parametrize(
    "message, figures",
    [
        ("网上可办情况", ["2861项", "100%"]),  # adjacent clauses: 网上可办数2861项,网上可办率100%
        ("政务服务事项网上可办情况咋样", ["2861项", "100%"]),
        ("讨回工资", ["370名", "317万余元"]),  # one clause: 为370名农民工讨回工资317万余元
        ("讨薪,农民工", ["370名", "317万余元"]),  # 讨薪 is 讨回工资: the money's name is said in full
    ],
)
def test_a_subject_asked_without_a_kind_gets_every_figure_its_clause_gives(engine, message, figures):
    reply = engine.respond(message)
    assert reply.status == "answer" and all(f in reply.answer for f in figures), reply.text


@pytest.mark.parametrize(
    "message, figure, other",
    [
        ("网上可办率", "100%", "2861项"),  # the measure's own name picks it
        ("网上可办事项有多少项", "2861项", "100%"),  # so does the kind asked
        ("讨回工资多少钱", "317万余元", "370名"),
    ],
)
def test_a_kind_named_keeps_one_figure_of_the_clause(engine, message, figure, other):
    reply = engine.respond(message)
    assert figure in reply.answer and reply.kind != "combined" and not reply.answer.startswith(other), reply.text


def test_figures_of_one_sentence_quote_it_once_below_them(engine):
    reply = engine.respond("法律援助案件数、法律咨询人次、讨回工资金额，列一下")
    assert reply.text.count("原文：") == 1 and reply.text.count("出处：") == 1, reply.text
    at = [reply.text.index(f) for f in ("2900余件", "近30000人次", "317万余元", "原文：")]
    assert at == sorted(at), reply.text


def test_figures_of_different_sentences_keep_each_source(engine):
    reply = engine.respond("法律援助案件数和柔性执法案件数")
    assert reply.text.count("原文：") == 2 and "2900余件" in reply.text and "4600余件" in reply.text, reply.text


@pytest.mark.parametrize(
    "message, figure, other",
    [
        ("询问室听证室 一共建了多少个啊", "近200处", "70个"),  # 一共建了 is no 共建: the second part names nothing
        ("在行政复议里顺带把矛盾调解掉、双方握手言和的比例是多少", "25%", "78件"),  # 的比例 is each item's
    ],
)
def test_a_part_naming_no_thing_of_its_own_gets_no_figure_of_its_own(engine, message, figure, other):
    reply = engine.respond(message)
    assert figure in reply.answer and other not in reply.answer, reply.text


@pytest.mark.parametrize(
    "message, figure, other",
    [
        (
            "我女儿在市政务中心窗口上班，她总说现在承诺的办结时间比以前短多了，群众都说快。这个承诺时限整体 yasuo 了多少？",
            "74.1%",
            "5个",
        ),
        (
            "我是跑外卖的，最近同事跟我说益阳有个湘易办旗舰店，能在上面办好多事，不用再跑窗口了。它里面到底接进去了多少个业务应用啊？",
            "300多个",
            "50余类",
        ),
    ],
)
def test_what_someone_said_before_the_ask_gets_no_figure(engine, message, figure, other):
    reply = engine.respond(message)
    assert figure in reply.answer and other not in reply.answer, reply.text


def test_a_thing_described_before_its_ask_gets_no_count_of_its_own(engine):
    """ "那些小毛病第一次不罚的企业 | 加起来一共少交了多少罚款": the firms described are the
    subject of the money asked; 6125家 is no answer beside it."""
    reply = engine.respond("那些小毛病第一次不罚的企业 加起来一共少交了多少罚款")
    assert "2000余万元" in reply.answer and "6125家" not in reply.answer.split("\n")[0], reply.text


@pytest.mark.parametrize(
    ("question", "figure", "not_figure"),
    [
        # a check stating no number, of the figure just asked: nothing further, no other figure
        ("执法记录仪全市配了多少台，是不是每个执法的都有", "4400台", "7.5万余项"),
        (
            "执法记录仪全市配了多少台，前几天我被拦了，执法的人胸前就挂着那个在录，我就好奇是不是每个执法的都有",
            "4400台",
            "7.5万余项",
        ),
    ],
)
def test_a_check_of_the_figure_just_asked_adds_no_figure(engine, question, figure, not_figure):
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.answer and not_figure not in reply.answer, reply.text


def test_a_check_another_figure_judges_is_still_answered(engine):
    # "是不是全部都能网上办" is judged by 网上可办率100%: a second ask, answered
    reply = engine.respond("市本级依申请的政务服务事项网上能办的有多少项？是不是全部都能网上办？")
    assert "2861项" in reply.answer and "100%" in reply.answer, reply.text


def test_amounts_told_inside_compared_subjects_only_describe_them(engine):
    """ "讨回的三百多万工资和免罚的两千多万，哪个钱多": both figures, side by side."""
    reply = engine.respond("给农民工讨回的三百多万工资和企业免罚的两千多万，哪个钱多")
    assert reply.status == "answer" and "317万余元" in reply.answer and "2000余万元" in reply.answer, reply.text


@pytest.mark.parametrize(
    ("question", "figures"),
    [
        ("复调对接和解了多少件、和解率多少、民商事一审收案降了多少，几个数都给一下", ("78件", "25%", "10.21%")),
        (
            "合同审查了多少件、提了多少条审查意见、三统一的部门规范性文件多少件，几个数给我列下",
            ("102件", "近200条", "51件"),
        ),
    ],
)
def test_a_request_for_the_figures_is_no_item_of_its_own(engine, question, figures):
    """ "几个数都给一下", "几个数给我列下" ask to be told the items; they asked no 70个 典型案例."""
    reply = engine.respond(question)
    heads = [line for line in reply.answer.splitlines() if "：" in line]
    assert [h.split("：")[1] for h in heads] == list(figures), reply.text


def test_a_count_after_a_list_asks_the_same_figure_once(engine):
    """ "…有哪些单位，一共几个": the 11 units, counted once; never another figure for "一共几个"."""
    reply = engine.respond("第一批行政执法能力提升行动验收的有哪些单位，一共几个")
    assert reply.status == "answer" and "11个" in reply.answer and "近200处" not in reply.text, reply.text


@pytest.mark.parametrize(
    ("question", "entry_id", "verdict"),
    [
        ("二百一十四项指的是什么？是214项吧", "compliance_guidance_items", "是的"),
        ("两千八百六十一项是什么数 是五千七百二十二项对吧", "online_items", "不是"),
        ("74.1%是个什么率 是34.1%吧", "time_compression_rate", "不是"),
    ],
)
def test_a_figure_looked_up_then_checked_in_one_message(engine, question, entry_id, verdict):
    """The figure quoted is looked up, and the check after it is judged against that figure."""
    reply = engine.respond(question)
    assert reply.entry_id == entry_id and reply.answer.startswith(verdict), reply.text


def test_a_formal_request_of_two_counts_joined_by_ji_answers_both(engine):
    """“0”跑动次数事项 is one name (次数 before its noun 事项 is no measure's end): two asks, not three."""
    reply = engine.respond("烦请告知2023年市本级“0”跑动次数事项的数量及跑动“1”次事项的数量。")
    assert reply.status == "answer" and "1837项" in reply.answer and "1024项" in reply.answer, reply.text


def test_near_figures_both_named_in_a_run_on_list_are_both_answered(engine):
    """新增 names 新增立法联系点数 and 意见建议条数 the other: no one of them is picked for both."""
    reply = engine.respond("新增立法联系点意见建议条数重大行政决策事项数一起报")
    assert reply.status == "answer" and all(f in reply.text for f in ("5个", "40余条", "6项")), reply.text


@pytest.mark.parametrize(
    "question, figure, name",
    [
        (
            "烦请告知2023年市本级确定并公示的重大行政决策事项数量及所依据的目录名称。",
            "6项",
            "《益阳市人民政府2023年度重大行政决策事项目录》",
        ),
        (
            "烦请告知2023年印发的行政执法能力提升方案名称及第一批验收的单位数量。",
            "11个",
            "《益阳市行政执法能力三年提升行动实施方案》",
        ),
    ],
)
def test_a_count_and_the_name_of_its_document_are_both_answered(engine, question, figure, name):
    """The document whose name is asked beside a count is the one the count's own sentence names."""
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.answer and name in reply.answer, reply.text


@pytest.mark.parametrize(
    "question, figure, other",
    [("三统一 市政府 件数", "28件", "51件"), ("三统一 部门规范性文件 件数", "51件", "28件")],
)
def test_a_keyword_lookup_of_one_part_and_its_kind_of_figure_gives_that_part_only(engine, question, figure, other):
    """ "三统一 市政府 件数": 件数 is the count of the part named before it, one ask, not two."""
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.answer and other not in reply.answer, reply.text


def test_the_body_a_formal_letter_addresses_is_no_word_asked(engine):
    """ "请问贵局…": whom the letter is written to, never what the report lacks."""
    reply = engine.respond("请问贵局“复调对接”模式2023年调解和解案件数及调解和解率为何？")
    assert reply.status == "answer" and "78件" in reply.answer and "25%" in reply.answer, reply.text


def test_a_count_asked_by_its_kind_word_takes_only_its_own_figure(engine):
    """ "…配备执法记录仪的数量": 数量 names the kind asked, so the clause's other figures (公示执法事项) stay out."""
    reply = engine.respond("烦请提供2023年全市行政执法部门为执法人员配备执法记录仪的数量。")
    assert reply.status == "answer" and "4400台" in reply.answer and "7.5万余项" not in reply.answer, reply.text


@pytest.mark.parametrize(
    "question, figures",
    [
        ("市本级网上可办的政务服务事项一共多少项？零跑动的和只跑一次的又各是多少项？", ["2861项", "1837项", "1024项"]),
        (
            "再向园区赋权了几项审批服务事项？湘易办益阳旗舰店接了多少业务应用、多少服务场景？",
            ["11项", "300多个", "2000余个"],
        ),
    ],
)
def test_a_part_asking_each_of_several_is_split_too(engine, question, figures):
    reply = engine.respond(question)
    assert reply.status == "answer" and all(f in reply.text for f in figures), reply.text


@pytest.mark.parametrize("question", ["三统一 市政府 部门", "规范性文件 市政府 部门"])
def test_a_keyword_lent_to_the_rest_is_no_ask_of_its_own(engine, question):
    """ "三统一" answered alone is a description holding both figures: the subject of the kinds."""
    reply = engine.respond(question)
    assert reply.status == "answer" and "28件" in reply.text and "51件" in reply.text, reply.text
    assert not reply.text.startswith("政府合同合法性审查档案管理制度"), reply.text


def test_a_part_whose_own_reading_splits_into_itself_is_answered_not_recursed(engine):
    """A pinyin run read in a part ("多少qi jiu fen … 是吧 然后成功率多少") once split into
    itself without end (RecursionError): a part's parts are split one level only."""
    reply = engine.respond("那个人民调解化解了多少qi jiu fen 一万零八百多起是吧 然后成功率多少")
    assert reply.status in ("answer", "clarify", "fallback") and "10816起" in reply.text, reply.text


@pytest.mark.parametrize(
    "question",
    [
        "乡镇街道综合行政执法示范创建标准是哪五个方面啊权责清晰然后后面几个呢",
        "示范创建标准有五个方面 第一个是权责清晰 后面几个是啥",
    ],
)
def test_the_rest_of_a_list_the_report_names_in_full_is_listed(engine, question):
    """ "后面几个": the others by name, not a count; "…等五个方面" names all five, no count-only."""
    reply = engine.respond(question)
    assert reply.status == "answer" and "队伍健全" in reply.answer and "保障到位" in reply.answer, reply.text


def test_members_of_a_count_listed_only_in_part_are_still_declined(engine):
    reply = engine.respond("就是那种乡镇里头综合执法搞得规范、过了第一轮评的地方，具体是哪些乡镇")
    assert reply.status != "answer" and "22个" in reply.text, reply.text


def test_the_items_left_out_are_never_split_into_asks(engine):
    """ "除了红星云和市长信箱还有哪些": the rest of the 300多个 is asked, which the report does not list."""
    reply = engine.respond("省里手机办事软件益阳专区那300多个应用，除了红星云和市长信箱还有哪些")
    assert reply.status != "answer", reply.text


def test_two_figure_names_typed_together_are_both_answered(engine):
    """A staff lookup of two names with no break ("新增立法联系点立法意见条数"): both figures,
    though the second is not typed as the report names it (立法意见建议条数)."""
    reply = engine.respond("新增立法联系点立法意见条数")
    assert "5个" in reply.text and "40余条" in reply.text
    # one figure's name said in full is one figure, not two
    assert "公示执法事项数" not in engine.respond("法治审核的执法事项数，音像记录随案存档数，报一下").text
    assert engine.respond("执法记录仪配备数量").text.startswith("执法记录仪配备数量：4400台")


@pytest.mark.parametrize(
    "question, start",
    [
        ("网上可办2861项里头 跑动一次的事项有几项 是3072项对吧", "不是"),
        ("网上可办2861项里头 跑动一次的事项有几项", "跑动1次事项数"),
    ],
)
def test_the_figure_a_message_tells_is_the_whole_it_asks_within(engine, question, start):
    reply = engine.respond(question)
    assert reply.status == "answer" and reply.text.startswith(start) and "1024项" in reply.text


def test_a_number_checked_after_the_ask_is_no_figure_told(engine):
    """ "…定了几项 是不是六项": 6项 is checked, not told; the figure checked answers (是的)."""
    reply = engine.respond("市政府每年定的那个要拍板的大事清单，2023年市本级定了几向呀是不是六项")
    assert reply.text.startswith("是的") and "6项" in reply.text


@pytest.mark.parametrize(
    "message, figures",
    [
        # several measures named by their count nouns: each is an item, none asks as one lookup
        ("法援件数农民工讨薪", None),
        ("诉前调解件数成功率一审收案降幅", ["13355件", "56.8%"]),
        (
            "你好，那个 列一下：音像记录存档数、法治审核的执法事项数、参加执法资格考试的人数。",
            ["近2万件", "1.5万余项", "5100多名"],
        ),
    ],
)
def test_items_named_by_count_nouns_are_each_answered(engine, message, figures):
    reply = engine.respond(message)
    assert reply.status != "fallback", reply.text
    for figure in figures or []:
        assert figure in reply.answer, (figure, reply.text)


def test_a_year_after_a_lookup_is_its_year_not_a_number_checked(engine):
    reply = engine.respond("法援 件数 2023")
    assert "2900余件" in reply.answer and not reply.answer.startswith(("是的", "不是"))


def test_a_count_asked_after_an_ordinal_of_the_same_thing_is_a_second_ask(engine):
    """ "…是第几次会议通过的，市本级一共确定了几项": the second part names nothing of its own, yet
    counts where the first asked which one: both answered; and so as a follow-up."""
    question = "2023年度重大行政决策事项目录是第几次政府常务会议审议通过的，市本级一共确定了几项"
    reply = engine.respond(question)
    assert "第7次" in reply.answer and "6项" in reply.answer, reply.text
    chat = Conversation()
    engine.respond("2023年度重大行政决策事项目录是第几次政府常务会议审议通过的", chat, 1.0)
    assert "6项" in engine.respond("市本级一共确定了几项", chat, 2.0).answer.split("\n", 1)[0]


def test_voice_asks_added_with_oh_right_and_a_request_each_get_their_figure(engine):
    """ "哦对了" adds an ask and says nothing; "也帮我报一下" asks as a question word does."""
    reply = engine.respond(
        "嗯那个，人民调解，呃，化解了多少起来着，还有那个成功率，哦对了，诉前调解案例也帮我报一下，还有成功率"
    )
    heads = [line for line in reply.answer.split("\n") if "：" in line and not line.startswith(("原文", "出处"))]
    assert [h.split("：")[1] for h in heads] == ["10816起", "93%", "13355件", "56.8%"], reply.text


def test_a_line_naming_only_the_scope_narrows_the_ask_before_it(engine):
    """ "…多少家\\n全市的": the scope of the ask, never an ask of its own; the figure it gets is
    the one a check right after judges."""
    chat = Conversation()
    reply = engine.respond("首次不罚的企业多少家\n全市的", chat, 1.0)
    assert reply.entry_id == "first_offense_exempt_firms" and "4600余件" not in reply.answer, reply.text
    assert engine.respond("六千出头是吧", chat, 2.0).answer.startswith("是的")


def test_whether_another_one_exists_after_an_answer_is_no_check_of_it(engine):
    chat = Conversation()
    engine.respond("那跑一趟的有多少项", chat, 1.0)
    reply = engine.respond("跑两趟以上的还有冇", chat, 2.0)
    assert reply.entry_id == "two_plus_trip_items", reply.text


@pytest.mark.parametrize(
    "question, entry",
    [
        # breaks guessed in speech typed without marks, or a later part answered with the first
        ("承诺时限压缩了百分之多少处于全省啥水平", "time_compression_rate"),
        (
            "我在赫山区一个镇上当综合执法队员全市到底有几个乡镇街道通过综合行政执法示范创建初评了听队长说标准分好几块",
            "township_passed",
        ),
        ("第二批湖南省法治政府建设示范地区益阳有几个？就是哪几个区县跟单位", "second_batch_demo"),
    ],
)
def test_asks_declined_each_decline_the_message_only_where_the_asker_set_them_apart(engine, question, entry):
    assert engine.respond(question).entry_id == entry


def test_a_part_after_one_asking_after_shi_borrows_its_subject_not_its_predicate(engine):
    """ "重大决策事项目录是哪次会通过的，定了几多项": 定了几多项 is of 重大决策事项目录, not of 会通过."""
    reply = engine.respond("重大决策事项目录是哪次会通过的，定了几多项")
    assert "第7次" in reply.answer and "6项" in reply.answer, reply.text


def test_a_choice_of_kinds_whose_one_option_the_report_lacks_is_answered_by_the_other(engine):
    reply = engine.respond("执法资格考式组织了5100多,是人数还是场次")
    assert reply.status == "answer" and "5100多名" in reply.answer, reply.text
    assert engine.respond("执法资格考试组织了多少场次").status != "answer"


def test_a_staff_lookup_of_counts_by_their_nouns_gets_each(engine):
    """ "涉及方面数" counts the aspects (20多个方面), never the figures of an area named 涉及."""
    reply = engine.respond("谁执法谁普法 单位数 案例数 涉及方面数")
    assert all(v in reply.answer for v in ("30多家", "70个", "20多个方面")), reply.text


@pytest.mark.parametrize(
    "question",
    [
        "执法技能比武那个5100多，是人数还是场次",  # 技能比武: no word of 执法资格考试
        "承诺时限超期率那个74.1是百分比吧，不是压缩了74.1天？",  # a near miss before the figure
        "广州市承诺时限压缩率那个74.1是百分比吧，不是压缩了74.1天？",  # another city
    ],
)
def test_a_figure_quoted_of_a_thing_the_report_lacks_is_never_judged(engine, question):
    reply = engine.respond(question)
    assert reply.status != "answer" and not reply.text.startswith(("是的", "不是")), reply.text


def test_an_answer_a_combined_part_gave_already_is_not_repeated(engine):
    """ "农民工讨薪" answers 370名 and 317万余元 together: an ask of the money after it adds
    nothing, and each figure stands once."""
    reply = engine.respond("农民工讨薪 讨回最多的一笔 是多少钱")
    assert reply.text.count("为农民工讨回工资金额：317万余元") <= 1, reply.text


@pytest.mark.parametrize(
    "question, figure, lacked",
    [
        ("首次不罚的企业有几家，罚款金额是多少", "6125家", "罚款金额"),
        ("法律援助案件有多少件，律师有多少名", "2900余件", "律师"),
    ],
)
def test_two_asks_the_second_lacked_answers_the_first_and_names_the_second(engine, question, figure, lacked):
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.answer, reply.text
    missing = reply.text.split(figure, 1)[1]
    assert f"关于“{lacked}" in missing and "没有找到" in missing, reply.text


def test_a_check_with_a_lacked_part_gets_no_verdict_of_the_other_part(engine):
    reply = engine.respond("法律援助案件2900余件，其中刑事的一千件，对吧")
    assert not reply.answer.startswith("是的"), reply.text


@pytest.mark.parametrize(
    "question",
    [
        "三统一的规范性文件市政府的和部门的哪个多",
        "三统一的规范性文件市政府的和部门的which个多",
        "规范性文件市政府的和部门的哪个多",
    ],
)
def test_two_owners_typed_right_after_what_they_share_compare_its_two_figures(engine, question):
    reply = engine.respond(question)
    assert "28件" in reply.answer and "51件" in reply.answer and "70个" not in reply.answer, reply.text


def test_two_things_without_an_owners_de_are_compared_as_typed():
    found = find_comparison("执法记录仪和询问室哪个多")
    assert (found.first, found.second) == ("执法记录仪是多少", "询问室是多少")


def test_a_check_ending_in_bu_on_its_own_line_is_an_ask_of_its_own(engine):
    """ "能网上开不": a yes/no ask by its 不 ending; the line after it asks the count."""
    reply = engine.respond("无车证明能网上开不😂\n有几种证明能在线开呀")
    assert reply.answer.startswith("是的") and "30余种" in reply.answer, reply.text
    assert len(split_question("无车证明能网上开不😂\n有几种证明能在线开呀")[0].parts) == 2


@pytest.mark.parametrize(
    ("question", "figures"),
    [
        ("谁执法谁普法：责任单位数、案例数、涉及方面数", ("30多家", "70个", "20多个方面")),
        ("谁执法谁普法：案例数、责任单位数", ("70个", "30多家")),
        ("涉企柔性执法：事项数、办案数、免罚金额", ("358项", "4600余件", "2000余万元")),
    ],
)
def test_a_heading_before_a_colon_is_whose_each_item_is(engine, question, figures):
    """ "X：A、B、C": the heading names whose each listed item is; an item the heading does not
    fit is still answered by its own words (免罚金额 of 涉企柔性执法)."""
    reply = engine.respond(question)
    assert reply.status == "answer", reply.text
    at = [reply.answer.find(f) for f in figures]
    assert all(i >= 0 for i in at) and at == sorted(at), reply.text


@pytest.mark.parametrize(
    ("question", "figures"),
    [
        ("复调案件 和解率", ("78件", "25%")),
        ("诉前调解案件 成功率", ("13355件", "56.8%")),
        ("法援案件 咨询人次", ("2900余件", "近30000人次")),
    ],
)
def test_a_lookup_of_cases_then_a_measure_answers_both(engine, question, figures):
    """ "复调案件 和解率": a count named by its cases, then another measure of the same subject."""
    reply = engine.respond(question)
    assert all(f in reply.answer for f in figures), reply.text


def test_kinds_after_a_count_are_its_breakdown_never_other_measures(engine):
    """ "法援案件 刑事类 民事类": the report does not break 2900余件 down; 刑事 is no 刑事破案数."""
    reply = engine.respond("法援案件 刑事类 民事类")
    assert "110%" not in reply.answer, reply.text
