"""Everyday dialect words read as Mandarin, before a message is analysed.

Citizens type as they speak: Xiang (湖南) "好多人" and "么子" ask 多少人 and 什么, "冇" is 没,
Sichuan "啥子" is 什么. Only words whose Mandarin reading is certain are replaced; "好多" is a
question where it ends a clause ("成功率好多", "帮了好多人 讨了好多钱啊") or follows 一共/到底
("一共有好多人考啊"), never where it means "many" ("帮好多农民工讨了钱"), and never where the message asks 多少 of the same unit after it ("全市配了好多台，到底配了多少台"):
who asks again with 多少 means "many" by 好多. Right after a clause ending on its question, 好多
after a verb asks of the thing its clause ends on ("新加了几个啵,提了好多条意见咯").
"""

from __future__ import annotations

import re

# A clause ends: punctuation, a space, a sentence-final particle, or the end of the message.
_END = r"(?=[\s，,。？?！!；;、…~～]|[啊呀呢哦嘛咯吧哈]|$)"
_COUNTED_NOUN = r"(?:人次|万元|万|块钱|块|钱|工资|罚款|[人件家项个台起名次条类种天位户处])"
_COUNTED = _COUNTED_NOUN + "?"
# After 了 with nothing counted, 好多 is a degree ("水也清了好多", "涨了好多"), not a question.
_HOW_MANY_RE = re.compile(
    rf"(?<!了)(?:好多|几多)(?={_COUNTED}{_END})|(?<=了)(?:好多|几多)(?={_COUNTED_NOUN}{_END})|"
    rf"(?<=一共|总共|到底|究竟)有?(?:好多|几多)"
)
_WORDS = (
    ("么子", "什么"),
    ("啥子", "什么"),
    ("么事", "什么事"),
    ("冇要", "不用"),  # "冇要跑的事项": need not
    ("冇得", "没有"),
    ("冇有", "没有"),
    ("冇", "没"),
    ("有冒得", "有没有"),  # 冒得 typed for 冇得 ("有冒得过万")
    ("冒得", "没有"),
    # 冒 typed for 冇 before a verb of getting or doing ("益阳冒评上示范市"); never 冒充, 冒出, 感冒
    ("冒评", "没评"),
    ("冒拿", "没拿"),
    ("冒考", "没考"),
    ("冒办", "没办"),
    ("冒搞", "没搞"),
    ("冒上", "没上"),
    ("冒过", "没过"),
    ("冒有", "没有"),
    ("有木有", "有没有"),  # typed slang
    ("咯样", "这样"),
    ("咯个", "这个"),
    ("咯里", "这里"),
    ("晓得", "知道"),
    ("咋个", "怎么"),
    ("我听讲", "我听说"),
    ("听人讲", "听人说"),
    # written (letter) Chinese question words
    ("何种", "什么"),
    ("何类", "什么"),
    ("何项", "哪项"),
    ("何时", "什么时候"),
    ("何处", "哪里"),
    ("何人", "谁"),
)
# Written (letter) Chinese: "涉及企业几何", "免罚金额若干" end a clause asking 多少.
_WRITTEN_HOW_MANY_RE = re.compile(rf"(?:几何|若干|几许){_END}")
# "法律援助案件数、法律咨询人次分别为何": each of several asked in writing, as 分别是多少 asks
_WRITTEN_EACH_RE = re.compile(rf"(分别|各自?)为何(?={_END})")
# 么 of 什么 / 怎么 / 这么 is no dialect word ("是什么事项" stays)
# 何 of 任何 / 如何 / 为何 / 几何 starts no written question word ("任何种类")
_AFTER = {"么": "(?<![什怎这那多要])", "何": "(?<![任如为奈几])"}
_WORDS_RE = re.compile("|".join(_AFTER.get(w[0], "") + re.escape(w) for w, _ in _WORDS))
_MANDARIN = dict(_WORDS)


# "讲咯么子", "过哒初评": 咯/哒 right after a verb and before more words mark it done (了); at a
# clause's end they are particles ("超过九成了咯") and stay.
_DONE_RE = re.compile(r"(?<=[\u4e00-\u9fff])[咯哒](?=[\u4e00-\u9fff])")

# "营商码上过央视没得", "南县评上…示范地区冒？": 没得 / 冒 / 冇 / 没 ending a question asks 没有
# (did it or not).
_HAD_IT_END_RE = re.compile(r"(?<=[\u4e00-\u9fff])(?:没得|[冒冇没])(?=[咯啵嘛哦]?[？?。！!～~\s]*$)")


# "在网上开得到啵", "五千多个人啵": 啵 ending a clause asks, as 吗 does.
_HOW_MANY_ASKED_RE = re.compile(r"(?<!了)(?:好多|几多)([个件家项名人起条类种台处位次]?)啵(?=[\s，,。？?！!；;…~～]|$)")
_ASKING_END_RE = re.compile(r"啵(?=[\s，,。？?！!；;…~～]|$)")


# "有没出台", "有没评上", and 有冇 read as 有没 ("大通湖有冇出台保护办法"): 有没 before a verb,
# a check as 有没有 is ("还有没填报的": some not yet)
_HAD_IT_ASKED_RE = re.compile(r"(?<!还)有没(?![有得人钱事])(?=[\u4e00-\u9fff])")


def _bo(text: str, at: int) -> str:
    """啵 ending a clause: 吗, unless the clause already asks how many ("和解了多少件案子啵"),
    where it is a particle and says nothing more."""
    clause = _BREAK_RE.split(text[:at])[-1]
    return "" if _HOW_MANY_WORD_RE.search(clause) else "吗"


_HOW_MANY_WORD_RE = re.compile(r"多少|几")
# "一共调好了好多起纠纷": 好多 of a unit after 一共/到底 and a verb asks how many.
_TOTAL_HOW_MANY_RE = re.compile(
    r"(一共|总共|到底|究竟)([\u4e00-\u9fff]{1,4}?)(?:好多|几多)(?=[个件起家项名人次条类种台位户处])"
)
# "成功率好高？": 好高 / 好大 ending a question asks how high, as 多高 does.
_HOW_HIGH_END_RE = re.compile(r"好(?=[高大长久][啊呀呢咯嘞]?[？?])|(?<=[有是])好(?=[高大][啊呀呢咯嘞]?$)")


# "跑两回", "跑了好几回": trips counted by 回, said as 趟 (never the 回 of 讨回 or 回复).
_TRIPS_RE = re.compile(r"(?<=跑)(了?(?:[\d一二两三四五六七八九十几]+|好几))回")


def mandarin(text: str) -> str:
    """`text` with its dialect question words and negations in Mandarin."""
    said = text
    text = _TRIPS_RE.sub(r"\1趟", text).replace(
        "几多", "多少"
    )  # 几多 always asks ("帮几多农民工"); 好多 may mean "many"
    text = _WRITTEN_HOW_MANY_RE.sub("多少", _WORDS_RE.sub(lambda m: _MANDARIN[m.group(0)], text))
    text = _WRITTEN_EACH_RE.sub(r"\1是多少", text)
    text = _HOW_MANY_ASKED_RE.sub(r"多少\1", text)  # "免罚的钱有好多啵", "企业有好多家啵": how many, not "many?"
    text = _HOW_HIGH_END_RE.sub("多", _ASKING_END_RE.sub(lambda m: _bo(text, m.start()), text))
    text = _TOTAL_HOW_MANY_RE.sub(r"\1\2多少", text)
    text = _DONE_RE.sub("了", _HAD_IT_END_RE.sub("没有", text))
    text = _HAD_IT_ASKED_RE.sub("有没有", text)  # "大通湖有没出台保护办法": 有没 + a verb asks 有没有
    text = _HOW_MANY_RE.sub(lambda m: m.group(0) if _asked_again(text, m.end()) else m.group(0)[:-2] + "多少", text)
    if not _ASKS_RE.search(_WHOEVER_RE.sub("", text)):
        # "湘易办接了好多个应用 好多个服务场景": a message that asks nothing else asks by 好多
        text = _MANY_COUNTED_RE.sub("多少", text)
    else:
        text = _before_an_ask(_after_an_ask(text, said), said)
    tail = _SOFT_TAIL_RE.search(text)
    if tail and _asks_without(_BREAK_RE.split(text[: tail.start()])[-1]):
        # "上过央视没咯", "是不是比…低咯", "列一下咯": a particle after what already asks says
        # nothing more ("有四千多台嘛", "超过九成了咯" ask by it, and keep it)
        text = text[: tail.start()] + text[tail.end() :]
    return text


# A soft particle ending the message (咯, 嘛).
_SOFT_TAIL_RE = re.compile(r"(?<=[\u4e00-\u9fff\d%])[咯嘛](?=[？?。！!～~\s]*$)")
_CHECK_SAID_RE = re.compile(r"是不是|有没有|是否|还是|对不对|(?:没有|没|不)$")


def _asks_without(text: str) -> bool:
    """Whether the clause asks without the particle after it: a question word, a check said
    outright, or an end of its own that checks (没有, 不)."""
    return bool(_ASKS_RE.search(_WHOEVER_RE.sub("", text)) or _CHECK_SAID_RE.search(text))


# What sets a clause apart: punctuation or a space.
_BREAK_RE = re.compile(r"([\s，,。？?！!；;…~～]+)")
# "…新加了几个啵,提了好多条意见咯": after a verb (了/哒/有), 好多 of the thing that ends its clause
_DONE_MANY_RE = re.compile(
    rf"(?<=[了哒有])(?:好多|几多)(?={_COUNTED_NOUN}?(?![啊呀呢哦嘛咯吧哈啦哒嘞年天月回遍次])[\u4e00-\u9fff]{{0,4}}[^\W\d_了过着的]{_END})"
)


def _after_an_ask(text: str, said: str = "") -> str:
    """A clause after one that asks, asking nothing else, asks by its 好多 of the thing it ends on:
    the asker goes on in the same breath ("立法联系点新加了几个啵,提了好多条意见咯"). Two clauses
    said in dialect (哒 in the second, as `said`) go on so too after a first that asks anywhere
    and tells of no one ("新增哒几个立法联系点，这些联系点提哒好多条意见建议")."""
    pieces = _BREAK_RE.split(text.strip())
    if (
        len(pieces) == 3
        and _ASKS_RE.search(pieces[0])
        and not _TELLER_RE.search(pieces[0])
        and not _ASKS_RE.search(pieces[2])
        and "哒" in _BREAK_RE.split(said.strip())[-1]
    ):
        last = _DONE_MANY_RE.sub("多少", pieces[2])
        return text if last == pieces[2] else text[: text.rindex(pieces[2])] + last
    out, asked = [], False
    for clause in _BREAK_RE.split(text):
        if _BREAK_RE.fullmatch(clause):
            asked = asked or bool(re.search(r"[?？]", clause))
        elif asked and not _ASKS_RE.search(clause):
            clause = _DONE_MANY_RE.sub("多少", clause)
        else:
            asked = bool(_ENDS_ASKING_RE.search(clause))
        out.append(clause)
    return "".join(out)


_TELLER_RE = re.compile(r"[我俺咱他她]")


# A second clause said alongside the first (又, 也): what it asks, the first asks too.
_ALSO_RE = re.compile(r"[又也]")


def _before_an_ask(text: str, said: str) -> str:
    """Two clauses said in one breath in dialect (哒, the Xiang 了, in the first as `said`), the
    second asking: the first asks by its 好多 after a verb of the thing it ends on
    ("人民调解化解哒好多起纠纷，成功率几多"). Only two, and never one telling of the asker or
    others ("我跑了好多趟…"): there 好多 is "many"."""
    pieces = _BREAK_RE.split(text.strip().rstrip("？?。！!…~～"))  # (the marks ending it set no clause apart)
    if len(pieces) != 3 or not _ASKS_RE.search(pieces[2]) or _ASKS_RE.search(pieces[0]):
        return text
    if not ("哒" in _BREAK_RE.split(said.strip())[0] or _ALSO_RE.search(pieces[2])) or _TELLER_RE.search(pieces[0]):
        return text  # ("…接了好多业务应用，服务场景又有好多个": 又 asks the second alongside the first)
    first = _DONE_MANY_RE.sub(lambda m: m.group(0) if _asked_again(text, m.end()) else "多少", pieces[0])
    return text if first == pieces[0] else text.replace(pieces[0], first, 1)


# A clause that ends on its question ("新加了几个吗", "…有多少"), not one telling of some ("来了几个执法的")
_ENDS_ASKING_RE = re.compile(
    r"(?:多少|几[个项件家台处条类种名起次人位]?|什么|啥|哪[个些里]?|谁|吗|呢|么|没有)[啊呀呢哦嘛咯吧哈嘞]*$"
)


# What asks besides 好多; a message with none of it asks by its 好多 of a thing counted or named (a
# question mark alone asks nothing of its own: "案例涉及好多个方面哒？").
_ASKS_RE = re.compile(r"多少|几|什么|啥|哪|怎|谁|吗|呢|么$")
_WHOEVER_RE = re.compile(r"谁[\u4e00-\u9fff]{1,3}谁[\u4e00-\u9fff]{1,3}")  # "谁执法谁普法" asks no one
# "它们提了好多意见": a thing that ends the clause is counted as much as a unit is (not a
# time, "好多年了", nor a particle, "多了好多咯").
_MANY_COUNTED_RE = re.compile(
    rf"(?:好多|几多)(?={_COUNTED_NOUN}|(?![啊呀呢哦嘛咯吧哈啦哒嘞年天月回遍次])[\u4e00-\u9fff]{{0,5}}[^\W\d_了过着的]{_END})"
)


def _asked_again(text: str, end: int) -> bool:
    """Whether 多少 of the unit counted right after `end` follows ("好多台…多少台")."""
    unit = re.match(_COUNTED_NOUN, text[end:])
    return unit is not None and "多少" + unit.group(0) in text[end:]
