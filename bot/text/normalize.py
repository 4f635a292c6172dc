"""Text normalisation, identical for user queries and knowledge-base phrasings.

Pipeline (see `normalize`): Unicode NFKC (full-width → half-width) → lower case →
OpenCC traditional → simplified → drop everything but letters, digits, `%` and a decimal
point → Chinese numerals that are figures → Arabic (names such as 一窗受理 stay) →
synonyms → question filler dropped.

`pinyin_key` maps a normalised string to one symbol per syllable, so homophone typos
(可半率 / 可办率) compare equal.
"""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

import opencc

_T2S = opencc.OpenCC("t2s")


def words_re(words: Iterable[str]) -> re.Pattern:
    """A pattern matching any of the words, the longest first where several start at one place."""
    return re.compile("|".join(sorted(map(re.escape, words), key=len, reverse=True)))


# --- cleaning ---------------------------------------------------------------

# Keep CJK ideographs, ASCII letters/digits, % and '.'; everything else (punctuation,
# whitespace, emoji, zero-width and control characters, RTL marks) goes.
_DROP_RE = re.compile(r"[^0-9a-z%.\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_STRAY_DOT_RE = re.compile(r"(?<!\d)\.|\.(?!\d)")


@lru_cache(maxsize=4096)
def simplified(text: str) -> str:
    """Traditional characters as simplified, full-width forms as half-width; punctuation kept
    (a message's clauses and its several questions are read from it)."""
    return _T2S.convert(unicodedata.normalize("NFKC", text))


@lru_cache(maxsize=4096)
def clean(text: str) -> str:
    """NFKC, lower case, traditional → simplified, strip punctuation and noise."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = _T2S.convert(text)
    text = _PING_RE.sub("", text)  # "在不 刑事破案数是降了吗": a chat ping, no negation of the check
    text = _DROP_RE.sub("", text)
    text = _COUNTED_BY_JIA_RE.sub(r"\1数", text)  # "企业家数" is 企业 counted by 家, no 企业家
    text = _YOUR_CITY_RE.sub("本市", text)  # a letter's "贵市" is the city the report is of
    text = _YOUR_BODY_RE.sub("", text)  # "请问贵局…": whom the letter is addressed to, no word asked
    text = _LATIN_MAGNITUDE_RE.sub(lambda m: _LATIN_MAGNITUDES[m.group(0)], text)  # "7w多", "1.5w", "2000多w"
    text = _SPOKEN_YUAN_RE.sub("元", text)  # "两千多块钱": 元
    text = _TYPED_TENTH_RE.sub("成", text)  # "不到九层吧": 九成
    return _STRAY_DOT_RE.sub("", text)


# "在不" (are you there?) opening a chat message before a break: a ping, as 在吗 is.
_PING_RE = re.compile(r"^\s*在不[\s，,。.!！?？~～]+")


# A magnitude typed as a Latin letter right after digits, as people chat ("7w多" 七万多, "5k" 五千).
_LATIN_MAGNITUDES = {"w": "万", "k": "千"}
_LATIN_MAGNITUDE_RE = re.compile(
    r"(?:(?<=[\d一二两三四五六七八九十])|(?<=[\d十百千][多余来几]))[wk](?![a-z])"
)  # "2000多w"


# A formal letter's "your city" ("请问贵市…"): the report's own city.
_YOUR_CITY_RE = re.compile(r"贵市")
# The body a formal letter addresses ("贵局", "贵单位", "贵委"): never what is asked about.
_YOUR_BODY_RE = re.compile(r"贵(?:局|单位|委|院|部门|处|厅|办|司|所|中心)")


# Money said as people speak ("两千多块钱", "三百万块", "2000块吗"): 块 (钱) after a number is 元.
_SPOKEN_YUAN_RE = re.compile(
    r"(?<=[\d零一二两三四五六七八九十百千万亿多余来几])块钱|(?<=[\d十百千万亿多余来])块(?=[吗吧啊呀呢嘛咯哦噻]|$)"
)  # (not "哪几块", "放在一块": which parts, together)


# A tenth typed by its sound ("不到九层吧", "八城多"): 成 after a numeral, where nothing follows it
# that a storey or a city would count.
_TYPED_TENTH_RE = re.compile(r"(?<=[一二三四五六七八九\d])(?:层|城|程)(?=多|左右|上下|以上|以下|[吧吗啊呀了咯啵]|$)")


# Things counted by 家 ("首次不罚的企业家数", "单位家数"): 家数 is the unit's count.
_COUNTED_BY_JIA_RE = re.compile(r"(企业|单位|公司|商户|机构|律所|医院|事务所)家数")


# --- Chinese numerals -------------------------------------------------------

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿点"
# Words that contain numeral characters but are names or ordinary words, not figures.
PROTECTED_WORDS = (
    "一窗受理",
    "一目录五清单",
    "三集中三到位",
    "四度融合",
    "一规划两纲要",
    "三项制度",
    "三统一",
    "三化",
    "一揽子",
    "千所连千企",
    "一体化",
    "两法衔接",
    "两岸",
    "一审",
    "统一",
    "唯一",
    "一下",
    "一起",
    "一般",
    "一些",
    "一样",
    "一直",
    "一共",
    "进一步",
    "万一",
    "十分",
    "千万",
    "百姓",
    "一把手",
    "首批",
    "第一批",
    "第二批",
    "五清单",
    "一目录",
)
# A lone numeral character becomes a digit only before one of these (跑一次 → 跑1次).
_CLASSIFIERS = set("次个项件家名台处条类种起人批年月日位元%")
_APPROXIMATE = {"一两", "两三", "二三", "三四", "三五", "四五", "五六", "六七", "七八", "八九"}
_NUM_RUN_RE = re.compile(
    f"[{_NUMERAL_CHARS.replace('点', '')}][{_NUMERAL_CHARS}]*"
)  # never starts with 点 ("联系点十五个")
_SHORT_YEAR_RE = re.compile(r"(?<![\d.])(1[6-9]|2\d)年(?!代)")
# "百分之九十", and the spoken "百分百" (百分之百)
_PERCENT_RE = re.compile(f"百分之([{_NUMERAL_CHARS}]+|\\d+(?:\\.\\d+)?)|百分(百)")


def _int_value(chars: str) -> int | None:
    """Value of a numeral run without 点/万 (e.g. 四千六百 → 4600, 二〇二二 → 2022)."""
    if not chars:
        return None
    if all(c in _DIGITS for c in chars):  # digit by digit: 二〇二二, 六一二五
        return int("".join(str(_DIGITS[c]) for c in chars))
    total, current, last_unit, zero = 0, None, None, False
    for c in chars:
        if c in _DIGITS:
            zero = zero or _DIGITS[c] == 0
            current = _DIGITS[c]
        elif c in _UNITS:
            if last_unit is not None and _UNITS[c] >= last_unit:
                return None  # "三十三十", "一百一百": a number said twice, never their sum
            total += (1 if current is None else current) * _UNITS[c]
            current, last_unit, zero = None, _UNITS[c], False
        else:
            return None
    if current and last_unit and last_unit >= 100 and not zero:
        return total + current * last_unit // 10  # 四千六 is 4600, 一千五 1500 (四千零六 is 4006)
    return total + (current or 0)


def _run_value(run: str) -> str | None:
    """Arabic form of a numeral run, keeping 万 and 亿 as the report writes them (两万 → 2万)."""
    suffix = ""
    if "亿" in run:  # 两亿 → 2亿, as 万 is kept; 一亿两千万 is left as written
        head, _, tail = run.partition("亿")
        value = _int_value(head) if head and not tail else None
        return None if value is None else f"{value}亿"
    if "万" in run:
        head, _, tail = run.partition("万")
        if tail:  # 一万零八百一十六 → 10816
            high, low = _run_value(head), _int_value(tail.lstrip("零〇"))
            if low is not None and len(tail) == 1 and tail in _DIGITS:
                low *= 1000  # 一万三 is 13000
            if high is None or low is None or "." in high:
                return None
            return str(int(high) * 10000 + low)
        run, suffix = head, "万"
        if not run:
            return None
    if "点" in run:
        whole, _, frac = run.partition("点")
        w = _int_value(whole)
        if w is None or not frac or any(c not in _DIGITS for c in frac):
            return None
        return f"{w}.{''.join(str(_DIGITS[c]) for c in frac)}{suffix}"
    value = _int_value(run)
    return None if value is None else f"{value}{suffix}"


def _protect(text: str) -> tuple[str, list[str]]:
    saved: list[str] = []

    def keep(match: re.Match[str]) -> str:
        before = match.string[match.start() - 1 : match.start()]
        if match.group(0)[0] in "千万" and before and (before in _NUMERAL_CHARS or before.isdigit()):
            return match.group(0)  # 一千万 is a number, not the word 千万 ("千万别")
        saved.append(match.group(0))
        return f"\ue000{len(saved) - 1}\ue001"

    return _PROTECTED_RE.sub(keep, text), saved


_PROTECTED_RE = words_re(PROTECTED_WORDS)
_RESTORE_RE = re.compile("\ue000(\\d+)\ue001")


def _digit_variants(word: str) -> set[str]:
    """三统一 → {3统一, 三统1, 3统1}: each numeral character written as a digit or not."""
    variants = {""}
    for c in word:
        variants = {v + c for v in variants} | ({v + str(_DIGITS[c]) for v in variants} if c in _DIGITS else set())
    return variants - {word}


_NAME_VARIANTS = {v: w for w in PROTECTED_WORDS for v in _digit_variants(w)}
_NAME_VARIANT_RE = words_re(_NAME_VARIANTS)
# Digits mixed with magnitude words ("5千1百多", "1万5千", "4千4"): read the run as numeral words.
# A digit before 千/百 alone ("3百万", "2千万", "3百多万") is read the same way.
_MIXED_RUN_RE = re.compile(r"(?<![\d.])\d{1,3}(?:[万千百](?:\d[万千百十]?)+|[千百](?=[万亿多余来]|[^\d]|$))(?![\d.])")
_DIGIT_WORDS = "〇一二三四五六七八九"
# 百 typed as a character of its sound (白, 佰, 柏) between a digit and what follows a magnitude.
_TYPED_HUNDRED_RE = re.compile(
    r"(?<=[一二两三四五六七八九\d])[白佰柏](?=[万多余来一二三四五六七八九十元个件项名台处条家人]|$)"
)


# Words before 一 + a classifier that pick one out ("哪一次", "这一批", "每一个"): no count of one.
_WHICH_ONE = frozenset("哪这那每同某任")


@lru_cache(maxsize=4096)
def convert_numerals(text: str) -> str:
    """Turn Chinese numerals that are figures into Arabic digits; leave names alone."""
    text = _NAME_VARIANT_RE.sub(lambda m: _NAME_VARIANTS[m.group(0)], text)  # 1目录5清单 → 一目录五清单
    text = _TYPED_HUNDRED_RE.sub("百", text)  # "不到三白万吧": 百 typed by its sound inside a number
    text = _MIXED_RUN_RE.sub(lambda m: "".join(_DIGIT_WORDS[int(c)] if c.isdigit() else c for c in m.group(0)), text)
    if not any(c in _NUMERAL_CHARS for c in text):
        return _SHORT_YEAR_RE.sub(r"20\1年", text)
    text, saved = _protect(text)

    def percent(match: re.Match[str]) -> str:
        body = match.group(1) or match.group(2)
        if body[0].isdigit():
            return f"{body}%"
        if body == "百":
            return "100%"
        value = _run_value(body)
        return f"{value}%" if value is not None else match.group(0)

    text = _PERCENT_RE.sub(percent, text)

    def number(match: re.Match[str]) -> str:
        run = match.group(0)
        start, end = match.span()
        after = text[end : end + 1]
        before = text[start - 1 : start] if start else ""
        if len(run) == 1 and run not in "零〇":
            if not (after in _CLASSIFIERS or before == "第"):
                return run
            if run == "一" and before in _WHICH_ONE:
                return run  # "哪一次", "这一批": which one, no count
        if run.endswith("点"):
            return run
        if run[:2] in _APPROXIMATE and run[2:] in ("", "十", "百", "千", "万"):
            return run  # 两三趟 = "two or three", not 23; 三四千 = "three or four thousand", not 4000
        value = _run_value(run)
        return run if value is None else value

    text = _NUM_RUN_RE.sub(number, text)
    text = _SHORT_YEAR_RE.sub(r"20\1年", text)  # 23年 → 2023年
    return _RESTORE_RE.sub(lambda m: saved[int(m.group(1))], text)


# --- filler -----------------------------------------------------------------

# Question filler: dropped from both sides before matching. Longest first.
FILLER_WORDS = (
    "问个不相干的",  # the asker changing the subject: no words of the question
    "问个不相关的",
    "换个话题",
    "换个问题",
    "请问一下",
    "请问",
    "想问一下",
    "想问",
    "我想知道",
    "我想了解",
    "想知道",
    "想了解",
    "问一下",
    "麻烦",
    "告诉我",
    "告诉",
    "直接告诉",  # how to answer ("直接告诉我是多少项"), never what is asked (直接 alone may be)
    "直接说",
    "直接讲",
    "直接报",
    "完整",  # how much of it ("完整的名字", "完整名单"), never what is asked
    "帮我查",
    "帮我",
    "查一下",
    "查询",
    "了解一下",
    "看一下",
    "一下",
    "是多少",
    "有多少",
    "多少",
    "是什么意思",
    "什么意思",
    "是什么",
    "什么是",
    "是啥",
    "啥是",
    "指什么",
    "指的是",
    "是指",
    "什么",
    "有哪些",
    "哪些",
    "具体",
    "情况",
    "怎么样",
    "如何",
    "高不高",  # "成功率高不高": how high, asked
    "多不多",
    "大不大",
    "能不能",
    "可不可以",
    "有没有",
    "大概",
    "一共",
    "总共",
    "吗",
    "呢",
    "啊",
    "呀",
    "吧",
    "哦",
    "嘛",
    "哈",
    "咯",  # Hunan particles, as 啊/吧 ("是不是一千万左右咯")
    "啰",
    "嘞",
    "呗",
    "噻",
    "么",
    "的",
    "了",
    "那么",
    "那个",
    "这个",
    "好像",  # a hedge ("报告里好像有两个近200")
    "放在",  # where a thing is set against others ("这个放在全省算啥水平")
)
# Words present in nearly every question about this report: they carry no signal.
UBIQUITOUS_WORDS = ("益阳市", "益阳", "我市", "2023年度", "2023年", "2023", "今年")
_FILLER_RE = words_re(set(FILLER_WORDS + UBIQUITOUS_WORDS))
_LEADING_RE = re.compile(r"^(那么|那|还有|另外|然后|其中)")


def drop_filler(text: str) -> str:
    """Remove question filler and words that every question shares."""
    return _FILLER_RE.sub("", _LEADING_RE.sub("", text))


# --- synonyms ---------------------------------------------------------------


_ASKED_FIRST_RE = re.compile(r"多少|什么|几")  # a question word a variant starts with
DESCRIPTION_CHARS = 4  # a variant this long describes a thing in the asker's words
GAP = "…"  # in a variant: one to six characters of the asker's own between its parts
_GAP_RE = r"[\u4e00-\u9fff]{1,6}?"


class Synonyms:
    """Replace colloquial variants with the report's own word (longest match first)."""

    def __init__(self, groups: Mapping[str, Iterable[str]] | None = None):
        self.mapping: dict[str, str] = {}
        gapped: dict[str, str] = {}  # "帮…打官司": a description with a few words of its own between
        for canonical, variants in (groups or {}).items():
            canon = convert_numerals(clean(canonical))
            for variant in variants:
                if GAP in variant:
                    parts = [re.escape(convert_numerals(clean(part))) for part in variant.split(GAP)]
                    gapped[_GAP_RE.join(parts)] = canon
                    continue
                key = convert_numerals(clean(variant))
                if key and key != canon:
                    asked = _ASKED_FIRST_RE.match(key)  # "多少钱" → 多少金额: the question word stays
                    self.mapping[key] = (
                        asked.group(0) + canon if asked and not canon.startswith(asked.group(0)) else canon
                    )
        keys = sorted(self.mapping, key=len, reverse=True)
        self._re = re.compile("|".join(map(re.escape, keys))) if keys else None
        self._gapped = [(re.compile(pattern), canon) for pattern, canon in sorted(gapped.items())]
        # the asker's descriptions of a thing (a variant of a few words, or gapped), a word or two
        # of everyday speech ("方便", "手机") being none
        described = [k for k in sorted(self.mapping, key=len, reverse=True) if len(k) >= DESCRIPTION_CHARS]
        self._described_re = re.compile("|".join(map(re.escape, described))) if described else None
        self._hash = hash(frozenset(self.mapping.items()) | frozenset(gapped.items()))

    def __hash__(self) -> int:  # equal mappings are one key: packs sharing synonyms share analyses
        return self._hash

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Synonyms)
            and self._hash == other._hash
            and self.mapping == other.mapping
            and self._gapped == other._gapped
        )

    def described(self, text: str) -> str:
        """`text` with each description said in it replaced by the report's word it describes
        ("那个帮穷人免费打官司的" → "那个法律援助的"); other words left as said."""
        return self._replaced(self._described_re, text)

    def apply(self, text: str) -> str:
        return self._replaced(self._re, text)

    def _replaced(self, literal: re.Pattern | None, text: str) -> str:
        """`text` with the gapped variants, then the variants `literal` finds, replaced."""
        for pattern, canon in self._gapped:
            text = pattern.sub(canon, text)
        return text if literal is None else literal.sub(lambda m: self.mapping[m.group(0)], text)


NO_SYNONYMS = Synonyms()


def normalize(text: str, synonyms: Synonyms = NO_SYNONYMS) -> str:
    """The one normalisation applied to queries and phrasings alike."""
    text = synonyms.apply(convert_numerals(clean(text)))
    return drop_filler(text)


# --- pinyin -----------------------------------------------------------------

_SYLLABLES: dict[str, str] = {}


def _fuzzy(syllable: str) -> str:
    """Fold the confusions common in Hunan speech and pinyin typing (zh/z, n/l, -ng/-n)."""
    for retro, flat in (("zh", "z"), ("ch", "c"), ("sh", "s")):
        if syllable.startswith(retro):
            syllable = flat + syllable[2:]
    if syllable.startswith("l"):
        syllable = "n" + syllable[1:]
    if syllable.endswith("ng") and len(syllable) > 2:
        syllable = syllable[:-1]
    return syllable


_TONELESS = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ", "aaaaeeeeiiiioooouuuuvvvvvnnnm")


@lru_cache(maxsize=1)
def _readings() -> dict[str, str]:
    """pypinyin's single-character table; its first reading is what lazy_pinyin gives a lone
    character. Read from the package's JSON without importing pypinyin itself, whose phrase
    dictionary would add ~200 ms to every start-up."""
    spec = importlib.util.find_spec("pypinyin")
    path = Path(next(iter(spec.submodule_search_locations))) / "pinyin_dict.json"
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)  # {"21150": "bàn,pàn", …}: code point as text → readings
    except (OSError, ValueError):  # a pypinyin without the JSON file: use its module
        from pypinyin.pinyin_dict import pinyin_dict

        return {str(code): reading for code, reading in pinyin_dict.items()}


@lru_cache(maxsize=65536)
def _char_symbol(char: str) -> str:
    reading = _readings().get(str(ord(char)))
    if reading is None:
        return char
    syllable = _fuzzy(reading.split(",")[0].translate(_TONELESS))
    symbol = _SYLLABLES.get(syllable)
    if symbol is None:  # one private-use code point per distinct syllable
        symbol = _SYLLABLES[syllable] = chr(0xF0000 + len(_SYLLABLES))
    return symbol


def pinyin_key(normalized: str) -> str:
    """One symbol per character: homophones share a symbol; other characters stay."""
    return "".join(_char_symbol(c) for c in normalized)
