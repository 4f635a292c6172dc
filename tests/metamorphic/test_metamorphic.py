"""The metamorphic suite of issue 15 (CheckList): every transform of every in-scope tuning
question the engine answers right, with a pass-rate floor per transform.

Each floor is the rate measured when the suite was written (or, session 23, when its originals
grew from two tuning sets to all of them), rounded down to 5%: it guards
against regressions; the issue's target is 98% per transform (`python -m bot bench` prints the
rates next to it). Raise a floor when the engine gets better."""

import pytest

from benchmarks.metamorphic import TRANSFORMS, measure
from benchmarks.metamorphic.suite import Measurement

TARGET = 0.98
FLOORS = {
    "story_before": 0.95,
    "story_after": 0.95,
    "formal_letter": 0.95,
    "city_named": 0.95,  # session 55: "…本人欲了解《益阳市行政执法…" (the story cut split 益阳 off the ask)
    "fillers_politeness_emoji": 0.95,
    "punctuation_removed": 0.85,  # long voice-input stories with every break removed
    "punctuation_doubled": 0.95,
    "traditional": 0.95,
    "homophone_typo": 0.95,
    "swapped_chars": 0.95,  # session 43: two neighbours of a word typed round (91.2% before such pairs were put right)
    "numbers_in_words": 0.99,  # session 29: two tuning17 originals fail in words ("一跑动", "这俩" of two figures in words)
    "pinyin_word": 0.95,
    "pinyin_glued": 0.95,  # session 48: "xiang易办", "wu车证明" (90.5% before a syllable was read with its neighbours)
    "english_word": 0.95,
    "ordinal_corrected": 0.95,  # session 49: "第六次 不对 是第几次" (53.0% at the session's start)
    "feeling_after": 0.95,  # session 35: "…吗 好麻烦呀" (96.9% before a short message shed its feeling)
    "dialect": 0.95,  # session 34: a verb's 了 said 哒/咯 too (93.7% before 讲咯/过哒 were read)
    "near_miss_measure": 0.80,
    "pair_word": 0.95,  # session 55: "人民调解" → 人民公社, "执法人员" → 领导人员 (93.2% on the session-start engine)
    "turned_word": 0.90,  # session 35: a word of the report turned to its opposite ("诉前" → 诉后, "网上" → 网下)
    "other_year": 0.95,
    "other_city": 0.95,
    "year_told": 0.95,  # session 62: "我2022年在益阳打工…那一年…多少" (95.5% before a pointer cut off the ask was read)
    "year_told_same": 0.95,  # session 62: the same, the story telling 2023年 (98.5% when written)
    "place_after": 0.95,  # session 56: "那全省呢" after a figure (86.5% on the session-start engine)
    "year_compared": 0.95,  # session 47: "X，2023年跟2022年比哪年多" of a level (94.1% when written)
    "practical_ending": 0.95,
    "rank_of_subject": 0.95,
    "ruled_out_part": 0.90,  # session 34: "X一共多少，不是市本级的" (0% before what is ruled out was read)
    "outcome_asked": 0.95,  # session 62: "X，其中通过了的有多少项" (95.9% before a part within the one before was heard with it)
    "set_aside": 0.95,  # session 57: "X之外，还有多少家" of X's own figure (59.3% on the session-start engine)
    "rank_check": 0.90,  # session 34: "X在全省排得上号吧", "是不是垫底" (85.7% before rank checks were read)  # session 29: where a subject stands in the province (86.3%; 95.9% in session 30)
    "enumeration": 0.93,  # session 49: 94.8% for the start and end engines alike once tuning51 (formal items, "请问贵市…共计", inside a list) joined the sources
    "comparison": 0.95,
    "comparison_claimed": 0.95,  # session 48: "A比B多，对吧" (82.3% before a tag after the claim was read)
    "switched": 0.95,  # session 56: "还有{s}是多少" after a figure (95.0% on the session-start engine)
    "narrowed": 0.95,  # session 42: several figures, then "只说A", "其中A呢"
    "stated_figure": 0.90,
    "check_right_digits": 0.95,
    "check_right_words": 0.95,
    "check_wrong_digits": 0.95,
    "check_wrong_words": 0.95,
    # "不是X吧" is judged as the eval sets judge it (the statement "not X": 不是 when X is right).
    "check_negated_right": 0.95,
    "check_negated_wrong": 0.95,
    "exact_claimed": 0.95,  # session 54: "是正好200处吗" of 近200处 (51.2% on the session-start engine: 整整/正好 read as words the report lacks)
    "check_bound": 0.95,  # session 34: "X都不到吧", "连X都没到吧", "X有没有" (72.3% before the trailing relation)
    "ask_and_check": 0.90,  # session 34: "…多少罚款啊是不是两千多万" in one message (86.1% before the split kept them together)
    "ask_and_practical": 0.90,  # session 61: "…多少件？申请要什么条件" (0.0% on the session-start engine, 92.5% after)
    "check_direction": 0.95,
    "none_claimed": 0.95,  # session 42: "是不是一家都没有" of a count (不是)
    "choice": 0.95,
    "unit_choice": 0.95,  # session 54: "是按起算还是按件算", "单位是台还是套" (87.9% on the session-start engine)  # session 41: the figure and a wrong one offered as options (61.5% when written)
    "self_corrected": 0.95,  # session 48: "X是不是N1 哦不对 是N2吧" (73.5% at the session start)
    "all_claimed": 0.95,  # session 48: "X是不是一个都没落下" of a rate, 是的 only of 100% (0% before)
    "all_claimed_after": 0.95,  # session 48: "是不是全都做到了" right after a rate (0% at the session start)
    "told_claim": 0.95,  # session 29: "我表姐说X是N，我有点不信，是真的吗" (83.5%; 98.1% in session 30)
    "claims_framed": 0.95,  # session 48: "A是不是N，B M，C K" (0% before the frame covered every claim)
    "claims_checked": 0.85,  # session 32: "A是N，B是M，没错吧", 是的/不是 of each claim (89.8% in the bench)
}
MIN_CASES = 30  # per transform
# Cases per transform in the test run, a seeded sample over every original (the largest
# transforms have ~19000; all of them take CI past its time limit: 1500 each took it to 19 min
# once place_after and switched joined in session 56). `python -m bot bench` still runs every case.
CASES_PER_TRANSFORM = 1300


@pytest.fixture(scope="module")
def measurement(engine, kb) -> Measurement:
    return measure(engine, kb.report, cap=CASES_PER_TRANSFORM)


def test_floors_name_every_transform():
    assert set(FLOORS) == {name for name, _ in TRANSFORMS}


def test_suite_is_large_and_built_from_right_originals(measurement):
    sources = measurement.sources
    print(
        f"\noriginals: {len(sources.items)} in scope, {len(sources.right)} answered right (used), "
        f"{len(sources.subjects)} figure subjects qualified; cases: {len(measurement.outcomes)}"
    )
    assert len(sources.items) >= 500
    assert len(sources.right) >= 0.7 * len(sources.items)
    assert len(sources.subjects) >= 40
    assert len(measurement.outcomes) >= 5000
    originals = {i.question for i in sources.right}
    for outcome in measurement.outcomes:
        if outcome.case.family == "invariance":
            assert outcome.case.source in originals


@pytest.mark.parametrize("transform", [name for name, _ in TRANSFORMS])
def test_pass_rate_per_transform(measurement, transform):
    row = next(r for r in measurement.rows() if r.transform == transform)
    failures = measurement.failures(transform)
    print(f"\n{transform} ({row.family}): {row.passed}/{row.cases} = {row.rate:.1%} (floor {FLOORS[transform]:.0%})")
    for outcome in failures[:5]:
        print("  " + outcome.line())
    assert row.cases >= MIN_CASES
    assert row.rate >= FLOORS[transform], [o.line() for o in failures[:10]]


def test_rates_table(measurement):
    """All rates at once, and which transforms are below the issue's 98% target."""
    rows = measurement.rows()
    print("\n| transform | family | cases | pass rate |\n|---|---|---:|---:|")
    for row in rows:
        print(f"| {row.transform} | {row.family} | {row.cases} | {row.rate:.1%} |")
    below = [r.transform for r in rows if r.rate < TARGET]
    print(f"below the {TARGET:.0%} target: {', '.join(below) or 'none'}")
    assert sum(r.cases for r in rows) == len(measurement.outcomes)
