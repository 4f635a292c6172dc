"""Retrieval and scoring: curated entries and the report's sentences and figure clauses."""


def _top(engine, question):
    return engine.curated.candidates(engine.analyze(question))[0]


def test_exact_phrasing_scores_top(pack_engine, kb):
    for entry in list(kb.entries.values())[::7]:
        assert _top(pack_engine, entry.title).id == entry.id, entry.title


def test_homophone_typo_matches_like_the_original(pack_engine):
    right, typo = _top(pack_engine, "网上可办率"), _top(pack_engine, "网上可半率")
    assert typo.id == right.id == "online_rate" and typo.score > 0.6


def test_figure_in_query_pulls_its_metric(pack_engine):
    assert _top(pack_engine, "4400台执法记录仪").id == "body_cameras"
    assert pack_engine.respond("300多个业务应用是哪里的").entry_id == "xiangyiban_apps"


def test_asked_unit_and_measure_prefer_the_matching_metric(pack_engine):
    assert _top(pack_engine, "普法责任单位有几家").id == "publicity_units"
    assert _top(pack_engine, "市本级政务服务事项网上可办率是多少").id == "online_rate"


def test_figure_named_in_a_phrasing_leans_to_it(pack_engine):
    assert _top(pack_engine, "政务服务事项跑一次的有多少").id == "one_trip_items"


def test_words_the_report_never_uses_lower_the_score(pack_engine):
    assert _top(pack_engine, "执法记录仪保修期").score < _top(pack_engine, "执法记录仪").score


def test_report_figure_clauses_carry_their_figure(pack_engine):
    _, figures = pack_engine.report.candidates(pack_engine.analyze("为企业编制了多少项合规指导建议"))
    assert figures[0].figure.value == "214项" and figures[0].id.startswith("report:")


def test_a_figure_quoted_as_context_leans_to_its_sentence(pack_engine):
    a = pack_engine.analyze("二百一十四项合规指导建议是按哪个通知编的")
    sentences, _ = pack_engine.report.candidates(a)
    assert "关于编制企业行政合规指导清单的通知" in pack_engine.report.sentence(sentences[0].id).text


def test_one_message_retrieves_an_ask_once(pack_engine, monkeypatch):
    from bot.engine.memo import one_message

    calls = []
    ranked = pack_engine.curated._ranked
    monkeypatch.setattr(pack_engine.curated, "_ranked", lambda *args: calls.append(1) or ranked(*args))
    a, b = pack_engine.analyze("跑一次的多少"), pack_engine.analyze("，跑一次的多少")  # one ask, other text
    alone = pack_engine.curated.candidates(a)
    with one_message():
        first, again = pack_engine.curated.candidates(a), pack_engine.curated.candidates(b, limit=3)
    assert first == alone and again == alone[:3]
    assert len(calls) == 2  # once alone, once for the whole message
    pack_engine.curated.candidates(a)
    assert len(calls) == 3  # nothing kept after the message
