"""A figure answers only when the measure asked is its measure (decision/rules.py rule_measure_identity)."""

import pytest

from bot.decision.rules import measure_head


def _near_miss(reply) -> None:
    """No figure and no 是的/不是: the report lacks the measure asked."""
    assert reply.status != "answer"
    assert not reply.text.startswith(("是的", "不是")), reply.text


@pytest.mark.parametrize("question", ["2023年各立法联系点提出了多少条立法提案？", "立法联系点提了多少条立法提案"])
def test_a_word_the_report_lacks_ending_the_counted_phrase_is_what_is_counted(engine, question):
    """ "多少条立法提案": a verb by its part of speech, but ending the ask after the question word it
    names what is counted (the report counts 立法意见建议)."""
    reply = engine.respond(question)
    assert reply.status != "answer" and "40余条" not in reply.text.split("\n")[0], reply.text


def test_a_year_between_the_words_leaves_the_measure_as_it_is(engine):
    """ "法律援助投诉2023年受理了多少件": the year taken out, 投诉 is what was received (not 案件)."""
    assert engine.respond("法律援助投诉2023年受理了多少件").status != "answer"
    assert "2900余件" in engine.respond("法律援助案件2023年受理了多少件").answer


@pytest.mark.parametrize(
    "question, figure",
    [("多少家企业享受了首次不罚", "6125家"), ("wuzhengming chengshi 多少类证明免交", "50余类")],
)
def test_a_verb_after_the_counted_thing_or_said_shorter_is_no_measure(engine, question, figure):
    """ "多少家企业享受了…" (a predicate after 企业), "免交" (免提交 said shorter): the figure answers."""
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.answer, reply.text


@pytest.mark.parametrize(
    "question, head",
    [
        ("法律援助律师有多少名", "律师"),
        ("湘易办益阳旗舰店有多少注册用户", "用户"),
        ("2023年全市刑事案件一共破了多少起", "刑事案件"),
        ("有多少家企业首次不罚", "企业"),
        ("普法典型案例涉及多少个方面", ""),  # a neutral noun: the kind of count, not a measure
        ("调处成功率百分之九十三，那调解了多少起", "调解"),  # only the asking clause counts
        ("执法资格考试最后通过了多少人", "通过"),  # what was done to those counted
        ("这些不罚的加起来少罚了多少钱", ""),  # a verb's complement names nothing
        ("问话用的屋子和开听证用的屋子 一共建了多少处", ""),  # 一共建, not 共建
        ("网上可办率是百分之多少", ""),  # the kind of figure, not a measure
        ("民商事一审收案是升了还是降了变了多少", ""),  # a word of asking before it, no noun
        ("这回又放下去几项", ""),  # an action with its direction: what was done, not what is counted
        ("可在网上办理的共有多少项", ""),  # a plain act of those counted (办理的), not what they are
        ("先让法制部门把关审一遍的有多少项", ""),  # how often (一遍) names nothing counted
    ],
)
def test_measure_head(engine, question, head):
    assert measure_head(engine.packs[0].analyze(question)) == head


@pytest.mark.parametrize(
    "question",
    [
        "法律援助律师有多少名",
        "湘易办益阳旗舰店有多少注册用户",
        "2023年全市刑事案件一共破了多少起",
        # 法庭 is in a phrasing of 诉前调解 only as what it has not yet done ("没上法庭先调解的")
        "法庭调解了多少件",
    ],
)
def test_a_measure_the_report_lacks_gets_no_figure(engine, question):
    _near_miss(engine.respond(question))


def test_what_a_thing_has_not_yet_done_still_describes_it(engine):
    reply = engine.respond("没上法庭先调解的案子有几件")
    assert reply.status == "answer" and "13355件" in reply.answer, reply.text


@pytest.mark.parametrize(
    "question, figure",
    [("首次不罚的企业有多少家", "6125家"), ("执法记录仪配了多少台", "4400台"), ("法律援助案件有多少件", "2900余件")],
)
def test_the_figure_of_the_measure_asked_still_answers(engine, question, figure):
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.answer


@pytest.mark.parametrize("question", ["湘易办益阳旗舰店有多少注册用户", "组织了多少名行政网格员参加执法资格考试？"])
def test_the_head_of_the_counted_noun_phrase_decides(engine, question):
    assert engine.respond(question).status != "answer"


@pytest.mark.parametrize(
    "question",
    [
        "“0”排队次数的事项有多少项？",
        "2023年又向园区收权了多少项审批服务事项？",
        "编制了多少项个体户合规指导建议？",
        "司法救助一年受理多少件",  # a span of time between the word off and the figure's own word
        "司法救助一共受理了多少件案子",  # a total's word between
        "全市网格员配的执法记录仪是4400台对吧",  # whose it is, through the figure's own verb
        "发案数增幅",  # what changed, before the change word: 发案 is no 破案
    ],
)
def test_one_word_off_the_figures_own_words_is_a_near_miss(engine, question):
    """The report's words for the figure but one, a word the report never uses: another measure."""
    reply = engine.respond(question)
    assert reply.status != "answer"


@pytest.mark.parametrize(
    "question, head",
    [
        ("负责人败诉率是百分之百吗", "败诉率"),  # a rate of a verb: the name of a measure
        ("新增的立法听证会是10个吗", "听证会"),
        ("市本级重大招商项目是不是六项", "项目"),
        ("法律援助案件是不是两千九百多件", "案件"),
        ("执法记录仪不是才几百台吗", "记录仪"),  # a rough figure states one too
    ],
)
def test_the_head_of_a_check_is_the_subject_of_its_figure(engine, question, head):
    assert measure_head(engine.packs[0].analyze(question)) == head


@pytest.mark.parametrize(
    "question",
    [
        "负责人败诉率是百分之百吗",
        "新增的立法听证会是10个吗",
        "市本级重大招商项目是不是六项",
        "2023年新增了10个立法听证会？",
        "湘易办益阳旗舰店接了三百多个注册用户是不是",
        "零排队的事项有一千八百多项吗",  # a subject the figure's words lack, checked
        "诉后执行成功率超过六成没有",
        "法律援助投诉受理了三千多件吗",  # what was received, a word the report never writes
        "法律援助投诉是不是受理了三千多件",
    ],
)
def test_a_check_of_another_measure_gets_neither_yes_nor_no(engine, question):
    _near_miss(engine.respond(question))


@pytest.mark.parametrize(
    "question",
    [
        "法律援助投诉受理了多少件",  # what was received: a word the report never writes
        "立法联系点提的提案没有一百条吧",
        "法律援助投诉是不是两千九百多件",
    ],
)
def test_what_is_counted_is_the_word_the_report_never_writes_whatever_its_part_of_speech(engine, question):
    _near_miss(engine.respond(question))


@pytest.mark.parametrize(
    "question, lacked",
    [
        ("给网格员配备了多少台执法记录仪？", "网格员"),  # a character ending the word off is part of it
        ("2023年各立法听证会提出了多少条立法意见建议？", "听证会"),  # its head the report never writes
    ],
)
def test_a_word_off_is_named_whole(engine, question, lacked):
    reply = engine.respond(question)
    _near_miss(reply)
    assert f"“{lacked}”" in reply.text, reply.text


@pytest.mark.parametrize(
    "question, fragment", [("给园区下放权力用的是什么办法", "权力用"), ("益阳那个店里接了多少个业务应用", "店里接")]
)
def test_a_verb_after_a_word_off_is_never_glued_to_it(engine, question, fragment):
    """Only a noun-forming character (员, 室, 费 …) joins the word before it; a verb starts the next phrase."""
    assert f"“{fragment}”" not in engine.respond(question).text


@pytest.mark.parametrize(
    "question, figure",
    [
        ("部门规范性文件三统一的不止五十件吧", "51件"),  # words of the claim are not its subject
        ("行政机关负责人出庭应诉率难道还不到百分之百？", "100%"),
        ("全市多少家企业享受了首次不罚", "6125家"),  # a verb after what is counted says which ones
    ],
)
def test_words_of_a_claim_or_of_which_ones_are_not_what_is_counted(engine, question, figure):
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.text


@pytest.mark.parametrize("question", ["刑事发案数", "全市刑事发案数同比下降了吗", "行政机关负责人败诉率有多少"])
def test_a_rate_or_count_of_another_thing_is_a_near_miss(engine, question):
    """ "发案数" beside the figure's 刑事: a count of something the report never counts."""
    assert engine.respond(question).status != "answer"


@pytest.mark.parametrize(
    "question, figure",
    [
        ("法律援助案件是不是两千九百多件", "2900余件"),
        ("行政机关负责人出庭应诉率是百分之百吗", "100%"),
        ("刑事破案数同比上升了吗", "110%"),
        ("新增的立法联系点是5个吗", "5个"),
    ],
)
def test_a_check_of_the_figures_own_measure_is_still_judged(engine, question, figure):
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.text


def test_a_thing_described_in_the_askers_own_words_is_still_answered(engine):
    reply = engine.respond("执法的人胸口挂的那个录像的玩意儿 配了多少")
    assert reply.status == "answer" and "4400台" in reply.text


def test_drafted_pack_change_and_predicate_words_are_not_near_misses(tmp_path):
    """A change asked (同比增长了多少) names no measure of its own; words after the counted
    noun (有多少家企业…没被罚款) say which ones, not what is counted."""
    from bot.engine.engine import Engine
    from bot.importer import import_report
    from bot.knowledge.packs import load_library

    source = tmp_path / "r2024.txt"
    source.write_text(
        "临江市2024年法治政府建设情况\n一、营商环境\n"
        "帮办代办服务。全年帮办代办服务量同比增长27.3%，对7030家企业的轻微违法行为依法不予处罚。\n"
        "行政复议。行政复议新收612件。\n",
        encoding="utf-8",
    )
    assert import_report(source, tmp_path / "packs" / "linjiang-2024").ok
    engine = Engine(load_library(tmp_path / "packs"))
    assert "27.3%" in engine.respond("帮办代办服务量同比增长了多少").text.split("原文")[0]
    assert "7030家" in engine.respond("有多少家企业轻微违法没被罚款").text.split("原文")[0]
    assert "612件" in engine.respond("新收行政复议案件多少件").text.split("原文")[0]
    assert engine.respond("2023年全市刑事案件一共破了多少起").status != "answer"


def test_a_figure_of_the_kind_asked_beats_an_explanation_of_its_subject(engine):
    """ "涉企柔性执法免罚金额多少": the explanation of 涉企柔性执法 leads, but the one near figure
    in money covers every word asked, so it answers instead of "no amount given"."""
    reply = engine.respond("涉企柔性执法免罚金额多少")
    assert reply.status == "answer" and "2000余万元" in reply.answer


@pytest.mark.parametrize(
    "question, figure",
    [
        ("执法人员身上挂着录像的那个设备配了多少", "4400台"),
        ("政府一年要定的大事提前列个单子公示的那个，市本级列了几项", "6项"),
        ("诉前调解一万三千多件 准确数是多少", "13355件"),
    ],
)
def test_a_things_kind_or_the_figure_itself_is_never_what_the_report_lacks(engine, question, figure):
    """设备, 单子, 准确数 stand for the thing described or its figure: the description answers."""
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.answer, reply.text
    assert not reply.answer.startswith(("是的", "不是"))  # a rough number beside 多少 is not a check


@pytest.mark.parametrize(
    "question, figure, not_figure",
    [
        ("行政执法能力三年提升行动围绕几个方面部署的", "四个方面", "11个"),
        ("乡镇综合行政执法示范创建标准从几个方面定的", "五个方面", "22个"),
        ("普法典型案例涉及多少个方面", "20多个方面", "70个"),
    ],
)
def test_a_count_of_a_named_noun_is_answered_by_the_figure_counting_it(engine, question, figure, not_figure):
    """ "几个方面" is answered by the figure counting 方面 (四个方面, written in words in the report),
    never by another count of the same subject."""
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.answer and not_figure not in reply.answer, reply.text


@pytest.mark.parametrize(
    "question, figure",
    [
        ("公家在园区那边又下放了几项权", "11项"),
        ("公家一共受理了多少件案子", "2900余件"),
        ("湘易办益阳那家店里一共接了多少个业务应用", "300多个"),
        ("政府被老百姓告了 领导亲自上法庭的比例有多高", "100%"),
        ("法律咨询是按什么计数的 有多少", "近30000人次"),
    ],
)
def test_a_word_off_the_figure_but_not_in_its_slot_is_no_near_miss(engine, question, figure):
    """Only a word standing next to the figure's own words (排队次数, 立法提案) names another
    measure; the one who acted (公家), everyday people (老百姓) or how it is put (计数) do not."""
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.answer, reply.text


@pytest.mark.parametrize(
    "question", ["“0”排队次数的事项有多少", "立法提案有多少条", "人民调解化解的纠纷各区县分别是多少起"]
)
def test_near_misses_and_breakdowns_stay_declined(engine, question):
    assert engine.respond(question).status != "answer"


def test_people_counted_with_ge_are_people_never_a_count_of_cases(engine):
    """ "多少个法律援助律师" counts people: 法律援助案件2900余件 never answers it."""
    reply = engine.respond("益阳一共有多少个法律援助律师")
    assert reply.status != "answer" and "2900余件" not in reply.text.split("报告中相关的内容")[0]
    assert "370名" in engine.respond("帮了多少个农民工讨薪").answer


def test_a_description_before_de_is_not_what_the_report_lacks(engine):
    """ "讲道理的软办法办的案子": the asker's description of 柔性执法, not a measure of its own; a
    thing named in one compound (志愿者团队) still is."""
    reply = engine.respond("全市用这种不罚款讲道理的软办法办了好几千个案子到底是多少件啊")
    assert reply.status == "answer" and "4600余件" in reply.answer
    assert engine.respond("“谁执法谁普法”志愿者团队发布了多少个典型案例？").status != "answer"
    assert "闺女" not in engine.respond("闺女说她单位领导讲，中央电视台哪个台播了益阳那个什么码，哪个节目啊").text


def test_a_measure_noun_made_of_the_figures_own_words_is_its_measure(engine):
    """申请事项 = 申请 + 事项, both words of 依申请类政务服务事项: no "report lacks" reply."""
    reply = engine.respond("市本级网上可办的依申请事项有多少")
    assert reply.status == "answer" and "2861项" in reply.text


@pytest.mark.parametrize(
    "question",
    ["劳动仲裁调处成功率是百分之九十三吗", "2023年指导劳动仲裁化解纠纷多少起？"],
)
def test_an_activity_the_report_never_tells_of_glued_to_a_measure_is_a_near_miss(engine, question):
    """劳动仲裁 (two words, an activity the report never writes) beside the figure's own words:
    another measure. The decline shows the nearest figure without its 是的."""
    reply = engine.respond(question)
    assert reply.status != "answer" and "劳动仲裁" in reply.text
    assert "是的" not in reply.text and "不是" not in reply.text


def test_words_off_joined_are_lacked_when_one_of_them_is_never_written(engine):
    """司法 stands in the report (刑事司法), 救助 never; 司法救助 as a whole never: a near miss."""
    reply = engine.respond("2023年共受理司法救助案件多少件？")
    assert reply.status != "answer" and "司法救助" in reply.text


def test_a_rate_asked_of_a_sentence_quoted_whole_must_be_its_rate(engine):
    """纠错率 asked; the sentence states 和解率: no answer, whatever characters they share (纠纷)."""
    reply = engine.respond("复议 纠错率 2023")
    assert reply.status != "answer" and "纠错率" in reply.text


@pytest.mark.parametrize("question", ["诉后执行成功率百分之多少", "诉后执行成功率比例是多少"])
def test_a_rate_of_another_subject_asked_with_its_kind_after_it_is_a_near_miss(engine, question):
    """ "…成功率百分之多少": the kind of figure after the name does not hide the subject."""
    assert engine.respond(question).status != "answer"


@pytest.mark.parametrize(
    "lookup, lacking",
    [("湘易办注册用户", "用户"), ("首次不罚个体户", "个体户"), ("柔性执法岗位", "岗位"), ("立法提案", "提案")],
)
def test_a_lookup_whose_noun_the_report_never_writes_is_declined_with_the_related_entry(engine, lookup, lacking):
    reply = engine.respond(lookup)
    _near_miss(reply)
    assert f"“{lacking}”" in reply.text and "相关的内容" in reply.text, reply.text


@pytest.mark.parametrize(
    "lookup", ["政策兑现快车是干嘛的", "湘易办旗舰店", "首次不罚企业数", "营商码", "执法资格考试 参考人数"]
)
def test_a_lookup_of_the_reports_own_words_or_a_question_is_answered(engine, lookup):
    assert engine.respond(lookup).status == "answer"


@pytest.mark.parametrize("lookup", ["市本级 重大招商项目 数量", "2023 市本级 重大招商项目 数量"])
def test_keywords_typed_with_spaces_are_read_as_one_name(engine, lookup):
    """The spaces cut no clause: the noun of the lookup (项目) is checked as if typed together."""
    assert engine.respond(lookup).status != "answer"
    assert "6项" in engine.respond(lookup.replace("招商项目", "行政决策事项")).answer


def test_a_total_asked_of_another_kind_of_case_is_a_near_miss(engine):
    # 总数 and 全市 say how much and where; 行政处罚 says of what, and no figure of the report counts it
    _near_miss(engine.respond("2023年全市行政处罚案件总数是多少"))
    assert "4600余件" in engine.respond("2023年全市柔性执法办案总数").answer


@pytest.mark.parametrize("question", ["刑事破案数涨幅", "刑事破案数的涨幅", "刑事破案数变化幅度"])
def test_a_word_of_change_is_the_measure_of_a_figure_stating_a_change(engine, question):
    reply = engine.respond(question)  # 同比上升110%: its 涨幅 is what it states, never "报告中没有"
    assert reply.status == "answer" and "110%" in reply.answer, reply.text


def test_a_word_of_wholeness_is_not_a_measure_off_the_figure(engine):
    reply = engine.respond("执法全程录的音和视频 跟着案卷一起归档的有多少件")
    assert reply.status == "answer" and "近2万件" in reply.answer, reply.text


@pytest.mark.parametrize(
    "question, head",
    [
        (
            "柔性执法办了多少投诉",
            "投诉",
        ),  # right after the question word, a word the report never writes is what is counted
        ("有多少家企业享受了首次不罚", "企业"),  # a verb further on is not
    ],
)
def test_measure_head_right_after_the_question_word(engine, question, head):
    pack = engine.packs[0]
    assert measure_head(pack.analyze(question), pack.context.report_norm) == head


def test_an_everyday_word_for_the_thing_counted_is_the_reports_word(engine):
    """ "案子" is 案件 (synonyms): counted in 件, it is what the figure counts, never a word the report lacks."""
    reply = engine.respond("执法的时候全程录下来的视频录音，后来随案子存档了多少件")
    assert reply.status == "answer" and "近2万件" in reply.answer, reply.text
    assert engine.respond("法律援助投诉受理了多少件").status != "answer"


@pytest.mark.parametrize(
    "question",
    ["破了多少起案子", "人民调解破了多少起案子"],  # 破案 is the report's act of another figure (刑事破案数)
)
def test_the_act_done_to_the_counted_noun_is_part_of_the_measure(engine, question):
    reply = engine.respond(question)
    assert "10816起" not in reply.text.split("\n")[0]
    _near_miss(reply)


@pytest.mark.parametrize(
    "question, figure",
    [
        ("人民调解化解了多少起纠纷", "10816起"),
        ("法律援助办了多少件案子", "2900余件"),
        ("人民调解调了多少起", "10816起"),
    ],
)
def test_an_act_the_figure_itself_writes_or_a_plain_doing_word_still_answers(engine, question, figure):
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.answer


@pytest.mark.parametrize("question", ["行政复议收案数", "行复 收案数"])
def test_a_count_looked_up_is_never_answered_by_a_rate(engine, question):
    reply = engine.respond(question)
    assert reply.status != "answer" and not reply.text.startswith("复调对接调解和解率")


@pytest.mark.parametrize(
    "question, figure",
    [("市本级政务服务事项网上可办率", "100%"), ("市本级政务服务事项网上可办数", "2861项")],
)
def test_a_rate_looked_up_is_answered_by_the_rate_never_the_count(engine, question, figure):
    """The lookup names its measure by its last word: 可办率 is the rate even when the words
    before it are the count's sentence's ("市本级…事项"); the count is no answer to it."""
    reply = engine.respond(question)
    assert reply.status == "answer" and reply.answer.split("\n")[0].endswith(figure), reply.text


@pytest.mark.parametrize(
    "question, figure",
    [
        ("参加考试的执法人员一共有多少人", "5100多名"),
        ("考执法资格的执法人员有多少名", "5100多名"),
        ("讨薪的农民工有多少人", "370名"),
        ("帮了多少农民工", "370名"),
        # an outcome the figure counts
        ("复调对接调成了多少件", "78件"),
        ("有多少个乡镇通过了初评", "22个"),
        ("讨薪成功了多少人", "370名"),
    ],
)
def test_people_counted_by_what_they_did_answer_when_the_ask_says_it(engine, question, figure):
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.answer, reply.text


@pytest.mark.parametrize("question", ["复调和解数", "复调 和解数"])
def test_the_count_of_a_word_is_not_read_as_another_word(engine, question):
    reply = engine.respond(question)  # 和解数 is the count of 和解, never the word 解数
    assert reply.status == "answer" and "78件" in reply.answer


def test_money_spent_is_not_another_kind_of_money(engine):
    for question in ("花了多少钱", "法律援助一共花了多少钱"):
        _near_miss(engine.respond(question))


def test_money_in_a_description_of_people_is_not_the_measure(engine):
    reply = engine.respond("帮没钱打官司的人那个事一年办了多少")
    assert "诉讼" not in reply.text and "金额" not in reply.text.split("\n")[0]


def test_a_thing_the_report_counts_right_after_the_question_word_is_the_measure(engine):
    """ "多少个应用": 应用 is what the report counts (300多个业务应用), whatever its part of speech."""
    reply = engine.respond("手机上湖南那个政务app 益阳的店里接了多少个应用")
    assert reply.status == "answer" and "300多个" in reply.answer, reply.text


def test_whose_count_is_asked_still_decides_when_the_counted_thing_is_the_reports(engine):
    """ "各个立法听证会…多少条意见建议": 意见建议 the report counts, but of 立法联系点, not 听证会."""
    _near_miss(engine.respond("各个立法听证会一年提了多少条意见建议"))


def test_an_act_asked_of_nothing_named_is_the_figures_act_or_no_answer(engine):
    """ "执法部门一共配了多少个": 配 (配备) is the act of 4400台, never of 公示执法事项."""
    reply = engine.respond("全市执法部门一共配了多少个")
    assert "7.5万余项" not in reply.text.split("\n")[0]
    assert engine.respond("执法记录仪一共配了多少个").status == "answer"


@pytest.mark.parametrize(
    "question, figure",
    [
        ("申请行政复议的时候顺带调解把矛盾化掉的那种模式和解率有多少", "25%"),
        ("政府每年列的那个要开会集体拍板的大事清单，2023年定了几项", "6项"),  # 那个…的: described after
        ("政府部门当了被告，单位一把手自己去法庭应诉的比例是多少", "100%"),  # where one goes to do it
        ("行政机关一把手亲自上法庭当被告应诉的比例是多少", "100%"),
    ],
)
def test_the_askers_description_of_the_thing_is_no_measure_word(engine, question, figure):
    """ "…顺带调解把矛盾化掉的那种模式", "那个要开会集体拍板的大事清单": how the asker describes
    it, not a word the figure must have."""
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.answer, reply.text


@pytest.mark.parametrize("question, figure", [("只要去现场跑一回就能办好的事项有多少", "1024项")])
def test_a_description_in_the_askers_own_verbs_before_the_figures_noun_is_no_measure_word(engine, question, figure):
    """ "去现场跑一回就能办好的|事项": the clause describes the figure's own noun in verbs the report
    never writes (办好), so 现场 says how it goes, not which measure; the report's verb with
    another noun ("网格员配备的执法记录仪") is no such description."""
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.answer, reply.text


@pytest.mark.parametrize(
    "question", ["询问室听证室一共建有多少", "全部音像记录随案存档数近2万件，询问室听证室一共建有多少"]
)
def test_a_verb_of_having_is_no_measure(engine, question):
    reply = engine.respond(question)  # 建有, 设有: having, never "报告中没有关于建有"
    assert reply.status == "answer" and "近200处" in reply.answer, reply.text


def test_a_clause_of_the_story_holds_no_word_the_figure_must_have(engine):
    """ "村里老人都说法律条文看不懂，…2023年一共发布了多少个典型案例": 条文 is the story's."""
    message = "我是南县一个村的村支书，村里老人都说法律条文看不懂，听说现在执法部门用案例来普法，讲得实在。2023年一共发布了多少个典型案例？"
    reply = engine.respond(message)
    assert reply.status == "answer" and "70个" in reply.answer, reply.text


@pytest.mark.parametrize(
    "question, stated",
    [
        ("承诺时限压缩率在全省排第几", "处于全省前列"),
        ("柔性执法率在全省排第几", "在全省领先"),
        ("两法衔接在全省排第几", "全省第一"),
    ],
)
def test_a_rank_answers_only_for_the_subject_asked(engine, question, stated):
    """Where a figure stands, said in words by its own sentence; never another subject's rank."""
    reply = engine.respond(question)
    assert reply.status == "answer" and stated in reply.answer, reply.text


def test_a_rank_the_report_never_gives_is_declined_not_anothers(engine):
    reply = engine.respond("网上可办率在全省排第几")
    assert reply.status != "answer" and "网上可办率的排名" in reply.text, reply.text


@pytest.mark.parametrize(
    "question",
    [
        # another subject ranked in the clause after a 、 ("出庭应诉率为100%、…案件数量在全省排名靠前")
        "出庭应诉率在全省算什么水平",
        # a rate ranked, a count asked (案件柔性执法率在全省领先 is no rank of 办理案件)
        "全市通过柔性执法方式办理案件在全省排第几",
        # an entry's phrasing ("企业第1次犯点小错") states no rank
        "首次不罚企业在全省靠不靠前",
        # the rank asked alone after the subject is no ask of its own (no split "X | 在全省靠不靠前")
        "审查意见条数在全省靠不靠前",
    ],
)
def test_a_rank_is_never_another_clauses_or_a_phrasings(engine, question):
    reply = engine.respond(question)
    assert reply.status != "answer", reply.text


@pytest.mark.parametrize("question", ["承诺时限压缩了百分之多少 处于全省啥水平", "承诺时限压缩率多少，在全省什么水平"])
def test_a_rank_in_the_province_asked_beside_a_figure_is_the_citys_own(engine, question):
    """全省 frames the rank asked (处于全省前列 answers it), no wider scope; 处于 counts no 处."""
    reply = engine.respond(question)
    assert reply.status == "answer" and "74.1%" in reply.answer and "全省前列" in reply.text, reply.text


def test_a_count_of_trips_named_is_never_anothers(engine):
    """ "还有没有要跑两趟以上才能办的事": 2次 is named; the entry named by 0 trips (1837项) is
    another measure (it was the answer)."""
    reply = engine.respond("还有没有要跑两趟以上才能办的事")
    assert "1837项" not in reply.answer and "1024项" not in reply.answer, reply.text


def test_a_rank_is_no_amount_and_an_amount_no_rank(engine):
    """ "那全省一共多少": how many is never a rank (两法衔接…全省第一 was the answer); "排名多少"
    asks where it stands."""
    reply = engine.respond("那全省一共多少")
    assert "全省第一" not in reply.answer, reply.text
    reply = engine.respond("两法衔接排名多少")
    assert reply.status == "answer" and "全省第一" in reply.answer, reply.text


@pytest.mark.parametrize("question", ["被罚的企业一共多少家", "受罚企业多少家", "有没有罚款的企业"])
def test_a_figure_of_what_was_not_done_never_counts_what_was(engine, question):
    """首次不罚企业数 (6125家) counts the firms not fined: never an answer to how many were fined."""
    reply = engine.respond(question)
    assert reply.status != "answer" and "6125家" not in reply.text.split("\n")[0], reply.text


@pytest.mark.parametrize(
    "question",
    [
        "全市罚款总共罚了多少",
        "罚了多少钱",
        "那一年一共罚款多少万元",
        "首次不罚的罚款金额是多少",  # 不 negates the name's 罚, not the 罚款 asked
        "首违不罚的罚款金额有没有超过一千万",  # a check too
    ],
)
def test_money_waived_never_answers_money_fined(engine, question):
    """免罚金额 (2000余万元) is the fines waived: the fines imposed, asked with no negation, are
    not in the report."""
    reply = engine.respond(question)
    assert reply.status != "answer" and "2000余万元" not in reply.text.split("\n")[0], reply.text


@pytest.mark.parametrize(
    "question",
    [
        "少罚了多少钱",
        "罚款减免了多少",
        "首次不罚免掉的罚款有多少",
        "首次不罚一共免了企业多少罚款",  # the negation reaches its verb over the words between
        "第一次违规不罚，一共免掉了多少万元罚款",
        "头回犯错不罚帮企业省下多少罚款",
    ],
)
def test_money_waived_asked_with_a_negation_is_answered(engine, question):
    reply = engine.respond(question)
    assert reply.status == "answer" and "2000余万元" in reply.answer, reply.text


@pytest.mark.parametrize(
    "question",
    [
        "没被罚的企业有几家",
        "轻微违规第一次没有罚款的企业有多少家",
        "第一次冇得罚款的企业有好多家",
        "罚都冇罚的企业有好多家",
    ],
)
def test_firms_not_fined_asked_with_a_negation_are_answered(engine, question):
    """没有 / 冇得 (没有 in Xiang) before the verb negate it as 没 does."""
    reply = engine.respond(question)
    assert reply.status == "answer" and "6125家" in reply.answer, reply.text


@pytest.mark.parametrize(
    "question, lacked",
    [
        ("组织了多少名行政执法人员参加执法技能比武？", "技能"),
        ("2023年有多少家“谁执法谁普法”责任单位发布了宣传视频？", "视频"),
    ],
)
def test_what_the_counted_did_after_the_question_word_is_part_of_the_measure(engine, question, lacked):
    """ "多少名执法人员参加执法技能比武": what they took part in names the measure; the report
    counts those who sat the 执法资格考试, so the figure of that is no answer."""
    reply = engine.respond(question)
    assert reply.status == "fallback" and lacked in reply.text.split("\n")[0], reply.text


@pytest.mark.parametrize(
    "question, figure",
    [
        ("想问下2023年益阳有多少家企业因为轻微违规第一次没被罚款？", "6125家"),  # what did not happen
        ("组织了多少名行政执法人员参加执法资格考试", "5100多名"),
        ("有多少家单位发布了典型案例", "30多家"),
        ("把审批的权力往工业园区下放，这次又放了多少项", "11项"),  # the report's bare 园区, specified
        ("跟政府打行政官司能不能在复议的时候就和解掉，这样和解的有多少件", "78件"),  # a synonym's word
        ("人民调解员调解了多少起纠纷", "10816起"),
    ],
)
def test_what_the_counted_did_in_the_reports_words_is_answered(engine, question, figure):
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.answer, reply.text


@pytest.mark.parametrize("question", ["排队“1”次的事项有多少项？", "排队1次的事项有多少项"])
def test_a_word_off_beside_a_count_of_the_figure_is_a_near_miss(engine, question):
    """ "排队1次" of 跑动“1”次: the count said with it puts the word in the figure's slot."""
    reply = engine.respond(question)
    assert reply.status == "fallback" and "排队" in reply.text.split("\n")[0], reply.text


@pytest.mark.parametrize("question", ["新增的立法联系点具体是哪些", "新增的5个立法联系点具体是哪5个地方"])
def test_members_of_a_count_listed_nowhere_are_a_count_only_decline(engine, question):
    """新增5个立法联系点 names no member; the 、 of its sentence lists other things (政协委员、
    人民团体…), so the list asked is the count-only decline, never the count as if it were the list."""
    reply = engine.respond(question)
    assert reply.status == "fallback" and "5个" in reply.text.split("\n")[0], reply.text


def test_x_shu_asked_of_a_count_is_the_count_of_x(engine):
    """ "初评数" of "22个乡镇(街道)通过初评": 数 is what a count is; a rate or a sum is no count."""
    for check, verdict in (("乡镇街道通过初评数有22个，对吗", "是的"), ("乡镇街道通过初评数有30个，对吗", "不是")):
        reply = engine.respond(check)
        assert reply.status == "answer" and reply.answer.startswith(verdict) and "22个" in reply.answer, reply.text
    reply = engine.respond("人民调解调处成功数是多少")
    assert "93%" not in reply.answer.split("\n", 1)[0], reply.text


@pytest.mark.parametrize(
    "question, verdict, figure",
    [
        ("零跑动的事项是不是一千八百多项", "是的", "1837项"),
        ("诉前调解成功率超过五成没有", "是的", "56.8%"),
        ("法律援助是不是受理了两千九百多件", "是的", "2900余件"),
        ("法审事项是不是一万多项", "是的", "1.5万余项"),  # 法审: 法(治)审(核), the figure's words shortened
    ],
)
def test_a_check_in_the_figures_own_words_is_still_judged(engine, question, verdict, figure):
    reply = engine.respond(question)
    assert reply.status == "answer" and reply.answer.startswith(verdict) and figure in reply.answer, reply.text


def test_a_short_form_of_the_figures_words_is_its_subject(engine):
    reply = engine.respond("法审事项有多少")
    assert reply.status == "answer" and "1.5万余项" in reply.answer, reply.text


def test_one_characters_sound_is_no_word_of_the_figure(engine):
    """ "问话的屋子" (室) never passes as 公示执法事项 because 室 and 事 sound alike."""
    reply = engine.respond("执法时候问话的屋子多少个")
    assert "7.5万余项" not in reply.answer.split("\n", 1)[0], reply.text
    reply = engine.respond("执法时候问话的屋子和开听证的屋子建了多少个")
    assert reply.status == "answer" and reply.answer.startswith("询问室听证室数量：近200处"), reply.text


@pytest.mark.parametrize(
    "question, figure, other",
    [
        ("执法部门边执法边普法，一共发了多少个案例？是三十五个吗", "70个", "30多家"),
        ("谁执法谁普法发布了多少典型案例", "70个", "30多家"),
        ("普法责任单位有多少家发布了案例", "30多家", "70个"),  # 家 counts who published
    ],
)
def test_the_count_asked_is_the_amount_written_next_to_the_noun_counted(engine, question, figure, other):
    """ "多少个案例": the sentence writes 案例70个; 30多家 counts the 单位 that published them."""
    head = engine.respond(question).answer.split("\n")[0]
    assert figure in head and other not in head, head


def test_count_of_reads_the_amount_beside_the_noun():
    from bot.decision.counted import count_of, counted_asked

    sentence = "2023年,30多家“谁执法谁普法”责任单位发布典型案例70个,涉及生态环境保护等20多个方面。"
    assert counted_asked("一共发了多少个案例") == "案例" and counted_asked("新增了多少个立法联系点") == "联系点"
    assert count_of("案例", sentence) == "70个"
    assert count_of("单位", sentence) == "30多家"  # the amount, the unit's name (“谁执法谁普法”责任), the unit
    assert count_of("单位", "30多家单位的，发布典型案例70个") == "30多家"
    assert count_of("案例", "共有30多家，单位发布了一批案例") == ""  # a break between: not its amount
    assert count_of("方面", sentence) == "20多个" and count_of("企业", sentence) == ""


@pytest.mark.parametrize(
    "question",
    ["劳动仲裁的调处成功率不会低于九成吧", "劳动仲裁的调处成功率在九成以上吗", "劳动仲裁的调处成功率高于九成吗"],
)
def test_a_bound_checked_of_another_subject_is_no_yes(engine, question):
    """The frame of a bound (不会低于, 在…以上, 高于) is no part of the subject: 劳动仲裁 is not
    人民调解, so never 是的 on its 93%."""
    reply = engine.respond(question)
    assert reply.status != "answer" or not reply.answer.startswith("是的"), reply.answer


@pytest.mark.parametrize(
    "question, figure",
    [
        ("不罚钱那个用在了多少家企业身上", "6125家"),  # where the counted thing is said, after it
        ("是什么证明材料不用交了", "50余类"),  # the kind the answer is, after 什么
        ("是什么证件不用交了", "50余类"),
        ("执法全过程的音像记录随案存档了多少件", "近2万件"),  # the whole of it, no part
        # the count named last in a long lookup is of the thing before it (not 公示执法事项)
        ("全市行政执法部门配备执法记录仪数量", "4400台"),
        # the leader explains and states no sum; the sum of its own sentences answers
        ("柔性执法免罚的钱有多少", "2000余万元"),
        # the plaque of an honour received is no brand asked
        ("市市场监管局在法治政府建设上拿到了什么牌子", "湖南省法治政府建设示范地区"),
        ("益阳法治政府建设都拿了哪些牌子", "全国法治政府建设示范市"),  # honours received, several
    ],
)
def test_words_around_the_counted_thing_never_make_it_another_measure(engine, question, figure):
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.answer


@pytest.mark.parametrize(
    "question, figure",
    [
        ("民商事一审收案跟上一年比少了多少", "10.21%"),
        ("法院第一审收进来的民事商事案子，跟上一年比少了多少", "10.21%"),
        ("刑事破案数比上一年多了多少", "110%"),
    ],
)
def test_how_much_less_or_more_asks_the_change(engine, question, figure):
    """ "少了多少" / "多了多少" ask how a figure changed: the report's change answers, never a count."""
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.answer, reply.text


@pytest.mark.parametrize(
    "question, figure", [("全市公示执法事项多少万余项", "7.5万余项"), ("免罚金额多少万", "2000余万元")]
)
def test_how_many_ten_thousands_of_a_unit_is_a_count_not_money(engine, question, figure):
    """ "多少万余项" counts items in ten-thousands; "多少万" alone asks a sum."""
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.answer, reply.text


@pytest.mark.parametrize(
    ("question", "lacked"),
    [
        ("我想问2023年组织了多少名网格员考执法资格啊", "网格员"),
        ("那益阳一共组织了多少网格员去考执法资格？", "网格员"),
        ("全市受理的法律援助投诉有好多件嘞？", "投诉"),
        ("有几个村委会过了初评", "村委会"),
    ],
)
def test_the_noun_counted_right_after_the_question_word_is_the_measure(engine, question, lacked):
    """What 多少名/几个 counts is the noun right after it, whatever the ask goes on to say: a noun
    the report never writes is a measure it lacks, named in the decline."""
    reply = engine.respond(question)
    assert reply.status != "answer" and lacked in reply.text


@pytest.mark.parametrize(
    ("question", "figure"),
    [("组织了多少名执法人员考执法资格", "5100多名"), ("多少名行政执法人员参加了执法资格考试", "5100多名")],
)
def test_the_figures_own_noun_counted_still_answers(engine, question, figure):
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.text


def test_a_verbs_complement_is_no_act_of_its_own(engine):
    """ "梳理出多少项": 出 says how 梳理 went; the act is 梳理, the figure's own (梳理制定…358项)."""
    reply = engine.respond("市本级柔性执法事项一共梳理出多少项，是358项吗")
    assert reply.status == "answer" and reply.answer.startswith("是的") and "358项" in reply.answer, reply.text
    reply = engine.respond("全市执法部门一共配了多少个")  # a bare act the figure never writes: still no answer
    assert reply.status != "answer"


def test_an_ask_beside_a_check_names_what_it_counts_after_its_question_word(engine):
    """ "…小毛病第一次不罚的企业…少交了多少罚款啊，是不是2000多万元": 罚款 is counted; 小毛病
    describes the firms, and is no measure the report lacks."""
    reply = engine.respond("那些小毛病第一次不罚的企业 加起来一共少交了多少罚款啊是不是2000多万元")
    assert reply.status == "answer" and reply.answer.startswith("是的") and "2000余万元" in reply.answer, reply.text


@pytest.mark.parametrize(
    ("question", "figure"),
    [("人民调解化解纠纷的起数是多少", "10816起"), ("执法记录仪的台数", "4400台"), ("新增立法联系点的个数", "5个")],
)
def test_a_count_named_by_its_unit_is_the_figures_count(engine, question, figure):
    """ "起数", "台数": how many, in the unit the figure counts in; no measure the report lacks."""
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.answer, reply.text


def test_a_year_in_the_ask_is_no_figure_to_look_up(engine):
    reply = engine.respond("民商事一审收案2023年同比是升了还是降了，幅度多少")
    assert reply.status == "answer" and "10.21%" in reply.answer, reply.text


def test_a_report_word_only_a_synonym_brought_is_never_named_as_unstated(engine):
    """公安 reads as the report's 警务 (公安呢 → the police reform), but an asker who says 公安
    while describing the two-laws platform did not ask about 警务."""
    reply = engine.respond("行政执法部门发现涉嫌犯罪的案子往公安检察移送的那个平台，益阳的录入数在全省排第几")
    assert reply.status == "answer" and "全省第一" in reply.answer, reply.text


def test_a_number_of_another_noun_is_no_figure_of_that_number(engine):
    """ "五个方面是啥": five aspects, which the report lists; never 5个 新增立法联系点, never "no 5"."""
    reply = engine.respond("那个示范创建标准是从哪几个方面提的 就是五个方面是啥")
    assert reply.status == "answer" and "权责清晰" in reply.text and "立法联系点" not in reply.answer, reply.text


def test_a_staff_lookup_ending_on_money_looks_up_the_money(engine):
    """ "农民工工资": the wages recovered (317万余元), not the 370 workers they were recovered for."""
    reply = engine.respond("农民工工资")
    assert reply.status == "answer" and reply.answer.startswith("为农民工讨回工资金额：317万余元"), reply.text


@pytest.mark.parametrize("question", ["法援 受理 人数", "法律援助受理人数"])
def test_a_lookup_naming_people_last_takes_no_count_of_cases(engine, question):
    """人数 closes the lookup: 2900余件 counts cases, and the report gives no number of people helped."""
    reply = engine.respond(question)
    assert reply.status != "answer" and "2900余件" not in reply.text.split("\n")[0], reply.text


@pytest.mark.parametrize(
    ("question", "figure"), [("讨薪 人数", "370名"), ("执法资格考试人数", "5100多名"), ("法律咨询人次", "近30000人次")]
)
def test_a_lookup_naming_people_last_takes_a_count_of_people(engine, question, figure):
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.answer, reply.text


def test_a_count_named_by_its_noun_takes_no_rate(engine):
    """次数 and 数量 name counts; 出庭应诉率 100% is a rate, and the report gives no count of them."""
    reply = engine.respond("烦请告知全市行政机关负责人出庭应诉的具体次数及所涉案件数量。")
    assert reply.status != "answer" and "100%" not in reply.text.split("\n")[0], reply.text
    assert "4400台" in engine.respond("请告知执法记录仪的配备数量").answer


def test_a_lookup_naming_a_count_takes_the_figure_not_the_explanation(engine):
    """ "乡镇综合执法初评通过数": a measure named (通过数), so of two near entries the figure answers."""
    reply = engine.respond("乡镇综合执法初评通过数")
    assert reply.status == "answer" and "22个" in reply.answer, reply.text


@pytest.mark.parametrize(
    "question, figures",
    [
        ("审查了多少合同事项", ["102件"]),
        ("审查的合同事项件数和提出来的审查意见条数，哪个多", ["102件", "近200条"]),
    ],
)
def test_a_measure_named_by_a_synonym_phrase_ending_in_its_head_answers(engine, question, figures):
    """ "合同事项" is the synonyms' phrase for 合同和涉法事务: its head 事项 alone is not the measure."""
    reply = engine.respond(question)
    assert reply.status == "answer" and all(f in reply.text for f in figures), reply.text


def test_a_head_no_synonym_phrase_rewrites_is_still_checked(engine):
    """ "执法事务" rewrites to nothing: 事务 of 公示执法事项 is still a measure the figure lacks."""
    reply = engine.respond("公示了多少执法事务")
    assert reply.status != "answer" and "事务" in reply.text.split("\n")[0], reply.text


@pytest.mark.parametrize("question", ["承诺时限压缩率在全省排得么样", "办事承诺的时间搞压缩了好多咯，在全省排得怎么样"])
def test_how_it_ranks_asked_in_spoken_words_gets_the_rank_the_report_states(engine, question):
    reply = engine.respond(question)
    assert reply.status == "answer" and "74.1%" in reply.answer and "全省前列" in reply.text, reply.text


def test_of_near_figures_below_the_answer_line_the_one_the_ask_names_answers(engine):
    """ "亲自到法院去应诉的比例": 应诉 is the court-appearance rate's word only (民商事 was as near)."""
    reply = engine.respond("当官的被老百姓告了，亲自到法院去应诉的比例是多少")
    assert reply.status == "answer" and "100%" in reply.answer and "出庭应诉" in reply.answer, reply.text


@pytest.mark.parametrize("question", ["司法救助的案子2023年受理了好多件咯", "劳动仲裁的调处成功率有好高嘞"])
def test_a_thing_the_report_lacks_that_the_figures_noun_is_of_is_a_near_miss(engine, question):
    """ "X的案件": X (司法救助, 劳动仲裁) is what the figure's own noun is of; the report has none."""
    _near_miss(engine.respond(question))


@pytest.mark.parametrize(
    "question, figure",
    [("首次违规不罚款的企业有多少家", "6125家"), ("帮农民工把老板欠的工钱要回来 一共要回来多少钱", "317万余元")],
)
def test_what_those_counted_did_before_de_is_no_thing_lacked(engine, question, figure):
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.answer, reply.text


def test_a_check_with_a_bound_counts_the_noun_before_the_bound(engine):
    """ "…的投诉是不是不少于四千件": 不少于 bounds the number; 投诉 is what it counts (no 是的 of 案件)."""
    _near_miss(engine.respond("柔性执法办理的投诉是不是不少于四千件"))
    assert engine.respond("柔性执法办理的案件是不是不少于四千件").answer.startswith("是的")


@pytest.mark.parametrize(
    "question, lacking",
    [
        ("全市一共给网格员配了多少台执法记录仪", "网格员"),  # 网格 and 员: one word of a role the report never writes
        ("烦请提供2023年全市行政执法部门为网格员配备执法记录仪的数量。", "网格员"),
        ("羁押室听证室建了多少处", "羁押室"),  # a place of a role, 羁押 and 室
        ("立法听证会新增了几个", "听证会"),  # not the rooms where hearings are held
    ],
)
def test_a_role_the_report_never_writes_is_named_as_lacking_never_given_the_figure(engine, question, lacking):
    reply = engine.respond(question)
    assert reply.status == "fallback" and lacking in reply.text


def test_a_role_in_the_story_is_no_lacking_word(engine):
    reply = engine.respond(
        "我开了个小餐馆，上次网格员来检查的时候胸口都别着记录仪在拍。想问一下全市一共配了多少台执法记录仪？"
    )
    assert "4400台" in reply.answer


def test_a_request_to_sum_up_after_a_story_is_the_overview(engine):
    reply = engine.respond("我姐夫在长沙县青石岭给人带孩子，吃饭的时候一家人争了半天。简单概括下这个报告的主要内容")
    assert reply.kind == "overview"


def test_a_role_typed_by_its_sound_is_the_figures_own_word(engine):
    assert "近200处" in engine.respond("询问室听政室 差不多两百处吧").answer


def test_what_was_not_done_to_those_counted_is_no_measure_word(engine):
    assert "6125家" in engine.respond("企业第一次犯小错不罚款的有多少家").answer


@pytest.mark.parametrize(
    "question, figure",
    [
        ("民商事一审收案下降了10.21%，那2023年一共收了多少件", None),  # the report gives its fall only
        ("公示执法事项7.5万余项，那法治审核的有多少项", "1.5万余项"),
        ("把审批的权力往工业园区下放，这次又放了多少项", "11项"),
        ("调处成功率百分之九十三，那调解了多少起", "10816起"),  # it names its own (调解)
    ],
)
def test_an_ask_pointing_back_with_na_is_of_the_clause_before(engine, question, figure):
    """ "…，那一共收了多少件" names nothing of its own: it asks of the clause before, and a figure
    whose words share none of that clause's (人民调解 10816起) is no answer."""
    reply = engine.respond(question)
    if figure is None:
        assert reply.status != "answer", reply.text
    else:
        assert reply.status == "answer" and figure in reply.answer, reply.text


@pytest.mark.parametrize(
    "question, kind",
    [("宣传视频有没有一百个", "宣传视频"), ("宣传视频有多少个", "视频")],
)
def test_a_kind_before_the_head_that_is_none_of_the_figures_words_is_another_measure(engine, question, kind):
    """ "宣传视频" of 音像记录: 视频 is a phrasing of the archived records, but 宣传 (the report's
    普法宣传) says another kind of video; never 是的 with the records' 近2万件."""
    reply = engine.respond(question)
    _near_miss(reply)
    assert kind in reply.text.split("\n")[0] and "近2万件" not in reply.text.split("\n")[0], reply.text


@pytest.mark.parametrize("question", ["执法视频有多少个", "执法录的视频存档了多少件", "网上可办事项有多少项"])
def test_a_kind_of_the_figures_own_words_before_the_head_still_answers(engine, question):
    """ "执法视频": 执法 is the figure's own word (行政执法全部音像记录); the figure answers or a
    clarify offers it, never a near miss."""
    reply = engine.respond(question)
    assert reply.status != "decline" and "报告没有" not in reply.text and "没有关于" not in reply.text, reply.text


@pytest.mark.parametrize(
    "question, lacking",
    [("交通事故破案数是不是比上年少了", "交通事故"), ("火灾破案数是不是比上一年少了", "火灾")],
)
def test_a_check_of_how_a_figure_changed_is_of_that_figures_measure(engine, question, lacking):
    """A check of a change says no number, yet checks the change figure (刑事破案数同比上升110%):
    a thing the report never writes before 破案数 is what it lacks, never 不是."""
    reply = engine.respond(question)
    _near_miss(reply)
    assert lacking in reply.text.split("\n")[0], reply.text
    assert engine.respond("刑事破案数是不是比上年少了").text.startswith("不是")


@pytest.mark.parametrize(
    "question, lacking",
    [("心理咨询咯，一年搞了好多人次啰", "心理"), ("心理咨询，一年搞了多少人次", "心理")],
)
def test_a_clause_that_only_names_a_thing_is_the_topic_of_the_ask_after_it(engine, question, lacking):
    """ "心理咨询咯，一年搞了好多人次": the first clause names what the ask is of (a topic), it tells
    no story: 心理 is what the report lacks, never 法律咨询's 近30000人次."""
    reply = engine.respond(question)
    _near_miss(reply)
    assert lacking in reply.text.split("\n")[0], reply.text
    assert "近30000人次" in engine.respond("法律咨询咯，一年搞了好多人次啰").answer


@pytest.mark.parametrize("question, lacking", [("劳动仲裁化解纠纷", "劳动仲裁"), ("合规整改通知数", "整改")])
def test_a_word_of_a_staff_lookup_the_report_never_writes_is_what_it_lacks(engine, question, lacking):
    """A lookup is its words alone: 劳动仲裁 (the report has 人民调解), 整改 (it has 合规指导建议)."""
    reply = engine.respond(question)
    _near_miss(reply)
    assert lacking in reply.text.split("\n")[0], reply.text


@pytest.mark.parametrize(
    "question, figure", [("人民调解化解纠纷", "10816起"), ("法律援组案件", "2900余件"), ("讨薪 金额", "317万余元")]
)
def test_a_lookup_in_the_reports_words_a_typo_or_a_synonym_still_answers(engine, question, figure):
    """A typo (援组) is no dictionary word; 讨薪 is a synonym of 讨回工资: the figure answers."""
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.text, reply.text


def test_a_kind_of_asker_before_a_figures_measure_is_no_answer_by_that_figure(engine):
    """ "企业法律咨询": the report counts 法律咨询 for 人民群众, none for enterprises."""
    reply = engine.respond("企业法律咨询有多少人次")
    _near_miss(reply)
    assert "近30000人次" not in reply.text.split("\n")[0], reply.text


def test_the_old_folks_at_home_asking_are_the_askers_story_never_what_the_report_lacks(engine):
    """ "屋里老人家想问下，…讨回哒几多钱咯": who asks is context; the figure answers."""
    reply = engine.respond("屋里老人家想问下，帮农民工讨薪讨回哒几多钱咯？")
    assert reply.status == "answer" and "317万余元" in reply.answer, reply.text


@pytest.mark.parametrize(
    "question, figure",
    [
        ("人民调解化解纠纷是按起算还是按件算", "10816起"),
        ("执法记录仪单位是台还是套", "4400台"),
        ("法律咨询是按人还是人次算", "近30000人次"),
    ],
)
def test_a_unit_asked_as_a_choice_is_the_figure_asked(engine, question, figure):
    """ "是按起算还是按件算": the figure's unit asked, answered by the figure with its unit."""
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.answer, reply.text


@pytest.mark.parametrize(
    "question", ["心理咨询是按人还是人次算", "烦请提供2023年全市行政执法部门为执法人员配备执法巡逻车的数量。"]
)
def test_the_measure_of_a_unit_choice_or_a_formal_request_is_checked(engine, question):
    """The unit of 心理咨询 is no unit of 法律咨询's figure; a request closed by 。 names its measure
    as one without it does (巡逻车, never 公示执法事项's 7.5万余项)."""
    _near_miss(engine.respond(question))


@pytest.mark.parametrize(
    "question", ["刑事破案数增长率是多少", "刑事破案数增速多少", "刑事破案数增长速度是多少", "刑事破案数的增长率"]
)
def test_a_change_named_as_a_rate_or_speed_is_the_change_figure(engine, question):
    """增长率, 增速, 增长速度 name how much a figure changed: the report's 同比上升110% answers."""
    reply = engine.respond(question)
    assert reply.status == "answer" and "110%" in reply.answer, reply.text


def test_a_change_of_a_thing_the_report_lacks_stays_a_near_miss(engine):
    _near_miss(engine.respond("刑事发案数增长率是多少"))


@pytest.mark.parametrize(
    "question",
    [
        "益阳市中级人民法院2023年一共审结了多少案件",  # 人民 of 人民法院 is not 人民调解's
        "行政区划事项清单的发布率是多少",  # 行政 is the figure's, 区划 stands nowhere in the report
        "给领导人员配了多少台执法记录仪",  # another kind of 人员
        "人民公社化解纠纷的数量，单位是件还是起",
    ],
)
def test_a_thing_sharing_half_the_figures_name_is_no_figure_of_it(engine, question):
    reply = engine.respond(question)
    assert reply.status != "answer", reply.text


@pytest.mark.parametrize("question", ["冇得跑路就能办成的事项有好多项啰？", "不用跑路就能办成的事项有多少项"])
def test_what_can_be_done_describes_the_items_it_is_no_outcome(engine, question):
    """ "就能办成的事项": what can be done without a trip names the items (1837项), not a count
    of those that succeeded."""
    reply = engine.respond(question)
    assert reply.status == "answer" and "1837项" in reply.answer


@pytest.mark.parametrize("question", ["诉前调解调成了多少件", "执法资格考试考过了多少人"])
def test_an_outcome_asked_of_the_attempts_is_declined(engine, question):
    reply = engine.respond(question)
    assert reply.status == "fallback" and "的数量" in reply.text


@pytest.mark.parametrize(
    "question, figure",
    [("湘易办益阳旗舰店接进去了多少应用", "300多个"), ("园区又放下去了多少项审批服务事项", "11项")],
)
def test_a_verbs_direction_is_never_the_thing_lacked(engine, question, figure):
    """ "接进去", "放下去": 进去/下去 go with the verb; the report writes 接入 and 赋权, and the
    figure still answers (never "报告中没有关于“进去”的内容")."""
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.answer, reply.text


def test_a_level_word_is_never_the_thing_lacked(engine):
    """ "市委、市政府层面": 层面 says at which level, as 市里 does; the figure still answers."""
    reply = engine.respond("请问2023年市委、市政府层面经合法性审查的合同及涉法事务数量为多少件？")
    assert reply.status == "answer" and "102件" in reply.answer, reply.text


@pytest.mark.parametrize("question", ["没被罚的企业有几家，全市罚款一共多少", "首次不罚的企业有几家，罚款金额是多少"])
def test_fines_asked_in_another_clause_never_decline_the_firms_nor_get_the_waived_money(engine, question):
    """The 罚款 of the second clause asks money: it never makes 6125家 (firms not fined) a near
    miss, and 免罚金额 is never its answer."""
    reply = engine.respond(question)
    assert reply.status == "answer" and "6125家" in reply.answer and "2000余万元" not in reply.answer, reply.text


@pytest.mark.parametrize(
    "question, figure",
    [
        ("湘易办益阳那个店里头有么子应用啰", "300多个"),
        ("手机上那个湖南办事的app，益阳那个店里接了多少个业务应用", "300多个"),
    ],
)
def test_a_thing_said_with_where_in_it_is_that_thing(engine, question, figure):
    """ "店里": the 店 of 旗舰店 and a word of place, never a thing the report lacks."""
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.answer, reply.text


def test_a_place_word_keeps_a_thing_the_report_lacks_lacked(engine):
    reply = engine.respond("湘易办益阳旗舰店的线下门店里有多少个业务员")
    assert "300多个" not in reply.answer, reply.text


@pytest.mark.parametrize(
    "question, figure",
    [("诉前调解成功率有好多晓得不", "56.8%"), ("执法记录仪配了几台清楚不", "4400台")],
)
def test_whether_the_listener_knows_is_no_measure(engine, question, figure):
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.answer, reply.text


def test_a_one_character_thing_with_where_in_it_must_end_a_word_of_the_figure():
    from bot.decision.rules import _located_own

    own = "“湘易办”益阳旗舰店接入了“红星云”“市长信箱”等300多个业务应用"
    is_own = lambda w: w in own  # noqa: E731
    assert _located_own("店里", is_own, own)  # the 店 of 旗舰店
    assert not _located_own("舰上", is_own, own)  # one character inside 旗舰店, no thing of its own
    assert not _located_own("里", is_own, own)
