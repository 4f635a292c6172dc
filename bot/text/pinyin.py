"""Questions typed in pinyin, read as the pack's own words.

`PinyinReader(words)` indexes a vocabulary (a pack's words: the dictionary words of its report
text, its entry titles and aliases, topic titles, quoted names such as “湘易办”, plus the common
question words) by toneless pinyin. `read(text)` rewrites each run of Latin letters that is
pinyin, with or without spaces, tone marks or tone numbers ("falv yuanzhu anjian duoshao",
"wangshangkeban率", "fa lü yuan zhu", "fa4lv4"), into those words, the longest match first;
a run that is not all pinyin syllables, or that no word matches, stays as written (APP, app,
CCTV, ok); its words typed apart are then read one by one ("xiangyiban app" → 湘易办 app). A run of initials ("flyz") becomes a word only when exactly one word of at least three
characters has those initials.

Syllables and readings come from pypinyin's character table (every reading of a polyphonic
character counts: 率 is lü and shuai). ü is typed v or u (lv, lu, lü), so it is folded into u.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from bot.text.gazetteer import read_rows
from bot.text.normalize import _TONELESS, GAP, _readings

# The question words a pinyin question is likely to use, beside the pack's own words.
QUESTION_WORDS = (
    "多少",
    "什么",
    "几个",
    "几项",
    "几件",
    "几家",
    "哪些",
    "哪个",
    "哪里",
    "怎么",
    "怎么样",
    "怎样",
    "为什么",
    "是不是",
    "有没有",
    "是否",
    "多久",
    "一共",
    "总共",
    "今年",
    "去年",
    "全市",
    "报告",
    "请问",
    "数量",
    "情况",
    "比例",
    "百分之",
    "还有",
    "以及",
    "分别",
)

# One-syllable words of a question typed in pinyin ("fabulv", "shi xiajiang le ba"): read only
# inside a run whose other syllables are read as words (alone, "le" or "ma" stays as typed).
_ONE_SYLLABLE = {
    "lv": "率",
    "lu": "率",
    "shu": "数",  # a count's name ("wangshang keban shu", "anjian shu")
    "shi": "是",
    "le": "了",
    "ba": "吧",
    "ma": "吗",
    "de": "的",
    "you": "有",
    "ji": "几",
    "ge": "个",  # "ji ge", "zhe ge": the counter
    "dou": "都",
    "gen": "跟",  # joining two things asked ("yewu yingyong gen fuwu changjing")
    "he": "和",
    "ren": "人",  # "duoshao ren": how many people
    "jiang": "讲",  # "baogao jiang le sha": what the report tells
    "sha": "啥",
}
# A counter typed in pinyin right after a number ("22 ge xiangzhen"): 个, never the 各 of a
# word that starts with the same letters (各乡镇).
_COUNTER_AFTER_NUMBER_RE = re.compile(r"(?<=\d)[ \t]?ge4?(?![inr])[ \t]?", re.I)  # not gei, gen, geng
_QUALIFIERS = {"duo": "多", "yu": "余"}  # "2900 duo jian": 2900多件
_LAST_PARTICLES = {"ma": "吗", "ba": "吧", "ne": "呢"}
# A figure's unit typed in pinyin right after a number ("4400 tai ma", "317 wan yuan"): the unit.
_UNITS = {
    "wanyuan": "万元",
    "wan yuan": "万元",
    "renci": "人次",
    "ren ci": "人次",
    "xiang": "项",
    "jian": "件",
    "jia": "家",
    "tai": "台",
    "chu": "处",
    "tiao": "条",
    "lei": "类",
    "zhong": "种",
    "ming": "名",
    "qi": "起",
    "ci": "次",
    "ren": "人",
    "wei": "位",
    "hu": "户",
    "pi": "批",
    "chang": "场",
    "yuan": "元",
    "wan": "万",
    "ge": "个",
    "nian": "年",
}
_UNIT_AFTER_NUMBER_RE = re.compile(
    r"(?<=\d)[ \t]?(?:(duo|yu)[1-5]?[ \t]?)?("
    + "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True))
    + r")[1-5]?(?![a-zA-Z])[ \t]?",
    re.I,
)

_LETTERS = "a-zA-ZāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüÜêńňǹḿ"
_LATIN_RE = re.compile(f"[{_LETTERS}]")
_RUN_RE = re.compile(f"[{_LETTERS}]+[1-5]?(?:[ \\t'’]*[{_LETTERS}]+[1-5]?)*")
_TOKEN_RE = re.compile(f"[{_LETTERS}]+")
_HANZI_RE = re.compile(r"[\u4e00-\u9fff]")
_CLAUSE_END_RE = re.compile(r"[，,、。？?！!；;]")
_ASK_END_RE = re.compile(r"(?:多少|几[个项件家台处条类种名起次人位]?|吗|呢|啥|什么)$")
_LENGTH_SLOTS = 64  # a word's length, in the low digits of its weight
_FIRST_READING = 1 << 40  # above any frequency times _LENGTH_SLOTS
_MAX_COMBINATIONS = 16  # readings tried per word (polyphonic characters multiply them)
_MIN_INITIALS = 3
_LONGEST_NAME = 8  # characters of a title or alias indexed whole


def has_latin(text) -> bool:
    """Whether a question has a Latin letter at all (the fast path skips the reader)."""
    return isinstance(text, str) and _LATIN_RE.search(text) is not None


def _fold(syllable: str) -> str:
    return syllable.translate(_TONELESS).lower().replace("v", "u")


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    """Every toneless syllable of pypinyin's character table (ü folded into u)."""
    found = set()
    for readings in _readings().values():
        for reading in readings.split(","):
            syllable = _fold(reading.strip())
            if syllable.isalpha() and syllable.isascii():
                found.add(syllable)
    return frozenset(found)


@lru_cache(maxsize=8192)
def char_readings(char: str) -> tuple[str, ...]:
    readings = _readings().get(str(ord(char)))
    if not readings:
        return ()
    return tuple(dict.fromkeys(_fold(r.strip()) for r in readings.split(",") if r.strip()))


def word_keys(word: str) -> list[tuple[str, ...]]:
    """The toneless syllables of a word, one tuple per combination of its characters' readings."""
    per_char = [char_readings(c) for c in word]
    if not per_char or any(not r for r in per_char):
        return []
    return list(itertools.islice(itertools.product(*per_char), _MAX_COMBINATIONS))


class PinyinReader:
    def __init__(self, words: Iterable[str], weights: Counter | None = None):
        weights = weights or Counter()
        self.keys: dict[str, tuple] = {}  # a word's letters → (weight, word, syllables); flat, not a trie of dicts
        self.seconds: dict[str, tuple] = {}  # letters two words share → the lighter one ("fayuan": 法援 beside 法院)
        self.syllable_counts: dict[str, int] = {}
        by_initials: dict[str, set[str]] = {}
        self.words = 0
        for word in dict.fromkeys(words):
            if len(word) < 2 or not all(_HANZI_RE.match(c) for c in word):
                continue
            keys = word_keys(word)
            if not keys:
                continue
            self.words += 1
            # one int per word and reading, higher wins: a word read with each character's first
            # reading beats one read with a rarer reading ("wenti" is 问题, not 免提 with 免 read
            # wen), then the more frequent, then the longer (an int, not a tuple: memory)
            plain = weights.get(word, 0) * _LENGTH_SLOTS + min(len(word), _LENGTH_SLOTS - 1)
            first = plain + _FIRST_READING  # one object per word, shared by its keys
            for k, key in enumerate(keys):
                weight = first if k == 0 else plain
                letters = "".join(key)
                best = self.keys.get(letters)
                if best is None or weight > best[0]:
                    self.keys[letters] = (weight, word, len(key))
                    if best is not None and best[1] != word:
                        self.seconds[letters] = best
                elif best[1] != word and weight > self.seconds.get(letters, (-1,))[0]:
                    self.seconds[letters] = (weight, word, len(key))
                if len(word) >= _MIN_INITIALS:
                    by_initials.setdefault("".join(s[0] for s in key), set()).add(word)
        self.initials = {k: next(iter(v)) for k, v in by_initials.items() if len(v) == 1}
        self._longest_key = max(map(len, self.keys), default=0)
        self.syllables = syllables()
        self._read: dict[tuple, str] = {}  # runs already read (a repeated question)
        self.text = ""  # the pack's text, for a syllable typed inside one of its words
        self._by_sound: dict[str, str] | None = None
        self._longest_syllable = max(map(len, self.syllables), default=6)

    @classmethod
    def from_texts(cls, texts: Iterable[str], names: Iterable[str] = ()) -> PinyinReader:
        """A reader of a pack: the dictionary words of its texts (jieba's word list, by forward
        maximum matching), the names given whole (titles, aliases, quoted names), and the
        question words. More frequent words win when two share a pinyin."""
        from bot.text import lexicon

        weights: Counter = Counter()
        words: list[str] = []
        for text in texts:
            quoted = _QUOTED_RE.findall(text)  # once per text, not per run of it
            words.extend(quoted)
            words.extend(name for q in quoted for name in _unlisted_names(q))
            for run in _HANZI_RUN_RE.findall(text):
                found = lexicon.words_in(run)
                words.extend(found)
                weights.update(found)
        for name in names:
            for run in _HANZI_RUN_RE.findall(name):
                if len(run) <= _LONGEST_NAME:
                    words.append(run)  # a name typed whole (网上可办率); longer runs are sentences
                found = lexicon.words_in(run)
                words.extend(found)
                weights.update(found)
        words.extend(QUESTION_WORDS)
        weights.update({w: 1000 for w in QUESTION_WORDS})
        reader = cls(words, weights)
        reader.text = "\n".join(texts)  # one text is kept as it is, not copied
        return reader

    @classmethod
    def from_knowledge(cls, knowledge) -> PinyinReader:
        """The reader of a loaded pack; a pack reloaded unchanged gets the same reader back."""
        names = [p for entry in knowledge.entries.values() for p in entry.phrasings]
        names += [t.title for t in knowledge.topics.values()]
        names += [part for group in knowledge.synonym_groups.values() for w in group for part in w.split(GAP)]
        names += list(knowledge.synonym_groups)
        return _reader((knowledge.report,), tuple(names), getattr(knowledge, "place", ""))

    # --- reading -----------------------------------------------------------------------

    def read(self, text: str, other: bool = False) -> str:
        """`text` with its pinyin runs written as the vocabulary's words; what the pack's words
        cannot read is then tried with everyday words ("anzi" → 案子, "fa yuan" → 法院). With
        `other`, letters two words share are read as the less frequent one ("fayuan" → 法援)."""
        if not has_latin(text):
            return text
        text = _COUNTER_AFTER_NUMBER_RE.sub("个", text)
        if self.text:  # a syllable inside a word first: the characters beside it say which word
            text = _GLUED_RE.sub(self._glued, text)
        text = _RUN_RE.sub(lambda m: self._run(m.group(0), other), text)
        if self is not _everyday_reader() and has_latin(text):
            text = _everyday_reader().read(text)
        return text

    def _glued(self, match: re.Match) -> str:
        """A syllable or two typed inside a word of the text ("xiang易办", "wu车证明", "湘yi办"):
        the characters of that sound which, with the characters typed beside them, the text
        writes (three characters at least); the widest such context decides, and only when one
        reading fits it."""
        run, before, after = match.group("run"), match.group("before") or "", match.group("after") or ""
        text = match.string
        if _SPACED_LETTER_BEFORE_RE.search(text, 0, match.start("run")) or _SPACED_LETTER_AFTER_RE.match(
            text, match.end("run")
        ):
            return match.group(0)  # one syllable of a spaced run ("sheng  ji  ban"): the run is read whole
        letters = _fold(run)
        for parse in self._parses(letters):
            chars = [self._chars_of(syllable) for syllable in parse]
            if not all(chars):
                continue
            middle = "".join(f"[{c}]" for c in chars)
            least = max(1, MIN_GLUED_CHARS - len(parse))  # "压suolv": 压缩率, three characters in all
            for width in range(min(len(before), 3) + min(len(after), 4), least - 1, -1):
                found = set()
                for left in range(min(len(before), 3, width), max(-1, width - min(len(after), 4) - 1), -1):
                    lead, tail = before[len(before) - left :], after[: width - left]
                    pattern = re.escape(lead) + f"({middle})" + re.escape(tail)
                    found.update(m.group(1) for m in re.finditer(pattern, self.text))
                if len(found) == 1:
                    return before + found.pop() + after
                if found:
                    break  # two readings fit as well: leave it as typed
        return match.group(0)

    def _parses(self, letters: str) -> list[tuple[str, ...]]:
        """The ways to cut a run into one or two syllables."""
        if letters in self.syllables:
            return [(letters,)]
        return [
            (letters[:k], letters[k:])
            for k in range(1, len(letters))
            if letters[:k] in self.syllables and letters[k:] in self.syllables
        ]

    def _chars_of(self, syllable: str) -> str:
        """The text's characters read as this syllable (any of their readings)."""
        if self._by_sound is None:
            by_sound: dict[str, str] = {}
            for char in set("".join(_HANZI_RUN_RE.findall(self.text))):
                for reading in char_readings(char):
                    by_sound[reading] = by_sound.get(reading, "") + char
            self._by_sound = by_sound
        return self._by_sound.get(syllable, "")

    def read_in_message(self, text: str, other: bool = False) -> str:
        """`read`, for a whole message before its clauses are found: one space each side of a run
        read as Chinese was typography ("诉前 tiao jie 案例数") and is dropped, except after a question's
        end ("…分别多少 nmg讨薪…"); a run not read keeps its spaces (in Chinese a space is a break)."""
        if not has_latin(text):
            return text
        text = _UNIT_AFTER_NUMBER_RE.sub(
            lambda m: _QUALIFIERS.get((m.group(1) or "").lower(), "") + _UNITS[m.group(2).lower()], text
        )
        if self.text:  # a syllable inside a word first: the characters beside it say which word
            text = _GLUED_RE.sub(self._glued, text)

        def run(match: re.Match) -> str:
            if (
                match.end() >= len(text.rstrip("？?！!。.~～ "))
                and match.group(2).lower() in _LAST_PARTICLES
                and _HANZI_RE.match(text[match.start() - 1 : match.start()])
            ):
                return _LAST_PARTICLES[match.group(2).lower()]  # "…4400台 ma": the question's last word
            read = self.read(match.group(2), other)
            if read == match.group(2):
                return match.group(0)
            # "…分别多少 nmg讨薪讨回是多少": after a question's end, before another ask, a space is a
            # break ("多少 renci 的法律咨询" names what is counted)
            clause = _CLAUSE_END_RE.split(text[match.end() :], 1)[0]
            asked = match.group(1) and _ASK_END_RE.search(text, 0, match.start())
            again = asked and re.search(r"多少|几|什么|啥|吗|呢", clause)
            return (" " if again else "") + read

        return re.sub(f"([ \\t]?)({_RUN_RE.pattern})[ \\t]?", run, text)

    def _run(self, run: str, other: bool = False) -> str:
        known = self._read.get((run, other))
        if known is None:
            if len(self._read) >= 4096:
                self._read.clear()
            known = self._read[(run, other)] = self._read_run(run, other)
        return known

    def _read_run(self, run: str, other: bool = False) -> str:
        tokens = _TOKEN_RE.findall(run)
        read = self._read_whole(run, tokens, other)
        if read == run and len(tokens) > 1:
            # "xiangyiban app": a word typed in pinyin beside one that is not pinyin ("app"),
            # each read on its own
            read = re.sub(r"[^\s]+", lambda m: self._read_whole(m.group(0), _TOKEN_RE.findall(m.group(0)), other), run)
        return read

    def _read_whole(self, run: str, tokens: list[str], other: bool) -> str:
        if not tokens or all(t.isupper() and len(t) > 1 for t in tokens):
            return run  # APP, CCTV: an abbreviation, not pinyin
        letters = "".join(_fold(t) for t in tokens)
        bounds = set(itertools.accumulate(len(t) for t in tokens))
        bounds.add(0)
        parsed = self._cover(letters, bounds, other)
        if parsed is not None:
            return parsed
        if len(tokens) == 1 and letters in self.initials:
            return self.initials[letters]
        return run

    def _syllables_at(self, letters: str, bounds: set[int]) -> list[list[int]]:
        """ends[p]: where a syllable starting at p may end, not across a space the user typed."""
        n = len(letters)
        limit = [n] * (n + 1)  # the first typed boundary after p
        for p in range(n - 1, -1, -1):
            limit[p] = p + 1 if p + 1 in bounds else limit[p + 1]
        ends: list[list[int]] = [[] for _ in range(n + 1)]
        for p in range(n):
            for q in range(p + 1, min(limit[p], p + self._longest_syllable) + 1):
                if letters[p:q] in self.syllables:
                    ends[p].append(q)
        return ends

    def _cover(self, letters: str, bounds: set[int], other: bool = False) -> str | None:
        """The run as words: a dynamic programme over the letters, each step a vocabulary word
        of two syllables or more (more letters covered first, then fewer pieces) or one syllable
        left as typed; None if the letters are not all syllables or no word matches."""
        n = len(letters)
        ends = self._syllables_at(letters, bounds)
        ok = [False] * (n + 1)  # the letters from p on are whole syllables
        ok[n] = True
        for p in range(n - 1, -1, -1):
            ok[p] = any(ok[q] for q in ends[p])
        if not ok[0]:
            return None
        # best[p] = (letters covered by words, -pieces, sum of squared word lengths, pieces) for
        # letters[p:]: a one-syllable word of a question counts as covered, and of as many pieces
        # the longer words win ("keban lv shi": 可办率 是, not 可办 律师)
        best: list = [None] * (n + 1)
        best[n] = (0, 0, 0, ())
        for p in range(n - 1, -1, -1):
            if not ok[p]:
                continue
            choice = None
            for q in range(p + 1, min(n, p + self._longest_key)):
                key = letters[p : q + 1]
                end = (other and self.seconds.get(key)) or self.keys.get(key)
                if end is not None and p in bounds and q + 1 in bounds and key in self.syllables:
                    end = None  # "jiang" typed alone is one syllable (讲), never two (ji'ang: 激昂)
                if end is not None and end[2] >= 2 and ok[q + 1]:
                    rest = best[q + 1]
                    option = (rest[0] + q + 1 - p, rest[1] - 1, rest[2] + len(end[1]) ** 2, (end[1],) + rest[3])
                    if choice is None or option[:3] > choice[:3]:
                        choice = option
            for q in ends[p]:  # one syllable as typed
                if ok[q]:
                    rest = best[q]
                    said = q - p if letters[p:q] in _ONE_SYLLABLE and p in bounds and q in bounds else 0
                    option = (rest[0] + said, rest[1] - 1, rest[2] + 1, (letters[p:q],) + rest[3])
                    if choice is None or option[:3] > choice[:3]:
                        choice = option
            best[p] = choice
        if best[0] is None or not any(len(piece) > 1 and _HANZI_RE.match(piece) for piece in best[0][3]):
            return None
        # a syllable left between words read is one of the one-syllable words of a question
        return "".join(_ONE_SYLLABLE.get(piece, piece) for piece in best[0][3])


EVERYDAY_FREQUENCY = 500  # jieba counts: words this common are read from pinyin too


@lru_cache(maxsize=1)
def everyday_words() -> tuple[str, ...]:
    """Everyday words of two or three characters (案子, 法院, 只要): a question typed in pinyin
    uses them beside the pack's words; a pack word of the same sound wins."""
    from bot.text import lexicon

    return tuple(
        w
        for w, count in lexicon.words().items()
        if count >= EVERYDAY_FREQUENCY and 2 <= len(w) <= 3 and _HANZI_RUN_RE.fullmatch(w)
    )


PLACE_WEIGHT = 3000  # a province's or city's name counts as a word this common ("changde" → 常德)


@lru_cache(maxsize=1)
def place_words() -> tuple[str, ...]:
    """China's provinces and prefecture-level cities by their full names (bot/data/gazetteer.tsv):
    "changde shi" is 常德市; a short form alone ("jian", "suqian") is too often another word."""
    names = [name for _, level, name, _, _ in read_rows() if level in ("province", "city") and 3 <= len(name) <= 4]
    return tuple(dict.fromkeys(names))


@lru_cache(maxsize=1)
def _everyday_reader() -> PinyinReader:
    words = everyday_words()
    places = place_words()
    weights = Counter({w: c for w, c in zip(words, map(_frequency, words))})
    weights.update({p: max(PLACE_WEIGHT - weights[p], 0) for p in places})
    return PinyinReader(words + places, weights)


def _frequency(word: str) -> int:
    from bot.text import lexicon

    return lexicon.words().get(word, 0)


@lru_cache(maxsize=8)
def _reader(texts: tuple[str, ...], names: tuple[str, ...], place: str = "") -> PinyinReader:
    reader = PinyinReader.from_texts(texts, names)
    keys = word_keys(re.sub(r"[市县区]$", "", place))
    if len(place) >= 2 and keys:
        # the pack's own place typed by its initials ("yy是不是首批示范市": 益阳), as a city is
        reader.initials.setdefault("".join(s[0] for s in keys[0]), re.sub(r"[市县区]$", "", place))
    return reader


def _unlisted_names(quoted: str) -> list[str]:
    """Characters of a quoted name that no dictionary word holds, standing together ("谢琦" of
    “谢琦办案团队”): a person's or place's name, typed in pinyin on its own ("xieqi 团队")."""
    from bot.text import lexicon

    names, run = [], ""
    for word in (*lexicon.segment(quoted), ""):
        if len(word) == 1:
            run += word
            continue
        if 2 <= len(run) <= 3:
            names.append(run)
        run = ""
    return names


_HANZI_RUN_RE = re.compile(r"[\u4e00-\u9fff]+")
# One or two syllables typed between characters, with no space ("xiang易办", "wu车证明").
_GLUED_RE = re.compile(
    r"(?P<before>[\u4e00-\u9fff]{0,3})(?P<run>(?<![a-zA-Z])(?<![a-zA-Z][ \t'’])[a-zA-Z]{1,12}(?![a-zA-Z])(?![ \t'’][a-zA-Z]))(?P<after>[\u4e00-\u9fff]{0,4})"
)
_SPACED_LETTER_BEFORE_RE = re.compile(r"[a-zA-Z][ \t'’]+$")
_SPACED_LETTER_AFTER_RE = re.compile(r"[ \t'’]+[a-zA-Z]")
MIN_GLUED_CHARS = 3  # characters, the syllables read and those beside them, the text must write together
_QUOTED_RE = re.compile(r"[“\"「《]([\u4e00-\u9fff]{2,8})[”\"」》]")
