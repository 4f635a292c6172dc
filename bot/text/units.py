"""The units of a report's figures: one vocabulary for every stage that reads an amount."""

from __future__ import annotations

# What a figure counts: "件", "项", "家" … ("2900余件", "30多家").
FIGURE_UNITS = "个项件家台处条类种名起次人位户批场"
# Any counting word, also those a figure rarely has but a check may ("3所", "12套").
COUNT_UNITS = FIGURE_UNITS + "所部套期届支"
MONEY_UNITS = ("元", "万元", "亿元")
PEOPLE_UNITS = ("名", "人", "人次", "万人次", "位", "万人")
PERCENT_UNITS = ("%", "个百分点")
# Counting words that count the same people ("5100多名" is counted 按人); 人次 counts visits.
SAME_PEOPLE = {"名": "人", "位": "人"}


def unit_kind(unit: str) -> str:
    """percent | money | people | count, from a figure's unit."""
    if unit in PERCENT_UNITS:
        return "percent"
    if unit in MONEY_UNITS or unit.endswith("元"):
        return "money"
    if unit in PEOPLE_UNITS:
        return "people"
    return "count"
