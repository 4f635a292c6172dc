"""Scores and the answer / clarify / fallback decision."""

from bot.matching import ANSWER_MIN, CLARIFY_MIN, Candidate, decide


def test_exact_phrasing_scores_top(engine, kb):
    for entry in list(kb.entries.values())[::7]:
        best = engine.matcher.rank(entry.title)[0]
        assert best.entry_id == entry.id, entry.title


def test_homophone_typo_matches_like_the_original(engine):
    right = engine.matcher.rank("网上可办率")[0]
    typo = engine.matcher.rank("网上可半率")[0]
    assert typo.entry_id == right.entry_id == "online_rate"
    assert typo.score > 0.6


def test_figure_in_query_pulls_its_metric(engine):
    assert engine.matcher.rank("4400台执法记录仪")[0].entry_id == "body_cameras"
    assert engine.matcher.rank("300多个业务应用是哪里的")[0].entry_id == "xiangyiban_apps"


def test_asked_unit_prefers_metric_counted_in_it(engine):
    assert engine.matcher.rank("普法责任单位有几家")[0].entry_id == "publicity_units"


def test_words_the_report_never_uses_lower_the_score(engine):
    plain = engine.matcher.rank("执法记录仪")[0].score
    odd = engine.matcher.rank("执法记录仪保修期")[0].score
    assert odd < plain


def test_decide_bands():
    high = Candidate("a", ANSWER_MIN + 0.2, "")
    assert decide([high, Candidate("b", ANSWER_MIN - 0.2, "")]).status == "answer"
    tied = decide([Candidate("a", 0.7, ""), Candidate("b", 0.69, ""), Candidate("c", 0.68, "")])
    assert tied.status == "clarify" and [c.entry_id for c in tied.candidates] == ["a", "b", "c"]
    assert decide([Candidate("a", CLARIFY_MIN - 0.01, "")]).status == "fallback"
    assert decide([]).status == "fallback"


def test_clarify_offers_at_most_four():
    many = [Candidate(str(i), 0.7 - i * 0.001, "") for i in range(8)]
    assert len(decide(many).candidates) == 4


def test_gap_blocks_answers_the_entry_does_not_give(engine):
    from bot.matching import decide
    for question in ["执法记录仪是哪个牌子的", "第三批湖南省法治政府建设示范地区有哪些", "谢琦办案团队有几个人",
                     "刑事破案数具体破了多少起"]:
        candidates = engine.matcher.rank(question)
        assert candidates[0].gap, question
        assert decide(candidates).status != "answer", question
    assert engine.matcher.rank("第二批湖南省法治政府建设示范地区有哪些")[0].gap == ""


def test_a_total_is_not_answered_with_a_part(engine):
    from bot.matching import decide
    for question in ["益阳总共有几个立法联系点", "益阳一共有多少个乡镇"]:
        top = engine.matcher.rank(question)[0]
        assert top.gap == "总数" and decide([top]).status == "clarify", question
    assert engine.respond("新增了几个立法联系点").entry_id == "new_legislative_contact_points"


def test_a_list_is_not_answered_with_a_count(engine):
    top = engine.matcher.rank("那六项重大行政决策事项具体是哪几项")[0]
    assert top.entry_id == "major_decisions" and top.gap == "完整名单"


def test_people_asked_of_a_count_of_things(engine):
    top = engine.matcher.rank("益阳有多少名人民调解员")[0]
    assert top.gap == "人数"
    assert engine.respond("帮多少名农民工讨回了工资").entry_id == "migrant_workers_helped"


def test_a_percentage_is_not_answered_without_one(engine):
    top = engine.matcher.rank("涉企执法案件柔性执法率具体是百分之多少")[0]
    assert top.gap == "具体比例"
    assert engine.respond("网上可办率是百分之多少").entry_id == "online_rate"
