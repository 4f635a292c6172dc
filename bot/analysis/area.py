"""An area asked about: "X方面做了什么", "X这块有哪些举措", "在X上干了啥", "X这部分讲了哪些内容".

`find_area(text)` returns the words naming the area (X), or "" when the question is not about
what was done in an area. The engine answers such a question with that part of the report: a
section's sub-headings, or a sub-section's own sentences (with their figures, verbatim).
"""

from __future__ import annotations

import re

_PLACE_WORDS = r"(?:(?:这|那)?一?大?(?:方面|块|部分|板块)|领域|工作上|工作|上面|上|这个模式|模式|这边|里)?"
_DID = (
    r"(?:都|还|又|主要|具体)?(?:做了|干了|搞了|开展了|采取了|推进了|出台了|有|做过|抓了|讲了|写了|包括|包含|取得了|怎么)"
    r"(?:些|了)?(?:哪些|什么|啥|哪几|哪些个|些什么)?"
)
_THINGS = (
    r"(?:事情|事儿|事|举措|措施|动作|工作|活动|名堂|成果|成效|成绩|内容|方面|亮点|做法|东西|规范的|做的|弄的|搞的|"
    r"样|项|点|条)"
)
_AREA_RE = re.compile(
    rf"^(?:在|对|关于|那|那么)?(?P<area>.{{2,24}}?){_PLACE_WORDS}(?:还|都|主要)?{_DID}(?:{_THINGS}|(?<=[么啥些])(?:呢|啊|呀)?$)"
)
# "…主要做了啥 简单说说": a request after the ask adds nothing to it.
_REQUEST_TAIL_RE = re.compile(
    r"(?:你|您)?(?:简单|大概|大致|稍微)?(?:说说|讲讲|介绍一下|介绍下|说一下|讲一下|聊聊)(?:看|吧|呗)?$"
)
_NOT_AREA_RE = re.compile(r"多少|几[个项件家台处条类种名起次人位]|是不是|有没有|吗$")


# "把公共法律服务方面的几个数字告诉我": the figures of an area.
_FIGURES_RE = re.compile(
    r"^(?:把|请把|给我说说|说说|讲讲)?(?P<area>[\u4e00-\u9fff]{2,20}?)(?:方面|这块|这一块|领域|部分|工作)的?"
    r"(?:几个|主要|那些|这些|有关|相关)?(?:数字|数据|指标)"
)


_PUNCTUATION_RE = re.compile(r"[\s，,。？?！!、“”\"]")


def find_area_figures(text: str) -> str:
    """The area whose figures are asked ("X方面的几个数字告诉我"), or ""."""
    m = _FIGURES_RE.search(_PUNCTUATION_RE.sub("", text))
    return m.group("area") if m else ""


def find_area(text: str) -> str:
    """The area's words, or ""."""
    text = _REQUEST_TAIL_RE.sub("", _PUNCTUATION_RE.sub("", text))
    if _NOT_AREA_RE.search(text):
        return ""
    m = _AREA_RE.search(text)
    if not m:
        return ""
    area = m.group("area")
    if "除了" in area and "在" in area[area.index("除了") :]:  # "除了营商码，在营商环境这一块…"
        area = area[area.rindex("在") + 1 :]
    area = re.sub(r"报告里|报告中|益阳|全市|市里|政府|2023年", "", area)
    return area if len(area) >= 2 else ""
