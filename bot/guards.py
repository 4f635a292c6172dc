"""Questions the knowledge base must not answer with a figure: other years, other places,
and small talk. Each check takes the cleaned text (see `normalize.clean`)."""

from __future__ import annotations

import re

from .normalize import convert_numerals

REPORT_YEAR = 2023

# Yiyang and its districts/counties are in scope; these are not.
OTHER_PLACES = (
    # Hunan's other prefectures
    "长沙", "株洲", "湘潭", "衡阳", "邵阳", "岳阳", "常德", "张家界", "郴州", "永州", "怀化", "娄底",
    "湘西", "吉首",
    # provinces and regions (湖南 itself is in the report: 全省 = Hunan)
    "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽",
    "福建", "江西", "山东", "河南", "湖北", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃",
    "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
    # large cities
    "广州", "深圳", "杭州", "南京", "武汉", "成都", "西安", "苏州", "郑州", "合肥", "南昌", "福州",
    "厦门", "济南", "青岛", "沈阳", "大连", "哈尔滨", "长春", "昆明", "贵阳", "南宁", "海口", "兰州",
    "西宁", "银川", "乌鲁木齐", "拉萨", "呼和浩特", "石家庄", "太原", "宁波", "无锡", "佛山", "东莞",
    "温州", "珠海", "宜昌", "襄阳", "九江", "赣州",
    # other countries
    "美国", "日本", "英国", "韩国", "德国", "法国", "俄罗斯", "国外", "外国",
)
_PLACE_RE = re.compile("|".join(sorted(OTHER_PLACES, key=len, reverse=True)))
_YEAR_RE = re.compile(r"(?<![\d.])((?:19|20)\d\d)(?:年|年度)")
_RELATIVE_YEAR_RE = re.compile(r"明年|后年|前年|大前年|十年前|五年前")

GREETING = ("你好", "您好", "你们好", "hi", "hello", "hey", "哈喽", "嗨", "在吗", "在不在", "在么",
            "早上好", "上午好", "中午好", "下午好", "晚上好", "早安", "晚安", "喂", "嗨喽", "哈罗", "小助手")
THANKS = ("谢谢", "谢谢你", "多谢", "感谢", "谢啦", "谢了", "thanks", "thankyou", "thx", "好的", "ok",
          "okay", "嗯", "嗯嗯", "明白了", "知道了", "收到", "懂了", "好", "好吧", "辛苦了", "棒", "赞")
BYE = ("再见", "拜拜", "bye", "byebye", "下次见", "回见")
WHO = ("你是谁", "你叫什么", "你叫什么名字", "你是什么", "你是机器人", "你是机器人吗", "你是人吗",
       "你是谁啊", "你是干什么的", "你是做什么的", "介绍一下你自己", "自我介绍")
HOW = ("怎么用", "如何使用", "怎么使用", "帮助", "help", "你能做什么", "你会什么", "能问什么", "可以问什么",
       "使用说明", "你能干什么", "你可以做什么", "你能回答什么", "怎么问", "菜单", "功能")


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


_TAIL = "[啊呀吧呢哦嘛哈么了的]*"
_GREETING_PREFIX_RE = re.compile(f"^(?:{_alternation(GREETING)})+{_TAIL}")
_SMALL_TALK = {
    "thanks": re.compile(f"^(?:{_alternation(THANKS)})+{_TAIL}$"),
    "bye": re.compile(f"^(?:{_alternation(BYE)})+{_TAIL}$"),
    "who": re.compile(f"^(?:{_alternation(WHO)}){_TAIL}$"),
    "how": re.compile(f"^(?:{_alternation(HOW)}){_TAIL}$"),
}


def other_year(cleaned: str) -> int | None:
    """A year other than the report's that the question asks about, if any."""
    text = convert_numerals(cleaned)
    for match in _YEAR_RE.finditer(text):
        year = int(match.group(1))
        if year != REPORT_YEAR:
            return year
    if _RELATIVE_YEAR_RE.search(text):
        return -1
    return None


def other_place(cleaned: str) -> str | None:
    """A city, province or country other than Yiyang that the question names, if any."""
    match = _PLACE_RE.search(cleaned)
    return match.group(0) if match else None


def strip_greeting(cleaned: str) -> tuple[bool, str]:
    """Split a leading greeting off ("你好，首违不罚多少家" → True, "首违不罚多少家")."""
    match = _GREETING_PREFIX_RE.match(cleaned)
    if not match:
        return False, cleaned
    return True, cleaned[match.end():]


_ASKING_RE = re.compile(r"^(?:请问一下|请问|问一下|我想问|想问|那)")
_THANKS_LEAD_RE = re.compile(r"^(?:谢谢|多谢|感谢|thanks|thankyou|thx)")


def small_talk(cleaned: str) -> str | None:
    """'thanks' | 'bye' | 'who' | 'how' when the whole message is small talk
    ("请问你能做什么", "谢谢你的回答，很有帮助" included)."""
    text = _ASKING_RE.sub("", cleaned)
    for kind, pattern in _SMALL_TALK.items():
        if pattern.match(text):
            return kind
    if _THANKS_LEAD_RE.match(text) and len(text) <= 16 and not re.search(r"\d|多少|几|什么|哪|吗", text):
        return "thanks"
    return None


# Requests the report never answers, whatever the subject: how to apply, contacts, prices.
UNSUPPORTED_REQUESTS = (
    ("办理方法", re.compile(r"怎么申请|如何申请|去哪.{0,2}申请|哪里.{0,2}申请|申请流程|申请条件|怎么报名|如何报名|"
                        r"需要什么材料|要什么材料|需要什么条件|要什么条件|什么条件|办理流程|手续|怎么预约|步骤|怎么申领|如何申领|"
                        r"怎么开具|如何开具|具体怎么开|怎么办理|如何办理|怎么写信|流程是|交哪些材料|要怎么弄|怎么弄|带什么材料|"
                        r"带哪些材料|要带什么|准备什么材料|准备哪些材料")),
    ("下载或查询渠道", re.compile(r"下载|官网|网址|链接|二维码|在哪.{0,2}查|哪里.{0,2}查|去哪.{0,2}查|怎么查|查询方式")),
    ("联系方式", re.compile(r"电话|热线|联系方式|办公地址|地址在|怎么联系|上班时间|办公时间")),
    ("价格费用", re.compile(r"多少钱1|1[台个件项次]多少钱|价格|单价|售价|收费|费用|奖金|奖励多少")),
)


def unsupported_request(cleaned: str, report: str = "") -> str | None:
    """What kind of practical information the question wants that the report never gives
    (a trigger word the report itself uses, such as 乱收费, is not such a request)."""
    text = convert_numerals(cleaned)
    for label, pattern in UNSUPPORTED_REQUESTS:
        found = pattern.search(text)
        if found and not (report and len(found.group(0)) >= 2 and found.group(0) in report):
            return label
    return None
