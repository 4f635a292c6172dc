"""bot/lookup.py: the keyword search behind /data and inline mode."""

from __future__ import annotations

import pytest

from bot.retrieval import lookup


def ids(entries):
    return [e.id for e in entries]


def test_a_keyword_in_the_name_finds_only_that_figure(kb):
    assert ids(lookup.search_metrics(kb, "执法记录仪")) == ["body_cameras"]


def test_every_figure_sharing_a_keyword_is_listed_in_report_order(kb):
    found = ids(lookup.search_metrics(kb, "调解"))
    assert found[:4] == [
        "people_mediation_disputes",
        "people_mediation_success_rate",
        "pre_litigation_cases",
        "pre_litigation_success_rate",
    ]
    assert {"fudiao_cases", "fudiao_rate"} <= set(found)


def test_several_keywords_must_all_match(kb):
    assert ids(lookup.search_metrics(kb, "调解 成功率")) == [
        "people_mediation_success_rate",
        "pre_litigation_success_rate",
    ]


def test_synonyms_and_traditional_characters_are_understood(kb):
    assert ids(lookup.search_metrics(kb, "執法記錄儀")) == ["body_cameras"]
    assert "online_rate" in ids(lookup.search_metrics(kb, "网办"))


def test_a_value_finds_its_figures(kb):
    assert {"online_rate", "court_appearance_rate"} <= set(ids(lookup.search_metrics(kb, "100%")))


def test_a_topic_name_lists_the_topic(kb, engine):
    found = ids(lookup.search(engine, "公共法律服务"))
    assert found == ids(lookup.metrics_in(kb, "legal_services"))
    assert "legal_aid_cases" in found


def test_a_section_includes_its_sub_topics(kb):
    assert set(ids(lookup.metrics_in(kb, "disputes"))) >= {"people_mediation_disputes", "legal_aid_cases"}


def test_a_colloquial_question_falls_back_to_the_engine(engine):
    assert ids(lookup.search(engine, "给执法人员配了多少执法仪")) == ["body_cameras"]


def test_nothing_found_and_empty_queries(kb, engine):
    assert lookup.search(engine, "股票行情") == []
    assert lookup.search(engine, "   ") == []
    assert lookup.search_metrics(kb, "，。！") == []


def test_limit(kb, engine):
    assert len(lookup.search(engine, "执法", limit=3)) == 3


def test_figure_line_and_snippet(kb):
    entry = kb.entries["body_cameras"]
    assert lookup.figure_line(entry) == "执法记录仪配备数量：4400台"
    snippet = lookup.snippet(entry)
    assert "4400台" in snippet and len(snippet) <= lookup.SNIPPET_CHARS + 2
    assert snippet.startswith("…") and snippet.endswith("…")
    short = kb.entries["two_laws_ranking"]
    assert "全省第一" in lookup.snippet(short)


def test_every_metric_is_found_by_its_own_name(kb):
    for entry in kb.metrics:
        assert entry.id in ids(lookup.search_metrics(kb, entry.title)), entry.title


def test_the_article_yige_is_not_a_figure_to_look_up(engine):
    from bot.analysis.figures import parse_figure_query

    assert parse_figure_query("专门保护1个湖的那个办法是哪个湖") is None
    reply = engine.respond("专门保护一个湖的那个办法，是哪个湖")
    assert reply.status == "answer" and "大通湖" in reply.answer


def test_a_few_things_pointed_at_are_no_figure_to_look_up(engine):
    """ "后面两个是啥", "是哪两家组成的": a count of things pointed at, not the figure 2; a bare
    number said to be a number ("4400这个数") is looked up."""
    from bot.analysis.figures import parse_figure_query

    assert parse_figure_query("四度融合清单管理明尺度后面2个是啥来着") is None
    assert parse_figure_query("联合督查组是哪2家组成的") is None
    reply = engine.respond("那个四度融合 嗯 清单管理明尺度 备案管控提效度 后面两个是啥来着")
    assert reply.status == "answer" and "首违免罚显温度" in reply.answer, reply.text
    reply = engine.respond("报告里的4400这个数说的是什么东西的数量？")
    assert reply.status == "answer" and "执法记录仪" in reply.answer, reply.text


@pytest.mark.parametrize("question", ["4400那个是么子东西的数量", "4400是什么的数量", "1837是啥的数目"])
def test_a_bare_number_asked_what_it_counts_is_looked_up(engine, question):
    """A number without its unit, asked what it is the count of: the figure it is."""
    reply = engine.respond(question)
    assert reply.status == "answer" and reply.kind == "figure", reply.text


@pytest.mark.parametrize("question", ["近200是什么", "报告里说的近200，是处还是条", "文件里提到的近两百指的是啥"])
def test_a_number_written_of_several_figures_gets_each(engine, question):
    """近200 is written of 审查意见 (近200条) and of 询问室、听证室 (近200处): both, each with its source."""
    reply = engine.respond(question)
    assert reply.status == "answer" and "近200条" in reply.answer and "近200处" in reply.answer, reply.text
    assert "近200条" not in engine.respond("询问室听证室那个近200是什么").answer  # the one named
    assert engine.respond("11 ,, 。。").status != "answer"  # a bare number asks nothing


@pytest.mark.parametrize(
    "question, figure",
    [("10.21%是涨还是降，说的是哪个指标", "民商事一审收案"), ("4400是啥，是什么数据", "执法记录仪")],
)
def test_which_measure_a_number_is_asks_after_the_number(engine, question, figure):
    """ "哪个指标", "什么数据" stand for the figure asked about, never a subject of their own."""
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.answer, reply.text


@pytest.mark.parametrize(
    "question, figure",
    [
        ("心理咨询那个将近三万，说的是人次还是件数", None),  # 心理咨询 is no 法律咨询
        ("心理咨询将近三万，是按人算还是按人次算的", None),  # units offered after a figure quoted
        ("执法技能比武那个5100多，是人数还是场次", None),
        ("法律咨询那个将近三万，说的是人次还是件数", "近30000人次"),
        ("无证明城市里说的50余类,是指证明材料的类别还是事项", "50余类"),  # where it is said
        ("隔壁王婶在长沙开快递点，晚上看电视的时候法律咨询那个将近三万，说的是人次还是件数", "近30000人次"),  # a story
        ("我小叔子过年聊起来，搞不懂啊5100多那个数是人数还是别的什么", "5100多名"),
    ],
)
def test_words_said_of_a_quoted_number_must_be_its_figures(engine, question, figure):
    reply = engine.respond(question)
    if figure is None:
        assert reply.status != "answer", reply.text
    else:
        assert reply.status == "answer" and figure in reply.answer, reply.text


def test_a_sum_in_wan_is_looked_up_backwards(engine):
    """ "三百一十七万是什么钱": 317万 is a figure of the report (317万余元), asked about."""
    reply = engine.respond("三百一十七万是什么钱")
    assert reply.status == "answer" and "317万余元" in reply.answer


@pytest.mark.parametrize(
    "question, figure",
    [
        ("317那个数，单位是元还是万元", "317万余元"),
        ("给农民工讨回工资的317那个数，单位是啥", "317万余元"),
        ("7.5是什么", "7.5万余项"),
    ],
)
def test_a_number_read_off_a_figure_in_wan_without_it_finds_that_figure(engine, question, figure):
    """People quote "317" of 317万余元: the figure, never "报告中没有“317”这个数字"."""
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.answer, reply.text


def test_a_short_whole_number_never_stands_for_a_figure_in_wan(engine):
    """ "2是什么" is too common a number to be read as 近2万件."""
    assert "近2万件" not in engine.respond("2是什么").text


def test_a_rough_figure_asked_about_is_the_one_report_figure_in_its_range(engine):
    """ "五千一百多人去考试那个是考啥": 5100多名 is the one figure in that range counting people."""
    for question in ("五千一百多人去考试那个是考啥", "五千一百多个执法人员参加了什么"):
        reply = engine.respond(question)
        assert reply.status == "answer" and "5100多名" in reply.answer, reply.text
    assert engine.respond("2022年五千一百多人去考试那个是考啥").status != "answer"


@pytest.mark.parametrize(
    "question, figure",
    [
        ("询问室、听证室那个近200，单位是间还是处", "近200处"),  # of 近200条 and 近200处, the one named
        ("刑事破案数那个110，是百分比还是破了110起", "110%"),
        ("民商事一审收案下降了10.21，这是百分之几还是少了多少件", "10.21%"),
    ],
)
def test_a_figure_quoted_of_a_thing_named_asked_its_kind_is_that_figure(engine, question, figure):
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.answer.split("\n")[0], reply.text


def test_a_unit_asked_of_a_count_is_no_figure_quoted(engine):
    """ "11个单位分别是哪些": 单位 here are units of government, and 11个 has its unit said."""
    reply = engine.respond("第一批行政执法能力验收的11个单位分别是哪些")
    assert reply.kind != "figure", reply.text


@pytest.mark.parametrize(
    "question",
    ["刑事发案数那个110，是百分比还是破了110起", "普法宣传视频那个70，是70个还是70件"],
)
def test_a_figure_quoted_of_another_thing_is_not_that_figure(engine, question):
    """发案 is no 破案, 宣传视频 no 典型案例: a word said of the thing the figure's names lack."""
    reply = engine.respond(question)
    assert reply.kind != "figure", reply.text


def test_one_figure_said_twice_is_one_figure_to_look_up(engine):
    from bot.analysis.figures import parse_figure_query

    assert parse_figure_query("近2万件说的是什么东西有近2万件") == parse_figure_query("近2万件说的是什么东西")
    assert parse_figure_query("4400台和2861项是什么") is None  # two figures: no one figure asked
    reply = engine.respond("“近2万件”说的是什么东西有近2万件")
    assert reply.status == "answer" and reply.kind == "figure" and "音像记录" in reply.answer, reply.text


@pytest.mark.parametrize(
    "question, phrase",
    [("首违免罚显的是么子度咯", "首违免罚显温度"), ("备案管控提的是什么度", "备案管控提效度")],
)
def test_a_word_asked_inside_the_reports_own_phrase_is_filled_from_it(engine, question, phrase):
    """The report's words on both sides of the question word, that close, in one sentence only:
    that sentence answers (the blank is 温 of 首违免罚显温度)."""
    reply = engine.respond(question)
    assert reply.status == "answer" and phrase in reply.answer.replace("”", ""), reply.text


def test_a_chief_in_everyday_words_is_the_reports_fuzeren(engine):
    reply = engine.respond("行政机关的头头出庭应诉咯，是不是都去哒")
    assert reply.answer.startswith("是的") and "100%" in reply.answer, reply.text
