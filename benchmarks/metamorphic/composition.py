"""Composition: figure questions combined.

* 2–6 subjects as one enumeration → every figure in the reply;
* two subjects as a comparison → both figures;
* a question, then a check of its figure (right or wrong, in digits or in words) in the same
  conversation → 是的/不是 rightly, on the same measure;
* a figure the asker states as known, then the ask of another → the other figure, never the
  stated one first;
* 2–3 figures stated, then one check of them all ("A是N，B是M，对吧") → 是的/不是 of each, in
  order;
* a question, then a check of a bound clearly above or below its figure, said before or after
  the number ("不到X吧", "X都不到吧", "X都超过了吧", "有没有X") → 是的/不是 rightly;
* a question and a check of its figure in one message ("…免了多少罚款啊是不是两千多万") →
  the figure and 是的/不是 rightly;
* a question about a change, then a check of its direction in any words ("是不是减少了") →
  是的/不是 rightly;
* the figure and a wrong one offered as two options, in either order, in the question or as a
  follow-up ("…是2900多件还是5800多件") → the figure, never 是的/不是 (which would confirm one);
* none at all claimed of a count ("是不是一家都没有"), of its subject or after its figure → 不是;
* 2–4 subjects as one enumeration, then a narrowing to one of them ("只说A", "就讲A", "其中A呢") →
  that figure, none of the others first.
"""

from __future__ import annotations

import math
import random
import re
from decimal import Decimal

from benchmarks.metamorphic import lexicon, numerals
from benchmarks.metamorphic.sources import Figure

_VALUE_RE = re.compile(r"^(近)?(\d+(?:\.\d+)?)(万?)(余|多)?(万?)(.*)$")


def enumeration(subjects: list[str], rng: random.Random) -> str:
    """The subjects as one enumeration; a template asking the last apart ("{head}…，{last}呢")
    needs two subjects before it."""
    usable = [t for t in lexicon.ENUMERATIONS if "{head}" not in t[2] or len(subjects) >= 3]
    first_sep, last_sep, template = rng.choice(usable)
    items = first_sep.join(subjects[:-1]) + last_sep + subjects[-1]
    count = "两三四五六"[len(subjects) - 2] if 2 <= len(subjects) <= 6 else "几"  # "这三个各是多少"
    return template.format(items=items, head=first_sep.join(subjects[:-1]), last=subjects[-1], n=count)


COUNTERS = "个项家件名台处条起"  # units a count is said in with 一 ("一家", "一项")


def none_claimed(subject: str, figure: Figure, follow_up: bool, rng: random.Random) -> str | None:
    """A claim that there is none of what the figure counts ("一家都没有"); None for a figure
    that is no count in a counter (a rate, a sum of money)."""
    counter = figure.value[-1:]
    if counter not in COUNTERS or float(figure.number) <= 0:
        return None
    if follow_up:
        return rng.choice(lexicon.NONE_FOLLOW_UPS).format(u=counter)
    return rng.choice(lexicon.NONE_CLAIMS).format(s=subject, u=counter)


def narrowed(subject: str, rng: random.Random) -> str:
    """A narrowing to one subject of the figures just given: "只说法律援助案件", "其中网上可办率呢"."""
    return rng.choice(lexicon.NARROWINGS).format(s=subject)


def switched(subject: str, rng: random.Random) -> str:
    """Another subject, named in full, asked right after a figure: "还有{s}是多少", "另外{s}是多少"."""
    return rng.choice(lexicon.SWITCHES).format(s=subject)


def comparison(a: str, b: str, percent: bool, rng: random.Random) -> str:
    return rng.choice(lexicon.COMPARISONS_HIGH if percent else lexicon.COMPARISONS_MORE).format(a=a, b=b)


def magnitude(figure: Figure) -> tuple[float, str]:
    """The number a figure stands for (7.5万 → 75000) and its unit ("项", "%"), for a claim of
    which of two is larger."""
    match = _VALUE_RE.match(figure.value)
    if match is None:
        return 0.0, ""
    _, number, wan1, _, wan2, unit = match.groups()
    return float(number) * (10000 if wan1 or wan2 else 1), unit


def comparison_claimed(a: str, b: str, percent: bool, more: bool, rng: random.Random) -> str:
    """Which of two is larger, stated as a claim and checked ("A比B多，对吧", "A是不是比B高")."""
    word = ("高" if more else "低") if percent else ("多" if more else "少")
    return rng.choice(lexicon.COMPARISONS_CLAIMED).format(a=a, b=b, w=word)


def stated(a: str, value_a: str, b: str, rng: random.Random) -> str:
    """Another figure stated as known before the ask: "网上可办率是100%，那法律援助案件数呢"."""
    return rng.choice(lexicon.STATED).format(a=a, va=value_a, b=b)


def _wrong_number(figure: Figure, rng: random.Random) -> str:
    """A number clearly not the figure's (at least a third away, never borderline)."""
    value = Decimal(figure.number)
    if figure.value.endswith("%"):
        wrong = value - 40 if value > 60 else value + 30
    elif value < 4 or rng.random() < 0.7:
        wrong = value * rng.choice((2, 3))
    else:
        wrong = value / 2 if "." in figure.number else value // 2
    text = f"{wrong:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


PAIR_SHARE = 0.25  # of shares said in words, how many as two neighbouring tenths ("七八成")
_PAIR_WORDS = {1: "一两", 2: "两三", 3: "三四", 4: "四五", 5: "五六", 6: "六七", 7: "七八", 8: "八九"}


def _tenths_pair(value: float, right: bool, rng: random.Random) -> str:
    """A share said as two neighbouring tenths: around the figure ("七八成" of 74.1%) or, when
    wrong, a pair at least two tenths away from it; "" when there is none."""
    low = int(value // 10)
    if right:
        return _PAIR_WORDS[low] + "成" if low in _PAIR_WORDS and value > low * 10 else ""
    far = [a for a in _PAIR_WORDS if a * 10 > value + 10 or (a + 1) * 10 < value - 10]
    return _PAIR_WORDS[rng.choice(far)] + "成" if far else ""


def said_figure(figure: Figure, right: bool, words: bool, rng: random.Random) -> str:
    """The figure as a person would say it back: "4600多件", "四千六百多件", "百分之九十三", or a wrong one."""
    match = _VALUE_RE.match(figure.value)
    near, number, wan1, qualifier, wan2, unit = match.groups()
    if unit in ("%", "％") and words and rng.random() < PAIR_SHARE:
        tenths = _tenths_pair(float(number), right, rng)
        if tenths:
            return tenths
    number = number if right else _wrong_number(figure, rng)
    if unit in ("%", "％"):
        return numerals.percent(number, rng.random() < 0.5) if words else number + "%"
    said = numerals.decimal(number, rng.random() < 0.5) if words else number
    more = {"余": rng.choice(("多", "余")), "多": "多"}.get(qualifier or "", "")
    return (near or "") + said + wan1 + more + wan2 + unit


def check(figure: Figure, right: bool, words: bool, negated: bool, rng: random.Random) -> tuple[str, bool]:
    """A follow-up check of the figure and whether its true answer is 是 (True) or 不是 (False).

    A negated check ("不是X吧") states the negation, so it is true (是/对) when X is wrong, as in the
    eval sets ("两法衔接平台录入数不是全省第一吧" → 不是)."""
    said = said_figure(figure, right, words, rng)
    if negated:
        return rng.choice(lexicon.CHECKS_NO).format(x=said), not right
    # "有X吗" also reads "at least X": a wrong X is not asked that way (a smaller X would be 是).
    templates = lexicon.CHECKS_YES if right else [t for t in lexicon.CHECKS_YES if not t.startswith("有")]
    return rng.choice(templates).format(x=said), right


def told_claim(subject: str, figure: Figure, right: bool, rng: random.Random) -> tuple[str, bool]:
    """A figure someone told the asker, a doubt, then a check naming nothing ("我表姐说法律援助
    案件是2900多件，我有点不信，是真的吗"), and whether its true answer is 是."""
    said = said_figure(figure, right, rng.random() < 0.5, rng)
    teller, doubt, check = (rng.choice(x) for x in (lexicon.TELLERS, lexicon.DOUBTS, lexicon.BARE_CHECKS))
    return f"{teller}说{subject}是{said}，{doubt}{check}", right


def self_corrected(subject: str, figure: Figure, right: bool, rng: random.Random) -> tuple[str, bool]:
    """A check said, corrected on the fly as voice input keeps it ("X是不是三千 哦不对 是两千
    九百多件吧"): the amount after the correction is the one checked; whether it is right."""
    first = said_figure(figure, not right, rng.random() < 0.5, rng)
    second = said_figure(figure, right, rng.random() < 0.5, rng)
    sep = rng.choice(("，", " ", ""))
    fix = rng.choice(lexicon.CORRECTIONS)
    return f"{subject}是不是{first}{sep}{fix}{sep}是{second}{rng.choice(('吧', '对吧', '吗', ''))}", right


def all_claimed(subject: str, rng: random.Random) -> str:
    """A check that all of what a rate counts was done ("X是不是一个都没落下"): true only of 100%."""
    return rng.choice(lexicon.ALL_CLAIMS).format(s=subject)


def claims_checked(claims: list[tuple[str, Figure, bool]], rng: random.Random) -> str:
    """Several figures stated as the asker has them, right or wrong, then one check of them all
    ("法律援助案件2900多件，调处成功率百分之九十三，没错吧")."""
    said = [
        f"{subject}{rng.choice(('是', '有', ''))}{said_figure(figure, right, rng.random() < 0.5, rng)}"
        for subject, figure, right in claims
    ]
    return rng.choice(lexicon.CLAIM_SEPARATORS).join(said) + rng.choice(lexicon.CLAIMS_CHECKS)


def claims_framed(claims: list[tuple[str, Figure, bool]], rng: random.Random) -> str:
    """Several figures under one check frame that opens the first ("普法案例是不是有七十个，
    涉及二十多个方面"): the frame checks each amount stated after it too."""
    # "是不是有X" also reads "at least X": a wrong X is not asked that way (as in `check`)
    frames = ("是不是", "是否", "是不是有") if claims[0][2] else ("是不是", "是否")
    said = [
        f"{subject}{rng.choice(('是', '有', '')) if k else rng.choice(frames)}"
        f"{said_figure(figure, right, rng.random() < 0.5, rng)}"
        for k, (subject, figure, right) in enumerate(claims)
    ]
    return "，".join(said) + rng.choice(("", "？", "?"))


def direction_check(figure: Figure, rng: random.Random) -> tuple[str, bool]:
    """A follow-up check of a change's direction, either way, and whether it is true."""
    up = rng.random() < 0.5
    word = rng.choice(lexicon.WAYS_UP if up else lexicon.WAYS_DOWN)
    return rng.choice(lexicon.DIRECTION_CHECKS).format(w=word), up == (figure.way == "up")


BOUND_POINTS = 15  # a percentage bound at least this many points from the figure
BOUND_FACTOR = 3  # a count bound at least this many times larger or smaller than the figure


def _one_digit(value: float, up: bool) -> float:
    """`value` rounded to one significant digit, up or down (13800 → 20000, 1533 → 1000)."""
    step = 10 ** math.floor(math.log10(value))
    return (math.ceil if up else math.floor)(value / step) * step


def _percent_words(bound: int, rng: random.Random) -> str:
    """A round percentage as people say it: 百分之五十, 五成, 一半."""
    said = [numerals.percent(str(bound))]
    if bound < 100:
        said.append(numerals.DIGITS[bound // 10] + "成")
    if bound == 50:
        said += ["一半", "半数"]
    return rng.choice(said)


def _bound(figure: Figure, larger: bool, words: bool, rng: random.Random) -> str | None:
    """A number clearly larger or smaller than the figure, in its unit ("2万件", "百分之五十", "一半")."""
    near, number, wan1, _, wan2, unit = _VALUE_RE.match(figure.value).groups()
    value = float(number)
    if unit in ("%", "％"):
        bound = math.ceil((value + BOUND_POINTS) / 10) * 10 if larger else math.floor((value - BOUND_POINTS) / 10) * 10
        if not 10 <= bound <= 100:
            return None
        return _percent_words(bound, rng) if words else f"{bound}%"
    if not unit or "百分点" in unit or value <= 0:
        return None
    bound = _one_digit(value * BOUND_FACTOR if larger else value / BOUND_FACTOR, larger)
    wan = wan1 + wan2
    if bound < 1:
        if not wan:
            return None
        bound, wan = bound * 10000, ""  # 0.5万项 said as 5000项
    text = f"{bound:g}" if bound < 1e6 else str(int(bound))
    return (numerals.decimal(text) if words else text) + wan + unit


_COUNTED_UNIT_RE = re.compile(r"人次|万元|[件起项家个台处条类名元]")


def unit_choice(subject: str, figure: Figure, follow_up: bool, rng: random.Random) -> str | None:
    """The figure's unit and another offered to choose from ("是按起算还是按件算"), of the subject
    or right after the answer; None for a figure with no such unit (a rate, a rank)."""
    match = _VALUE_RE.match(figure.value)
    unit = (match.group(5) + match.group(6)) if match else ""  # "2000余万元": 万元; "317万余元": 元
    if not _COUNTED_UNIT_RE.fullmatch(unit):
        return None
    other = rng.choice([u for u in lexicon.OTHER_UNITS if u not in unit and unit not in u])
    a, b = (unit, other) if rng.random() < 0.5 else (other, unit)
    if follow_up:
        return rng.choice(lexicon.UNIT_CHOICES_AFTER).format(a=a, b=b)
    return rng.choice(lexicon.UNIT_CHOICES).format(s=subject, a=a, b=b)


def exact_check(figure: Figure, words: bool, rng: random.Random) -> tuple[str, bool] | None:
    """A follow-up saying the figure is exactly its number ("是正好200处吗" of 近200处), and
    whether its true answer is 是: only a figure written without 近/余/多 is that very number."""
    match = _VALUE_RE.match(figure.value)
    if match is None:
        return None
    near, number, wan1, qualifier, wan2, unit = match.groups()
    if unit in ("%", "％"):
        said = numerals.percent(number, rng.random() < 0.5) if words else number + "%"
    else:
        said = (numerals.decimal(number, rng.random() < 0.5) if words else number) + wan1 + wan2 + unit
    return rng.choice(lexicon.EXACT_CHECKS).format(x=said), not (near or qualifier)


def bound_check(figure: Figure, rng: random.Random) -> tuple[str, bool] | None:
    """A follow-up check of a bound clearly off the figure, and whether its true answer is 是."""
    relation = rng.choice(tuple(lexicon.BOUND_CHECKS))
    larger = rng.random() < 0.5
    said = _bound(figure, larger, rng.random() < 0.5, rng)
    if said is None:
        return None
    truth = larger if relation == "below" else not larger
    return rng.choice(lexicon.BOUND_CHECKS[relation]).format(x=said), truth


_ASKED_TAIL_RE = re.compile(r"[\s？?！!。，,~～…啊呀呢吧嘛哦]+$")


def ask_check(question: str, figure: Figure, right: bool, rng: random.Random) -> tuple[str, bool]:
    """The question and a check of its figure in one message, and whether its true answer is 是."""
    said = said_figure(figure, right, rng.random() < 0.5, rng)
    templates = lexicon.ASK_CHECKS if right else [t for t in lexicon.ASK_CHECKS if not t.startswith("有")]
    joint = rng.choice(lexicon.ASK_CHECK_JOINTS)
    return _ASKED_TAIL_RE.sub("", question) + joint + rng.choice(templates).format(x=said), right


def ask_practical(question: str, rng: random.Random) -> str:
    """The question, then a practical request of the asker's own in a clause of its own
    ("法律援助受理了多少件？申请要什么条件"): the figure answers, the request is named as missing."""
    return _ASKED_TAIL_RE.sub("", question) + rng.choice(lexicon.PRACTICAL_JOINTS) + rng.choice(lexicon.PRACTICAL_ASKS)


def choice(question: str, figure: Figure, follow_up: bool, rng: random.Random) -> str:
    """The figure and a wrong one offered as options, in random order: after the question in one
    message, or alone as a follow-up."""
    words = rng.random() < 0.5
    options = [said_figure(figure, True, words, rng), said_figure(figure, False, words, rng)]
    rng.shuffle(options)
    asked = rng.choice(lexicon.CHOICES).format(a=options[0], b=options[1])
    return asked if follow_up else _ASKED_TAIL_RE.sub("", question) + rng.choice(lexicon.ASK_CHECK_JOINTS) + asked
