"""The metamorphic generators do what they claim: seeded, broad, and never adding something the
report could answer (story and near-miss words are absent from the report)."""

import functools
import random
import re

import pytest
from pypinyin import lazy_pinyin

from benchmarks.evaluation import Reply
from benchmarks.metamorphic import build_cases, composition, direction, invariance, lexicon, numerals
from benchmarks.metamorphic.cases import CHOICE, HOWTO, NO_FIGURE, RIGHT, SCOPE, Case, passes
from benchmarks.metamorphic.sources import SOURCE_FILES, Figure, load_sources, subject_of
from benchmarks.metamorphic.words import tokenizer
from bot.text.normalize import convert_numerals

QUESTIONS = (
    "2023年共受理法律援助案件多少件？",
    "执法记录仪",
    "“0”跑动次数的事项有多少项？",
    "政务服务事项承诺时限整体压缩率是不是74.1%？",
    "CCTV-13频道哪个栏目报道了营商码",
    "人民调解的调处成功率是多少？",
)


@pytest.fixture(scope="module")
def sources(engine, kb):
    return load_sources(engine, kb.report)


def test_only_tuning_sets_are_read_and_every_one_of_them():
    names = [p.name for p in SOURCE_FILES]
    assert names[0] == "tuning.yaml" and "styles-tuning.yaml" in names and "styles-tuning9.yaml" in names
    assert not any("holdout" in name for name in names)


@pytest.mark.parametrize(
    "text, words",
    [
        ("4600余件", "四千六百余件"),
        ("10816起", "一万零八百一十六起"),
        ("13355件", "一万三千三百五十五件"),
        ("1024项", "一千零二十四项"),
        ("110%", "百分之一百一十"),
        ("74.1%", "百分之七十四点一"),
        ("7.5万余项", "七点五万余项"),
        ("第7次", "第七次"),
        ("CCTV-13", "CCTV-13"),
        ("10个", "十个"),
        ("30000人次", "三万人次"),
    ],
)
def test_numbers_in_words(text, words):
    rng = random.Random(0)
    rng.random = lambda: 0.9  # never 两, never 百分之百
    assert numerals.in_words(text, rng) == words


def test_years_and_liang():
    assert numerals.year("2023") in ("二〇二三", "二零二三")
    assert numerals.integer(2900, liang=True) == "两千九百"
    assert numerals.integer(2900) == "二千九百"
    assert numerals.percent("100", liang=True) == "百分之百"
    assert numerals.percent("100", liang=True, spoken=True) == "百分百"


def test_story_words_are_absent_from_the_report(kb):
    parts = (
        lexicon.RELATIVES
        + lexicon.JOBS
        + lexicon.SHOPS
        + lexicon.VILLAGES
        + lexicon.EVENTS
        + lexicon.FEELINGS
        + lexicon.LEADS
        + lexicon.AFTER_LEADS
    )
    assert len(parts) + len(lexicon.HUNAN_COUNTIES) >= 40
    present = [(p, w) for p in parts for w in tokenizer().lcut(p) if len(w) >= 2 and w in kb.report]
    assert present == []
    for county in lexicon.HUNAN_COUNTIES:
        assert county not in kb.report and (len(county) <= 2 or county[:-1] not in kb.report), county


def test_story_is_varied_and_keeps_the_question():
    rng = random.Random(1)
    question = "人民调解的调处成功率是多少？"
    stories = {invariance.story_before(question, rng) for _ in range(200)}
    assert len(stories) >= 190
    assert all(s.endswith(question) for s in stories)
    after = invariance.story_after(question, rng)
    assert after.startswith(question) and len(after) > len(question) + 6


def test_story_place_is_never_the_asked_one():
    rng = random.Random(2)
    question = "浏阳有多少家企业首次不罚"
    for _ in range(200):
        story = invariance.story(rng, question)
        assert "浏阳" not in story


def test_near_miss_words_are_absent_from_the_report(kb):
    for swap in lexicon.NEAR_MISSES:
        for old, new in swap.items():
            assert old in kb.report, old
            assert new not in kb.report, new
    assert direction.near_misses("执法记录仪配了多少台") == ["执法巡逻车配了多少台"]
    assert direction.near_misses("全市建立了多少处询问室、听证室？") == ["全市建立了多少处羁押室、值班室？"]


def test_swapped_chars_turns_two_neighbours_of_one_word_round():
    rng = random.Random(5)
    changed = 0
    for question in QUESTIONS * 10:
        typo = invariance.swapped_chars(question, rng)
        if typo is None:
            continue
        changed += 1
        at = [i for i, (a, b) in enumerate(zip(question, typo)) if a != b]
        assert sorted(typo) == sorted(question) and len(at) == 2 and at[1] == at[0] + 1, typo
        assert typo[at[0]] == question[at[1]] and typo[at[1]] == question[at[0]]
    assert changed >= 30  # questions with a content word of three characters or more


def test_homophone_typo_changes_one_character_for_one_read_the_same():
    rng = random.Random(3)
    common = set(invariance.common_chars())
    assert len(common) == 3000
    changed = 0
    for question in QUESTIONS * 10:
        typo = invariance.homophone(question, rng)
        if typo is None:
            continue
        changed += 1
        diff = [(a, b) for a, b in zip(question, typo) if a != b]
        assert len(typo) == len(question) and len(diff) == 1, typo
        old, new = diff[0]
        assert new in common
        assert lazy_pinyin(new)[0] in lazy_pinyin(question)
    assert changed >= 50


def test_pinyin_word_replaces_one_word():
    rng = random.Random(4)
    for _ in range(20):
        out = invariance.pinyin_word("2023年共受理法律援助案件多少件？", rng)
        latin = re.findall(r"[a-z]+(?: [a-z]+)*", out)
        assert len(latin) == 1
        han = re.sub(r"[a-z ]", "", out)
        assert len(han) < len("2023年共受理法律援助案件多少件？")
        assert "".join(lazy_pinyin("2023年共受理法律援助案件多少件？")).find(latin[0].replace(" ", "")) >= 0


def test_english_word_writes_one_report_word_in_english():
    from bot.text.english import load_glossary

    glossary = load_glossary()
    rng = random.Random(6)
    question = "2023年共受理法律援助案件多少件？"
    seen = set()
    for _ in range(20):
        out = invariance.english_word(question, rng)
        latin = re.findall(r"[A-Za-z][A-Za-z' -]*[A-Za-z]", out)
        assert len(latin) == 1 and glossary[latin[0].lower()] in question
        seen.add(latin[0].lower())
    assert len(seen) >= 2
    assert invariance.english_word("嗯嗯", rng) is None


def test_formal_letter_wraps_the_question_whole_and_dates_it_in_another_year():
    rng = random.Random(7)
    question = "2023年共受理法律援助案件多少件？"
    for _ in range(20):
        out = invariance.formal_letter(question, rng)
        assert question in out and ("本人系" in out or re.search(r"作为[^，]+，本人", out))  # who writes, either way
        assert re.search(r"20(?:24|25|26)年\d{1,2}月\d{1,2}日$", out)


def test_punctuation_and_traditional():
    rng = random.Random(5)
    assert invariance.punctuation_removed("承诺时限压缩率是不是74.1%？", rng) == "承诺时限压缩率是不是74.1%"
    assert invariance.punctuation_removed("CCTV-13频道哪个栏目？", rng) == "CCTV-13频道哪个栏目"
    assert invariance.punctuation_removed("执法记录仪", rng) is None
    assert invariance.punctuation_doubled("A，B？", rng) == "A，，B？？"
    assert invariance.traditional("执法记录仪配了多少台", rng) == "執法記錄儀配了多少臺"
    assert invariance.traditional("法律援助案件受理", rng) is None  # nothing to change


def test_other_year_and_city():
    rng = random.Random(6)
    for _ in range(50):
        out = direction.other_year("2023年共受理法律援助案件多少件？", rng)
        assert "2023" not in out and re.search(r"20(19|2[0-24-6])年", out)
        out = convert_numerals(direction.other_year("全市有多少家企业首次不罚", rng))  # also said aloud
        assert re.search(r"20(19|2[0-24-6])年", out)
        assert re.sub(r"(?:那个|就是)?在?20\d\d年(?:那个)?[的，]?", "", out) == "全市有多少家企业首次不罚"
        city = direction.other_city("益阳网上可办率是多少", rng)
        assert "益阳" not in city and any(c in city for c in lexicon.OTHER_CITIES)
    assert direction.other_year("去年网上可办率是多少", rng) is None


def test_year_told_tells_the_year_then_points_at_it():
    """A story telling the year, then the question with 那一年/那年/当年/同一年 before it or
    before its 益阳; none for a question naming a year or telling a story of its own."""
    rng = random.Random(8)
    for _ in range(50):
        out = direction.year_told("益阳网上可办率是多少", rng, "2022")
        told = convert_numerals(out)
        assert "2022年" in told and told.index("2022年") < min(told.find(p) for p in ("那", "当", "同") if p in told)
        assert re.sub(r"那一年|那年|当年|同一年", "", out).endswith("益阳网上可办率是多少"), out
    assert direction.year_told("2023年网上可办率是多少", rng, "2022") is None
    assert direction.year_told("去年网上可办率是多少", rng, "2022") is None
    assert direction.year_told("我想问网上可办率是多少", rng, "2022") is None


def test_place_after_is_a_place_alone():
    """ "那全省呢", "长沙那边呢": a place and the words that hand a question over, nothing else."""
    rng = random.Random(7)
    places = (*lexicon.WIDER_SCOPES, *lexicon.OTHER_CITIES, *lexicon.HUNAN_COUNTIES)
    for _ in range(50):
        out = direction.place_after(rng)
        place = next(p for p in sorted(places, key=len, reverse=True) if p in out)
        assert re.fullmatch(r"(?:那|换成)?(?:的情况|的话|那边|的)?呢", out.replace(place, "", 1)), out


def test_switched_names_the_subject_in_full():
    rng = random.Random(8)
    for _ in range(30):
        out = composition.switched("网上可办率", rng)
        assert "网上可办率" in out and re.search(r"多少$", out), out


def test_subjects():
    assert subject_of("2023年共受理法律援助案件多少件？") == "共受理法律援助案件"
    assert subject_of("人民调解的调处成功率是多少？") == "人民调解的调处成功率"
    assert subject_of("给企业的合规提醒一共写了多少条") == "给企业的合规提醒"
    assert subject_of("全市行政机关负责人出庭应诉率是多少？") == "全市行政机关负责人出庭应诉率"
    assert subject_of("法律咨询人次") == "法律咨询人次"
    assert subject_of("给执法人员配备了多少台执法记录仪？") is None  # the ask is not at the end
    assert subject_of("到法院打民事官司的案子变少了没，少了多少") is None
    assert subject_of("行政许可的办事指南都在网上填好发布了没") is None
    # dialect asks are asks too: "刑事破案数涨哒好多咯" has no clean subject
    assert subject_of("刑事破案数涨哒好多咯") is None
    assert subject_of("谁执法谁普法发布哒好多个典型案例嘞") is None
    assert subject_of("免罚金额是多少咯") == "免罚金额"


def test_checks_said_back_right_and_wrong():
    rng = random.Random(7)
    figure = Figure("4600余件", "4600", "count")
    assert composition.said_figure(figure, True, False, rng) in ("4600多件", "4600余件")
    assert composition.said_figure(figure, True, True, rng) in ("四千六百多件", "四千六百余件")
    for _ in range(30):
        wrong = composition.said_figure(figure, False, False, rng)
        number = float(re.match(r"\d+", wrong).group(0))
        assert abs(number - 4600) >= 4600 / 3
    percent = Figure("93%", "93", "percent")
    for _ in range(30):  # a share in words: another percentage, or two tenths away from it ("七八成")
        said = composition.said_figure(percent, False, True, rng)
        assert (
            said.startswith("百分之")
            and said != "百分之九十三"
            or said in ("一两成", "两三成", "三四成", "四五成", "五六成", "六七成", "七八成")
        )
    rate = Figure("74.1%", "74.1", "percent")
    assert {composition.said_figure(rate, True, True, random.Random(seed)) for seed in range(40)} >= {"七八成"}
    for negated in (False, True):
        for right in (False, True):
            text, truth = composition.check(figure, right, False, negated, rng)
            assert text.startswith(("不是", "应该不是")) is negated
            assert truth is (right is not negated)
    for _ in range(30):  # "有X吗" reads "at least X": never asked with a wrong X
        assert not composition.check(figure, False, False, False, rng)[0].startswith("有")


def test_bound_checks_are_clearly_off_the_figure_and_judged_by_their_relation():
    rng = random.Random(5)
    figure, rate, wan = (
        Figure("4600余件", "4600", "count"),
        Figure("93%", "93", "percent"),
        Figure("1.5万余项", "1.5", "count"),
    )
    bound = functools.partial(composition._bound, rng=random.Random(1))
    assert bound(figure, True, False) == "20000件" and bound(figure, False, False) == "1000件"
    assert bound(rate, True, False) is None  # no share above 100%
    assert bound(rate, False, True) in ("百分之七十", "七成")  # a share said in words, either way
    assert bound(Figure("35%", "35", "percent"), True, True) in ("百分之五十", "五成", "一半", "半数")
    assert bound(wan, False, False) == "5000项" and bound(wan, True, False) == "5万项"
    seen = set()
    for _ in range(60):
        text, truth = composition.bound_check(figure, rng)
        bound = next(b for b in ("20000件", "二万件", "1000件", "一千件") if b in text)
        below = any(text == t.format(x=bound) for t in lexicon.BOUND_CHECKS["below"])
        larger = bound in ("20000件", "二万件")
        assert truth is (larger if below else not larger)
        seen.add((below, larger))
    assert len(seen) == 4


def test_rank_checks_claim_the_top_or_the_bottom_of_the_subject():
    from bot.decision.verify import CONTRASTS, cannot, negates

    for claim, templates in lexicon.RANK_CHECKS.items():
        for template in templates:
            text = template.format(s="承诺时限压缩率")
            assert text.startswith("承诺时限压缩率在") and ("全省" in text or "省里" in text)
            bottom = any(word in text for word, opposites in CONTRASTS if "前列" in opposites) or cannot(text)
            if negates(text) and not cannot(text):
                bottom = not bottom  # "不靠后吧": a low place denied; "不怎么靠前吧": a top place denied
            assert bottom is not claim, text


def test_ask_and_check_keeps_the_question_and_checks_its_own_figure():
    rng = random.Random(11)
    figure = Figure("4600余件", "4600", "count")
    for right in (True, False):
        for _ in range(20):
            text, truth = composition.ask_check("柔性执法办了多少案件？", figure, right, rng)
            assert text.startswith("柔性执法办了多少案件") and truth is right
            assert ("4600" in text or "四千六百" in text) is right
            assert right or not text.endswith("吗") or "有" not in text[-8:]  # "有X吗" never with a wrong X


def test_figures_know_the_part_their_own_clause_names(kb):
    from benchmarks.metamorphic.sources import report_figures

    parts = {f.value: f.part for f in report_figures(kb.report)}
    assert parts["358项"] == "市本级" and parts["5个"] == "新增" and parts["4600余件"] == ""
    for template in lexicon.RULED_OUT:
        assert "{s}" in template and any(w + "{p}" in template for w in ("不是", "不只是", "不光是"))


def test_claims_checked_states_each_figure_then_one_check():
    rng = random.Random(3)
    aid, rate = Figure("2900余件", "2900", "count"), Figure("93%", "93", "percent")
    for _ in range(20):
        text = composition.claims_checked([("法律援助案件", aid, True), ("调处成功率", rate, False)], rng)
        assert text.startswith("法律援助案件") and "调处成功率" in text
        assert text.endswith(tuple(c.rstrip("？") for c in lexicon.CLAIMS_CHECKS) + ("？",))
        assert "93" not in text.split("调处成功率", 1)[1]  # the wrong claim is wrong


def test_judging_several_verdicts_in_order():
    both = "是的。法律援助案件数：2900余件\n全市…\n不是。调处成功率：93%"
    case = Case("t", "f", ("q",), RIGHT, ("2900余件", "93%"), True, "", (), (True, False))
    assert passes(case, Reply("answer", both, answer=both), ("2900余件", "93%"))
    swapped = both.replace("不是。", "是的。")
    assert not passes(case, Reply("answer", swapped, answer=swapped), ("2900余件", "93%"))


def test_judging_each_outcome():
    answer = Reply("answer", "法律援助案件数：2900余件", answer="法律援助案件数：2900余件")
    decline = Reply("fallback", "抱歉，报告中没有办理方法这类办事信息。")
    yes = Reply("answer", "是的。法律援助案件数：2900余件", answer="是的。法律援助案件数：2900余件")
    figures = ("2900余件",)
    assert passes(Case("t", "f", ("q",), RIGHT, ("2900余件",)), answer, figures)
    assert not passes(Case("t", "f", ("q",), RIGHT, ("2900余件",), yes=False), yes, figures)
    assert not passes(Case("t", "f", ("q",), NO_FIGURE), answer, figures)
    assert passes(Case("t", "f", ("q",), NO_FIGURE), decline, figures)
    assert passes(Case("t", "f", ("q",), SCOPE), decline, figures)
    assert passes(Case("t", "f", ("q",), HOWTO), decline, figures)
    assert not passes(Case("t", "f", ("q",), HOWTO), yes, figures)
    assert not passes(Case("t", "f", ("q",), HOWTO), Reply("fallback", "是的，要钱。"), figures)


def test_cases_are_seeded(sources):
    first, again, other = build_cases(sources, 1), build_cases(sources, 1), build_cases(sources, 2)
    assert first == again
    assert first != other
    assert len(first) >= 5000
    # invariance cases keep the original's expectation
    by_question: dict[str, set] = {}  # a question may stand in two sets, each with its own expectation
    for item in sources.right:
        by_question.setdefault(item.question, set()).add(item.expect)
    for case in first:
        if case.family == "invariance":
            assert case.expect in by_question[case.source]
    enumerations = [c for c in first if c.transform == "enumeration"]
    assert {len(c.expect) for c in enumerations} == {2, 3, 4, 5, 6}


def test_dialect_question_words():
    rng = random.Random(3)
    out = invariance.dialect("诉前调解成功率是多少？调解的是什么案子", rng)
    assert "好多？" in out and ("么子" in out or "啥子" in out)
    assert invariance.dialect("多少家企业首次不罚", rng) is None  # 多少 before its noun stays


def test_near_miss_swaps_only_the_words_asked_about():
    # the word in a story's clause is context: the ask is unchanged, so no near miss is made
    assert direction.near_misses("上次跟执法人员起了点争执，执法记录仪配了多少台") == [
        "上次跟执法人员起了点争执，执法巡逻车配了多少台"
    ]
    assert direction.near_misses("我表哥是执法人员，询问室听证室建了多少处") == [
        "我表哥是执法人员，羁押室值班室建了多少处"
    ]
    # a word asked about in one clause is swapped wherever it is written
    assert direction.near_misses("法律援助中心很热情，法律援助案件是不是两千九百多件") == [
        "法律援助中心很热情，法律援助投诉是不是两千九百多件",
        "司法救助中心很热情，司法救助案件是不是两千九百多件",
    ]


def test_near_miss_leaves_options_and_units_of_measure_alone():
    # an either-or ask with one option swapped still has the other to choose: it asks the same
    assert direction.near_misses("6125是企业数还是案件数") == []
    assert direction.near_misses("10816是案件数还是纠纷数") == []
    # 单位 asked as the unit of measure is no organisation to swap for 科室
    assert direction.near_misses("询问室、听证室那个近200，单位是间还是处") == [
        "羁押室、值班室那个近200，单位是间还是处"
    ]
    assert direction.near_misses("法律咨询是按什么单位统计的") == ["心理咨询是按什么单位统计的"]
    # 单位 as an organisation is swapped
    assert direction.near_misses("验收了几个单位") == ["验收了几个科室"]


def test_turned_words_turn_a_report_word_of_the_ask_into_one_the_report_never_writes():
    report = "全市诉前调解成功率56.8%,网上可办率100%"
    (turned,) = direction.turned_words("诉前调解成功率是多少", report)
    assert turned == "诉后调解成功率是多少" and "诉后" not in report
    assert direction.turned_words("网上可办率是多少", report) == ["网下可办率是多少"]
    assert direction.turned_words("法律援助案件有多少", report) == []  # nothing to turn


def test_a_feeling_after_adds_no_word_of_the_report_and_no_number():
    rng = random.Random(3)
    for _ in range(20):
        text = invariance.feeling_after("网上可办率是多少", rng)
        tail = text[len("网上可办率是多少") :]
        assert text.startswith("网上可办率是多少") and not re.search(r"[\d一二三四五六七八九十]", tail)


def test_choice_offers_the_figure_and_a_wrong_one_in_either_order():
    rng = random.Random(5)
    figure = Figure("4600余件", "4600", "count")
    orders = set()
    for follow_up in (False, True):
        for _ in range(20):
            text = composition.choice("柔性执法办了多少案件？", figure, follow_up, rng)
            assert text.startswith("柔性执法办了多少案件") is not follow_up and "还是" in text
            first, second = text.split("还是")
            right = ("4600" in first or "四千六百" in first, "4600" in second or "四千六百" in second)
            assert sum(right) == 1, text  # exactly one option is the figure
            orders.add(right)
    assert len(orders) == 2


def test_judging_a_choice_wants_the_figure_without_a_verdict():
    case = Case("choice", "f", ("q",), CHOICE, ("4600余件",))
    plain = Reply("answer", "柔性执法办案数：4600余件", answer="柔性执法办案数：4600余件")
    yes = Reply("answer", "是的。柔性执法办案数：4600余件", answer="是的。柔性执法办案数：4600余件")
    assert passes(case, plain, ("4600余件",)) and not passes(case, yes, ("4600余件",))
    assert not passes(case, Reply("fallback", "抱歉，报告中没有找到相关内容。"), ("4600余件",))


def test_none_claimed_says_none_of_what_the_figure_counts_and_skips_rates():
    rng = random.Random(3)
    count = Figure("6125家", "6125", "count")
    for follow_up in (False, True):
        for _ in range(10):
            text = composition.none_claimed("首次不罚的企业", count, follow_up, rng)
            assert "一家" in text and ("首次不罚的企业" in text) is not follow_up, text
    assert composition.none_claimed("网上可办率", Figure("100%", "100", "percent"), False, rng) is None


def test_capped_keeps_at_most_cap_per_transform_drawn_from_all_originals_in_order():
    from benchmarks.metamorphic.suite import capped

    cases = [Case("big", "invariance", (f"q{i}",), source=f"s{i}") for i in range(1000)]
    cases += [Case("small", "direction", (f"d{i}",)) for i in range(10)]
    kept = capped(cases, 100)
    big = [c for c in kept if c.transform == "big"]
    assert len(big) == 100 and len([c for c in kept if c.transform == "small"]) == 10
    assert [cases.index(c) for c in kept] == sorted(cases.index(c) for c in kept)  # in their order
    assert max(int(c.turns[0][1:]) for c in big) > 800  # not only the first originals
    assert capped(cases, 100) == kept  # seeded: the same sample every run
