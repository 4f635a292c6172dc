"""An area asked about: "X方面做了什么", "X这块有哪些举措", "在X上干了啥", "X这部分讲了哪些内容".

`find_area(text)` returns the words naming the area (X), or "" when the question is not about
what was done in an area. The engine answers such a question with that part of the report: a
section's sub-headings, or a sub-section's own sentences (with their figures, verbatim).
"""

from __future__ import annotations

import re

from bot.text.normalize import convert_numerals

_PLACE_WORDS = (
    r"(?:(?:这|那)?一?大?(?:方面|块|部分|板块|章|节)|领域|工作上|工作|上面|上|这个模式|模式|这边|里)?"
    r"(?:总体上|总的来说|整体上|大体上|总体)?"  # "执法规范化这块总体上做了些啥"
)
_DID = (
    r"(?:都|还|又|主要|具体|到底)?(?:做了|干了|搞了|开展了|采取了|推进了|深化了|出台了|出了|有了|有|做过|抓了|讲了|写了|讲|写|说了|说|"
    r"包括|包含|分了|分成了|分成|分为|取得了|获得了|怎么)"
    r"(?:些|了)?(?:哪些|什么|啥|哪几|哪些个|些什么)?"
)
_THINGS = (
    r"(?:具体|主要|重要|重点|有效|创新)?(?:的)?(?:新)?(?:事情|事儿|事|举措|措施|动作|工作|活动|名堂|成果|成效|成绩|内容|方面|亮点|做法|东西|规范的|做的|弄的|搞的|"
    r"进展|创新|变化|突破|新举措|新做法|写的|说的|新花样|花样|新招|招数|动静|改进|提升|改变|改革|"
    r"样|项|点|条(?![款文例])|块|大块|小标题|标题|部分|模式|机制|"  # "矛盾纠纷化解方面搞了哪些模式"
    # "立法方面出台了哪些规定、办法和意见": the documents of an area, several asked
    r"(?<=哪些)(?:规定|办法|意见|文件|方案|制度|法规|政策)|(?<=哪几个)(?:规定|办法|意见|文件|方案|制度|法规))"
)
# "X这块怎么样", "X情况如何", "X是怎么做的": how an area went, asked without a verb of doing.
_HOW_WENT = (
    r"(?:的)?(?:效果|成效|成绩|情况)?(?:是)?(?:怎么样|咋样|怎样|如何|情况如何|情况怎么样|进展如何|进展怎么样|怎么做的|怎么搞的|怎么弄的|怎么开展的|怎么写的|怎么说的|"
    r"怎么推进的|怎么推行的|怎么落实的|怎么深化的|怎么实施的|怎么抓的)"
    r"(?:的|呢|啊|呀)?$"
)
_AREA_RE = re.compile(
    rf"^(?:您好|你好|请问|麻烦问一下|想问一下|问一下|我想问问|我想问|我想了解一下|想了解一下|我想了解|想了解)*"
    rf"(?:在|对|关于|那|那么)?(?P<area>.{{2,24}}?){_PLACE_WORDS}(?:还|都|主要)?"
    rf"(?:{_DID}(?:[\u4e00-\u9fff]{{1,4}}的)?(?:{_THINGS}|(?<=[么啥些])(?:呢|啊|呀|咯|哦|嘛|呗)?$)|{_HOW_WENT})"
)
# Words around an area that are not its name: the year, the city, the report.
_AROUND_RE = re.compile(r"(?:19|20)?\d\d年度?|去年|今年|报告里|报告中|报告上|益阳市?|全市|市里")
# "…主要做了啥 简单说说": a request after the ask adds nothing to it.
_REQUEST_TAIL_RE = re.compile(
    r"(?:你|您)?(?:简单|大概|大致|稍微)?(?:说说|讲讲|介绍一下|介绍下|说一下|讲一下|聊聊)(?:看|吧|呗)?$"
)
# "说说行政执法方面的情况", "讲讲矛盾纠纷化解这块": a request to tell of an area, or its 情况 asked.
_TELL_RE = re.compile(
    r"(?:请|麻烦)?(?:你|您)?(?:说说|讲讲|介绍一下|介绍下|介绍|聊聊|谈谈)?(?:一下)?(?:在|关于)?"
    r"(?P<area>[\u4e00-\u9fff]{2,20}?)(?:方面|这一?块|那一?块|这部分|领域)(?:的)?(?:情况|工作情况|内容|工作)?(?:吧|呗|呢)?"
)
# A formal letter's "现就X的主要举措咨询如下": the measures of an area, asked in writing.
_ASKED_IN_WRITING_RE = re.compile(
    r"(?:现|特|兹)?就(?:贵市|贵单位|贵局|贵委|贵院)?(?P<area>[\u4e00-\u9fff]{2,24}?)的?(?:主要|具体|有关|相关)?"
    r"(?:举措|措施|做法|情况|工作|成效)(?:咨询|函询|请示|请教|了解)如下"
)
_NOT_AREA_RE = re.compile(
    r"多少|(?<!哪)几[个项件家台处条类种名起次人位]|是不是|有没有|吗$|名单|\d+[个项件家台处条类种名]"
)


# "把公共法律服务方面的几个数字告诉我": the figures of an area.
_FIGURES_RE = re.compile(
    r"^(?:把|请把|给我说说|说说|讲讲)?(?P<area>[\u4e00-\u9fff]{2,20}?)(?:(?:方面|这块|这一块|那块|那一块|领域|部分|工作)的?|的(?=几个|那些|这些)|那(?=几个))"
    r"(?:都|还)?(?:有|出了)?(?:哪些|什么|啥|些什么|些啥|么子)?"  # "公共法律服务那块有啥数据"
    # (a bare 数 right after 方面 counts the aspects: "涉及方面数" is 20多个方面, no area's figures)
    r"(?:几个|主要|那些|这些|有关|相关|所有)?(?:数字|数据|指标|(?<!方面)数(?=都|全|一起|给|列|报|说|告诉|$))"
)


# "调解的数据有哪些": the figures of a thing, asked as a list (never "…的数据是多少": one figure).
_FIGURES_OF_RE = re.compile(
    r"^(?:把|请把)?(?P<area>[\u4e00-\u9fff]{2,20}?)的(?:相关|有关|主要|所有|全部)?(?:数字|数据|指标)"
    r"(?:都|还|一共|分别)?(?:有哪些|有什么|有啥|有些啥|有些什么|有么子|有哪几个|全给我|都给我|列一下|列出来|说一下|告诉我)"
)
# "执法监督有啥数据": the figures of a thing, asked by "有 + which + data" with no 方面 before it.
_FIGURES_ASKED_RE = re.compile(
    r"^(?:把|请把|给我说说|说说|讲讲)?(?P<area>[\u4e00-\u9fff]{2,20}?)(?:都|还)?(?:有|出了)"
    r"(?:哪些|什么|啥|些什么|些啥|么子|哪几个)(?:主要|相关|具体)?(?:数字|数据|指标|数)(?:呢|啊|呀|吗)?$"
)
_PUNCTUATION_RE = re.compile(r"[\s，,。？?！!、“”\"]")


def find_area_figures(text: str) -> str:
    """The area whose figures are asked ("X方面的几个数字告诉我", "X的数据有哪些"), or ""."""
    plain = _AROUND_RE.sub("", _PUNCTUATION_RE.sub("", convert_numerals(text)))  # "2023年…": around it
    m = _FIGURES_RE.search(plain) or _FIGURES_OF_RE.search(plain) or _FIGURES_ASKED_RE.search(plain)
    return m.group("area") if m else ""


def find_area(text: str) -> str:
    """The area's words, or ""."""
    # numbers in words first: "二零二三年" is a year around the area, as "2023年" is
    text = _AROUND_RE.sub("", _REQUEST_TAIL_RE.sub("", _PUNCTUATION_RE.sub("", convert_numerals(text))))
    if _NOT_AREA_RE.search(text):
        return ""
    m = _AREA_RE.search(text) or _TELL_RE.fullmatch(text) or _ASKED_IN_WRITING_RE.fullmatch(text)
    if not m:
        return ""
    area = m.group("area")
    if "除了" in area and "在" in area[area.index("除了") :]:  # "除了营商码，在营商环境这一块…"
        area = area[area.rindex("在") + 1 :]
    elif "除了" in area:
        return ""  # "那300多个应用，除了红星云和市长信箱还有哪些": the other members of a list
    area = re.sub(r"政府|这块|那块|方面|工作", "", area) if len(area) > 4 else area
    return area if len(area) >= 2 else ""


# "调解这块益阳得了哪些荣誉", "执法方面拿了什么奖": the honours of an area.
_HONOURS_RE = re.compile(
    r"^(?:在|对|关于|那|那么)?(?P<area>[\u4e00-\u9fff]{2,12}?)(?:这一?块|那一?块|方面|领域|工作|上)(?:还|都|一共)?"
    r"(?:得了|获得了?|拿了|拿到了?|荣获了?|获了|有|得过|拿过|获过)(?:哪些|什么|啥|几个|哪几个|些什么)"
    r"(?:荣誉称号|荣誉|奖项|奖|称号|表彰)(?:呢|啊|呀|吗)?$"
)


def find_area_honours(text: str) -> str:
    """The area whose honours are asked ("X这块得了哪些荣誉"), or ""."""
    m = _HONOURS_RE.search(_AROUND_RE.sub("", _PUNCTUATION_RE.sub("", convert_numerals(text))))
    return m.group("area") if m else ""
