"""The report's own text: headings, sentences with stable ids, figures copied verbatim."""

from bot.knowledge.reporttext import find_figures, heading_level, parse_report, sentence_id


def test_headings_and_leads(kb):
    report = parse_report(kb.report)
    sections = [h.text for h in report.sections()]
    assert sections == [
        "政府职能体系不断优化",
        "依法行政制度体系不断完善",
        "行政执法工作更加规范",
        "社会矛盾纠纷多元化解",
    ]
    leads = [h.text for h in report.headings if h.level == 2]
    assert "政务服务提质增速" in leads and "推行涉企柔性执法" in leads


def test_numbered_headings():
    assert heading_level("一、深化依法行政") == 1
    assert heading_level("（二）严格规范执法") == 2
    assert heading_level("全市共22个乡镇(街道)通过初评。") is None


def test_every_sentence_has_a_stable_id_and_its_place(kb):
    report = parse_report(kb.report)
    assert len(report.sentences) >= 50
    for sentence in report.sentences:
        assert sentence.id == sentence_id(sentence.text) and sentence.text in kb.report
    first = next(s for s in report.sentences if "6125家" in s.text)
    assert first.where == "行政执法工作更加规范 › 推行涉企柔性执法"


def test_figures_are_verbatim_with_qualifier_and_unit(kb):
    values = [f.value for f in parse_report(kb.report).figures]
    for value in [
        "1.5万余项",
        "7.5万余项",
        "近200处",
        "近2万件",
        "2000余万元",
        "317万余元",
        "5100多名",
        "近30000人次",
        "74.1%",
        "10.21%",
        "全省第一",
        "6125家",
    ]:
        assert value in values, value
    for sentence in parse_report(kb.report).sentences:
        for figure in sentence.figures:
            assert figure.value in sentence.text and figure.clause in sentence.text


def test_years_ordinals_and_names_are_not_figures():
    values = [f.value for f in find_figures("2023年第7次会议，CCTV-13频道报道，“0”跑动次数的事项1837项")]
    assert values == ["1837项"]


def test_figure_kinds_and_magnitudes():
    found = {f.value: f for f in find_figures("免罚金额2000余万元,调处成功率93%,同比下降10.21%,组织5100多名执法人员")}
    assert found["2000余万元"].kind == "money" and found["2000余万元"].magnitude == 2000 * 10000
    assert found["93%"].kind == "percent" and found["10.21%"].kind == "change"
    assert found["5100多名"].kind == "people" and found["5100多名"].qualifier == "多"
