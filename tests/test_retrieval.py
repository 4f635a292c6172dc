"""Retrieval and scoring: curated entries and the report's sentences and figure clauses."""


def _top(engine, question):
    return engine.curated.candidates(engine.analyze(question))[0]


def test_exact_phrasing_scores_top(engine, kb):
    for entry in list(kb.entries.values())[::7]:
        assert _top(engine, entry.title).id == entry.id, entry.title


def test_homophone_typo_matches_like_the_original(engine):
    right, typo = _top(engine, "网上可办率"), _top(engine, "网上可半率")
    assert typo.id == right.id == "online_rate" and typo.score > 0.6


def test_figure_in_query_pulls_its_metric(engine):
    assert _top(engine, "4400台执法记录仪").id == "body_cameras"
    assert engine.respond("300多个业务应用是哪里的").entry_id == "xiangyiban_apps"


def test_asked_unit_and_measure_prefer_the_matching_metric(engine):
    assert _top(engine, "普法责任单位有几家").id == "publicity_units"
    assert _top(engine, "市本级政务服务事项网上可办率是多少").id == "online_rate"


def test_figure_named_in_a_phrasing_leans_to_it(engine):
    assert _top(engine, "政务服务事项跑一次的有多少").id == "one_trip_items"


def test_words_the_report_never_uses_lower_the_score(engine):
    assert _top(engine, "执法记录仪保修期").score < _top(engine, "执法记录仪").score


def test_report_figure_clauses_carry_their_figure(engine):
    _, figures = engine.report.candidates(engine.analyze("为企业编制了多少项合规指导建议"))
    assert figures[0].figure.value == "214项" and figures[0].id.startswith("report:")


def test_a_figure_quoted_as_context_leans_to_its_sentence(engine):
    a = engine.analyze("二百一十四项合规指导建议是按哪个通知编的")
    sentences, _ = engine.report.candidates(a)
    assert "关于编制企业行政合规指导清单的通知" in engine.report.sentence(sentences[0].id).text
