"""Word lists the generators draw from. Written once from everyday Chinese, not from the engine's
failures; `tests/metamorphic/test_generators.py` checks that the story and near-miss words are
absent from the report, so a transform never adds something the report could answer."""

from __future__ import annotations

# --- a personal story: who, where, what they do, what happened, how they feel -----------------

RELATIVES = (
    "我外甥",
    "我家侄女",
    "我二舅",
    "我表姐",
    "我大姨",
    "我老伴",
    "我儿媳妇",
    "我孙子",
    "我小叔子",
    "我堂哥",
    "隔壁王婶",
    "我邻居老李",
    "我干妈",
    "我姐夫",
    "我们楼下的刘嫂",
    "我老同学",
)
JOBS = (
    "在菜市场卖鱼",
    "开出租车",
    "在工地上搬砖",
    "在学校食堂做饭",
    "送外卖",
    "在医院当护工",
    "跑长途货运",
    "在养猪场帮工",
    "做木匠活",
    "在镇上修摩托",
    "给人带孩子",
    "在餐馆洗碗",
    "种了几亩橘子",
    "在厂里踩缝纫机",
)
SHOPS = (
    "开了个小超市",
    "开了家理发店",
    "开了间米粉店",
    "开了个快递点",
    "摆了个水果摊",
    "开了家五金店",
    "开了个奶茶铺子",
    "开了家裁缝铺",
    "开了个早餐摊",
    "开了家麻将馆",
)
VILLAGES = (
    "桃花村",
    "石板村",
    "杨柳村",
    "枫树湾",
    "竹山冲",
    "白沙洲",
    "莲塘村",
    "荷叶坪",
    "青石岭",
    "柳林村",
    "大塘村",
    "茶园坳",
)
# Counties and county-level districts of Hunan that the report does not name (it names 资阳区,
# 南县, 赫山区, 桃江县 and 大通湖): the province's divisions (民政部 行政区划代码).
HUNAN_COUNTIES = (
    "安化县",
    "沅江市",
    "浏阳市",
    "宁乡市",
    "长沙县",
    "望城区",
    "芙蓉区",
    "岳麓区",
    "醴陵市",
    "攸县",
    "茶陵县",
    "炎陵县",
    "湘潭县",
    "韶山市",
    "湘乡市",
    "衡阳县",
    "衡东县",
    "衡山县",
    "耒阳市",
    "常宁市",
    "祁东县",
    "邵东市",
    "隆回县",
    "洞口县",
    "新化县",
    "冷水江市",
    "涟源市",
    "双峰县",
    "汨罗市",
    "平江县",
    "华容县",
    "湘阴县",
    "临湘市",
    "澧县",
    "津市市",
    "桃源县",
    "石门县",
    "汉寿县",
    "慈利县",
    "桑植县",
    "吉首市",
    "凤凰县",
    "沅陵县",
    "溆浦县",
    "洪江市",
    "芷江县",
    "祁阳市",
    "道县",
    "江华县",
    "宜章县",
    "资兴市",
    "嘉禾县",
)
EVENTS = (
    "前阵子回老家吃酒",
    "过年的时候聊起来",
    "昨天在公园下棋",
    "晚上看电视的时候",
    "打牌的时候听人讲",
    "坐车的时候刷手机看到",
    "跳广场舞的时候姐妹们说起",
    "吃饭的时候一家人争了半天",
)
# What the story's people did not know, asked inside the story ("不晓得去哪找"): no ask of the message's.
TROUBLES = (
    "可是根本不晓得去哪找",
    "一直不知道该问谁",
    "也搞不清是怎么回事",
    "不晓得有什么门道",
    "不知道哪里能打听到",
    "都不清楚怎么弄",
    "被人骗了钱都不晓得找哪个",
    "不知道该去哪个部门问",
    "也搞不清到底归谁管",
    "不懂要找哪家",
)
FEELINGS = (
    "心里一直不踏实",
    "急得睡不着觉",
    "想起来就憋屈",
    "心里挺高兴",
    "心里直犯嘀咕",
    "愁得吃不下饭",
    "觉得挺新鲜",
    "心里没底",
    "气得够呛",
    "挺感动的",
    "越想越糊涂",
    "心里怪怪的",
)
# The asker's own home, told in a clause of its own ("我是安化的"): a place of the story, no scope.
HOMES = ("我是{}的", "我{}人", "我家在{}", "我老家是{}的", "我们是{}人", "我在{}住")
LEADS = ("我想问问", "想请教一下", "就想打听一下", "顺便问一句", "我就好奇", "麻烦您帮我看看", "")
AFTER_LEADS = ("我问这个是因为", "是这样的，", "说来话长，", "")
# The report's own city, as askers name it before what they ask (never a scope of its own).
HOME_CITY = "益阳"
HOME_CITY_FORMS = ("{}市", "{}", "咱{}", "我们{}市", "{}这边", "《{}市")
CITY_LEADS = ("我想了解", "本人欲了解", "想问下", "请问", "就想知道", "")

# --- politeness, fillers, emoji ---------------------------------------------------------------

# A formal letter around the question: salutation, who writes (a province or county elsewhere),
# why, a written lead, the question, a closing, a name and a date of another year.
SALUTATIONS = (
    "尊敬的益阳市人民政府：",
    "尊敬的领导：",
    "致益阳市司法局：",
    "市政府办公室负责同志：",
    "尊敬的市长：",
    "各位领导：",
)
WRITERS = ("退休教师", "个体工商户", "在读研究生", "务工人员", "企业法务", "基层干部", "民营企业负责人")
PROVINCES = ("河北", "山东", "广东", "湖北", "江西", "四川", "黑龙江", "浙江")
REASONS = (
    "近来关注贵市法治政府建设",
    "因撰写调研报告需要",
    "拟在贵市投资办厂",
    "常年关注地方法治工作",
    "曾在贵市务工数年",
)
FORMAL_LEADS = ("现冒昧咨询：", "特此请教：", "敬请告知：", "恳请解答：", "想请教一下，", "兹有一事请教：")
CLOSINGS = ("盼复。", "不胜感激！", "此致 敬礼！", "烦请拨冗答复，万分感谢。", "谢谢！")
SIGNERS = ("张某", "李建国", "王女士", "一名市民", "刘某某")
GREETINGS = ("您好", "你好", "老师好", "打扰一下", "麻烦问一下", "请问", "劳驾问下", "同志你好", "在吗")
# A feeling said after a short question ("…吗 好麻烦呀"): no word of the report, no number.
FEELINGS = ("好麻烦呀", "急死我了", "头都大了", "真的好烦", "心里没底", "搞不懂啊", "愁死了", "唉", "太难了")
FILLERS = ("嗯", "那个", "就是", "呃", "这个嘛", "哎", "我想问一下", "嗯嗯")
THANKS = ("谢谢", "谢谢啦", "麻烦了", "辛苦了", "多谢", "感谢", "谢谢您", "先谢过了")
EMOJI = ("🙏", "😊", "👍", "🤔", "😄", "🌹", "❤️", "😂", "[抱拳]", "[微笑]", "🙂", "💐")

# A word of the report with one character turned to its opposite ("诉前" → 诉后, "放权" → 收权):
# another thing, which the report does not count. Words where the swap says nothing (上年, 以上)
# or turns a direction (上升: the checks' business) are left alone.
OPPOSITE_CHARS = {"前": "后", "后": "前", "内": "外", "外": "内", "上": "下", "下": "上"}
NOT_TURNED = ("上年", "上升", "以上", "以下", "上述", "下降", "前列", "之前", "以前", "前移", "上下", "出台", "出庭")

# --- direction: a measure the report lacks --------------------------------------------------------

# Each entry: the words swapped together. The new word names something near the old one that the
# report does not count (a different measure), so no figure of the report answers the result.
NEAR_MISSES: tuple[dict[str, str], ...] = (
    {"案件": "投诉"},  # (律师 is how the pack describes legal aid: "免费律师帮打官司")
    {"企业": "个体户"},
    {"记录仪": "巡逻车"},
    {"成功率": "满意率"},
    {"可办率": "好评率"},
    {"压缩率": "超期率"},
    {"农民工": "大学生"},
    {"工资": "赔偿款"},
    {"法律咨询": "心理咨询"},
    {"纠纷": "信访件"},
    {"典型案例": "宣传视频"},
    {"立法联系点": "立法听证会"},
    {"服务场景": "日均访问量"},
    {"业务应用": "注册用户"},
    {"证明材料": "申请表格"},
    {"执法人员": "网格员"},
    {"破案数": "发案数"},
    {"出庭应诉率": "败诉率"},
    {"收案": "结案"},
    {"受理": "办结"},  # what was received, asked as what was concluded (session 57)
    {"免罚金额": "罚款金额"},
    {"和解率": "撤诉率"},
    {"询问室": "羁押室", "听证室": "值班室"},
    {"审查意见": "整改通知"},
    {"执法事项": "执法岗位"},
    {"规范性文件": "地方性法规"},
    {"乡镇": "村委会", "街道": "社区"},
    {"赋权": "收权"},
    {"指导建议": "整改通知"},
    {"意见建议": "提案"},
    {"单位": "科室"},
    {"重大行政决策事项": "重大招商项目"},
    {"音像记录": "无人机航拍"},
    {"法律援助": "司法救助"},
    {"人民调解": "劳动仲裁"},
    {"诉前调解": "诉后执行"},
    {"刑事": "交通事故"},
    {"责任单位": "志愿者团队"},
    {"跑动": "排队"},
    {"执法资格考试": "执法技能比武"},
    {"发布率": "更新率"},
)

# --- direction: another year, another city, a practical ending ------------------------------------

# A year the asker's story tells ("我2022年在益阳打工被欠过工资"), pointed at by the ask ("那一年").
YEAR_TALES = (
    "我{}在益阳打工被欠过工资",
    "{}我家孩子刚上小学",
    "我是{}退的休",
    "{}我在外地打工没回来",
    "我家{}开了个小卖部",
    "{}我们村修了条新路",
    "我儿子{}考上了大学",
    "我跟老伴{}搬到城里住",
)
OTHER_YEARS = ("2019", "2020", "2021", "2022", "2024", "2025", "2026")
OTHER_CITIES = (
    "长沙",
    "岳阳",
    "常德",
    "株洲",
    "湘潭",
    "衡阳",
    "邵阳",
    "郴州",
    "永州",
    "怀化",
    "娄底",
    "张家界",
    "武汉",
    "广州",
    "深圳",
    "南昌",
    "北京",
    "上海",
    "重庆",
    "成都",
)
# A place said alone right after a figure ("那全省呢"): the same figure of that place, which a
# city's report does not give (its wider scopes, other cities, its own counties: no breakdown).
WIDER_SCOPES = ("全省", "全国", "省里", "湖南省", "全中国")
PLACE_FOLLOW_UPS = ("那{}呢", "{}呢", "{}的呢", "那{}的情况呢", "换成{}呢", "{}那边呢", "那{}的话呢")
# A practical request asked in a clause of its own after a figure's question.
PRACTICAL_JOINTS = ("？", "，", "。", "？另外", "，还有", " ")
PRACTICAL_ASKS = (
    "怎么申请",
    "需要带什么材料",
    "去哪里办理",
    "电话是多少",
    "在哪里下载",
    "要什么条件",
    "收不收费",
    "办理流程是什么",
    "怎么联系他们",
    "地址在哪",
    "要交什么材料",
    "得准备哪些资料",
)
PRACTICAL_ENDINGS = (
    "要钱吗",
    "要交钱吗",
    "怎么申请",
    "电话是多少",
    "在哪里办",
    "去哪儿办理",
    "需要带什么材料",
    "找谁办",
    "网上怎么弄",
    "能不能帮我办一下",
    "几点上班",
    "地址在哪",
    "到哪里去申领",
    "在哪儿领取",
    "怎么报名",
    "收不收费",
    "咋写信啊 教教我",
    "咋个反映问题",
    "教教我怎么弄",
    "咋投诉",
    "怎么跟他们联系",
)

# --- composition templates -------------------------------------------------------------------------

# "{items}" is filled by the subjects joined with the template's own separators.
# None at all claimed of a count ("{u}": its counter): 不是 where the report counts some. Asked
# of the subject, or right after its figure was given.
NONE_CLAIMS = (
    "{s}是不是一{u}都没有",
    "{s}一{u}都没有吧",
    "{s}是不是连一{u}都没有",
    "听说{s}一{u}也没有，真的吗",
)
NONE_FOLLOW_UPS = ("是不是一{u}都没有", "一{u}都没有吧", "我还以为一{u}都没有呢，是不是", "连一{u}都没有？")

# Another subject asked right after a figure, named in full ("还有乡镇综合执法过了初评的有几个").
SWITCHES = (
    "还有{s}是多少",
    "还有，{s}有多少",
    "另外{s}是多少",
    "对了，{s}是多少",
    "再问下{s}多少",
    "还有个事，{s}是多少",
    "另外想问一下{s}有多少",
    "那{s}又是多少",
    "顺便问一下{s}是多少",
    "换个问题，{s}有多少",
    "{s}呢，多少",
)
# One of several figures just asked, narrowed to: "{s}" is its subject.
NARROWINGS = (
    "只说{s}",
    "只要{s}的",
    "就讲{s}",
    "我只问{s}",
    "光说{s}吧",
    "只看{s}",
    "那只说{s}那个",
    "其中{s}呢",
    "单说{s}",
    "就问{s}的",
)

ENUMERATIONS = (
    ("、", "和", "{items}各是多少"),
    ("，", "，再加上", "{items}，列一下"),
    ("、", "、", "{items}都列出来"),
    ("、", "和", "{items} 给我一下"),
    (" ", " ", "{items} 这{n}个各是多少"),
    ("、", "和", "{items}分别是多少"),
    ("、", "、", "把{items}几个数一起报一下"),
    (" ", " ", "{items} 各多少"),
    ("，", "，还有", "{items}，这几个数告诉我"),
    ("、", "以及", "请问{items}分别有多少"),
    ("、", "及", "我单位正在整理材料，烦请提供{items}，并注明出处，谢谢"),
    ("、", "和", "您好，请告知{items}，谢谢"),
    # the first items asked together, the last on its own ("A，B各多少，C是多少")
    ("，", "", "{head}各是多少，{last}呢"),
    ("、", "", "{head}分别多少 {last}是多少"),
)
# A figure someone told the asker, then a check naming nothing ("…是真的吗").
# All of what a rate counts claimed done ({s}: the rate's subject).
ALL_CLAIMS = (
    "{s}是不是全都做到了",
    "{s}是不是一个都没落下",
    "{s}是不是全部都办到了",
    "{s}都达到了吧",
    "{s}是不是一个也没缺",
    "{s}，所有的都做到了吗",
)
# The same, said right after the rate was given (no subject: the figure just given is meant).
ALL_CLAIMS_AFTER = (
    "是不是全都做到了",
    "一个都没落下吧",
    "是不是全部都办到了",
    "都达到了吧",
    "是不是一个也没缺",
    "所有的都做到了吗",
)
# A speaker correcting what was just said, as voice input keeps it.
CORRECTIONS = ("哦不对", "不对不对", "啊不是", "说错了", "我记错了", "嗯不对")
TELLERS = ("我表姐", "隔壁王叔", "村里的人", "我同事", "群里有人", "我家老头子")
DOUBTS = ("", "我有点不信，", "我不太相信，", "我跟他打了个赌，", "我将信将疑，")
BARE_CHECKS = (
    "是真的吗",
    "到底是不是",
    "对不对",
    "是这样吗",
    "真的假的",
    "这个是真的吗",
    "是不是真有这么回事",
    "是真的还是乱讲的",
    "真有这回事吗",
    "也不晓得是不是真的",
    "真的假的哦",
    "是不是哦",
)
# Several figures stated, then one check of them all.
# Which of two is larger, claimed then checked ({w}: 多/少/高/低).
COMPARISONS_CLAIMED = (
    "{a}比{b}{w}，对吧",
    "{a}比{b}要{w}，是不是",
    "{a}比{b}{w}吧",
    "{a}是不是比{b}{w}",
    "{a}比{b}还{w}，是这样吗",
    "听说{a}比{b}{w}，没错吧",
)
CLAIM_SEPARATORS = ("，", "，", "；", "、")
CLAIMS_CHECKS = ("，对吧", "，没错吧", "，对不对", "，是吧", "，对吗？", "，是不是", "，我没记错吧", "，这几个数对不对")
# Where a figure stands among the province's cities, asked of its subject.
# The report's year set beside another ({y}) as a comparison: the other year's figure is asked too.
YEARS_COMPARED = (
    "{s}，2023年跟{y}年比哪年多",
    "2023年{s}比{y}年多了吗",
    "2023年的{s}和{y}年比起来是多了还是少了",
    "{s}2023年对比{y}年有什么变化",
)
RANKS = (
    "{s}在全省排第几",
    "{s}在全省算什么水平",
    "{s}全省排名怎么样",
    "{s}在省里排第几名",
    "{s}在全省靠不靠前",
    "{s}在全省是个什么位置",
    "{s}全省能排第几",
    "{s}在省里处于什么水平",
    "{s}在全省排得怎么样",
)
# A figure's subject set aside, the rest asked ("首次不罚的企业之外，还有多少家"): the report
# counts only what is set aside, so no figure answers.
SET_ASIDE = (
    "{s}之外，还有多少{u}",
    "除了{s}，其他的还有多少{u}",
    "除了{s}以外 另外还有几{u}啊",
    "{s}以外的还有多少{u}呢",
    "不算{s}的话，别的还有多少{u}",
)

# An outcome asked of those a count counts ("…，最后有多少件打赢了"): the count is of those taken
# on, the outcome the report does not state ({v}: the outcome, left out where the figure's own
# sentence says it).
OUTCOME_ASKED = (
    "{s}，最后有多少{u}{v}",
    "{s}，其中{v}的有多少{u}",
    "{s}里面最后{v}几{u}",
    "{s}，到头来{v}的有几{u}啊",
)
OUTCOMES = (("通过了", "通过"), ("评上了示范", "评"), ("打赢了", "赢"), ("成功了", "成功"))

# A figure asked with its part ruled out ("不是市本级的，是全市加起来的"), or more than its part
# asked ("全市（不只是市本级）"): the report has no such whole.
RULED_OUT = (
    "{s}一共多少，不是{p}的，是全市加起来的",
    "{s}总共有多少，我说的不是{p}的",
    "{s}是多少啊 不是{p}的 是全部的",
    "我想问{s}的总数，不是{p}那个",
    "全市（不只是{p}）{s}一共有多少",
    "{s}有多少，不光是{p}的",
)

# Where a figure stands, checked: true of a figure the report ranks near the top, or false.
RANK_CHECKS = {
    True: (
        "{s}在全省排得上号吧",
        "{s}在全省算靠前的吧",
        "{s}在全省是不是比较靠前",
        "{s}在省里算不算前列",
        "{s}在全省应该是领先的吧",
        "{s}在全省不靠后吧",  # a low place denied
        "{s}在全省不算落后吧",
        "{s}在省里不差吧",
        "{s}在全省排在前面吧",
        "{s}在全省是什么水平，应该是领先的吧",  # asked, then a claim checked
    ),
    False: (
        "{s}在全省是不是排不上号",
        "{s}在全省算不上靠前吧",
        "{s}在全省是不是垫底",
        "{s}在省里是不是比较落后",
        "{s}在全省排倒数吧",
        "{s}在全省是不是不太行",  # a low place in everyday words
        "{s}在全省是不是排在后面",
        "{s}在省里是不是很差",
        "{s}在全省不怎么靠前吧",  # a top place denied
        "{s}在全省没排到前面吧",
        "{s}在全省是什么水平，不会是垫底吧",  # asked, then a claim checked
    ),
}
COMPARISONS_MORE = (
    "{a}和{b}哪个多",
    "{a}跟{b}比，哪个多",
    "{a}比{b}多还是少",
    "{a}与{b}相比谁多",
    "{a}多还是{b}多",
    "{a}有没有{b}多",
    "{a}和{b}，差不多吗",
    "{a}和{b}，前面那个多吧",
    "{a}跟{b}，后者多吧",
    "{b}，{a}有没有它多",
)
COMPARISONS_HIGH = (
    "{a}和{b}哪个高",
    "{a}跟{b}比，哪个高",
    "{a}比{b}高还是低",
    "{a}与{b}相比谁高",
    "{a}高还是{b}高",
    "{a}有没有{b}高",
    "{a}和{b}，前者高吧",
    "{a}与{b}，后面那个高吗",
)
# A figure the asker already knows stated before the ask of another one: the known one is context.
STATED = (
    "{a}是{va}，那{b}呢",
    "{a}是{va}，{b}是多少",
    "我知道{a}有{va}，想问下{b}是多少",
    "{a}{va}，{b}有多少",
    "看到{a}是{va}了，{b}呢",
)
CHECKS_YES = (
    "是{x}吗",
    "是{x}对吧",
    "是不是{x}",
    "有{x}吗",
    "真的是{x}吗",
    "{x}对吗",
    "{x}没错吧",
    "应该是{x}吧",
    "就是{x}？",
    "难道是{x}？",
    "难道不是{x}？",  # asserts {x}: 是 when it is right
    "{x}吧",  # spoken, the check in its tail alone
    "{x}是吧",
    "是{x}不",
    "我记得是{x}，对不",
    "没记错的话是{x}吧",
    "{x}咯？",
    "{x} 对不",  # the clipped 对不对, after a space
    "是{x} 是不",
)
CHECKS_NO = ("不是{x}吧", "应该不是{x}吧")

# An ask and a check of its answer in one message ("…多少罚款啊是不是两千多万"): the joint, the check.
ASK_CHECK_JOINTS = ("啊", "呀", "，", "", " ", "？")
# Two options offered, the figure one of them ("是2900多件还是5800多件").
CHOICES = ("是{a}还是{b}", "到底是{a}还是{b}", "是{a}还是{b}啊", "是{a}还是{b}呢", "应该是{a}还是{b}", "是{a}呢还是{b}")
ASK_CHECKS = ("是不是{x}", "是{x}吧", "有{x}吗", "应该是{x}吧", "是{x}对吧", "是{x}吗")

# The unit of a figure asked as a choice of two, the figure's own and another, in either order:
# of the subject named ({s}) or right after the answer.
UNIT_CHOICES = (
    "{s}是按{a}算还是按{b}算",
    "{s}的单位是{a}还是{b}",
    "{s}是{a}还是{b}啊",
    "{s}按{a}还是按{b}统计的",
    "{s}，单位是{a}呢还是{b}",
    "{s}是以{a}计还是以{b}计",
    "{s}，这个是{a}还是{b}",
)
UNIT_CHOICES_AFTER = (
    "是按{a}算还是按{b}算",
    "单位是{a}还是{b}",
    "那是{a}还是{b}啊",
    "按{a}还是按{b}统计的",
    "是{a}呢还是{b}",
)
OTHER_UNITS = ("件", "起", "项", "家", "个", "台", "处", "条", "类", "名", "人次", "万元", "元", "人", "套", "份", "次")

# A follow-up saying the figure is that very number: 是 only when the report writes it exactly.
EXACT_CHECKS = (
    "是正好{x}吗",
    "整整{x}？",
    "不多不少正好{x}吧",
    "刚好{x}对吧",
    "恰好是{x}吗",
    "是不是正好{x}",
    "整整有{x}吗",
)

# A bound checked in a follow-up, said before or after the number: below it, above it, or reaching it.
BOUND_CHECKS = {
    "below": (
        "不到{x}吧",
        "是不是不到{x}",
        "{x}都不到吧",
        "连{x}都没到吧",
        "是不是{x}都没有",
        "{x}不到吧",
        "还没到{x}吧",
        "没超过{x}吧",
        "{x}都没有吧",
        "是不是连{x}都不到",
        "是不是还没到{x}",
        "难道连{x}都不到吗",
    ),
    "above": (
        "超过{x}了吧",
        "是不是超过{x}了",
        "{x}都超过了吧",
        "{x}早就超过了吧",
        "有没有超过{x}",
        "是不是{x}都过了",
        "难道不是超过{x}了吗",
        "{x}以上吧",
    ),
    "reach": ("有没有{x}", "{x}有了吧", "{x}有没有", "有{x}吗", "达到{x}了吗", "{x}到了没"),
}

# A change's direction checked in a follow-up, in the words people use for it.
WAYS_UP = ("上升", "增长", "增加", "提高", "上涨", "涨", "增多", "变多", "升高", "涨上去", "多起来")
WAYS_DOWN = ("下降", "减少", "降低", "下滑", "降", "减", "变少", "回落", "往下掉", "降下来", "少下来")
DIRECTION_CHECKS = (
    "是{w}了吗",
    "是不是{w}了",
    "同比是{w}的吧",
    "{w}了对吧",
    "应该是{w}了吧",
    "比上一年{w}了吗",
    "那就是{w}了？",
)

# Words that are not content: question words, particles, generic verbs (homophone and pinyin
# transforms change a content word, not these).
FUNCTION_WORDS = frozenset(
    """多少 什么 哪些 哪个 是不是 怎么 怎么样 为什么 一共 总共 有没有 请问 是否 几个 几项 几件 几家 多少钱
    我们 你们 他们 这个 那个 那些 这些 一下 现在 还是 还有 就是 可以 能不能 到底 大概 知道 告诉 问问
    哪里 哪儿 如何 没有 已经 情况 分别 各是 对吧 对不对 多大 多高 啥子 来着 一些 里面 其中""".split()
)
