"""Digits written as Chinese numerals, the way people type them: 4600 → 四千六百,
10816 → 一万零八百一十六, 74.1% → 百分之七十四点一, 7.5万 → 七点五万, 2023年 → 二〇二三年."""

from __future__ import annotations

import random
import re

DIGITS = "零一二三四五六七八九"
_SMALL_UNITS = ("", "十", "百", "千")
_BIG_UNITS = ("", "万", "亿")


def _four(n: int, leading: bool, liang: bool) -> str:
    """0 < n < 10000 as numerals; `leading`: the group opens the number (十六, not 一十六)."""
    out, zero = "", False
    for power in (3, 2, 1, 0):
        digit = n // 10**power % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        if power == 1 and digit == 1 and leading and not out:
            out += "十"
            continue
        if digit == 2 and power >= 2 and liang and not out:
            out += "两"
        else:
            out += DIGITS[digit]
        out += _SMALL_UNITS[power]
    return out


def integer(n: int, liang: bool = False) -> str:
    """A non-negative integer below 10^12; `liang`: a leading 2 of 百/千 as 两 (两千九百)."""
    if n == 0:
        return "零"
    groups = []
    while n:
        groups.append(n % 10000)
        n //= 10000
    out = ""
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            continue
        if out and group < 1000:
            out += "零"
        out += _four(group, leading=not out, liang=liang and not out) + _BIG_UNITS[index]
    return out


def decimal(text: str, liang: bool = False) -> str:
    """'74.1' → 七十四点一; '7.5' → 七点五; '4600' → 四千六百."""
    whole, _, fraction = text.partition(".")
    out = integer(int(whole), liang)
    if fraction:
        out += "点" + "".join(DIGITS[int(d)] for d in fraction)
    return out


def year(text: str, rng: random.Random | None = None) -> str:
    """'2023' → 二〇二三 (or 二零二三)."""
    zero = "〇" if rng is None or rng.random() < 0.5 else "零"
    return "".join(zero if d == "0" else DIGITS[int(d)] for d in text)


def percent(text: str, liang: bool = False, spoken: bool = False) -> str:
    """'74.1' → 百分之七十四点一; '100' → 百分之百, 百分百 (spoken) or 百分之一百."""
    if text == "100" and liang:
        return "百分百" if spoken else "百分之百"
    return "百分之" + decimal(text)


# A number in running text: not part of a Latin token (CCTV-13), a year, or a percentage.
_NUMBER_RE = re.compile(r"(?<![A-Za-z\-\d.])(\d+(?:\.\d+)?)(%|％|年)?")


def in_words(text: str, rng: random.Random) -> str:
    """Every number of `text` written in Chinese numerals (years digit by digit)."""

    def word(match: re.Match) -> str:
        number, tail = match.group(1), match.group(2) or ""
        liang = rng.random() < 0.5
        if tail == "年" and len(number) == 4:
            return year(number, rng) + "年"
        if tail in ("%", "％"):
            return percent(number, liang, spoken=number == "100" and rng.random() < 0.5)
        return decimal(number, liang) + tail

    return _NUMBER_RE.sub(word, text)


def has_number(text: str) -> bool:
    return bool(_NUMBER_RE.search(text))
