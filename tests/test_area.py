"""Areas: "X方面做了什么" gets that part of the report (bot/analysis/area.py, engine/pack.py)."""

import pytest

from bot.analysis.area import find_area


@pytest.mark.parametrize(
    "question, words",
    [
        ("政务服务这一块做了哪些事", "政务服务"),
        ("在科学立法上干了啥", "科学立法"),
        ("执法监督方面都做了啥", "执法监督"),
        ("报告里除了营商码，在营商环境这一块还做了哪些事情", "营商环境"),
        ("社会矛盾纠纷化解这部分讲了哪些内容", "社会矛盾纠纷化解"),
        # a chapter, a summing-up word, a particle at the end, 说 as the doing word, a short year
        ("矛盾纠纷化解那一章主要说些啥", "矛盾纠纷化解"),
        ("社会矛盾纠纷那一块讲了些什么咯", "社会矛盾纠纷"),
        ("执法规范化这块总体上做了些啥", "执法规范化"),
        ("普法宣传这块是怎么弄的", "普法宣传"),
        ("办事效率这块市里23年做了哪些改进", "办事效率"),
        ("现就贵市2023年推行涉企柔性执法的主要举措咨询如下", "推行涉企柔性执法"),  # a letter's request
        ("矛盾纠纷化解方面搞了哪些模式", "矛盾纠纷化解"),  # the modes of an area: its points
        ("放管服改革这块益阳是怎么推进的", "放管服改革"),  # how it was pushed on: what was done
        ("涉企柔性执法是怎么推行的", "涉企柔性执法"),
    ],
)
def test_area_words(question, words):
    assert find_area(question) == words


@pytest.mark.parametrize(
    "question",
    [
        "法律援助案件多少件",
        "无证明城市是什么",
        "警务改革打造了哪些中心",
        "执法监督方面是不是做得很好",
        "通过初评的22个乡镇街道名单有哪些",
        "湘易办益阳旗舰店那300多个应用，除了红星云和市长信箱还有哪些",  # the other members of a list
    ],
)
def test_not_an_area_question(question):
    assert find_area(question) == ""


def test_a_subsection_is_answered_with_its_own_sentences_verbatim(engine, kb):
    reply = engine.respond("政务服务这一块做了哪些事")
    assert reply.status == "answer" and reply.kind == "area"
    assert "三集中三到位" in reply.text and "网上可办率100%" in reply.text
    report = kb.report_text.sentences
    for line in reply.answer.splitlines()[1:]:
        if line.startswith("· "):
            assert any(line[2:].rstrip("。") in s.text for s in report), line


@pytest.mark.parametrize(
    "question, first, last",
    [
        ("依法行政制度体系这一块包括哪些方面", "坚持科学立法", "持续强化依法决策意识"),
        (
            "政府职能体系优化这一章分了哪几个方面",
            "政务服务提质增速",
            "持续优化法治化营商环境",
        ),  # 哪几个: which, not how many
        ("行政执法工作更加规范包括哪几块", "持续落实行政执法“三项制度”", "规范乡镇(街道)综合行政执法"),
        ("社会矛盾纠纷多元化解这一部分有哪些小标题", "创新发展“多元解纷+法治”模式", "扎实公共法律服务系列活动"),
    ],
)
def test_a_section_is_answered_with_its_sub_headings(engine, question, first, last):
    reply = engine.respond(question)
    assert reply.kind == "area" and first in reply.text and last in reply.text, reply.text[:80]


def test_an_area_the_report_has_no_heading_for_is_not_forced(engine):
    reply = engine.respond("城市绿化这一块做了哪些事")
    assert reply.kind != "area"


def test_the_figures_of_an_area_are_listed_with_their_clauses(engine, kb):
    reply = engine.respond("把公共法律服务方面的几个数字告诉我")
    assert reply.kind == "area"
    for figure in ("2900余件", "近30000人次", "317万余元"):
        assert figure in reply.answer
    lines = [line for line in reply.answer.splitlines() if line.startswith("· ")]
    assert len(lines) == len(set(lines))
    assert all(
        any(line[2:] in s.text.replace(",", "，") or line[2:] in s.text for s in kb.report_text.sentences)
        for line in lines
    )


def test_area_forms_with_a_big_part_and_a_request_after():
    from bot.analysis.area import find_area

    assert find_area("政府职能体系这一大块讲了哪几样") == "职能体系"
    assert find_area("行政执法这部分主要做了啥 简单说说") == "行政执法"


@pytest.mark.parametrize(
    "question, expected",
    [
        ("放管服改革深化了哪些方面", ["11项", "湘易办"]),
        ("放管服改革这块有什么进展", ["11项", "湘易办"]),
        ("矛盾纠纷化解方面有什么创新", ["复调对接", "分调裁审"]),
        ("执法监督方面是怎么做的", ["阅核"]),
        ("普法工作报告里怎么写的", ["普法+案例", "70个"]),
        ("行政执法规范这块2023年做了啥", ["三项制度", "4400台", "柔性执法"]),
    ],
)
def test_an_area_asked_in_other_words_gets_its_points_and_key_figures(engine, question, expected):
    """A section's answer names each sub-heading with its key figures (verbatim); a sub-section's
    answer quotes its sentences; "报告里怎么写的" asks what the report says, not a how-to."""
    reply = engine.respond(question)
    assert reply.status == "answer" and all(e in reply.answer for e in expected), reply.text


def test_an_area_in_everyday_words_is_found(engine):
    """ "做生意的环境" is 营商环境 (a synonym of the knowledge); 新花样 asks what was done."""
    reply = engine.respond("做生意的环境这块益阳都干了些啥")
    assert reply.status == "answer" and "无证明城市" in reply.answer
    assert "普法+案例" in engine.respond("普法上搞了啥新花样").answer


@pytest.mark.parametrize(
    ("question", "area"),
    [
        ("把立法这块的几个数都列一下", "立法"),
        ("柔性执法那块的数字全给我", "柔性执法"),
        ("公共法律服务方面的几个数字告诉我", "公共法律服务"),
        ("三项制度的几个数给我列一下", "三项制度"),  # 的 or 那 before 几个数, no word of place
        ("三项制度那几个数给我列一下", "三项制度"),
        ("公共法律服务那块有啥数据", "公共法律服务"),  # asked with 有啥 / 有么子 before the numbers
        ("执法监督这块有么子数据", "执法监督"),
        ("立法方面都有哪些数字", "立法"),
        ("调解的数据有哪些", "调解"),  # X的数据, asked as a list
        ("法律援助的相关数据列一下", "法律援助"),
        ("执法监督有啥数据", "执法监督"),  # 有 + which + data right after the thing, no 方面
        ("矛盾纠纷调解有么子数据", "矛盾纠纷调解"),
        ("涉企柔性执法都有哪些数据？", "涉企柔性执法"),
        ("2023年公共法律服务有哪些数据", "公共法律服务"),  # the year and the city are around the area
        ("涉企柔性执法有哪些数", "涉企柔性执法"),  # 数 alone after which
        ("益阳市二零二三年立法方面都有哪些数字", "立法"),
    ],
)
def test_the_figures_of_an_area_are_asked_however_the_numbers_are_called(question, area):
    from bot.analysis.area import find_area_figures

    assert find_area_figures(question) == area


def test_a_count_is_no_request_for_an_areas_figures():
    from bot.analysis.area import find_area_figures

    assert find_area_figures("立法这块新增联系点的数是多少") == ""
    assert find_area_figures("网上可办率的数据是多少") == ""  # one figure, called its 数据
    assert find_area_figures("法律援助有数据吗") == ""  # whether, not which


@pytest.mark.parametrize(
    "question",
    [
        "您好，请问益阳在强化执法监督实效方面有哪些具体举措？",  # a polite opener, 具体 before 举措
        "强化执法监督实效",  # the heading alone
    ],
)
def test_an_area_asked_gets_its_points_never_the_heading_echoed(engine, question):
    reply = engine.respond(question)
    assert reply.status == "answer"
    assert "阅核" in reply.text and "谢琦办案团队" in reply.text


@pytest.mark.parametrize(
    "question, expected",
    [
        ("规范性文件和合同合法性审查这块怎么样", ("28件", "近200条")),  # both in one part: that part
        ("立法和执法监督方面做了什么", ("大通湖", "阅核")),  # two parts: each, one after the other
    ],
)
def test_two_areas_joined_are_both_answered(engine, question, expected):
    reply = engine.respond(question)
    assert reply.status == "answer"
    assert all(e in reply.text for e in expected), reply.text


@pytest.mark.parametrize(
    "question, point",
    [
        ("化解老百姓矛盾纠纷这一块有哪些做法", "多元解纷"),  # 老百姓: the asker's word, no part of any heading
        ("政府合同审查和红头文件管理这方面做了哪些工作", "法律顾问"),
    ],
)
def test_an_area_named_partly_in_the_askers_own_words_is_found_by_the_reports(engine, question, point):
    reply = engine.respond(question)
    assert reply.status == "answer" and point in reply.text, reply.text


@pytest.mark.parametrize(
    "question, points",
    [
        ("地方立法方面都干了啥", ("资江两岸", "大通湖", "立法联系点")),  # 立法: written mostly in 坚持科学立法
        ("立规矩立法这方面有什么动作", ("资江两岸", "立法联系点")),
    ],
)
def test_an_area_whose_words_the_report_writes_mostly_in_one_part_gets_that_part(engine, question, points):
    reply = engine.respond(question)
    assert reply.kind == "area" and all(p in reply.text for p in points), reply.text


@pytest.mark.parametrize(
    "question", ["2023年在立法方面出台了哪些规定、办法和意见？", "科学立法方面出台了哪些规定和意见"]
)
def test_the_documents_of_an_area_asked_are_that_parts_points(engine, question):
    """Several documents asked of an area: its part's sentences, every document they name."""
    reply = engine.respond(question)
    titles = ("资江两岸风貌管控若干规定", "大通湖湖泊保护管理办法", "关于进一步推进立法协商工作的意见")
    assert reply.kind == "area" and all(t in reply.text for t in titles), reply.text


@pytest.mark.parametrize("question", ["第一批湖南省法治政府建设示范地区有哪些", "那个第一批示范地区益阳有哪些"])
def test_words_mostly_of_the_opening_summary_are_no_sub_sections_area(engine, question):
    """示范地区 is told in the summary; 第一批 alone is also in 三项制度, which is no answer."""
    reply = engine.respond(question)
    assert reply.kind != "area" and "三项制度" not in reply.text, reply.text


def test_a_measure_asked_how_it_went_is_no_area(engine):
    reply = engine.respond("两法衔接平台案件录入数排名怎么样")
    assert "全省第一" in reply.answer and reply.kind != "area", reply.text


@pytest.mark.parametrize("question", ["刑事破案数同比全省排名怎么样", "柔性执法事项市本级梳理全省排名怎么样"])
def test_a_rank_the_report_does_not_give_is_no_area_either(engine, question):
    """Its part of the report holds no rank of it: said so, never the part's sentences."""
    reply = engine.respond(question)
    assert reply.status != "answer" and reply.kind != "area", reply.text


def test_a_sections_points_carry_their_key_figures(engine):
    reply = engine.respond("矛盾纠纷化解方面开展了哪些工作")
    assert reply.kind == "area" and "13355件" in reply.text and "10816起" in reply.text, reply.text


@pytest.mark.parametrize(
    "question, figures", [("人民调解成绩咋样", ("10816起", "93%")), ("法律援助工作成绩咋样", ("2900余件", "317万余元"))]
)
def test_how_a_things_results_went_gets_its_sentences_with_every_figure(engine, question, figures):
    """ "X成绩咋样" / "X情况咋样": the sentences telling of X, every figure in them, not one."""
    reply = engine.respond(question)
    assert reply.status == "answer" and all(f in reply.text for f in figures), reply.text


@pytest.mark.parametrize("question", ["说说益阳行政执法方面的情况", "讲讲矛盾纠纷化解这块", "政务服务方面的情况"])
def test_a_request_to_tell_of_an_area_gets_its_points(engine, question):
    assert engine.respond(question).kind == "area"


@pytest.mark.parametrize("question", ["重大行政决策方面呢", "重大行政决策方面做了什么"])
def test_a_thing_told_of_in_several_sentences_gets_those_sentences(engine, question):
    reply = engine.respond(question)
    assert reply.status == "answer"
    assert "重大行政决策事项目录编制审核会议" in reply.answer and "6项重大行政决策事项" in reply.answer


def test_a_figures_name_asked_how_it_went_stays_its_figure(engine):
    reply = engine.respond("网上可办率这块怎么样")
    assert reply.entry_id == "online_rate"


@pytest.mark.parametrize(
    "question, points",
    [
        ("对企业执法这块有啥宽松点的做法", ["一目录、五清单", "首次不罚"]),
        ("对企业执法温柔一点这方面，都有哪些做法", ["一目录、五清单", "首次不罚"]),
        ("执法能力提升这块有什么举措", ["三年提升行动实施方案", "执法资格考试"]),
    ],
)
def test_an_area_in_the_askers_words_gets_the_part_its_answer_comes_from(engine, question, points):
    reply = engine.respond(question)
    assert reply.status == "answer" and all(p in reply.answer for p in points), reply.text


@pytest.mark.parametrize(
    "question, entry",
    [("营商码这块做了什么", "business_code"), ("刑事破案数同比咋样", "criminal_cases_growth")],
)
def test_the_thing_asked_or_how_a_figure_went_stays_its_own_answer(engine, question, entry):
    assert engine.respond(question).entry_id == entry


def test_the_honours_of_an_area_are_every_honour_its_part_tells_of(engine):
    """ "调解这块得了哪些荣誉": both honours of the part on mediation, verbatim (桃江县婚调 is
    told of in that part though its own sentence never writes 调解)."""
    reply = engine.respond("调解这块益阳得了哪些荣誉")
    assert reply.status == "answer", reply.text
    assert "全国模范人民调解委员会" in reply.answer and "枫桥经验" in reply.answer


def test_honours_asked_of_no_area_are_not_an_area():
    from bot.analysis.area import find_area_honours

    assert find_area_honours("调解这块益阳得了哪些荣誉") == "调解"
    assert find_area_honours("谢琦办案团队荣获了什么称号") == ""


@pytest.mark.parametrize(
    "question, section",
    [
        ("矛盾纠纷化解那一章主要说些啥", "社会矛盾纠纷多元化解"),
        ("执法规范化这块总体上做了些啥", "行政执法工作更加规范"),
    ],
)
def test_an_area_in_the_askers_words_gets_its_part(engine, question, section):
    """ "执法规范化": its words' own pairs (执法, 规范化) name the part; 法规 joins two words."""
    reply = engine.respond(question)
    assert reply.status == "answer" and reply.kind == "area" and section in reply.text, reply.text


def test_the_figures_of_a_thing_no_heading_names_are_those_of_its_sentences(engine):
    """ "法律援助的几个数": no part of the report is headed 法律援助; its sentence's figures."""
    reply = engine.respond("法律援助的几个数")
    assert reply.status == "answer" and all(f in reply.answer for f in ("2900余件", "近30000人次", "317万余元"))


@pytest.mark.parametrize(
    "question, expected",
    [
        ("公共法律服务那块有啥数据", ("2900余件", "近30000人次")),  # its figures, asked with 有啥
        ("执法监督这块有么子数据", ("上升110%", "出庭应诉率为100%")),
        ("化解矛盾纠纷这块搞了哪些改革", ("分调裁审", "繁简分流")),  # 改革 is a thing done
        ("全市柔性执法的效果怎样", ("4600余件", "6125家", "2000余万元")),  # its 效果 asked
    ],
)
def test_an_area_asked_in_everyday_words_gets_its_part(engine, question, expected):
    reply = engine.respond(question)
    assert reply.status == "answer" and all(e in reply.text for e in expected), reply.text


def test_a_sub_heading_without_figures_shows_its_results_verbatim(engine):
    """Under a section's sub-heading with no figure, its honours and listings, as the report words them."""
    reply = engine.respond("多元化解矛盾纠纷这一块怎么样")
    first = next(line for line in reply.text.splitlines() if line.startswith("1. "))
    assert "枫桥经验" in first and "全国模范人民调解委员会" in first


@pytest.mark.parametrize(
    "question",
    ["2023年市本级网上可办的事项，按跑动次数分是什么情况", "市本级网上可办的事项按跑动次数来划分，各有多少项"],
)
def test_a_whole_split_by_a_kind_gives_every_figure_named_after_it(engine, question):
    """ "按跑动次数分": the figures named after what the whole is split by, in the report's order."""
    reply = engine.respond(question)
    assert reply.status == "answer"
    at = [reply.text.find(f) for f in ("1837项", "1024项", "跑动2次及以上事项数：无")]
    assert -1 not in at and at == sorted(at), reply.text


def test_a_split_by_a_kind_the_report_never_names_is_declined(engine):
    reply = engine.respond("首次不罚的企业按行业分各有多少")
    assert reply.status != "answer" and "6125家" not in reply.text.split("\n")[0]


def test_a_section_answer_gives_every_figure_of_a_sub_heading_of_five(engine):
    """多元解纷 has five figures (10816起, 93%, 13355件, 56.8%, 10.21%): all of them."""
    reply = engine.respond("矛盾纠纷化解这块有什么成绩")
    assert all(v in reply.text for v in ("10816起", "93%", "13355件", "56.8%", "10.21%"))


def test_the_modes_of_an_area_are_its_points(engine):
    reply = engine.respond("矛盾纠纷化解方面搞了哪些模式")
    assert all(w in reply.answer for w in ("多元解纷+法治", "复调对接", "分调裁审")), reply.text


def test_the_opening_of_the_report_is_its_paragraphs_before_the_first_part(engine):
    reply = engine.respond("报告开头总结了益阳哪几个亮点")
    assert all(w in reply.answer for w in ("全国法治政府建设示范市", "四度融合", "两法衔接")), reply.text
    overview = engine.respond("这报告讲了啥").answer
    assert "主要包括以下几个部分" in overview and "4个部分" not in overview  # no count the report never writes
