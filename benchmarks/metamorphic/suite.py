"""Build every case from the tuning sets' originals, run them through an engine, and rate each
transform."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from benchmarks.evaluation import Reply, direct_answer
from benchmarks.metamorphic import composition, direction, invariance, lexicon
from benchmarks.metamorphic.cases import (
    ASIDE,
    CHOICE,
    COMPOSITION,
    DIRECTION,
    HOWTO,
    INVARIANCE,
    NO_FIGURE,
    RIGHT,
    SCOPE,
    Case,
    passes,
)
from benchmarks.metamorphic.sources import Sources, load_sources, reply_of

DEFAULT_SEED = 15
# a subject still ending in its ask ("…降了百分之", "…发布哒好多个典型案例嘞"): no claim can follow it
_ASKING_END_RE = re.compile(r"(?:百分之|百分|几|多少|好多|啥|什么)[个项件家台处条类种名起次位]?|[嘞哒咯呢啊吧]$")
PER_ORIGINAL = 2  # direction cases per original (year, city, practical ending)
ENUMERATIONS = 400
COMPARISONS = 300
STATED = 300
NARROWED = 300
SWITCHED = 300
CLAIMS_CHECKED = 300
CLEARLY_LARGER = 1.5  # a claim of which is larger is judged only when one is this many times the other
CHECKS_PER_ORIGINAL = 2  # per original and check transform
DIRECTION_CHECKS_PER_ORIGINAL = 6  # few figures are changes: more checks of each

CHECK_TRANSFORMS = {  # name → (right figure, in words (None: either), negated: "不是X吧")
    "check_right_digits": (True, False, False),
    "check_right_words": (True, True, False),
    "check_wrong_digits": (False, False, False),
    "check_wrong_words": (False, True, False),
    "check_negated_right": (True, None, True),
    "check_negated_wrong": (False, None, True),
}
TRANSFORMS = (
    *((name, INVARIANCE) for name in invariance.TRANSFORMS),
    ("near_miss_measure", DIRECTION),
    ("pair_word", DIRECTION),
    ("turned_word", DIRECTION),
    ("other_year", DIRECTION),
    ("other_city", DIRECTION),
    ("year_told", DIRECTION),
    ("year_told_same", INVARIANCE),
    ("place_after", DIRECTION),
    ("year_compared", DIRECTION),
    ("practical_ending", DIRECTION),
    ("rank_of_subject", DIRECTION),
    ("rank_check", DIRECTION),
    ("ruled_out_part", DIRECTION),
    ("set_aside", DIRECTION),
    ("outcome_asked", DIRECTION),
    ("enumeration", COMPOSITION),
    ("comparison", COMPOSITION),
    ("comparison_claimed", COMPOSITION),
    ("narrowed", COMPOSITION),
    ("switched", COMPOSITION),
    ("stated_figure", COMPOSITION),
    *((name, COMPOSITION) for name in CHECK_TRANSFORMS),
    ("check_bound", COMPOSITION),
    ("exact_claimed", COMPOSITION),
    ("ask_and_check", COMPOSITION),
    ("ask_and_practical", COMPOSITION),
    ("check_direction", COMPOSITION),
    ("none_claimed", COMPOSITION),
    ("choice", COMPOSITION),
    ("unit_choice", COMPOSITION),
    ("told_claim", COMPOSITION),
    ("self_corrected", COMPOSITION),
    ("all_claimed", COMPOSITION),
    ("all_claimed_after", COMPOSITION),
    ("claims_checked", COMPOSITION),
    ("claims_framed", COMPOSITION),
)


@dataclass(frozen=True)
class Outcome:
    case: Case
    passed: bool
    reply: Reply

    def line(self, width: int = 70) -> str:
        """ "question → reply head" for a report of failures."""
        head = direct_answer(self.reply).replace("\n", " / ")[:width]
        turns = " ⇒ ".join(self.case.turns)
        return f"{turns} → [{self.reply.status}] {head}"


@dataclass(frozen=True)
class Row:
    transform: str
    family: str
    cases: int
    passed: int

    @property
    def rate(self) -> float:
        return self.passed / self.cases if self.cases else 0.0


@dataclass
class Measurement:
    sources: Sources
    outcomes: list[Outcome]

    def rows(self) -> list[Row]:
        out = []
        for name, family in TRANSFORMS:
            results = [o.passed for o in self.outcomes if o.case.transform == name]
            out.append(Row(name, family, len(results), sum(results)))
        return out

    def failures(self, transform: str) -> list[Outcome]:
        return [o for o in self.outcomes if o.case.transform == transform and not o.passed]


def _rng(seed: int, name: str) -> random.Random:
    return random.Random(f"{seed}:{name}")


def _unique(cases: list[Case]) -> list[Case]:
    seen, out = set(), []
    for case in cases:
        key = (case.transform, case.turns)
        if key not in seen:
            seen.add(key)
            out.append(case)
    return out


def invariance_cases(sources: Sources, seed: int) -> list[Case]:
    cases = []
    for name, (transform, per_original) in invariance.TRANSFORMS.items():
        rng = _rng(seed, name)
        for item in sources.right:
            for _ in range(per_original):
                question = transform(item.question, rng)
                if question and question != item.question:
                    cases.append(Case(name, INVARIANCE, (question,), RIGHT, item.expect, item.yes, item.question))
    return _unique(cases)


def direction_cases(sources: Sources, seed: int) -> list[Case]:
    cases = []
    single = [i for i in sources.right if sources.single_figure(i) is not None]
    for item in single:
        for question in direction.near_misses(item.question):
            cases.append(Case("near_miss_measure", DIRECTION, (question,), NO_FIGURE, source=item.question))
        for question in direction.turned_words(item.question, sources.report):
            cases.append(Case("turned_word", DIRECTION, (question,), NO_FIGURE, source=item.question))
        for question in direction.pair_words(item.question, sources.report):
            cases.append(Case("pair_word", DIRECTION, (question,), NO_FIGURE, source=item.question))
    # A year or city put before a story would stand in its context, where it must not set a scope:
    # story messages are left out.
    with_figures = [i for i in sources.right if sources.figure_in(" ".join(i.expect)) and "story" not in i.tags]
    for name, transform in (("other_year", direction.other_year), ("other_city", direction.other_city)):
        rng = _rng(seed, name)
        for item in with_figures:
            for _ in range(PER_ORIGINAL):
                question = transform(item.question, rng)
                if question and question != item.question:
                    cases.append(Case(name, DIRECTION, (question,), SCOPE, source=item.question))
    rng = _rng(seed, "year_told")
    for item in with_figures:
        if question := direction.year_told(item.question, rng, rng.choice(lexicon.OTHER_YEARS)):
            cases.append(Case("year_told", DIRECTION, (question,), SCOPE, source=item.question))
    rng = _rng(seed, "year_told_same")
    for item in with_figures:
        if question := direction.year_told(item.question, rng, "2023"):
            cases.append(Case("year_told_same", INVARIANCE, (question,), RIGHT, item.expect, item.yes, item.question))
    rng = _rng(seed, "place_after")
    for item in single:
        # a place alone after a figure asks that figure of the place (a figure the report states
        # of the province, 排名全省第一, is its own answer: left out)
        if "story" in item.tags or re.search(r"全省|全国|省级|国家", " ".join(item.expect) + item.question):
            continue
        for _ in range(PER_ORIGINAL):
            turns = (item.question, direction.place_after(rng))
            cases.append(Case("place_after", DIRECTION, turns, SCOPE, source=item.question))
    rng = _rng(seed, "practical_ending")
    for subject, item in sources.subjects:
        for _ in range(PER_ORIGINAL):
            question = direction.practical(subject, rng)
            cases.append(Case("practical_ending", DIRECTION, (question,), HOWTO, source=item.question))
    rng = _rng(seed, "year_compared")
    for subject, item in sources.subjects:
        # the report's year compared with another: a level (2861项) says nothing of the other year
        # (a change the report states, 同比上升110%, would answer it: left out)
        figure = sources.single_figure(item)
        if figure.way or figure.kind == "change" or re.search(r"同比|增幅|降幅|上升|下降", subject):
            continue
        question = rng.choice(lexicon.YEARS_COMPARED).format(s=subject, y=rng.choice(("2021", "2022")))
        cases.append(Case("year_compared", DIRECTION, (question,), SCOPE, source=item.question))
    rng = _rng(seed, "rank_of_subject")
    for subject, item in sources.subjects:
        # where the subject's figure stands: its own rank in words when the report ranks it, else
        # no figure (never another subject's rank, 全省第一 of 两法衔接)
        figure = sources.single_figure(item)
        question = rng.choice(lexicon.RANKS).format(s=subject)
        if figure.ranked:
            cases.append(Case("rank_of_subject", DIRECTION, (question,), RIGHT, item.expect, source=item.question))
        else:
            cases.append(Case("rank_of_subject", DIRECTION, (question,), NO_FIGURE, source=item.question))
    rng = _rng(seed, "rank_check")
    for subject, item in sources.subjects:
        # a check of where it stands: 是的/不是 with its figure when the report ranks it, else no figure
        figure = sources.single_figure(item)
        for claim in (True, False):
            question = rng.choice(lexicon.RANK_CHECKS[claim]).format(s=subject)
            if figure.ranked:
                case = Case("rank_check", DIRECTION, (question,), RIGHT, item.expect, claim, item.question)
            else:
                case = Case("rank_check", DIRECTION, (question,), NO_FIGURE, source=item.question)
            cases.append(case)
    for subject, item in sources.subjects:
        # the part its figure is of, ruled out: no figure (the report gives that part only)
        figure = sources.single_figure(item)
        if figure.part and figure.part not in subject and figure.part not in item.question:
            for template in lexicon.RULED_OUT:  # few figures name a part: every wording of each
                question = template.format(s=subject, p=figure.part)
                cases.append(Case("ruled_out_part", DIRECTION, (question,), NO_FIGURE, source=item.question))
    rng = _rng(seed, "set_aside")
    for subject, item in sources.subjects:
        # its subject set aside, the rest of its kind asked: the report counts only that subject
        counter = _COUNTER_RE.search(sources.single_figure(item).value)
        if counter:
            question = rng.choice(lexicon.SET_ASIDE).format(s=subject, u=counter.group(0))
            cases.append(Case("set_aside", DIRECTION, (question,), NO_FIGURE, source=item.question))
    rng = _rng(seed, "outcome_asked")
    for subject, item in sources.subjects:
        # an outcome of those counted ("…最后有多少件打赢了"): the report counts those taken on
        figure = sources.single_figure(item)
        counter = _COUNTER_RE.search(figure.value)
        said = next((s for s in sources.report.split("。") if figure.value in s), "")
        outcomes = [v for v, stem in lexicon.OUTCOMES if stem not in said and stem not in subject]
        if counter and said and outcomes:
            question = rng.choice(lexicon.OUTCOME_ASKED).format(s=subject, u=counter.group(0), v=rng.choice(outcomes))
            cases.append(Case("outcome_asked", DIRECTION, (question,), NO_FIGURE, source=item.question))
    return _unique(cases)


# The counter a count ends in ("6125家" → 家); rates and money have none to ask "还有多少" of.
_COUNTER_RE = re.compile(r"(?<=[\d余多])(?:人次|[个项件家名台处条类种起次人位])$")


def _distinct(sources: Sources, rng: random.Random, k: int, percent: bool | None = None):
    """k qualified subjects with k different figures (optionally all rates or all counts)."""
    pool = [
        (subject, item, sources.single_figure(item))
        for subject, item in sources.subjects
        if percent is None or sources.single_figure(item).value.endswith("%") == percent
    ]
    rng.shuffle(pool)
    chosen, values = [], set()
    for subject, item, figure in pool:
        if figure.value not in values:
            values.add(figure.value)
            chosen.append((subject, item))
        if len(chosen) == k:
            return chosen
    return None


def composition_cases(sources: Sources, seed: int) -> list[Case]:
    cases = []
    rng = _rng(seed, "enumeration")
    for _ in range(ENUMERATIONS):
        chosen = _distinct(sources, rng, rng.randint(2, 6))
        if chosen:
            question = composition.enumeration([s for s, _ in chosen], rng)
            expect = tuple(item.expect[0] for _, item in chosen)
            source = " | ".join(item.question for _, item in chosen)
            cases.append(Case("enumeration", COMPOSITION, (question,), RIGHT, expect, source=source))
    rng = _rng(seed, "comparison")
    for _ in range(COMPARISONS):
        percent = rng.random() < 0.35
        chosen = _distinct(sources, rng, 2, percent)
        if chosen:
            (a, item_a), (b, item_b) = chosen
            question = composition.comparison(a, b, percent, rng)
            expect = (item_a.expect[0], item_b.expect[0])
            source = f"{item_a.question} | {item_b.question}"
            cases.append(Case("comparison", COMPOSITION, (question,), RIGHT, expect, source=source))
    rng = _rng(seed, "comparison_claimed")
    for _ in range(3 * COMPARISONS):  # about one pair in four is of one unit and clearly apart
        percent = rng.random() < 0.35
        chosen = _distinct(sources, rng, 2, percent)
        if chosen:
            (a, item_a), (b, item_b) = chosen
            (va, ua), (vb, ub) = (composition.magnitude(sources.single_figure(i)) for i in (item_a, item_b))
            low, high = sorted((va, vb))
            if ua != ub or not ua or low <= 0 or high < CLEARLY_LARGER * low:
                continue  # only two figures of one unit whose qualifiers cannot flip which is larger
            more = rng.random() < 0.5
            question = composition.comparison_claimed(a, b, percent, more, rng)
            expect = (item_a.expect[0], item_b.expect[0])
            truth = (va > vb) == more
            source = f"{item_a.question} | {item_b.question}"
            cases.append(Case("comparison_claimed", COMPOSITION, (question,), RIGHT, expect, truth, source))
    rng = _rng(seed, "narrowed")
    for _ in range(NARROWED):
        chosen = _distinct(sources, rng, rng.randint(2, 4))
        if chosen:
            asked = composition.enumeration([s for s, _ in chosen], rng)
            subject, item = rng.choice(chosen)
            others = tuple(sources.single_figure(i).value for s, i in chosen if i is not item)
            turns = (asked, composition.narrowed(subject, rng))
            source = " | ".join(i.question for _, i in chosen)
            cases.append(Case("narrowed", COMPOSITION, turns, RIGHT, item.expect, None, source, others))
    rng = _rng(seed, "switched")
    for _ in range(SWITCHED):
        # a figure, then another subject named in full: that subject's figure, never the first's
        # sibling the follow-up reading would reach for
        chosen = _distinct(sources, rng, 2)
        if chosen:
            (_, item_a), (b, item_b) = chosen
            turns = (item_a.question, composition.switched(b, rng))
            forbid = (sources.single_figure(item_a).value,)
            source = f"{item_a.question} | {item_b.question}"
            cases.append(Case("switched", COMPOSITION, turns, RIGHT, item_b.expect, None, source, forbid))
    rng = _rng(seed, "stated_figure")
    for _ in range(STATED):
        chosen = _distinct(sources, rng, 2)
        if chosen:
            (a, item_a), (b, item_b) = chosen
            value_a = sources.single_figure(item_a).value
            question = composition.stated(a, value_a, b, rng)
            source = f"{item_a.question} | {item_b.question}"
            forbid = (value_a,)
            cases.append(Case("stated_figure", COMPOSITION, (question,), RIGHT, item_b.expect, None, source, forbid))
    for name, (right, words, negated) in CHECK_TRANSFORMS.items():
        rng = _rng(seed, name)
        for item in sources.right:
            figure = sources.single_figure(item)
            if figure is None or item.yes is not None:
                continue
            for _ in range(CHECKS_PER_ORIGINAL):
                in_words = rng.random() < 0.5 if words is None else words
                follow_up, truth = composition.check(figure, right, in_words, negated, rng)
                turns = (item.question, follow_up)
                cases.append(Case(name, COMPOSITION, turns, RIGHT, item.expect, truth, item.question))
    rng = _rng(seed, "told_claim")
    for subject, item in sources.subjects:
        figure = sources.single_figure(item)
        for right in (True, False):
            question, truth = composition.told_claim(subject, figure, right, rng)
            cases.append(Case("told_claim", COMPOSITION, (question,), RIGHT, item.expect, truth, item.question))
    rng = _rng(seed, "all_claimed")
    for subject, item in sources.subjects:
        figure = sources.single_figure(item)
        if figure.value.endswith("%") and figure.kind != "change":
            truth = figure.value == "100%"
            question = composition.all_claimed(subject, rng)
            cases.append(Case("all_claimed", COMPOSITION, (question,), RIGHT, item.expect, truth, item.question))
            turns = (item.question, rng.choice(lexicon.ALL_CLAIMS_AFTER))
            cases.append(Case("all_claimed_after", COMPOSITION, turns, RIGHT, item.expect, truth, item.question))
    rng = _rng(seed, "self_corrected")
    for subject, item in sources.subjects:
        figure = sources.single_figure(item)
        question, truth = composition.self_corrected(subject, figure, rng.random() < 0.5, rng)
        cases.append(Case("self_corrected", COMPOSITION, (question,), RIGHT, item.expect, truth, item.question))
    # several figures stated then checked by one tag, or under one frame opening the first
    for name, phrase in (("claims_checked", composition.claims_checked), ("claims_framed", composition.claims_framed)):
        rng = _rng(seed, name)
        for _ in range(CLAIMS_CHECKED):
            chosen = _distinct(sources, rng, rng.randint(2, 3))
            if chosen and not any(_ASKING_END_RE.search(subject) for subject, _ in chosen):
                claims = [(s, sources.single_figure(item), rng.random() < 0.6) for s, item in chosen]
                question = phrase(claims, rng)
                expect = tuple(item.expect[0] for _, item in chosen)
                truths = tuple(right for _, _, right in claims)
                source = " | ".join(item.question for _, item in chosen)
                # the reply's head judges the whole message: 是的 only when every claim holds
                cases.append(Case(name, COMPOSITION, (question,), RIGHT, expect, all(truths), source, (), truths))
    rng = _rng(seed, "check_bound")
    for item in sources.right:
        figure = sources.single_figure(item)
        if figure is None or item.yes is not None:
            continue
        for _ in range(CHECKS_PER_ORIGINAL):
            bound = composition.bound_check(figure, rng)
            if bound:
                turns = (item.question, bound[0])
                cases.append(Case("check_bound", COMPOSITION, turns, RIGHT, item.expect, bound[1], item.question))
    rng = _rng(seed, "exact_claimed")  # "是正好200处吗": right after the answer, or of the subject named
    for item in sources.right:
        figure = sources.single_figure(item)
        if figure is None or item.yes is not None:
            continue
        exact = composition.exact_check(figure, rng.random() < 0.5, rng)
        if exact:
            turns = (item.question, exact[0])
            cases.append(Case("exact_claimed", COMPOSITION, turns, RIGHT, item.expect, exact[1], item.question))
    for subject, item in sources.subjects:
        exact = composition.exact_check(sources.single_figure(item), rng.random() < 0.5, rng)
        if exact:
            cases.append(
                Case("exact_claimed", COMPOSITION, (subject + exact[0],), RIGHT, item.expect, exact[1], item.question)
            )
    rng = _rng(seed, "ask_and_check")
    for item, figure in _short_figure_questions(sources):
        for right in (True, False):
            question, truth = composition.ask_check(item.question, figure, right, rng)
            cases.append(Case("ask_and_check", COMPOSITION, (question,), RIGHT, item.expect, truth, item.question))
    rng = _rng(seed, "ask_and_practical")
    for item, _figure in _short_figure_questions(sources):
        if not re.search(r"多少|几", item.question):
            continue  # a staff lookup beside a request ("执法记录仪？办理流程是什么") asks the request
        question = composition.ask_practical(item.question, rng)
        cases.append(Case("ask_and_practical", COMPOSITION, (question,), ASIDE, item.expect, None, item.question))
    rng = _rng(seed, "choice")
    for item, figure in _short_figure_questions(sources):
        for follow_up in (False, True):
            asked = composition.choice(item.question, figure, follow_up, rng)
            turns = (item.question, asked) if follow_up else (asked,)
            cases.append(Case("choice", COMPOSITION, turns, CHOICE, item.expect, None, item.question))
    # "是按起算还是按件算": the figure answers, no verdict; "是不是一家都没有": 不是
    cases += _of_subjects(sources, _rng(seed, "unit_choice"), "unit_choice", composition.unit_choice, CHOICE, None)
    cases += _of_subjects(sources, _rng(seed, "none_claimed"), "none_claimed", composition.none_claimed, RIGHT, False)
    rng = _rng(seed, "check_direction")
    for item in sources.right:
        figure = sources.single_figure(item)
        if figure is None or not figure.way or item.yes is not None:
            continue
        for _ in range(DIRECTION_CHECKS_PER_ORIGINAL):
            follow_up, truth = composition.direction_check(figure, rng)
            turns = (item.question, follow_up)
            cases.append(Case("check_direction", COMPOSITION, turns, RIGHT, item.expect, truth, item.question))
    return _unique(cases)


def _of_subjects(sources: Sources, rng: random.Random, name: str, phrase, outcome: str, truth) -> list[Case]:
    """A case per subject, asked in one message of the subject named and right after the
    original's answer, where `phrase` (subject, figure, follow_up, rng) has a wording for it."""
    cases = []
    for subject, item in sources.subjects:
        figure = sources.single_figure(item)
        for follow_up in (False, True):
            asked = phrase(subject, figure, follow_up, rng)
            if asked:
                turns = (item.question, asked) if follow_up else (asked,)
                cases.append(Case(name, COMPOSITION, turns, outcome, item.expect, truth, item.question))
    return cases


MAX_JOINED_QUESTION = 40  # an original longer than this is not joined with a check or options


def _short_figure_questions(sources: Sources):
    """(original, its one figure) for the originals another clause is joined to in one message:
    a short figure question that is not a check and tells no story."""
    for item in sources.right:
        figure = sources.single_figure(item)
        if figure is None or item.yes is not None or "story" in item.tags or len(item.question) > MAX_JOINED_QUESTION:
            continue
        yield item, figure


def build_cases(sources: Sources, seed: int = DEFAULT_SEED) -> list[Case]:
    return invariance_cases(sources, seed) + direction_cases(sources, seed) + composition_cases(sources, seed)


def run_cases(engine, cases: list[Case], figure_values: tuple[str, ...]) -> list[Outcome]:
    from bot.engine.conversation import Conversation

    outcomes = []
    for case in cases:
        conversation = Conversation() if len(case.turns) > 1 else None
        for index, turn in enumerate(case.turns):
            response = engine.respond(turn, conversation, float(index))
        reply = reply_of(response)
        outcomes.append(Outcome(case, passes(case, reply, figure_values), reply))
    return outcomes


def measure(engine, report: str, seed: int = DEFAULT_SEED, stride: int = 1, cap: int | None = None) -> Measurement:
    """Every transform of every qualifying original of the tuning sets, run through `engine`
    (every `stride`-th case only, for a quick run; at most `cap` cases per transform, a seeded
    sample over all the originals, for the test suite)."""
    sources = load_sources(engine, report)
    cases = build_cases(sources, seed)[::stride]
    if cap is not None:
        cases = capped(cases, cap, seed)
    return Measurement(sources, run_cases(engine, cases, tuple(f.value for f in sources.figures)))


def capped(cases: list[Case], cap: int, seed: int = DEFAULT_SEED) -> list[Case]:
    """At most `cap` cases of each transform, drawn at random (seeded) from all of its cases, in
    their order: every tuning set keeps its share, not only the first sets' originals."""
    by_transform: dict[str, list[int]] = {}
    for index, case in enumerate(cases):
        by_transform.setdefault(case.transform, []).append(index)
    rng = random.Random(seed)
    kept = set()
    for indices in by_transform.values():
        kept.update(indices if len(indices) <= cap else rng.sample(indices, cap))
    return [case for index, case in enumerate(cases) if index in kept]


def bench_rows(engine, report: str, seed: int = DEFAULT_SEED, stride: int = 1) -> list[tuple[str, int, float]]:
    """(transform, cases, pass rate) per transform, for `python -m bot bench`."""
    return [(row.transform, row.cases, row.rate) for row in measure(engine, report, seed, stride).rows()]
