"""A Chinese word list (jieba's dictionary), read on first use.

Used only to name what a report lacks: a decline says "报告中没有关于“离婚”的内容" only for a
real word, never for a fragment such as "用跑" cut out of "不用跑来跑去".
"""

from __future__ import annotations

import importlib.util
import math
import re
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

COMMON_FREQUENCY = 300  # jieba counts a word this often or more: an everyday word (办事, 违规, 金额)


class DictionaryMissing(RuntimeError):
    """jieba's bundled dictionary cannot be read: declines would name fragments as topics."""


def dictionary_path() -> Path:
    """Where jieba keeps its dictionary (`jieba/dict.txt` beside its `__init__.py`)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise DictionaryMissing("未安装 jieba，找不到它自带的词典 jieba/dict.txt：请运行 pip install jieba")
    return Path(spec.origin).parent / "dict.txt"


def frequencies() -> dict[str, int]:
    """jieba's dictionary: word → how often it occurs in its corpus. Raises DictionaryMissing,
    naming the file, when it is missing, unreadable or holds no words."""
    return _dictionary()[0]


@lru_cache(maxsize=1)
def _dictionary() -> tuple[dict[str, int], tuple[str, ...], frozenset[str], tuple[str, ...]]:
    """The word counts and the common nouns, read in one pass: the two share their words (one
    copy of 350,000 strings, not two), and only the tags asked of are kept (a table of every
    word's tag took 7 MiB more)."""
    path = dictionary_path()
    found: dict[str, int] = {}
    nouns: list[str] = []
    activities: set[str] = set()
    verbs: list[str] = []
    try:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                parts = line.split()
                if len(parts) >= 2 and parts[1].isdigit():
                    word = parts[0]
                    found[word] = int(parts[1])
                    if len(parts) >= 3 and parts[2][:1] == "n" and parts[2] not in _NAME_TAGS:
                        nouns.append(word)
                    elif len(parts) >= 3 and parts[2] == "j" and len(word) >= 3:
                        nouns.append(word)  # a short name of a body (村委会, 居委会), not 同比 or 人均
                    elif len(parts) >= 3 and parts[2] == "vn":
                        activities.add(word)
                    elif len(parts) >= 3 and parts[2] == "v":
                        verbs.append(word)
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise DictionaryMissing(
            f"无法读取 jieba 自带的词典 {path}（{reason}）：请重新安装 jieba（pip install --force-reinstall jieba）"
        ) from exc
    if not found:
        raise DictionaryMissing(
            f"jieba 自带的词典 {path} 中没有词条：请重新安装 jieba（pip install --force-reinstall jieba）"
        )
    # nouns and verbs sorted, for a binary search: references to the words above, 8 bytes a word
    # (as sets, the 134,000 nouns took 8 MiB, the 35,000 verbs 2 MiB)
    return found, tuple(sorted(nouns)), frozenset(activities), tuple(sorted(verbs))


_NAME_TAGS = ("nr", "ns", "nrt")  # a person's or a place's name: not a common noun


def words() -> dict[str, int]:
    return frequencies()


def is_common(word: str) -> bool:
    return frequencies().get(word, 0) >= COMMON_FREQUENCY


def words_in(text: str, min_len: int = 2, max_len: int = 6) -> list[str]:
    """Dictionary words of `text` by forward maximum matching (明天天气 → 明天, 天气), longest
    first and, among equals, the later one first (a question's subject tends to come last)."""
    found = words_in_order(text, min_len, max_len)
    order = {w: k for k, w in enumerate(found)}
    return sorted(dict.fromkeys(found), key=lambda w: (-len(w), -order[w]))


def words_in_order(text: str, min_len: int = 2, max_len: int = 6) -> list[str]:
    """Dictionary words of `text` by forward maximum matching, in the order they stand."""
    lexicon = words()
    found: list[str] = []
    i = 0
    while i < len(text):
        for j in range(min(len(text), i + max_len), i + min_len - 1, -1):
            if text[i:j] in lexicon:
                found.append(text[i:j])
                i = j
                break
        else:
            i += 1
    return found


def _listed(word: str, listing: tuple[str, ...]) -> bool:
    at = bisect_left(listing, word)
    return at < len(listing) and listing[at] == word


def is_activity(word: str) -> bool:
    """A verb used as the name of an activity (jieba's vn: 救助, 仲裁, 宣传)."""
    return word in _dictionary()[2]


def is_verb(word: str) -> bool:
    """A verb (jieba's v: 投诉, 受理), not a noun, an activity's name or an adjective."""
    return _listed(word, _dictionary()[3])


def is_noun(word: str) -> bool:
    """A common noun (n, nz …), not a person's or a place's name."""
    return _listed(word, _dictionary()[1])


@lru_cache(maxsize=4096)
def segment(text: str) -> tuple[str, ...]:
    """jieba's segmentation of a short text (dictionary only, no HMM guesses), computed from the
    word counts already loaded: the most probable route through the words of the dictionary,
    as jieba's own `lcut(text, HMM=False)` finds it, without loading jieba's second copy of the
    dictionary (70 MB)."""
    out: list[str] = []
    for block in _HAN_RE.split(text):
        if not block:
            continue
        if _HAN_RE.fullmatch(block):
            out += _verb_before_count(_cut(block))
        else:
            for piece in _SKIP_RE.split(block):
                out += [piece] if _SKIP_RE.fullmatch(piece) else list(piece)
    return tuple(out)


_HAN_RE = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._%\\-]+)")
_SKIP_RE = re.compile(r"(\r\n|\s)")
_ENG_RE = re.compile("[a-zA-Z0-9]")


@lru_cache(maxsize=1)
def _totals() -> tuple[float, int]:
    counts = frequencies()
    return math.log(sum(counts.values())), max(map(len, counts))


def _cut(block: str) -> list[str]:
    counts = frequencies()
    log_total, longest = _totals()
    n = len(block)
    route: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)
    for i in range(n - 1, -1, -1):
        ends = [j for j in range(i, min(n, i + longest)) if counts.get(block[i : j + 1])] or [i]
        route[i] = max((math.log(counts.get(block[i : j + 1]) or 1) - log_total + route[j + 1][0], j) for j in ends)
    words, buffer, i = [], "", 0
    while i < n:
        j = route[i][1] + 1
        word = block[i:j]
        if len(word) == 1 and _ENG_RE.match(word):
            buffer += word  # letters and digits one by one: one token
        else:
            if buffer:
                words.append(buffer)
                buffer = ""
            words.append(word)
        i = j
    if buffer:
        words.append(buffer)
    return words


_COUNT_ASKED_RE = re.compile(r"几|多少")
_NO_VERB_ENDS = frozenset("数率量")  # "案件数多少": a count's name, not a verb


def _verb_before_count(words: list[str]) -> list[str]:
    """A word glued to the verb of a count asked ("标准分|几个方面" → 标准|分): a noun is not
    followed by 几 / 多少 directly, so a noun whose last character is a verb and whose rest is
    a word of its own ends at that verb."""
    out: list[str] = []
    for k, word in enumerate(words):
        following = words[k + 1] if k + 1 < len(words) else ""
        if (
            len(word) >= 3
            and _COUNT_ASKED_RE.match(following)
            and word[-1] not in _NO_VERB_ENDS
            and is_noun(word)
            and is_verb(word[-1])
            and word[:-1] in frequencies()
        ):
            out += [word[:-1], word[-1]]
        else:
            out.append(word)
    return out


def _forget() -> None:
    """Read the dictionary again on next use (tests swap the file)."""
    for cached in (_dictionary, _totals, segment):
        cached.cache_clear()


frequencies.cache_clear = _forget  # the cache of the word counts is the dictionary's
frequencies.cache_info = _dictionary.cache_info
