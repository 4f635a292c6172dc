"""Decline rules: each gives a reason; nothing declined is claimed absent unless it is."""

import pytest

from bot.decision.rules import absent_terms


@pytest.mark.parametrize(
    "question, reason",
    [
        ("益阳总共有几个立法联系点", "part_only"),
        ("那六项重大行政决策事项具体是哪几项", "count_only"),
        ("第一批能力提升验收的11个单位完整名单是什么", "count_only"),
        ("两法衔接平台录入的案件具体有多少件", "no_figure"),
        ("2023年刑事案件具体破了多少起", "measure"),
        ("执法资格考试的通过率是多少", "measure"),
        ("营商码一共给多少户企业赋了码", "no_figure"),
        ("谢琦办案团队有几个人", "no_figure"),
        ("执法记录仪是什么牌子的", "unstated"),  # a brand the report never names
        ("关于进一步加强市县法治建设的意见具体有哪些条款", "unstated"),  # documents named, never quoted
        ("法律援助案件里刑事案件占多少", "breakdown"),
        ("70个典型案例里城管执法的有几个", "breakdown"),
        ("桃江县首次不罚的企业有多少家", "breakdown"),
        ("首次不罚的企业中小微企业占几家", "breakdown"),  # 微 of 轻微 and 企业 written, 小微 not
        ("新建了多少询问室", "unstated"),  # new ones, where the report gives all it built (新建 is 新增)
        ("审查的合同里招商引资的合同有几件", "breakdown"),  # one kind of "招商引资、战略合作…等" counted together
        ("招商引资类合同几件", "breakdown"),  # the kind named as what is counted, no 里 needed
        ("城管执法典型案例数", "breakdown"),  # a kind the clause after the figure lists (涉及A、B、C等)
        ("诉前调解真正调成功的案件有几件", "unstated"),  # those that succeeded, of a count of all
        # which member of a group is the most: the report ranks the city, never a member
        ("网上可办的2861项里，哪个部门的事项最多", "breakdown"),
        ("柔性执法办的案件哪个单位最多", "breakdown"),
        ("农民工讨回工资那个是哪几个县讨回的最多", "breakdown"),  # what the member did, between
        ("哪个县办的法律援助案件最多", "breakdown"),
        ("免罚最多的是哪家企业", "breakdown"),  # the most, then which; 领先 ranks the city, not a firm
        ("法律援助案件最多的是哪个县", "breakdown"),
        # how many people there are is no count of those who did something
        ("全市行政执法人员一共有多少人", "unstated"),
        ("农民工有多少人", "unstated"),
        ("被拖欠工资的农民工有多少人", "unstated"),  # what befell them is no act of the figure
        # an outcome asked of a count of attempts; an article number the report never gives
        ("参加执法资格考试的那5100多人最后考过了多少", "unstated"),
        ("诉前调解成功了多少件", "unstated"),
        ("法律援助的案子里打赢了多少", "unstated"),  # cases taken on are no cases won
        ("行政处罚法里首违不罚是第几条规定的", "unsupported"),  # what a law the report never names says
        # the rest of a list the report names in part
        ("第一批行政执法能力提升验收的11个单位，除了市监局和科技局还有哪些", "count_only"),
        ("除了无车证明、有无房证明，那30余种能在线开的证明其余都是哪些，全部列一下", "count_only"),  # 等30余种
        ("湘易办那300多个业务应用的完整名单发我一份", "count_only"),
        # the members of a count named as the report writes it (50余类)
        ("那50余类免证办的证明材料具体是哪些，列个清单给我", "count_only"),
        ("358项柔性执法事项都包括哪些", "count_only"),  # what a counted set includes, never listed
        ("市本级梳理的358项柔性执法事项包含了什么", "count_only"),
        # what a staff lookup counts, a word the report never writes (a verb used as a noun)
        ("立法提案条数", "absent"),
        ("法律援助投诉件数", "absent"),
        ("多少个村委会通过初评", "absent"),  # 村委会, a body's short name, is a noun
        # the fines imposed are not the fines waived (免罚金额); "首次不罚免掉的罚款" is waived
        ("罚款金额", "unstated"),
        ("首违罚款金额不到一千万吧", "unstated"),
        # the report counts five 清单 and lists only its name's two parts (一目录、五清单)
        ("一目录五清单 那五个清单分别叫什么", "count_only"),
        ("起数", "measure"),  # a count in 起 named, a rate is no answer
        ("刑事破案 起数", "measure"),  # the report gives its rise only
        ("全省首次不罚企业数", "wider_scope"),
        ("全国网上可办率", "wider_scope"),
        ("湖南省整体的承诺时限压缩率是多少", "wider_scope"),
        ("长沙首违不罚多少家", "scope"),
        ("2025年的网上可办率", "scope"),
        ("前年的网上可办率", "scope"),
        ("2024年益阳刑事破案数比2023年多了还是少了", "scope"),  # 2024 asked, 2023 its base
        ("益阳市法律援助中心电话多少", "unsupported"),
        ("企业想申请首违不罚要走什么流程", "unsupported"),
        # the members of a count, one by one or by name; which member stands first
        ("那6项重大行政决策事项是么子咯，一项项讲给我听啵", "count_only"),
        ("烦请告知向园区赋权的11项审批服务事项的具体名称。", "count_only"),
        ("通过初评的22个乡镇叫啥名字", "count_only"),  # the counted things' names, by the count
        ("那二十二个乡镇的名字是啥", "count_only"),
        ("6125家企业都叫什么名字", "count_only"),
        ("帮打工的讨回工钱的那370个人里面，干哪一行的最多", "breakdown"),  # found of the story's words
        # a rate of what the asker states; the sides of a comparison, parts of one figure
        ("5100多名执法人员考执法资格，通过率是百分之几", "measure"),
        ("法律援助案件里，民事的多还是刑事的多", "unstated"),
        ("首次不罚的那些企业里，个体户和公司哪个多", "unstated"),
        # each of the kinds a figure counts together, asked apart
        ("70个典型案例里生态环境保护、城管执法、文化旅游市场整顿各有几个？", "breakdown"),
        ("审查的合同里招商引资和融资贷款的合同各有几件", "breakdown"),
        ("法援案件 刑事类 民事类", "unstated"),  # a staff lookup of kinds of one figure
        # a count in a unit of an explanation stating no figure in it (4600余件 is no count of 条)
        ("被采纳了多少条", "no_figure"),
        # the members of a count the asker points back at; a count named by its noun (人数)
        ("向园区赋权的那11项审批服务事项，具体是哪些？", "count_only"),
        ("请列明市本级6项重大行政决策事项的具体内容。", "count_only"),
        ("政府法律顾问人数", "no_figure"),
        ("xiangyiban益阳旗舰店注册用户数", "absent"),  # a count named by its noun (户数) the report never gives
        # which of the things counted ("哪6项"), asked again by a request after it; a member checked
        # of a count whose members the report does not name, or names only some of
        ("6项重大行政决策事项 具体是哪6项 列一下呗", "count_only"),
        ("具体是哪6项", "count_only"),
        ("22个通过初评的乡镇 有没有我们泉交河镇", "count_only"),
        ("通过初评的乡镇里有泉交河镇吗", "count_only"),
        ("11个验收单位里有没有市公安局", "count_only"),
        ("一目录五清单里头那五个清单分别是哪五个", "count_only"),  # 五清单 counted, its list has two items
        # two asks, each lacked: the words of both read together ask neither (22个 is no total)
        ("全市一共有多少个乡镇街道啊 通过初评的占几成", "part_only"),
        # a kind of the members counted the report never tells (by a figure looked up, too)
        ("讨回工资的370名农民工主要是哪个行业的", "breakdown"),
        ("首次不罚的6125家企业都集中在哪些行业", "breakdown"),
        ("那50余类免证办的证明材料具体是么子咯", "count_only"),  # a rough count's members, not what it is
    ],
)
def test_declined_with_a_reason(engine, question, reason):
    r = engine.respond(question)
    # an equally good "您是想问" between near entries is no false answer either
    assert r.status != "answer" and r.kind in (reason, "clarify"), (r.kind, r.text)
    if r.status == "fallback" and reason in ("measure", "no_figure"):
        assert r.kind in ("measure", "no_figure")
    elif r.status == "fallback":
        assert r.kind == reason, (r.kind, r.text)


@pytest.mark.parametrize(
    "question",
    [
        "新增了几个立法联系点",
        "帮多少名农民工讨回了工资",
        "网上可办率是百分之多少",
        "第二批湖南省法治政府建设示范地区有哪些",
        "赫山区有什么成绩",
        "湖南省法治政府建设示范地区有哪些",
        "两法衔接在全省排第几",
    ],
)
def test_near_rules_do_not_block_real_answers(engine, question):
    assert engine.respond(question).status == "answer", question


def test_absent_terms_are_words_the_report_lacks(kb):
    from bot.text.normalize import normalize

    report = normalize(kb.report)
    found = absent_terms("协议离婚需要满足条件", report)
    assert "离婚" in found and all(term not in report for term in found)
    assert absent_terms("首次不罚企业", report) == []


def test_a_colloquial_word_is_not_claimed_absent_when_the_report_comes_close(engine):
    r = engine.respond("以后开证明还要跑来跑去吗，无证明城市是咋回事")
    assert r.status == "answer" and "没有关于" not in r.text


def test_absent_words_name_the_thing_asked_never_its_type_or_a_modifier(engine):
    """ "报告中没有X" only for the thing asked: never 名字 / 玩意儿 / 哪个刊物 (the answer's
    type), never a modifier of a noun the report has (公安那几个中心), never letters of two
    words (防风 of 防风险)."""
    report = engine.packs[-1].context.report_norm
    assert absent_terms("房价", report, asked="益阳的房价多少") == ["房价"]
    for asked in (
        "执法的人胸口挂的那个录像的玩意儿配了多少",
        "那本书叫什么名字",
        "被省里哪个刊物采纳了",
        "公安那几个中心就是搞实战防风险那些叫什么名字",
    ):
        core = engine.packs[-1].analyze(asked).core
        terms = absent_terms(core, report, asked=engine.packs[-1].analyze(asked).text)
        assert not set(terms) & {"玩意儿", "名字", "本书", "刊物", "公安", "防风"}, (asked, terms)


@pytest.mark.parametrize(
    "asked, figure",
    [("市本级受理的法律援助案件是多少件", "2900余件"), ("市本级首次不罚的企业有多少家", "6125家")],
)
def test_a_level_asked_must_be_the_figures_level(engine, asked, figure):
    """全市 in the figure's sentence: 市本级 asked is another level."""
    reply = engine.respond(asked)
    assert reply.status != "answer" and figure not in reply.text.split("\n")[0]


def test_a_figure_stating_no_level_is_not_another_levels(engine):
    """ "“三统一”…部门规范性文件51件" says no level: 市本级 asked of it is no other level."""
    reply = engine.respond("烦请告知2023年市本级“三统一”的部门规范性文件数量")
    assert reply.status == "answer" and "51件" in reply.answer, reply.text


def test_a_wider_scope_word_inside_a_name_is_no_scope(engine):
    reply = engine.respond("记得好像中央电视台报道过咱们益阳的营商码 是哪个频道哪个栏目报的呀")
    assert reply.status == "answer" and "CCTV-13" in reply.text
    assert engine.respond("全省的法律援助案件有多少件").status != "answer"


@pytest.mark.parametrize(
    "question",
    [
        "企业法律服务工作站在哪个地方",
        "全国调解工作会议是在哪里开的",
        "行政复议申请书怎么写",
        "讨薪一共涉及多少家欠薪的企业",
    ],
)
def test_what_the_report_does_not_write_is_never_answered(engine, question):
    assert engine.respond(question).status != "answer"


@pytest.mark.parametrize(
    "question, reason",
    [
        ("给园区赋权的那11项审批服务事项分别是什么", "count_only"),
        ("那70个普法典型案例里，生态环境保护方面的有几个", "breakdown"),
    ],
)
def test_the_members_or_a_part_of_a_counted_figure_are_declined_as_what_the_report_lacks(engine, question, reason):
    """The report gives the count only: its members or one part are not there, and no other
    reading of the message (two asks) overrides that."""
    reply = engine.respond(question)
    assert reply.status != "answer" and reply.kind == reason, reply.text


@pytest.mark.parametrize(
    "question, count",
    [
        ("通过初评的乡镇都是哪些", "22个"),  # never 五个 of the five standards in the same sentence
        ("11个验收单位都是哪些", "11个"),  # never 四个 (方面) before it
        ("初评通过乡镇名单", "22个"),  # a roster asked by its name
        ("那22个通过初评的乡镇街道具体是哪些 名字列一下", "22个"),
    ],
)
def test_a_list_the_report_only_counts_is_declined_with_its_own_count(engine, question, count):
    reply = engine.respond(question)
    assert reply.status != "answer" and reply.kind == "count_only" and f"（{count}）" in reply.text, reply.text


@pytest.mark.parametrize(
    "question, part",
    [
        ("那个全市的柔性执法事项一共是多少项啊不是市本级的是全市加起来的", "市本级"),
        ("嗯立法联系点现在总共有多少个啊我说的不是新增的是总数", "新增"),
        ("立法联系点总共有多少个，我说的不是新增的", "新增"),
        ("网上可办数一共多少，不是市本级的，是全市加起来的", "市本级"),  # the ruling clauses belong to the ask
    ],
)
def test_a_figure_of_what_the_asker_rules_out_is_no_answer(engine, question, part):
    """ "不是市本级的", "不是新增的": the report has only that part, so it says so."""
    reply = engine.respond(question)
    assert reply.status != "answer" and reply.kind == "part_only" and part in reply.text, reply.text


def test_a_part_ruled_in_is_still_answered(engine):
    reply = engine.respond("网上可办率是多少，不是全市的，是市本级的")
    assert reply.status == "answer" and "100%" in reply.answer, reply.text


def test_the_name_of_a_roster_asked_is_no_roster(engine):
    reply = engine.respond("智慧渔政入围了什么名单")
    assert reply.status == "answer" and "全国法治政府建设示范项目" in reply.text, reply.text


def test_a_rough_number_beside_a_list_question_is_not_a_check(engine):
    assert not engine.respond("湘易办接入的300多个业务应用都有哪些").answer.startswith(("是的", "不是"))


@pytest.mark.parametrize(
    "question",
    [
        "请法律援助律师要不要自己出钱",
        "能不能帮我写一份讨要工资的起诉状，老板欠我八千块",
        "湘易办怎么实名认证",
        "在吗 市长信箱咋写信啊 教教我",  # writing to someone, and being taught
        "怎么给市长信箱写信",
        "法律援助的话怎么跟他们联系",
        "无房证明在哪个网站上开？",  # where the asker does it
        "去哪个窗口办无车证明",
    ],
)
def test_practical_requests_in_more_words_are_how_to_declines(engine, question):
    reply = engine.respond(question)
    assert reply.status != "answer" and not reply.text.startswith(("是的", "不是")), reply.text


def test_a_part_the_asker_says_is_not_wanted_is_still_not_the_total(engine):
    reply = engine.respond("全市现在总共有多少个立法联系点，不是问新增的")
    assert reply.status != "answer" and reply.kind == "part_only"


@pytest.mark.parametrize("opener", ["问个别的 ", "好的，换个问题，", "另外问一下，", "我再问一个："])
def test_a_turn_to_a_new_question_is_not_part_of_it(engine, opener):
    reply = engine.respond(opener + "两法衔接平台录入数排第几")
    assert reply.status == "answer" and "全省第一" in reply.answer, reply.text


def test_a_province_naming_the_thing_is_no_wider_scope_when_the_city_is_asked(engine):
    """ "湖南省的办事app 益阳店…": the province names the app, 益阳 is the scope asked; the one
    option giving the figure asked answers when the others only explain."""
    reply = engine.respond("手机上那个湖南省的办事app 益阳店接了多少服务场景")
    assert reply.status == "answer" and "2000余个" in reply.answer, reply.text
    assert engine.respond("湖南省的网上可办率是多少").kind == "wider_scope"


@pytest.mark.parametrize(
    ("question", "scoped"),
    [
        ("手机上那个省里统一的办事软件，益阳专区接进来多少个业务应用", False),  # 省里 describes the app
        ("全省法律援助案件多少件，益阳的呢", True),  # the province's figure is asked first
        ("全省法律援助案件受理数和益阳的比哪个多", True),  # both compared
    ],
)
def test_a_province_word_describing_the_thing_is_no_scope_before_the_city_asked(engine, question, scoped):
    reply = engine.respond(question)
    assert (reply.kind == "wider_scope") == scoped, reply.text
    assert scoped or "300多个" in reply.answer


def test_a_qualifier_the_report_writes_only_elsewhere_is_not_this_figure(engine):
    """ "刑事案件…破了多少起": 刑事 stands only in 刑事破案数 (a change), never in 柔性执法案件."""
    reply = engine.respond("2023年全市刑事案件具体破了多少起")
    assert reply.status != "answer" and "4600余件" not in reply.text.split("报告中相关的内容")[0]


def test_where_to_hand_in_papers_is_a_how_to_decline(engine):
    assert engine.respond("想在益阳申请行政复议，去哪个窗口递材料").status != "answer"


def test_a_word_glued_across_a_particle_is_never_named_as_lacking(engine):
    """ "能办好的事项": 办好事 is no word the asker wrote; the one-trip count answers."""
    reply = engine.respond("跑動一次就能辦好的事項有多少個")
    assert reply.status == "answer" and "1024项" in reply.text


def test_a_change_asked_is_never_what_the_report_lacks(engine):
    """ "…整体缩短了多少": 缩短 asks a change (the report writes 压缩); never "报告中没有关于“缩短”"."""
    reply = engine.respond("办事部门答应多少天内办完的那个时间，整体缩短了多少？")
    assert "“缩短”" not in reply.text, reply.text


@pytest.mark.parametrize(
    "question, entry",
    [
        ("首批验收涉及多少家单位", "capacity_acceptance_units"),  # 首批 of 第一批: one ordinal
        ("全市刑事破案数的同比涨幅", "criminal_cases_growth"),  # 涨幅 of 上升110%: the change itself
        ("在网上就能办的事项占的比例，市本级是多少", "online_rate"),  # 市本级 is where, not what
        ("请问贵市行政执法能力三年提升行动首批验收了几个单位", "capacity_acceptance_units"),  # 贵市: the city
        ("人民调解一共调处了多少起纠纷", "people_mediation_disputes"),
    ],
)
def test_words_of_the_figure_in_other_writings_answer(engine, question, entry):
    reply = engine.respond(question)
    assert reply.status == "answer" and reply.entry_id == entry, reply.text


def test_names_asked_of_a_counted_group_are_declined(engine):
    reply = engine.respond("通过初评的22个乡镇街道都叫什么名字")
    assert reply.kind == "count_only", reply.text


def test_a_near_figure_measuring_what_the_leader_does_not_answers(engine):
    """ "网上能办的事项，零跑动的有多少": 网上可办数 leads, but 跑动 is what is counted."""
    reply = engine.respond("网上能办的事项，零跑动的有多少")
    assert reply.status == "answer" and reply.entry_id == "zero_trip_items", reply.text


def test_a_level_the_report_lacks_is_not_lent_another_figure(engine):
    reply = engine.respond("市本级公示了多少项执法事项")
    assert reply.status != "answer", reply.text


@pytest.mark.parametrize(
    "question",
    [
        "重大行政决策事项在全省排第几",
        "执法资格考试人数在全省排倒数吧",
        "首违免罚金额在全省排倒数吧",
        # a place denied in everyday words, or asked then claimed: still no rank of this subject
        "市本级网上可办数在全省没排到前面吧",
        "首违免罚金额在全省是什么水平，不会是垫底吧",
        "跑1次的事项在全省是什么水平，不会是垫底吧",
    ],
)
def test_a_rank_asked_of_a_subject_the_report_does_not_rank_is_declined(engine, question):
    """ "第7次" (常务会议) is an event's ordinal, no place in the province."""
    reply = engine.respond(question)
    assert reply.status != "answer" and "排名" in reply.text, reply.text


@pytest.mark.parametrize(
    "question, expected",
    [
        ("承诺时限整体压缩率74.1%，在全省处于什么位置", "处于全省前列"),  # the figure quoted, its rank clause after
        ("承诺时限压缩了百分之七十四点一这在全省算啥水平", "处于全省前列"),  # a rate said by its value
        ("行政许可填报发布率达到了何种水平", "100%"),  # a level with nothing it ranks among: the rate's value
        ("网上可办率是啥水平", "100%"),
        ("柔性执法率是什么水平", "在全省领先"),  # a rate the report gives no value of: where it stands
    ],
)
def test_a_level_asked_is_the_rank_stated_or_a_rates_value(engine, question, expected):
    reply = engine.respond(question)
    assert reply.status == "answer" and expected in reply.text, reply.text


@pytest.mark.parametrize("question", ["网上可办率在全省是啥水平", "首次不罚企业数是什么水平"])
def test_a_level_among_others_is_no_value_where_the_report_ranks_nothing(engine, question):
    """ "在全省" asks where it stands: 100% is no place in the province."""
    reply = engine.respond(question)
    assert reply.status != "answer" and "排名" in reply.text, reply.text


def test_a_phrasing_word_of_one_sibling_names_it_alone(engine):
    """ "不用跑的有几项": 不用 is said by the 0-trip figure's phrasings only; no 1024项 beside it."""
    reply = engine.respond("不用跑的有几项")
    assert reply.entry_id == "zero_trip_items" and "1024项" not in reply.answer, reply.text


def test_names_asked_of_things_the_report_never_counts_are_answered(engine):
    """ "两个栏目分别叫啥": the report names 《朝闻天下》 and 《小区大事》 in two sentences and
    counts no 栏目, so it is no count without its list."""
    reply = engine.respond("央视报道过益阳的两个栏目分别叫啥")
    assert reply.status == "answer" and "朝闻天下" in reply.text, reply.text


@pytest.mark.parametrize("question", ["首次不罚免掉的罚款金额有没有两千万", "企业头一回犯小错不罚款，一共少罚了多少钱"])
def test_fines_said_not_imposed_are_the_fines_waived(engine, question):
    reply = engine.respond(question)
    assert reply.status == "answer" and "2000余万元" in reply.answer, reply.text


@pytest.mark.parametrize("question", ["市医疗纠纷人民调解委员会的主任叫啥名字", "联合督查组组长是谁"])
def test_the_person_heading_a_body_is_a_detail_the_report_does_not_name(engine, question):
    """The report names bodies, never who heads them: a decline naming the role, no figure."""
    reply = engine.respond(question)
    assert reply.status == "fallback" and reply.lacking in ("主任", "组长"), reply.text


def test_a_list_the_report_only_counts_stays_declined_when_the_message_splits(engine):
    """ "新增的5个立法联系点都在哪 有名单不": the report gives 5个, no list; the two clauses read as
    two asks never bring the count back as the answer."""
    reply = engine.respond("新增的5个立法联系点都在哪 有名单不")
    assert reply.status == "fallback" and reply.kind == "count_only", reply.text


def test_a_part_denied_is_not_the_part_asked_so_the_total_stays_unstated(engine):
    """ "没通过初评的有没有" names 通过初评 only to ask of the rest: the total (一共就22个) is still
    what the report does not give, never 是的 on the 22 that passed."""
    reply = engine.respond("全市乡镇街道是不是一共就22个，没通过初评的有没有")
    assert reply.status != "answer" and not reply.text.startswith("是的"), reply.text
    assert engine.respond("全市一共有多少个乡镇通过了初评").status == "answer"


@pytest.mark.parametrize("question", ["这六千多家企业里哪个行业的最多？", "那6125家企业里哪个行业的最多"])
def test_which_member_of_a_figure_stated_stands_first_is_a_breakdown(engine, question):
    """The figure stated names the group; which of its members leads the report never says."""
    reply = engine.respond(question)
    assert reply.status != "answer" and reply.kind == "breakdown", reply.text
    assert "6125家" in engine.respond("六千多家是什么").answer


@pytest.mark.parametrize("question", ["11项赋权事项都是啥呀 列一下呗", "向园区赋权的11项都是什么"])
def test_the_members_of_a_figure_stated_are_asked_not_what_it_is(engine, question):
    """都是啥 / 列一下 of 11项 asks its items, which the report does not list: a count-only decline."""
    reply = engine.respond(question)
    assert reply.status != "answer" and reply.kind == "count_only", reply.text
    assert "11项" in engine.respond("那11项赋权是啥").answer


@pytest.mark.parametrize(
    "question, figure",
    [
        ("招商引资这些合同一共审查了多少件", "102件"),  # a kind as an example of the whole
        ("像无车证明这种能在网上开的证明有几种", "30余种"),
        ("市科学技术局参加的是第几批行政执法能力提升行动验收", "第一批"),  # an ordinal, no count of a kind
        ("典型案例有多少个", "70个"),
        ("那个普法案例涉及多少个方面 有生态环境保护 城管执法 还有个旅游的是什么", "20多个方面"),  # examples
        ("那30余种能在线开的证明都是哪些", "无车证明"),  # which ones: those the report names
        ("2023年新设了几个立法联系点", "5个"),  # 新设 is the report's 新增
    ],
)
def test_a_kind_named_as_an_example_or_a_member_asked_of_is_no_breakdown(engine, question, figure):
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.text, reply.text


@pytest.mark.parametrize(
    "question",
    ["两法衔接平台那个案件录入数排全省第几啊连续几年了", "两法衔接平台那个案件录入数全省排第几嗯连续几年了"],
)
def test_a_span_of_time_asked_is_answered_by_one_written_in_words(engine, question):
    """ "连续几年了" of 连续两年排名全省第一: no "the report gives no time" decline."""
    reply = engine.respond(question)
    assert reply.status == "answer" and "连续两年" in reply.answer and "全省第一" in reply.answer, reply.text


def test_a_full_name_asked_is_no_whole_list_and_a_count_only_decline_names_no_placeholder(engine):
    reply = engine.respond("益阳的经验被收进了一本书，那本书完整的名字到底叫啥")
    assert reply.status == "answer" and "全国法治政府建设示范创建典型经验与案例" in reply.answer, reply.text
    assert "（数量）" not in engine.respond("那几个具体是哪些，完整名单列一下").text


def test_this_time_names_the_batch_given_again(engine):
    """ "这次一共赋了多少项": 这次 points at the 再次 batch; a total of all batches is still no answer."""
    assert "11项" in engine.respond("市里又给园区下放了一批，这次一共赋了多少项审批服务事项").answer
    assert engine.respond("给园区一共赋权了多少项").kind == "part_only"


def test_materials_described_by_what_they_hold_are_the_figure_that_counts_them(engine):
    """材料 names no measure of its own: "录音录像、跟着案卷一起存起来的材料" are 音像记录."""
    reply = engine.respond("执法时录音录像、跟着案卷一起存起来的材料一共有多少件")
    assert reply.status == "answer" and "近2万件" in reply.answer, reply.text


@pytest.mark.parametrize("question", ["讨回工资最多的一笔是多少", "法律援助案件里最大的一件涉及多少钱"])
def test_the_most_of_one_member_is_a_breakdown_a_total_never_gives(engine, question):
    reply = engine.respond(question)
    assert reply.status != "answer" and "每一" in reply.text, reply.text


@pytest.mark.parametrize(
    "question",
    ["2023年全市所有区县加起来依申请政务服务事项网上可办数是多少", "含区县的网上可办数是多少"],
)
def test_the_counties_summed_are_no_figure_of_the_city_level_alone(engine, question):
    """2861项 is 市本级's: the counties' items summed with it are what the report lacks."""
    reply = engine.respond(question)
    assert reply.status != "answer" and "2861项" not in reply.answer, reply.text


@pytest.mark.parametrize(
    "question", ["第一批行政执法能力提升验收最后有几个单位通过了", "执法能力提升验收有多少个单位通过"]
)
def test_an_outcome_said_after_those_counted_is_asked(engine, question):
    """11个 units were inspected; how many passed, the report does not say."""
    reply = engine.respond(question)
    assert reply.status != "answer" and "11个" not in reply.text.split("\n")[0], reply.text


@pytest.mark.parametrize(
    "question", ["乡镇综合行政执法示范创建最后评上了几个示范乡镇", "有几个乡镇被评为示范乡镇", "评上示范的乡镇有多少个"]
)
def test_those_rated_are_not_those_past_a_step_before(engine, question):
    """22个 passed 初评; how many were rated 示范 in the end, the report does not say."""
    reply = engine.respond(question)
    assert reply.status != "answer" and "22个" not in reply.text.split("\n")[0], reply.text


@pytest.mark.parametrize(
    "question",
    [
        "第一批执法能力提升行动验收的11个单位，最后有几个通过了验收",
        "执法能力提升行动验收了11个单位，有几个通过了验收",
        # the step passed asked with no count before it: passing 验收 is not passing 初评
        "有几个通过了验收",
        "通过验收的乡镇有几个",
        "通过验收的单位有几个",
    ],
)
def test_those_checked_are_not_those_that_passed_the_check(engine, question):
    """11个 units were checked (验收); how many passed, the report does not say (22个 passed 初评)."""
    reply = engine.respond(question)
    assert reply.status != "answer" and "22个" not in reply.text.split("\n")[0], reply.text


def test_a_count_whose_own_words_say_the_outcome_still_answers(engine):
    assert "22个" in engine.respond("有多少个乡镇通过了").answer
    assert "22个" in engine.respond("通过初评的乡镇有几个").answer
    assert "22个" in engine.respond("有几个乡镇街道通过了综合执法示范初评").answer
