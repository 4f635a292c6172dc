"""Place names a question may use to ask about somewhere a report does not cover.

A gazetteer (world knowledge, not scope): which places a pack covers comes from its
`pack.yaml`; this only lets a question's place be recognised as one. China's provinces,
prefecture-level cities and counties/districts, with their short forms (长沙市 → 长沙), come from
`bot/data/gazetteer.tsv` (its header names the source), read once on first use.

A place is a whole gazetteer name standing as a word of the text, never a fragment: "后来县" and
"易办旗" name nothing, and "安化" in "平安化解" is no place (平安 and 化解 are the words there).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from bot.text import lexicon
from bot.text.gazetteer import read_rows

# Scopes wider than a city: a city's report gives its own figures, not these.
WIDER = ("全国", "全中国", "国家层面", "全省", "省里", "全省范围", "省内", "各省", "中央")

COUNTRIES = ("美国", "日本", "英国", "韩国", "德国", "法国", "俄罗斯", "国外", "外国")

# Zones every city may have that govern like a county (a question's 高新区 is its city's one).
ZONES = ("高新区", "经开区", "经济开发区", "经济技术开发区", "高新技术产业开发区")

_PLACE_WEIGHT = 3000  # a gazetteer name counts as a word at least this common (jieba's counts)
_WINDOW = 4  # characters either side of a name read to see whether it stands as a word
_LONGEST = 6  # the longest word tried in that window


@dataclass(frozen=True)
class Place:
    adcode: str
    level: str  # province / city / county
    name: str  # the official name (长沙市)
    parent: str  # the adcode of the province or city it belongs to ("" for a province)


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    text: str  # as written (长沙, 安化县)
    level: str  # the highest level among the places so named: 长沙 is the city before 长沙县
    places: tuple[Place, ...]


class Gazetteer:
    def __init__(self, rows: list[tuple[str, str, str, tuple[str, ...], str]]):
        by_name: dict[str, list[Place]] = {}
        self.by_code: dict[str, Place] = {}
        for code, level, name, shorts, parent in rows:
            place = Place(code, level, name, parent)
            self.by_code[code] = place
            for form in (name, *shorts):
                by_name.setdefault(form, []).append(place)
        for word in COUNTRIES:
            by_name.setdefault(word, []).append(Place("", "country", word, ""))
        for word in ZONES:
            by_name.setdefault(word, []).append(Place("", "county", word, ""))
        self.by_name: dict[str, tuple[Place, ...]] = {
            name: tuple(sorted(places, key=lambda p: _rank(p.level))) for name, places in by_name.items()
        }
        lengths: dict[str, set[int]] = {}
        for name in self.by_name:
            lengths.setdefault(name[0], set()).add(len(name))
        # first character → the lengths of the names it starts, longest first
        self._lengths = {c: tuple(sorted(ls, reverse=True)) for c, ls in lengths.items()}

    def __len__(self) -> int:
        return len(self.by_code)

    def lookup(self, name: str) -> tuple[Place, ...]:
        return self.by_name.get(name, ())

    def parent_of(self, place: Place) -> Place | None:
        return self.by_code.get(place.parent)

    def candidates(self, text: str, i: int = 0):
        """Leftmost-longest gazetteer names in `text` from `i` on, fragments included (see `find`)."""
        lengths = self._lengths
        names = self.by_name
        n = len(text)
        while i < n:
            for size in lengths.get(text[i], ()):
                if i + size <= n and text[i : i + size] in names:
                    yield i, i + size
                    i += size
                    break
            else:
                i += 1

    def find(self, text: str) -> list[Found]:
        """The places named in `text` as words of their own, in the order written."""
        found, i = [], 0
        while (span := next(self.candidates(text, i), None)) is not None:
            start, end = span
            if not self._is_place(text, start, end):
                i = start + 1  # "换成安化县": 成安 is a fragment, and 安化县 may start inside it
                continue
            places = self.by_name[text[start:end]]
            found.append(Found(start, end, text[start:end], places[0].level, places))
            i = end
        return found

    def _is_place(self, text: str, start: int, end: int) -> bool:
        """Whether the name at text[start:end] stands there as a place, not a fragment."""
        word = text[start:end]
        if not _stands_alone(text, start, end, self.by_name):
            return False
        if start and word[0] == "成" and text[start - 1] in _NUMERALS:
            return False  # "连六成都不到": 六成 (sixty per cent), then 都
        # "初二道法作业": 初二 (a school year), then 道法; no 二道区
        return not (start and word[0] in _NUMERALS and text[start - 1] in _NUMBER_PREFIXES + _NUMERALS)


_NUMERALS = "0123456789一二两三四五六七八九十几"
_NUMBER_PREFIXES = "初高第周礼星"  # a numeral after these is an ordinal or a school year (初二, 第三)


def _rank(level: str) -> int:
    return {"country": 0, "province": 1, "city": 2, "county": 3}.get(level, 4)


def _stands_alone(text: str, start: int, end: int, names) -> bool:
    """Whether the best segmentation (by jieba's word counts, gazetteer names counting as common
    words) of the text around a two-character name cuts it out whole: 完成县里 is 完成/县里, not
    完/成县/里, and 平安化解 is 平安/化解. Longer names (长沙市, 大通湖区) stand as they are."""
    if end - start > 2:
        return True
    counts = lexicon.frequencies()
    if not counts:  # no word list: every whole name is a place
        return True
    middle = start + 1
    if not any(text[a:middle] in counts for a in range(max(0, start - 3), start)) and not any(
        text[middle:b] in counts for b in range(end + 1, min(len(text), end + 3) + 1)
    ):
        return True  # no word crosses either edge of the name
    left, right = max(0, start - _WINDOW), min(len(text), end + _WINDOW)
    key = (text[left:right], start - left, end - left)
    known = _SEGMENTED.get(key)
    if known is None:
        if len(_SEGMENTED) >= 4096:
            _SEGMENTED.clear()
        known = _SEGMENTED[key] = _segments_out(*key, names, counts)
    return known


_SEGMENTED: dict[tuple[str, int, int], bool] = {}  # window and name → stands alone (names: one gazetteer)


def _segments_out(window: str, start: int, end: int, names, counts) -> bool:
    size = len(window)
    total = _log_total()
    log = math.log
    score = [0.0] * (size + 1)
    step = [size] * (size + 1)
    for k in range(size - 1, -1, -1):
        best, cut = log(counts.get(window[k], 0) or 1) - total + score[k + 1], k + 1
        for stop in range(k + 2, min(size, k + _LONGEST) + 1):
            piece = window[k:stop]
            count = counts.get(piece, 0)
            if piece in names:
                count = max(count, _PLACE_WEIGHT)
            if count:
                value = log(count) - total + score[stop]
                if value > best:
                    best, cut = value, stop
        score[k], step[k] = best, cut
    k, cuts = 0, set()
    while k < size:
        cuts.add(k)
        k = step[k]
    cuts.add(size)
    return start in cuts and end in cuts


@lru_cache(maxsize=1)
def _log_total() -> float:
    return math.log(sum(lexicon.frequencies().values()) or 1)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, read once."""
    return Gazetteer(read_rows())
