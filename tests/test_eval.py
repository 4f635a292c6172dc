"""Accuracy on the eval sets written from the report alone (tests/eval/FORMAT.md).

The tuning set guides changes; its numbers are asserted here. The frozen holdout
(tests/eval/holdout.yaml) is not run by the tests: it is measured once, by
`python -m bot bench --holdout`. The id-keyed legacy sets of the first version stay as
regression checks.
"""

from collections import Counter

from benchmarks.evaluation import EVAL_DIR, TUNING_FILE, engine_predictor, evaluate, load_eval
from bot.knowledge.reporttext import parse_report
from bot.text.normalize import normalize

LEGACY = EVAL_DIR / "legacy-tuning.yaml"
IN_SCOPE_TAGS = {
    "plain",
    "keyword",
    "colloquial",
    "typo",
    "traditional",
    "numeral",
    "yesno",
    "rough",
    "two-asks",
    "list",
    "detail",
    "overview",
}
OUT_TAGS = {"other-year", "other-place", "near-miss", "general-law", "how-to", "chit-chat", "junk"}


def test_tuning_set_is_large_verbatim_and_covers_every_figure(kb):
    items = load_eval(TUNING_FILE)
    in_scope = [i for i in items if i.in_scope]
    assert len(in_scope) >= 300 and len(items) - len(in_scope) >= 80
    assert IN_SCOPE_TAGS <= {t for i in in_scope for t in i.tags}
    assert OUT_TAGS <= {t for i in items if not i.in_scope for t in i.tags}
    for item in in_scope:
        assert all(e in kb.report for e in item.expect), item
    expected = Counter(e for i in in_scope for e in i.expect)
    missing = [
        f.value for f in parse_report(kb.report).figures if not any(f.value in e or e in f.value for e in expected)
    ]
    assert len(missing) <= 3, missing


def test_tuning_accuracy(engine, kb):
    result = evaluate(engine_predictor(engine), load_eval(TUNING_FILE), kb.report, normalize)
    print("\n" + result.table() + "\nmisses:\n" + result.miss_lines())
    assert result.accuracy >= 0.93
    assert result.false_answer_rate <= 0.03
    assert result.invented == [] and result.false_absence == []
    for tag in ("rough", "yesno", "two-asks", "overview", "plain", "traditional", "typo"):
        rows = result.in_scope[tag]
        assert sum(rows) / len(rows) >= 0.88, tag


def test_legacy_sets_still_pass(engine, kb):
    for name, floor, false_max in (("legacy-tuning.yaml", 0.93, 0.02), ("legacy-holdout.yaml", 0.90, 0.05)):
        result = evaluate(engine_predictor(engine), load_eval(EVAL_DIR / name), kb.report, normalize)
        print(f"\n{name}:\n" + result.table())
        assert result.accuracy >= floor and result.false_answer_rate <= false_max, name
        assert not result.invented and not result.false_absence, name


def test_a_headline_figure_of_a_measure_not_asked_is_counted():
    from benchmarks.evaluation import Reply, other_measures

    report = "全市对6125家企业轻微违规“首次不罚”,免罚金额2000余万元。"
    both = Reply("answer", "", "x", "首次不罚企业数：6125家\n…\n免罚金额：2000余万元\n…")
    assert other_measures(both, ("6125家",), report) == ["2000余万元"]
    assert other_measures(both, ("6125家", "2000余万元"), report) == []
    assert other_measures(both, ("首次不罚",), report) == []  # a name asked, not a figure
    assert other_measures(Reply("clarify", "", None, both.answer), ("6125家",), report) == []
