"""What a question asks for: its intent and the measure of the figure it wants.

Intents: figure (多少, 几项, 比例), description (是什么, 怎么), list (有哪些), yesno (是不是,
…吗, 有没有), overview (这报告讲了啥), help (你能干嘛), chitchat (你好, 谢谢). Measures: money
(多少钱, 金额), people (多少人, 多少名), percent (百分之几, 比例, 成功率), rank (排第几),
change (上升了多少), count (多少项/件/家 …, with the unit asked).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.analysis.check_words import UNIT_NAMED_RE, offers_choice

_OVERVIEW_SUBJECT = (
    r"(?:报告|年度报告|这份|这篇|这个材料|材料|全文|文章|整体|总体|全年|这一年|一年来|法治政府建设|法治建设)"
)
_OVERVIEW_ASK = (
    r"(?:(?:讲|说|写|介绍|谈|包括|包含|涵盖|分为|分成|分)了?(?:些)?(?:啥|什么|哪些|哪几|几)|"
    r"主要内容|(?:哪|几)(?:几|些)?个?(?:主要)?(?:块|大块|部分|大部分|个部分|个方面|方面|大方面|章|个板块|板块)|大标题|结构|"
    r"概括|总结|概述|简介|梗概|摘要|干了(?:些)?(?:啥|什么)|做了(?:些|哪些)?(?:啥|什么))"
)
# The document itself, whose highlights are its parts ("这份报告有啥亮点"; 法治政府建设的亮点 are its results).
_DOCUMENT_HIGHLIGHTS = r"(?:报告|这份|这篇|材料|全文|文章)[^，,。？?]{0,6}(?:亮点|要点)"
# What the document says, asked right after it ("这个报告讲的啥"; never "报告里那个358说的是什么").
_DOCUMENT_SAYS = r"(?:报告|这份|这篇|材料|全文|文章)(?:主要|大概|都)?(?:讲|说|写)的(?:是|都是)?(?:些)?(?:啥|什么|哪些)"
_OVERVIEW_RE = re.compile(
    f"{_OVERVIEW_SUBJECT}.*{_OVERVIEW_ASK}|{_OVERVIEW_ASK}.*{_OVERVIEW_SUBJECT}|{_DOCUMENT_HIGHLIGHTS}|{_DOCUMENT_SAYS}|"
    r"^(?:讲了啥|说了啥|主要讲什么|讲的什么|大概讲了什么)$"
)
MAX_OVERVIEW_CHARS = 40  # an ask this long or shorter (or its last clause) may ask what the report says


def overview_asked(text: str) -> str:
    """The words asking what the report as a whole says: the ask, or its last clause ("…搞得
    怎么样，就想让你帮我概括一下，这份报告主要讲了哪几块内容"); "" when neither does."""
    last = [c for c in re.split(r"[，,。；;！!？?\s]+", text) if c][-1:] or [""]
    return next(
        (
            t
            for t in dict.fromkeys((text, last[0]))
            if _OVERVIEW_RE.search(t) and not _FIGURE_RE.search(_PARTS_RE.sub("", t)) and len(t) <= MAX_OVERVIEW_CHARS
        ),
        "",
    )


_HELP_RE = re.compile(
    r"(?:你|机器人|这个(?:机器人|bot|助手)|小助手).{0,4}(?:能|会|可以).{0,3}(?:干|做|回答|问|帮)|"
    r"(?:怎么|如何)(?:用|使用|提问|问)|能问(?:些)?(?:什么|啥)|可以问(?:些)?(?:什么|啥)|"
    r"使用说明|帮助|功能|菜单|^help$|^帮忙$"
)
_YESNO_RE = re.compile(
    r"是不是|是否|难道|有没有|对不对|对不[啊呀咯啵]?$|对吗|对吧|是吗|是吧|没错吧|真的吗|真的假的|是真是假|真的还是|有吗|了吗|了没|没有\??$|"
    r"吗$|吧$|[咯啰]$|真的(?:(?!多少|几|什么|啥|哪|谁)[^，,。？?！!])*[啊呀]$|[吗吧](?:我记得|我听说|我印象中|印象中|印象里|好像)$|(?<!什|怎|那|这)么$|没$|(?<!对|行|要)不$|嘛$|否$|能不能|可不可以|会不会|算不算|达没达到|到没到|够不够"
)
# Which television channel ("CCTV几台", "央视哪个台", "中央台几套"): a name, not a count of 台.
_CHANNEL_RE = re.compile(r"(?:cctv|CCTV|央视|中央台|中央电视台)[-\s]?几(?:台|套|频道)")
_PARTS_RE = re.compile(r"几(?:个|大)?(?:主要)?(?:部分|方面|块|大块|板块|标题|大标题|章|点)")
_ORDINAL_RE = re.compile(r"第几[批次届期]|哪一批|哪批")
_FIGURE_RE = re.compile(
    r"多少|(?<![哪那这好])几[项件家个台处条类种名起次人位户成]|"  # 好几个: several, told
    r"数量|数目|总数|总量|总额|比例|比率|占比|金额|多大|多高|百分之几|第几|排名|排第|排老几|几位|规模|多少钱|"
    r"率是|率为|率多|率有|什么水平|啥水平|怎么样的水平|涨了|降了|升了|增长了|下降了|上升了|什么位置|啥位置|"
    r"什么档次|啥档次|排老几|第几名|多长时间|多少时间|多久"
)
# A staff lookup of one count by its noun, ending the message ("政府法律顾问人数", "旗舰店注册用户数"):
# a number asked, as 多少 asks one (not an item of several: "法援件数 农民工讨薪").
_COUNT_LOOKED_UP_RE = re.compile(
    r"^[^、，,；;\s]*(?<![多少几])(?:人|次|件|项|个|家|户|条|台|名|类|种|方面|案例|案件|事项)数[？?。！!]*$"
)
# Nouns of a figure (规模, 比例 …): they describe a thing as well as ask a figure.
_FIGURE_NOUNS_RE = re.compile(r"数量|数目|总数|总量|总额|比例|比率|占比|金额|规模|排名")
# A figure asked outright, whatever else the message says.
_STRONG_FIGURE_RE = re.compile(r"多少|第几|多大|多高|百分之几|多久|多长时间|几成")
# What a thing is called asked outright.
_CALLED_RE = re.compile(r"叫什么|叫啥|什么名字|啥名字|名称是|全称|什么说法|怎么称呼")
# The members of what is counted asked ("几个中心都叫啥", "那11项分别是什么"): a list, not a figure.
_MEMBERS_RE = re.compile(
    r"都叫(?:什么|啥)|都是些(?:什么|啥)|都是(?:什么|啥)|(?:分别|各自?)(?:是|叫)(?:什么|啥|哪)|分别叫"
)
# A question word's ask softened at its end ("…嘛", "…咯"), or closed by asking whether the
# listener knows ("…什么事，你知道吗"): no check of its own.
_SOFT_END_RE = re.compile(r"[嘛呢咯啰]$|(?:你|您)?(?:知道|晓得)(?:吗|么|不)$")
# A staff lookup ending on a sum of money ("农民工工资", "首违不罚 罚款"): the money is looked up.
_LOOKUP_MONEY_RE = re.compile(r"(?:工资|工钱|金额|罚款|罚金|资金|经费)(?:数额?|总额|总数|数目)?$")  # 工资数: the sum
_WH_RE = re.compile(r"哪|什么|啥|谁|多少|几")
# A particle that checks what its message states ("超过九成了咯", "有四千多台嘛"), and what states.
_CHECK_PARTICLE_RE = re.compile(r"[咯啰嘛]$")
_STATES_RE = re.compile(r"\d|百分之|[是有了过没能会在]|可以|达到|超过|不到|实现|完成|上升|下降|增长|减少|比")
# A check said outright before a question word: the question word says "some", the check stands.
_CHECK_FRAME_RE = re.compile(r"是不是|是否|有没有")
# A claim said after a question ("…是什么水平，不会是垫底吧"): what the 吧 ending it checks.
_CLAIM_TAIL = r"(?:不会|总不会|总不|应该|肯定|怕不是|莫非|难道)是?[\u4e00-\u9fff]{1,6}吧"
_CLAIM_AFTER_RE = re.compile(_CLAIM_TAIL + "$")
_ASKING_WH_RE = re.compile(r"哪|什么|啥|谁|多少|好多|(?<![好十百千万])几(?![十百千万])")  # 好几个: several, told
_LIST_RE = re.compile(
    r"有哪些|有哪几|哪几[项个家件条类种名处位方面]|是哪些|都是哪|都有哪|都有什么|都有啥|包括哪|包括什么|"
    r"包括啥|具体是哪|分别是哪|列举|列一下|名单|哪些|哪几|完整|都叫(?:什么|啥)|都是些(?:什么|啥)|分别叫|"
    r"举(?:个|几个|两个|一两个|[1-9]个|些)?例子"  # "接进去的应用举两个例子呗": some of the members
)
# The rest of a list asked after some of it is named ("权责清晰，后面几个呢", "剩下的几项是啥").
_REST_ASKED_RE = re.compile(r"(?:后面|后边|后头|剩下|其余|其他|另外)的?几[个项条类种方面]")
_DESCRIPTION_RE = re.compile(
    r"是什么|什么是|什么意思|啥意思|怎么|如何|为什么|哪个|哪里|哪儿|谁|介绍|含义|做法|内容|"
    r"(?:什么|啥)(?:制度|机制|办法|规定|文件|意见|方案|活动|模式|称号|荣誉|奖|栏目|节目|会)|"  # "建了什么制度"
    r"举措|措施|干嘛|干啥|做了什么|干了什么|咋|啥"
)
_NAME_RE = re.compile(
    r"找谁|是谁|谁(?:来|负责|管|办)|哪个|哪家|哪位|哪里|哪儿|叫什么|叫啥|什么名字|名字|名称|哪部|哪项"
)
_TOTAL_RE = re.compile(r"总共|一共|总数|共有|全部|所有|总计|合计|总体有|加起来")
_MONEY_RE = re.compile(
    r"多少钱|金额|多少万元|多少元|几万元|多少万(?!余?(?:项|件|人|个|家|台|处|条|类|种|名|起|次|位))|资金|花了|经费|投入|投了|罚款多少|"
    r"罚了多少钱|多少工资|工资多少|工资有多少|讨回了?多少|讨回多少"
)
# People counted by what they are ("帮多少农民工", "多少执法人员"): nouns that name people.
# Sums of money named ("讨回的工资是多少", "工资没到三百万吧"): the money is what is asked.
# 钱 of "没钱打官司的人", "不要钱" says who or how, never the money asked
_MONEY_NOUN_RE = re.compile(r"工资|工钱|薪水|欠薪|金额|资金|经费|罚款|罚金|损失|(?<![没缺无有花要用])钱")
_PEOPLE_NOUNS = r"(?:农民工|民工|人员|群众|员工|工人|律师|干部|学生|老人|居民|村民|市民|老百姓|百姓)"
_PEOPLE_RE = re.compile(
    r"多少(?:个)?人|几个人|多少名|几名|几位|多少位|人数|多少人次|人次|人员数|"
    r"(?:多少|几)(?:个|名|位)?[\u4e00-\u9fff]{0,4}?" + _PEOPLE_NOUNS + "|"
    # the people named before the question word ("讨薪的人有多少", "农民工一共几个")
    r"(?:(?:的|些)人|" + _PEOPLE_NOUNS + r")(?:数)?(?:有|是|一共|总共|共)?(?:多少|几)"
)
_UNIT_MEASURE = {
    "人": "people",
    "名": "people",
    "位": "people",
    "次": "count",
    "元": "money",
    "%": "percent",
    "天": "duration",
    "时": "duration",
    "钟": "duration",
    "月": "duration",
    "年": "duration",
}
_POINTS_RE = re.compile(r"(?:几|多少)个?(?:百分)?点(?![评])")
_PERCENT_RE = re.compile(r"百分之|百分比|比例|比率|占比|率|几成|多少成|%")
_PERCENT_ASKED_END_RE = re.compile(r"(?:百分之(?:几|多少)|几成|多少成|百分比是?多少)[呢啊吧呀哦？?]*$")
_PERCENT_END_RE = re.compile(r"(?:百分比|比例|比率|占比|比重)[呢啊吧呀？?]*$")
# Where a figure stands, asked ("排名怎么样", "在全省算什么水平", "靠不靠前").
RANK_ASKED_RE = re.compile(
    r"排第几|第几名|排老几|名次|排名(?:怎么样|如何|咋样|多少|第几|靠前吗|高不高)|排得?(?:怎么样|如何|咋样|么样|怎样|好不好|咋个样)|(?:什么|啥)(?:水平|位置|档次)|靠不靠前|靠前吗|排在(?:哪|什么|前面)|"
    r"位次|排位|所处(?:的)?位置"  # "及其在全省所处位次": formal
)
_RANK_RE = re.compile(
    r"排名|排第几|第几名|排老几|排在|名次|第几|排位|位次|领先|前列|靠不靠前|靠前|什么位置|啥位置|什么水平|啥水平|"
    r"什么档次|啥档次|哪个档次|什么地位|排得上号|排上号|排不上|垫底|落后|倒数|数一数二|名列前茅|拔尖|[上中下]游|"
    r"靠后|后几名|末尾|吊车尾|拖后腿"
)
# Where a figure stands in the province, asked or checked ("在全省排倒数吧", "省里算靠前吗").
_PROVINCE_RANK_RE = re.compile(
    r"(?:全省|省里|省内)(?:的|里)?[^，,。？?！!]{0,6}?"
    r"(?:排|靠前|前列|领先|垫底|落后|倒数|数一数二|名列前茅|[上中下]游|第几|靠后|末尾|吊车尾|拖后腿|"
    # how well it does there, in everyday words ("在省里是不是很差", "在全省不太行吧")
    r"(?:很|太|较|挺|蛮|有点|不)差|差劲|不(?:太|怎么|咋|大)?行|不错|(?:挺|很)好|"
    r"(?:什么|啥|哪个)(?:水平|位置|档次|地位)|排得?(?:怎么样|如何|咋样|怎样))"  # "在省里处于什么水平"
    r"(?=[\u4e00-\u9fff]{0,4}(?:[吧吗呢嘛啊呀？?]|$)"  # ending the ask, not a clause the asker tells
    # or asked, then a place claimed ("在全省是什么水平，不会是垫底吧")
    r"|[，,\s]*" + _CLAIM_TAIL + ")"
)
# A level asked ("达到了什么水平"): where it stands, or, with nothing it is ranked among, its value.
_LEVEL_RE = re.compile(r"(?:什么|啥|何种|哪种|怎样的?|怎么样的)水平")


def level_only(text: str) -> bool:
    """ "填报发布率达到了何种水平": a level asked naming no rank or place it stands in; a rate's
    value answers it as well as where it stands would."""
    unleveled = _LEVEL_RE.sub("", text)
    return unleveled != text and not _RANK_RE.search(unleveled) and not _PROVINCE_RANK_RE.search(text)


# A change asked; a change word naming a programme ("能力提升行动", "三年提升行动") is a name.
_CHANGE_RE = re.compile(
    r"(?:同比|上升|下降|增长|增速|增幅|减少|涨|降|提高|增加|升了|变化|变了|变动|压缩|缩短|缩减|减了|提升|翻了|[少多]了(?=多少|几))"
    r"(?!行动|工程|计划|方案|活动|专项|三年)"
)
# (处 of 处于/处理/处置/处罚 is a verb's: "百分之多少 处于全省啥水平" counts no places)
_ASKED_UNIT_RE = re.compile(
    r"(?:多少|(?<![前这近那第])几)个?(人次|人)|(?:多少|(?<![前这近那第])几)(人次|万元|个小时|小时|分钟|个月|处(?![于理置罚])|[项件家个台条类种名起次人元位批户场天年])|"
    r"(?:多少|(?<![前这近那第])几)[\u4e00-\u9fff]?(件|项|人次)"
)


def _change_asked(text: str) -> bool:
    """A change word, unless what follows it up to the question word names a count of its own
    ("执法能力提升第一批验收单位数多少": 单位数 is counted, 提升 is part of a name)."""
    for match in _CHANGE_RE.finditer(text):
        asked = _HOW_MANY_RE.search(text, match.end())
        between = text[match.end() : asked.start()] if asked else ""
        named = "数" in between or ("的" in between and len(between) >= 4 and not _CHANGE_KIND_RE.search(between))
        if not named:  # "…能力提升验收的单位是多少": 单位 is counted, 提升 is part of a name
            return True
    return False


_CHANGE_KIND_RE = re.compile(r"幅度|比例|百分|多少|程度|速度")


@dataclass(frozen=True)
class Intent:
    kind: str  # figure | description | list | yesno | overview | help | lookup (keywords only)
    yes_no: bool  # asks to confirm (also set with figure: "是不是有六千多家")
    measure: str  # money | people | percent | rank | change | count | ""
    unit: str  # the unit character asked in ("家"), "" when none
    total: bool  # asks for a total (一共, 总共)
    wants_list: bool
    asks_name: bool = False  # asks who / which / what it is called (找谁, 哪个, 叫啥): never a bare figure


_DURATION_RE = re.compile(r"多少时间|多长时间|多久|几天|几个月|节省.{0,2}时间")
_COUNTED_RE = re.compile(r"多少|几[项件家个]")
_ASKS_VALUE_RE = re.compile(r"多少|几|是|为|怎么样|咋样|如何|达到|吗|呢|高不高|多不多|大不大|多高|多大")
_HOW_MANY_RE = re.compile(r"多少|几")
# "多少…吗": not a yes/no check ("八十几", "80%几" are rough numbers, no question word)
_HOW_MANY_THEN_MA_RE = re.compile(r"(?:多少|(?<![\d%十百千万])几(?![百千万十\d]))[^是]*吗$")


def measure_of(text: str, unit: str = "") -> str:
    """The measure asked; a unit the question counts in ("多少起", "有没有五百人") decides."""
    if unit == "个" and _PEOPLE_RE.search(text):
        return "people"  # "多少个法律援助律师": 个 counts people here
    if _PROVINCE_RANK_RE.search(text):
        return "rank"  # "跑1次的事项在全省是什么水平": where it stands, whatever a number of its name counts
    if unit:
        return _UNIT_MEASURE.get(unit, "count")
    checked = UNIT_NAMED_RE.search(text)
    if checked:  # "免罚的钱是按万元算的吗": the unit checked is the kind of figure meant
        return _UNIT_MEASURE.get(checked.group(1)[-1], "count")
    head = _HEAD_KIND_RE.search(text)
    if head:  # "复调对接调解和解率的件数呢": the noun after the last 的 is what is asked
        return _HEAD_MEASURES[head.group(1)[-2:]]
    if _PERCENT_ASKED_END_RE.search(text):
        return "percent"  # "…在全省啥水平，具体是百分之几": the share asked last is what is asked
    if _DURATION_RE.search(text):
        return "duration"
    if _MONEY_RE.search(text):
        return "money"
    if _MONEY_NOUN_RE.search(text) and re.search(r"\d(?:多|余|来|几)?个?[万亿]", text) and not _PERCENT_RE.search(text):
        return "money"  # "帮农民工讨回来的工资是三千多万吗", "免罚的钱是不是有两个亿": a sum claimed
    if _PEOPLE_RE.search(text):
        return "people"
    if _MONEY_NOUN_RE.search(text) and re.search(r"多少|几|\d[万亿]", text) and not _PERCENT_RE.search(text):
        return "money"
    if RANK_ASKED_RE.search(text) or (_RANK_RE.search(text) and not _COUNTED_RE.search(text)):
        return "rank"  # "排名多少" asks where it stands, whatever 多少 says
    if (_PERCENT_RE.search(text) and _ASKS_VALUE_RE.search(text)) or _PERCENT_END_RE.search(text):
        return "percent"  # ("首违不罚企业比例": a share named last is what is looked up)
    if _change_asked(text):
        return "change"
    if _HOW_MANY_RE.search(text) or _COUNT_NOUN_RE.search(text):
        return "count"  # "具体次数", "所涉案件数量": a count named, never a rate
    return ""


# The kind of figure that heads the ask ("X率的件数", "X案件的比例"): the noun after the last 的.
_HEAD_MEASURES = {
    **dict.fromkeys(("次数", "件数", "项数", "个数", "家数"), "count"),
    "人数": "people",
    **dict.fromkeys(("比例", "占比", "比率"), "percent"),
    "金额": "money",
}
_HEAD_KIND_RE = re.compile(  # one ask, not the last of several items ("A、B、参加考试的人数")
    r"^[^、，,；;]*的(" + "|".join(_HEAD_MEASURES) + r")(?:是|有|为)?(?:多少|几)?[呢吗啊呀吧？?。！!\s]*$"
)


# A count named by its noun, with no question word ("烦请告知…的具体次数"); 数量 names any figure
# ("业务应用数量和服务场景数量"), of whatever kind its name says.
_COUNT_NOUN_RE = re.compile(r"次数|件数|项数|个数|家数")


# A request asked as a question ("能列一下吗", "可以告诉我吗", "能不能说说", "可以列个清单给我吗"):
# it asks for the thing.
_POLITE_REQUEST_RE = re.compile(
    r"(?:能|可以|可不可以|能不能|能否|麻烦)(?:帮我|给我|跟我)?(?:列|说|讲|告诉|介绍|发|报)(?:一下|下|出来|说|讲|我)?"
    r"(?:(?:个|一个|一份|份)?(?:清单|名单|单子|目录)(?:给我|发我)?)?(?:吗|嘛|不|么)?$"
)


# A thing described by what it does, then asked of ("答应老百姓几天内办完的那个期限，整体砍掉了多少
# 比例"): a question word inside the description says "some", the one after it asks.
_DESCRIBED_THING_RE = re.compile(
    r"的(?:那个|这个|那种|这种|那类|这类)?(?:事|事情|事儿|事项|东西|案子|案件|期限|时限|活动|地方|点)[，,\s]*"
)


def undescribed(text: str) -> str:
    """The text with the question words of a description before a later ask turned into "some"."""
    described = next(reversed(list(_DESCRIBED_THING_RE.finditer(text))), None)  # the last description
    if described is None or not _HOW_MANY_RE.search(text, described.end()):
        return text
    return _HOW_MANY_RE.sub("些", text[: described.end()]) + text[described.end() :]


def find_intent(text: str, number_unit: str = "") -> Intent:
    """The intent of a cleaned, numeral-converted question (`number_unit`: the unit of a
    number it writes, which tells the measure of a yes/no check: "有没有五百人")."""
    text = _POINTS_RE.sub("百分之几", text)  # "几个点": a share in percentage points, not a count of 个
    asked = undescribed(text)
    unit_match = _ASKED_UNIT_RE.search(asked)
    unit = next(g for g in unit_match.groups() if g)[-1] if unit_match else ""
    asked_then_ma = _HOW_MANY_THEN_MA_RE.search(text)
    if asked_then_ma and re.search(r"\d|百分之|[一二两三四五六七八九十]成|一半", asked_then_ma.group(0)[2:]):
        asked_then_ma = None  # "多少件啊，有51件吗": a number checked after the ask is a check
    yes_no = bool(_YESNO_RE.search(text)) and not asked_then_ma
    particle = _CHECK_PARTICLE_RE.search(text)
    if yes_no and particle and not _YESNO_RE.search(text[: particle.start()]) and not _STATES_RE.search(text):
        yes_no = False  # "合同审查件数意见条数咯", "讨薪,农民工嘛": names only, nothing stated to check
    last_clause = re.split(r"[，,。；;\s]", text)[-1]  # "…么子中心咯，好几个吧": 吧 checks 好几个
    said_number = number_unit or re.search(r"\d", text)  # (a share in words, "是四五成吧", says one too)
    softened = text.endswith("吧") and not said_number and _ASKING_WH_RE.search(last_clause)
    wh = _WH_RE.search(text)
    framed = _CHECK_FRAME_RE.search(text, 0, wh.start()) if wh else None  # "是不是评上了什么示范咯": checked
    # "…在全省是什么水平，不会是垫底吧": a claim after the question word is what 吧 checks
    framed = framed or (_CLAIM_AFTER_RE.search(text, wh.end()) if wh else None)
    if yes_no and (_SOFT_END_RE.search(text) or softened) and wh and not framed:
        # "到底是哪几个中心嘛", "是好多咯", "办哒好多案子啵": 嘛/呢/咯/吧 (no number said) soften a
        # question word's ask, they check nothing
        yes_no = False
    if yes_no and _POLITE_REQUEST_RE.search(text):
        yes_no = False  # "那11项事项能列一下吗": a request asked politely, no claim to check
    if yes_no and offers_choice(text):
        yes_no = False  # "是罚的钱还是免的钱吧": two options to choose from, no claim to check
    if yes_no and not unit and number_unit[-1:] not in ("", "万", "亿", "千", "百"):
        unit = number_unit[-1:]  # "有两千八百六十一项吗": a check counts in the unit it writes
    wants_list = bool(_LIST_RE.search(text)) or bool(
        re.search(r"能列|可以列|列一下|列出", text) and _POLITE_REQUEST_RE.search(text)
    )
    rest = _REST_ASKED_RE.search(text)  # "…是哪五个方面，权责清晰然后后面几个呢": the others, by name
    wants_list = wants_list or bool(rest)
    wants_figure = bool(_FIGURE_RE.search(_REST_ASKED_RE.sub("", text)) or _COUNT_LOOKED_UP_RE.search(text))
    wants_figure = wants_figure and not _ORDINAL_RE.search(text) and not _MEMBERS_RE.search(text)
    wants_figure = wants_figure and not _CHANNEL_RE.search(text)  # "CCTV几台报道了": which channel
    if RANK_ASKED_RE.search(text):
        wants_figure = True  # "在全省算什么水平", "排名怎么样", "靠不靠前": where it stands is asked
    if wants_figure and _CALLED_RE.search(text) and not _STRONG_FIGURE_RE.search(_FIGURE_NOUNS_RE.sub("", text)):
        # "贴行业、规模标签的那个做法叫什么", "一个目录加几个清单的那套东西叫啥": a name asked;
        # 规模 and 几个 only describe the thing
        wants_figure = False
    measure = measure_of(asked, unit or (number_unit[-1:] if yes_no else "")) if wants_figure or yes_no else ""
    if _HELP_RE.search(text) and len(text) <= 20:
        kind = "help"
    elif overview_asked(text):
        kind = "overview"
    elif wants_list and not wants_figure:
        kind = "list"
    elif wants_figure:
        kind = "figure"
    elif yes_no:
        kind = "yesno"
    elif _DESCRIPTION_RE.search(text):
        kind = "description"
    else:
        kind = "lookup"  # keywords only ("网上可办率"): figure or description, whichever fits
    if kind == "lookup" and not measure:
        measure = _LOOKUP_MONEY_RE.search(text) and "money" or ""  # "农民工工资": the money, not the people
    asks_name = bool(_NAME_RE.search(text)) and kind != "figure"
    return Intent(kind, yes_no, measure, unit, bool(_TOTAL_RE.search(text)), wants_list, asks_name)
