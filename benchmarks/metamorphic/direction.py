"""Direction: transforms after which the answer must change.

* the measure word swapped for a near miss the report lacks → no figure answer; so too a word of
  the ask swapped for another noun sharing half its characters (人民调解 → 人民公社);
* another year or another city inside the question → a scope decline; so too another year told in
  a story and pointed at by the ask ("我2022年在益阳打工…那一年…多少"); the report's year told so
  keeps the answer (year_told_same, an invariance);
* a figure's subject set aside, the rest of its kind asked ("X之外，还有多少家") → no figure (suite.py);
  so too an outcome asked of those a count counts ("X，最后有多少件打赢了"; outcome_asked);
* a practical ending on a figure's subject ("…要钱吗", "…怎么申请") → a how-to decline, never 是的/不是;
* where the subject stands in the province ("…在全省排第几", "…算什么水平") → its own rank as the
  report words it ("处于全省前列"), else no figure (never another subject's rank); in suite.py.
"""

from __future__ import annotations

import functools
import random
import re

from benchmarks.metamorphic import lexicon, numerals
from benchmarks.metamorphic.words import content_words, pos_tokenizer, tokenizer

_YEAR_RE = re.compile(r"2023年(?![版度])")
_YEAR_WORDS_RE = re.compile(r"二[〇零]二三年(?![版度])")
_ANCHOR_RE = re.compile(r"益阳市|益阳|全市|市本级")
_REPORT_YEAR_SAID_RE = re.compile(r"2023|(?<!\d)23年|二[〇零]二三")


# A clause that asks: a question word, a check's ending or a question mark.
_ASKING_RE = re.compile(r"多少|几|什么|啥|哪|吗|呢|吧|么|是不是|有没有|对不对|没错|[?？]")
_CLAUSE_RE = re.compile(r"(?<=[，,。！!；;？?\s])")


def asking_clauses(question: str) -> str:
    """The clauses of `question` that ask (with their marks); the whole when none does."""
    clauses = [c for c in _CLAUSE_RE.split(question) if _ASKING_RE.search(c)]
    return "".join(clauses) or question


# An ask offering answers to choose from ("10816是案件数还是纠纷数"): one option swapped leaves the
# other to be chosen, so it asks the same.
_OPTIONS_RE = re.compile(r"是([^，,。？?！!；;\s]{1,12})还是([^，,。？?！!；;\s]{1,12})")
# 单位 as the unit a figure is counted in ("单位是件还是条", "按什么单位算"), not an organisation.
_UNIT_ASKED_RE = re.compile(r"单位(?:是|为)|(?:什么|啥|哪个)单位")


def _swappable(old: str, asking: str) -> bool:
    """Whether swapping `old` in the ask changes what it asks."""
    if old not in asking:
        return False
    if any(old in option for m in _OPTIONS_RE.finditer(asking) for option in m.groups()):
        return False
    return not (old == "单位" and _UNIT_ASKED_RE.search(asking))


def near_misses(question: str) -> list[str]:
    """Every near-miss version of `question`: one per lexicon entry whose words it asks about.
    A word only in the context ("跟网格员起了点争执，…记录仪配了多少台") is not swapped there:
    the ask still asks the same, and context words never change the answer; nor is an option of
    an either-or ask, nor 单位 asked as a unit of measure."""
    out = []
    asking = asking_clauses(question)
    for swap in lexicon.NEAR_MISSES:
        if any(_swappable(old, asking) for old in swap):
            changed = question
            for old, new in swap.items():
                changed = changed.replace(old, new)
            out.append(changed)
    return out


def turned_words(question: str, report: str) -> list[str]:
    """The question with one word of the report in its ask turned to its opposite ("诉前调解成功率"
    → 诉后调解成功率), where the report never writes the turned word: a thing it does not count."""
    asking = asking_clauses(question)
    for i in range(len(asking) - 1):
        pair = asking[i : i + 2]
        if pair not in report or pair in lexicon.NOT_TURNED:
            continue
        for k, char in enumerate(pair):
            turned = pair[:k] + lexicon.OPPOSITE_CHARS.get(char, char) + pair[k + 1 :]
            if turned != pair and turned not in report:
                head, _, tail = question.rpartition(pair)  # the ask's word, not the story's
                return [head + turned + tail]
    return []


@functools.cache
def _nouns_by_pair() -> dict[str, list[str]]:
    """Four-character nouns of the dictionary (frequent ones, most frequent first) by their first
    and their last two characters."""
    tags, found = pos_tokenizer().word_tag_tab, {}
    for word, freq in tokenizer().FREQ.items():
        if len(word) == 4 and freq >= PAIR_NOUN_FREQ and tags.get(word, "") in ("n", "nt", "nz"):
            for pair in {word[:2], word[2:]}:
                found.setdefault(pair, []).append((freq, word))
    return {pair: [w for _, w in sorted(words, reverse=True)] for pair, words in found.items()}


PAIR_NOUN_FREQ = 100
_ILLUSTRATED_RE = re.compile(r"(?:像|比如|例如|诸如|包括)[^，,。？?！!；;]*$")
MAX_ASK_CHARS = 40  # an asking part longer than this may hold a story typed without a break


def pair_words(question: str, report: str) -> list[str]:
    """The question with a four-character word of its ask that the report writes swapped for
    another noun sharing one half of it, whose other half the report never writes ("人民调解" →
    人民公社, "执法人员" → 领导人员): a thing the report does not count, however much of its name
    the figure's shares."""
    asking = asking_clauses(question)
    if len(asking) > MAX_ASK_CHARS:
        return []  # a story run on into its ask: which clause asks is not plain
    for _, word in content_words(asking):
        if len(word) != 4 or word not in report or question.count(word) != 1 or not _swappable(word, asking):
            continue
        if _ILLUSTRATED_RE.search(asking[: asking.find(word)]):
            continue  # "…涉及多少个方面，像环境保护这些": an example given, not what is asked
        for pair in (word[:2], word[2:]):
            for new in _nouns_by_pair().get(pair, []):
                kept = new[:2] == word[:2] if pair == word[:2] else new[2:] == word[2:]  # in the same place
                other = new[2:] if pair == word[:2] else new[:2]
                if kept and new not in report and other not in report and len(set(new) & set(word)) == 2:
                    return [question.replace(word, new)]
    return []


def other_year(question: str, rng: random.Random) -> str | None:
    """Another year in the question: the report's year replaced, or a year put before the ask."""
    if re.search(r"去年|今年|前年|上一年", question):
        return None
    year = rng.choice(lexicon.OTHER_YEARS)
    if _YEAR_RE.search(question):
        return _YEAR_RE.sub(year + "年", question, count=1)
    if _YEAR_WORDS_RE.search(question):
        return _YEAR_WORDS_RE.sub(numerals.year(year, rng) + "年", question, count=1)
    if _REPORT_YEAR_SAID_RE.search(question):
        return None  # "23年…", "…2023": a year put before it would contradict the one it names
    spoken = numerals.year(year, rng) + "年"  # said aloud, with a filler, opening the message
    said = rng.choice((f"{year}年", f"{year}年的", f"{year}年，", f"在{year}年", f"那个{spoken}", f"就是{spoken}那个"))
    anchor = _ANCHOR_RE.search(question)
    if anchor and rng.random() < 0.6 and not said.endswith(spoken) and not said.startswith("就是"):
        return question[: anchor.end()] + said + question[anchor.end() :]
    return said + question


_ANY_YEAR_RE = re.compile(
    r"\d{4}|(?<!\d)\d\d年|[去今前明后]年|上一?年|[〇零一二三四五六七八九]{2,4}年|那一?年|当年|同一?年"
)


def year_told(question: str, rng: random.Random, year: str) -> str | None:
    """A story telling a year, then the question pointing at it ("那一年"): the story's year is the
    ask's. None when the question names a year of its own, or tells or greets itself (a pointer
    put into its own story or greeting would point at something else)."""
    if _ANY_YEAR_RE.search(question) or re.search(r"我|你好|您好|请问|【", question):
        return None
    said = f"{year}年" if rng.random() < 0.6 else numerals.year(year, rng) + "年"
    told = rng.choice(lexicon.YEAR_TALES).format(said)
    pointer = rng.choice(("那一年", "那年", "当年", "同一年"))
    anchor = _ANCHOR_RE.search(question)
    if anchor and rng.random() < 0.5:
        asked = question[: anchor.start()] + pointer + question[anchor.start() :]
    else:
        asked = pointer + question
    return told + rng.choice(("，", "。", " ", "！")) + rng.choice(lexicon.LEADS) + asked


def other_city(question: str, rng: random.Random) -> str:
    """Another city in the question: 益阳 replaced, or a city put before 全市/市本级 or the question."""
    city = rng.choice(lexicon.OTHER_CITIES)
    named = city + ("市" if rng.random() < 0.4 else "")
    if "益阳" in question:
        return re.sub(r"益阳市?", named, question, count=1)
    for anchor in ("全市", "市本级"):
        if anchor in question:
            return question.replace(anchor, city + anchor, 1)
    return rng.choice((named, named + "的", f"在{named}，", f"{named}那边")) + question


def place_after(rng: random.Random) -> str:
    """A place alone as the next turn ("那全省呢", "长沙那边呢", "安化县的呢")."""
    place = rng.choice((*lexicon.WIDER_SCOPES, *lexicon.OTHER_CITIES, *lexicon.HUNAN_COUNTIES[:2]))
    return rng.choice(lexicon.PLACE_FOLLOW_UPS).format(place)


def practical(subject: str, rng: random.Random) -> str:
    return subject + rng.choice(("", "，", " ", "的话")) + rng.choice(lexicon.PRACTICAL_ENDINGS)
