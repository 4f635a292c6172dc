"""Small talk and practical requests (电话, 申请办法) the report never answers. Each check takes
the cleaned text (see `normalize.clean`). Years and places are the query analysis's scope
(`analysis/scope.py`), judged against the packs."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.text.normalize import convert_numerals

GREETING = (
    "你好",
    "您好",
    "你们好",
    "hi",
    "hello",
    "hey",
    "哈喽",
    "嗨",
    "在吗",
    "在不在",
    "在么",
    "在嘛",
    "滴滴",  # a chat ping ("滴滴 执法记录仪几台")
    "dd",
    "早上好",
    "上午好",
    "中午好",
    "下午好",
    "晚上好",
    "早安",
    "晚安",
    "喂",
    "嗨喽",
    "哈罗",
    "小助手",
)
THANKS = (
    "谢谢",
    "谢谢你",
    "多谢",
    "感谢",
    "谢啦",
    "谢了",
    "thanks",
    "thankyou",
    "thx",
    "好的",
    "ok",
    "okay",
    "嗯",
    "嗯嗯",
    "明白了",
    "知道了",
    "收到",
    "懂了",
    "好",
    "好吧",
    "辛苦了",
    "棒",
    "赞",
)
BYE = ("再见", "拜拜", "bye", "byebye", "下次见", "回见")
WHO = (
    "你是谁",
    "你叫什么",
    "你叫什么名字",
    "你是什么",
    "你是机器人",
    "你是机器人吗",
    "你是人吗",
    "你是谁啊",
    "你是干什么的",
    "你是做什么的",
    "介绍一下你自己",
    "自我介绍",
)
HOW = (
    "怎么用",
    "如何使用",
    "怎么使用",
    "帮助",
    "help",
    "你能做什么",
    "你会什么",
    "能问什么",
    "可以问什么",
    "使用说明",
    "你能干什么",
    "你可以做什么",
    "你能回答什么",
    "怎么问",
    "菜单",
    "功能",
    # whether the bot knows, nothing asked ("知道不" sounds like the report's 指导)
    "知道不",
    "你知道不",
    "你知道吗",
    "知不知道",
    "晓得不",
    "你晓得不",
    "晓不晓得",
    "懂不懂",
    "你懂吗",
)


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


_TAIL = "[啊呀吧呢哦嘛哈么了的]*"
# Words a citizen addresses the bot with before a greeting ("同志你好", "老师好", "师傅您好").
ADDRESS = (
    "同志",
    "老师",
    "领导",
    "师傅",
    "大哥",
    "大姐",
    "阿姨",
    "叔叔",
    "小姐姐",
    "小哥",
    "工作人员",
    "客服",
    "小编",
    "亲",
)
ADDRESSED_GREETING = f"(?:{'|'.join(ADDRESS)})(?:们)?(?:你|您)?好"
_GREETING_PREFIX_RE = re.compile(f"^(?:{ADDRESSED_GREETING}|{_alternation(GREETING)})+{_TAIL}")
_SMALL_TALK = {
    "thanks": re.compile(f"^(?:{_alternation(THANKS)})+{_TAIL}$"),
    "bye": re.compile(f"^(?:{_alternation(BYE)})+{_TAIL}$"),
    "who": re.compile(f"^(?:{_alternation(WHO)}){_TAIL}$"),
    "how": re.compile(f"^(?:{_alternation(HOW)}){_TAIL}$"),
}


def strip_greeting(cleaned: str) -> tuple[bool, str]:
    """Split a leading greeting off ("你好，首违不罚多少家" → True, "首违不罚多少家")."""
    match = _GREETING_PREFIX_RE.match(cleaned)
    if not match:
        return False, cleaned
    return True, cleaned[match.end() :]


_ASKING_RE = re.compile(r"^(?:请问一下|请问|问一下|我想问|想问|那)")
_THANKS_LEAD_RE = re.compile(r"^(?:太|非常|十分|真是|真的)?(?:谢谢|多谢|感谢|thanks|thankyou|thx)")


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
    (
        "办理方法",
        re.compile(
            r"(?:怎么|如何|咋|怎样|咋样|咋个|啷个)(?:去|来|才能|可以|能)?(?:申请|报名|申领|办理)|去哪.{0,2}申请|哪里.{0,2}申请|申请流程|申请条件|怎么报名|如何报名|"
            # "具体怎么在网上申请开": where the step is done, between the how and the step
            r"(?:怎么|如何|咋)(?:在|到|去|上)?(?:网上|线上|手机上|窗口)(?:申请|开具|开(?![展始放])|办理|办(?![的得])|申领)|"
            # "怎么在湘易办上办营业执照", "怎么办营业执照": where or what, between the how and the step
            r"(?:怎么|如何|咋)(?:在|到|去)[\u4e00-\u9fff]{1,8}?(?:上|里)(?:申请|开具|办理|办(?![的得])|申领)|"
            r"(?:怎么|如何|咋)办(?=[\u4e00-\u9fff]{0,6}(?:证|执照|证明|卡)(?![\u4e00-\u9fff]*(?:多少|几)))|"
            r"需要什么条件|要什么条件|什么条件|办理流程|手续|怎么预约|步骤|怎么申领|如何申领|"
            r"(?:走|有)?(?:什么|啥|哪些)(?:流程|程序)|"  # "申请首违不罚要走什么流程"
            r"怎么开具|如何开具|具体怎么开|怎么办理|如何办理|(?<![称字名题])(?:怎么写|如何写)|怎么填|如何填|流程是|要怎么弄|怎么弄(?!的)|"
            # what the asker must hand in ("要交什么材料", "得准备哪些资料", "需要啥证件")
            r"(?:要|需要|得)?(?:交|带|准备|提交|递交|提供)(?:些|点)?(?:什么|啥|哪些)(?:材料|资料|证件)|"
            r"(?:要|需要|得)(?:什么|啥|哪些)(?:材料|资料|证件)|"
            r"要带什么|"
            # the asker's own step, asked as yes/no ("能不能在网上申请", "可以找他们吗"): a how-to, never 是的/不是
            r"(?:能不能|能否|可不可以|可否|我能|我可以|可以)(?:在|去|到|从)?(?:网上|线上|手机上|微信上|现场|窗口)?"
            r"(?:申请|办理|报名|预约|投诉|举报|申领|领取|找|退回|退|咨询)|怎么(?:找|去|咨询)|"
            r"(?:帮|替|给)(?:我|俺|咱)(?:们)?(?:办|弄|申请|登记|查(?!一下|下|查)|写|起草|拟)|找谁(?:办|去办|申请|报名)|"
            r"(?:能不能|能否|可不可以|可否|可以|会不会|能)(?:请|叫|让|找)?(?:他们|你们|人|律师)?上门|"
            r"(?:怎么|咋|如何|怎样)(?:实名)?(?:认证|注册|登录|登陆|下载|安装|使用|操作)|入口|"
            # where the asker clicks or goes in ("在网上哪里点进去", "从哪进", "网上哪里办")
            r"哪(?:里|儿)?(?:点|点击)(?:进去|进|开)?(?![\u4e00-\u9fff])|从哪(?:里|儿)?进(?:去)?|"
            r"(?:网上|线上|手机上)(?:的)?哪(?:里|儿)(?:办|申请|弄)|"
            r"哪个窗口|哪个大厅|(?:递|交|送|提交)(?:材料|资料|申请书)|去哪(?:里|儿)?(?:递|交|送)|"
            r"找哪个部门|哪个部门管|(?:去|到)哪(?:里|儿)?(?:去)?(?:办|找|申请|申领|领取|领(?!导)|开具|报名|投诉)|"
            r"在哪(?:里|儿)?(?:办|申请|申领|领取|领(?!导)|开具|报名|投诉)|"
            # where the asker does it ("无房证明在哪个网站上开", "去哪个窗口办")
            r"(?:在|去|到|从)哪(?:个|家)?(?:网站|网页|平台|软件|app|APP|小程序|公众号|窗口|大厅)(?:上|里)?"
            r"(?:开(?![展始放通])|开具|办|申请|申领|报名|投诉|下载|查)|"
            r"(?:要|需要|得)?带(?:些|点)?(?:什么|啥|哪些)(?:东西|材料|证件)?|"
            # what the asker must do ("要自己去申请吗", "需不需要先登记"): a how-to too
            r"(?:要|需要|得|用不用|要不要|需不需要|必须|该)(?:我|俺|自己|本人|亲自)?(?:先|再)?(?:去|到)?"
            r"(?:申请|报名|登记|提交|备案|预约|排队)|"
            r"(?:要|需要|得|要不要|需不需要|必须)[\u4e00-\u9fff]{0,4}?(?:自己|本人|亲自)(?:去|到)?(?:申请|报名|登记|提交|备案|预约)|"
            r"怎么(?:领|领取|缴|缴费|交费)|(?:怎么|如何|咋)(?:开(?![展通创设放始])|提交|提(?![高升出])|递交|报送)|"
            # the asker's own act of writing or reaching someone, to whomever ("咋给市长信箱写信",
            # "怎么跟他们联系"), and a request to be taught ("教教我")
            r"(?:怎么|如何|咋|咋个|怎样|啷个)(?:去|来|才能|可以|能)?(?:(?:跟|和|给|向|对|找)[\u4e00-\u9fff]{1,8}?)?"
            r"(?:写信|留言|反映|投诉|举报|联系|打电话|发邮件|提意见|提建议)|教教(?:我|俺)|教(?:我|俺)(?:怎么|咋|一下)|"
            r"(?:要|需要|得)准备(?:什么|啥|哪些)|"
            # the asker's own doing ("执法记录仪的视频我能要来看吗"), a count or a name not asked
            r"(?:我|俺|咱)(?:们)?(?:能|可以|能不能|可不可以|能否)(?!知道|了解|问|查到|看到多少)(?=[^多几]*$)(?=[^什么]*$)"
        ),
    ),
    (
        "下载或查询渠道",
        re.compile(
            r"下载|官网|网址|链接|二维码|在哪.{0,2}查|哪里.{0,2}查|去哪.{0,2}查|怎么查|查询方式|"
            r"(?:在|去|到)哪(?:里|儿)?(?:能|可以)?下(?![降达发放面])|"  # "app在哪下": where to download it
            r"在哪(?:个|里|儿)?(?:app|APP|软件|平台|网站|小程序)?(?:里|上)?(?:能|可以)?(?:看到|看|查到|找到)|"
            # the material itself sent to the asker ("能把这些案例发给我看看不"): no figure of the report
            r"把[\u4e00-\u9fff]{1,10}?(?:发|传|寄|转)(?:给|过来给)(?:我|俺)"
        ),
    ),
    (
        "联系方式",
        re.compile(
            r"电话|热线|联系方式|办公地址|地址在|怎么联系|上班时间|办公时间|几点(?:上班|下班|开门|关门)|"
            r"在哪(?:里|儿)?(?:啊|呢|呀)?(?=[，,。？?!！\s]|$)|在什么地方"  # "工作站在哪": its address
        ),
    ),
    (
        "价格费用",
        re.compile(
            r"多少钱1|1[台个件项次]多少钱|价格|单价|售价|收不收(?:费|钱)|收费|费用|奖金|奖励多少|"
            # (not money asked for on someone's behalf: "帮农民工要钱的那个", "讨要钱款")
            r"(?<![帮替给讨])(?:要|需要|得)(?:花|交|付|出)?钱(?![的款])|花钱吗|收不收钱|收钱吗|免费吗|是不是免费|贵不贵|要不要钱|"
            r"(?:要不要|需不需要|用不用|要|得)(?:我|自己|本人)?(?:出钱|掏钱|付钱|交钱|花钱|自费)|自掏腰包"
        ),
    ),
)


# "报告里怎么写的", "报告里原话是怎么写的": what the report says, not how the asker writes something.
_ABOUT_THE_REPORT_RE = re.compile(
    r"(?:报告|文件|原文|原话)(?:里|中|上|里面|上面)?(?:的)?(?:原话|原文|原句)?(?:是)?(?:怎么|如何)(?:写|说|讲|表述)"
)


_CLAUSE_RE = re.compile(r"[^，,。；;！!？?\s]+[？?！!]?")
MIN_TOLD_CHARS = 4  # a clause telling of money says this much more than the money words
_TOLD_OF_OTHERS = ("价格费用",)  # money told of someone ("帮…农村人要钱，帮了多少个人") asks nothing


def unsupported_request(
    cleaned: str, report: str = "", asks: Callable[[str], bool] | None = None, text: str = ""
) -> str | None:
    """What kind of practical information the question wants that the report never gives
    (a trigger word the report itself uses, such as 乱收费, is not such a request; money words
    of a clause of `text` that asks nothing, beside one that asks, describe)."""
    cleaned = _ABOUT_THE_REPORT_RE.sub("", convert_numerals(cleaned))
    for label, pattern in UNSUPPORTED_REQUESTS:
        found = pattern.search(cleaned)
        if not found or (report and len(found.group(0)) >= 2 and found.group(0) in report):
            continue
        if asks is not None and label in _TOLD_OF_OTHERS and _only_told(pattern, convert_numerals(text), asks):
            continue
        return label
    return None


# A clause with the marks after it: what a practical request may stand in alone.
_PIECE_RE = re.compile(r"[^，,。；;！!？?\s]+[，,。；;！!？?\s]*")


def without_request(text: str, label: str) -> str:
    """The message less its clauses that make the practical request `label` ("湘易办接了多少应用？
    这个app在哪里下载" → "湘易办接了多少应用？"); "" when every clause makes it."""
    pattern = dict(UNSUPPORTED_REQUESTS)[label]
    pieces = _PIECE_RE.findall(text)
    kept = [c for c in pieces if not pattern.search(_plain(c))]
    return "".join(kept) if len(kept) < len(pieces) else ""


def request_at_end(text: str, report: str = "") -> str | None:
    """The practical request the message's last clause makes alone ("…多少名？收不收费" → 价格费用),
    when an earlier clause is left; never one told in a story before the ask ("打电话问我…")."""
    pieces = _PIECE_RE.findall(text)
    if len(pieces) < 2:
        return None
    return unsupported_request(_plain(pieces[-1]), report)


def _plain(piece: str) -> str:
    """A clause as the request patterns read it: lower case, numbers in digits."""
    return convert_numerals(piece.lower())


def _only_told(pattern: re.Pattern, text: str, asks: Callable[[str], bool]) -> bool:
    """Whether every clause of `text` the pattern finds asks nothing while another clause asks."""
    clauses = _CLAUSE_RE.findall(text)
    told = [c for c in clauses if pattern.search(c)]
    # a clause of the money words alone ("收不收费") asks them, whatever its frame
    alone = any(len(re.sub(r"[^\u4e00-\u9fff]", "", pattern.sub("", c))) < MIN_TOLD_CHARS for c in told)
    return (
        bool(told) and not alone and not any(asks(c) for c in told) and any(asks(c) for c in clauses if c not in told)
    )


# A judgement of the asker's own legal case ("房东这样做合不合法", "醉驾会怎么判", "能要双倍工资吗"):
# legal advice, which a report on the government's work never gives. A count asked beside it
# ("审查合不合法的合同有多少件") is a question about the report.
_LEGAL_ADVICE_RE = re.compile(
    r"合法吗|合不合法|是否合法|违法吗|违不违法|算不算违法|算违法|犯法|犯不犯法|有(?:没有)?法律效力|才有效|有效吗|"
    r"怎么判|会怎么判|判几年|判多久|判给(?:谁|哪)|"
    r"(?:能|可以|能不能|可不可以)(?:去法院)?(?:起诉|告他|告她|告吗|索赔|要回|要求.{0,4}赔|要双倍|要二倍|退一赔三)|要回来吗|"
    r"赔多少|怎么赔|谁来?负责|诉讼时效|有没有补偿|有补偿吗|怎么分|怎么算|坐牢|怎么签|是法律规定的吗|"
    r"能不能卖|不赔怎么办|不退怎么办|怎么办才好|该怎么办|法律上.{0,12}(?:怎么|如何|有什么)规定|法律(?:是)?(?:怎么|如何)规定|"
    r"有什么法律规定|法律规定是什么"
)
_COUNT_ASKED_RE = re.compile(r"多少|几")


# A law named as where something is written ("行政处罚法里", "民法典中有没有", "劳动合同法规定"): what
# a law says, which a report on the city's work never states unless it names that law.
# A law's name: …法 (not 执法, 立法, 方法, 办法 …), …法典 or …条例.
_LAW = r"(?:(?<![执立普司依方办做说想看用合违守犯宪])法|法典|条例)"
_LAW_NAMED_RE = re.compile(
    r"([\u4e00-\u9fff]{1,8}?" + _LAW + r")(?=里|中|上|规定|第[\d一二三四五六七八九十]+条|哪一?条|第几条|哪款)"
)

# A law cited as the ground of the ask ("依据行政复议法，申请期限多长"): what that law says is asked.
_LAW_CITED_RE = re.compile(r"(?:依据|根据|按照|依照)《?([\u4e00-\u9fff]{2,10}?" + _LAW + ")")


def legal_advice(cleaned: str, report: str = "") -> bool:
    """Whether the ask wants a judgement of the asker's own legal case, or what a law the report
    never names says (never a report's words)."""
    law = _LAW_NAMED_RE.search(cleaned) or _LAW_CITED_RE.search(cleaned)
    if law and report and law.group(1) not in report:
        return True
    found = _LEGAL_ADVICE_RE.search(cleaned)
    if found is None or (report and found.group(0) in report):
        return False
    if _THING_NAMED_AFTER_RE.search(cleaned[found.end() :]):
        return False  # "签合同前先查一下合不合法…的那个制度，全称是什么": it describes the thing named
    return not _COUNT_ASKED_RE.search(cleaned[: found.start()] + cleaned[found.end() :])


# A thing described, then its name asked ("…的那个制度，全称是什么", "…的做法叫什么").
_THING_NAMED_AFTER_RE = re.compile(
    r"的(?:那个|那种|这个|这种|那项|这项)?[\u4e00-\u9fff]{0,6}(?:制度|机制|办法|做法|规定|文件|意见|模式|平台)"
    r"[\s，,]*(?:的)?(?:全称|名称|名字)?(?:是|叫)(?:什么|啥)"
)
