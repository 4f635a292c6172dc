"""Yes/no checks against the report."""

import pytest


@pytest.mark.parametrize(
    "question, yes",
    [
        ("首次不罚的企业是不是有六千多家", True),
        ("调处成功率不到九成吧", False),
        ("两法衔接平台案件录入数是不是连续三年全省第一", False),
        ("益阳是第二批全国法治政府建设示范市吧", False),
        ("2023年刑事破案数同比下降了吗", False),
        ("营商码是CCTV-12报道的吗", False),
        ("益阳出台了大通湖湖泊保护管理办法吗", True),
        ("立法联系点新增了10个吗", False),
        ("有没有要跑两次以上的事项", False),
        ("执法记录仪配了4400台对吧", True),
        ("那就是说刑事破案数是往下掉了咯", False),  # a final 咯 asks to confirm, as 吧 does
        ("网上可办率百分之百？真的全部都能在网上办啊", True),
        ("益阳在全国开调解会的时候上台讲过经验没", True),  # 讲过经验: the report's 经验发言
    ],
)
def test_yes_no(engine, question, yes):
    r = engine.respond(question)
    assert r.status == "answer", r.text
    assert r.answer.startswith("是的" if yes else "不是"), r.answer


def test_a_plain_figure_question_gets_no_verdict(engine):
    assert not engine.respond("首次不罚了多少家企业").answer.startswith(("是的", "不是"))


@pytest.mark.parametrize(
    "question, yes",
    [
        ("是不是没有要跑两次以上的事项了", True),  # the report: 无跑动2次或以上事项
        ("有没有跑动两次的事项", False),
        ("无房证明不能在网上开吧", False),  # the report: 可在线开具
        ("两法衔接平台录入数不是全省第一吧", False),
        ("两法衔接平台录入数是不是全省第一", True),
        ("营商码那个事上过央视没", True),  # a final 没 asks, it does not negate
        ("刑事破案数不是下降了吗", False),  # rhetorical: asserts 下降, the report says 上升
        ("网上可办率不是百分之百吗", True),
        ("行政机关负责人出庭应诉率没到百分之百吧", False),  # 100% is not below 100%
        # the negation after the number is part of its range, not a second negation to turn round
        ("诉前调解成功率是不是连一半都没到", False),
        ("柔性执法办理案件是不是五千件都不到", True),
        ("人民调解成功率八成都没有吧", False),
        ("人民调解成功率九成都超过了吧", True),
        ("执法记录仪一千台有没有", True),
        # a complement negated ("排不上号", "开不了") in the clause that claims it
        ("涉企执法案件柔性执法率在全省是不是排不上号", False),
        # a top place denied by 不 with or without a degree word ("不怎么", "不太")
        ("涉企执法案件柔性执法率是不是在全省不怎么靠前", False),
        ("柔性执法率在全省不太领先吧", False),
        ("无车证明网上开不了吧", False),
        ("我手机用不了，无车证明能在网上开吧", True),  # the story's 用不了 claims nothing
        # none at all claimed ("一个…都没"): 不是 where the report counts some
        ("2023年是不是一个立法联系点都没新增", False),
        ("首次不罚是不是一家企业也没有", False),
        ("一趟都不用跑就能办的事有多少，应该是1837项吧", True),  # 趟 counts trips: no "none" of the items
        # 个 counts anything: none claimed of the figure's own thing, true where the report says 无
        ("是不是一个执法记录仪都没配", False),
        ("是不是一个要跑两次以上的事项都没有", True),
        ("跑两次以上的事项是不是一个都没有", True),
        # 不 before the report's own word denies it (首次不罚 is a name: no denial)
        ("有没有行政机关负责人不出庭应诉的情况", False),
        ("首次不罚的企业是不是6125家", True),
        # a way denied, then the other claimed with a bare 反
        ("刑事破案数是不是没涨反降了", False),
        ("刑事破案数是不是没降反涨了", True),
    ],
)
def test_negated_claims_are_turned_round(engine, question, yes):
    reply = engine.respond(question)
    assert reply.status == "answer" and reply.answer.startswith("是的" if yes else "不是"), reply.answer[:40]


def test_yes_only_when_the_evidence_states_the_claim(engine):
    """是的 / 不是 only for checks of what the report states: a practical question about a
    figure's subject ("要自己去申请吗") gets neither."""
    for question in ("企业第一次违规不罚 要自己去申请吗", "首次不罚的企业需要先登记吗"):
        reply = engine.respond(question)
        assert not reply.text.startswith(("是的", "不是")), (question, reply.text)


def test_some_hundreds_is_a_rough_range(engine):
    assert engine.respond("执法记录仪不是才几百台吗").text.startswith("不是")
    assert engine.respond("执法记录仪是不是有几千台").text.startswith("是的")


def test_letters_left_unread_never_get_a_verdict(engine):
    """Pinyin the reader cannot place ("diandi", "da dao25%") is no claim to confirm or deny."""
    assert not engine.respond("涉企执法案件柔性执法率在全省是 diandi 的吗").text.startswith(("是的", "不是"))
    assert engine.respond("复调对接的调解和解率da dao25%了吗").text.startswith("是的")  # 达到25%, read
    assert engine.respond("营商码是CCTV-12报道的吗").text.startswith("不是")


def test_a_check_of_a_figure_an_explanation_states(engine):
    """The explanation of 湘易办 states 300多个业务应用: "有没有三百个" is judged on it, and a
    figure of another thing (22个乡镇) never judges "五个方面"."""
    assert engine.respond("湘易办里面到底接了多少个业务应用啊 有没有三百个").text.startswith("是的")
    assert not engine.respond("乡镇综合行政执法示范创建是从五个方面提的标准吗").text.startswith("不是")


def test_a_step_towards_a_thing_is_not_the_thing(engine):
    """入围…推荐名单 does not confirm 已经正式成为…; asked as written it does."""
    assert engine.respond("智慧渔政已经正式成为全国法治政府建设示范项目了吗").answer.startswith("不是")
    assert engine.respond("智慧渔政入围全国法治政府建设示范项目推荐名单了吗").answer.startswith("是的")


@pytest.mark.parametrize(
    "question, yes",
    [
        ("承诺时限压缩率在全省排得上号吧", True),  # 处于全省前列
        ("承诺时限压缩率在省里是不是比较落后", False),
        ("两法衔接平台录入数在全省是不是数一数二", True),  # 全省第一
        ("两法衔接平台录入数在全省是不是垫底", False),
        # a place in everyday words, and a place denied: the claim's way, then its negation
        ("涉企执法案件的柔性执法率在全省是不是不太行", False),
        ("柔性执法率在省里是不是很差", False),
        ("柔性执法率在全省是不是排在后面", False),
        ("柔性执法率在全省不靠后吧", True),
        ("柔性执法率在全省不算落后吧", True),
        ("柔性执法率在省里不差吧", True),
        ("柔性执法率在全省不怎么靠前吧", False),
        ("两法衔接平台录入数在全省不落后吧", True),
    ],
)
def test_checks_of_where_a_figure_stands(engine, question, yes):
    reply = engine.respond(question)
    assert reply.status == "answer" and reply.answer.startswith("是的" if yes else "不是"), reply.answer[:40]


def test_a_rank_check_of_a_figure_the_report_does_not_rank_gets_no_verdict(engine):
    for question in (
        "网上可办率在全省排倒数吧",
        "指导人民调解化解纠纷在全省应该是领先的吧",
        "诉前调解成功率在全省不靠后吧",
        "法律咨询人次在省里是不是很差",
        "免罚金额在省里处于什么水平",  # where it stands, whatever it counts (money here)
        "执法记录仪在全省排得怎么样",  # a rank asked, never the part of the report it is in
    ):
        reply = engine.respond(question)
        assert not reply.text.startswith(("是的", "不是")), reply.text[:40]
        assert reply.status == "fallback" and "排名" in reply.text, reply.text[:60]


@pytest.mark.parametrize("question", ["营商码赋码检查超过一万次了吧", "营商码赋码检查是不是还没超过一万次"])
def test_an_amount_checked_of_a_thing_the_report_never_counts_gets_no_verdict(engine, question):
    """The 1 of 一万 is no number of "CCTV-13": nothing bears the claim out, and no figure is there."""
    reply = engine.respond(question)
    assert not reply.text.startswith(("是的", "不是")) and reply.status != "answer", reply.text[:40]


@pytest.mark.parametrize(
    "question, yes",
    [
        ("执法记录仪是不是每个执法的人都有", None),  # the 全部 of the sentence is about 音像记录
        ("音像记录是不是全部都随案存档了", True),
        ("网上可办率100%，是不是所有事项都能网上办", True),
    ],
)
def test_a_claim_about_all_is_borne_out_only_by_the_figures_own_clause(engine, question, yes):
    answer = engine.respond(question).answer
    if yes is None:
        assert not answer.startswith(("是的", "不是")), answer[:40]
    else:
        assert answer.startswith("是的" if yes else "不是"), answer[:40]


@pytest.mark.parametrize(
    "question, yes",
    [
        ("承诺时限整体压缩率是不是还没到一半", False),  # 没到 before 一半 is its range, not a negation
        ("诉前调解成功率没超过一半吧", False),
        ("调处成功率有没有一半", True),
        ("承诺时限压缩率是半数以上吧", True),
        ("民商事一审收案是不是降下来了", True),  # a direction with its complement (降下来)
        ("刑事破案数是不是降下来了", False),
    ],
)
def test_half_and_directions_said_every_way(engine, question, yes):
    assert engine.respond(question).answer.startswith("是的" if yes else "不是")


@pytest.mark.parametrize(
    "question",
    [
        "两法衔接 录入数连续两年全省第一 真的假的",
        "听说市里专门出了一个管资江两岸风貌的规定，这个是真的吗？",
        "我儿子说益阳是全国第一批法治政府建设示范市，也不晓得他是不是吹牛，是不是真有这么回事？",
        "邻居讲我们龙光桥街道评上了省里的法治政府示范单位，是真的还是邻居乱讲的？",
    ],
)
def test_a_claim_heard_then_a_check_naming_nothing_is_judged(engine, question):
    """The check tags closing a message are how it asks, not what it claims."""
    assert engine.respond(question).answer.startswith("是的")


@pytest.mark.parametrize(
    "question, yes",
    [
        ("跑动2次及以上的事项，难道不是一个都没有吗", True),  # the frame 难道不是…吗 asserts "一个都没有"
        ("难道不是没有要跑两次以上的事项吗", True),
        ("2023年全市刑事破案数难道不是同比下降了吗", False),
        ("刑事破案数难道不是同比上升了吗", True),
        ("新增的立法联系点是不是一个都没有", False),  # 一个都没有 is none: the report has 5个
    ],
)
def test_a_rhetorical_frame_asserts_its_claim_negations_and_all(engine, question, yes):
    assert engine.respond(question).answer.startswith("是的" if yes else "不是")


def test_a_check_without_unit_picks_the_near_figure_of_its_size(engine):
    """ "首违免罚免了两千多万吗": 免罚金额 (2000余万元), never 6125家 of the same topic."""
    reply = engine.respond("首违免罚免了两千多万吗")
    assert reply.entry_id == "exempted_fines" and reply.answer.startswith("是的"), reply.text


def test_a_negation_in_another_clause_does_not_turn_the_check_round(engine):
    """ "园区那边冇得好多审批权，市里是不是又放哒二十项下去": 冇得 is the story's, 二十项 is checked."""
    assert engine.respond("园区那边冇得好多审批权，市里是不是又放哒二十项下去？").answer.startswith("不是")


@pytest.mark.parametrize(
    "question, yes",
    [
        # an admin's phrasing ("南县评上省里法治示范了吗") never places 评上 after another county
        ("资阳区是不是评上了省里的法治政府建设示范地区", True),
        ("沅江市也评上了第二批省法治政府建设示范地区吧", False),  # the report lists others, not it
        ("资阳区和桃江县都评上了省里的法治政府建设示范地区吗", False),
        ("有无房证明能不能在线开", True),  # 有 of a certificate's name, not "还有…" of 无
        ("还有要跑两次的事项吗", False),
        # 法院 where one appears, and 行政检察 in another clause of the source: no contrast
        ("政府被人告了，单位一把手亲自去法院应诉的比例有多高，是100%吗", True),
        ("阅核机制是检察院出的吗", False),  # the court's own clause says 法院
    ],
)
def test_only_what_the_report_states_can_say_no(engine, question, yes):
    r = engine.respond(question)
    assert r.answer.startswith("是的" if yes else "不是"), r.answer


@pytest.mark.parametrize(
    "question, yes",
    [
        ("承诺办结的时限压缩了百分之七十几来着 应该是百分之三十四点一吧", False),  # the number checked last
        ("民商事一审收案同比降了百分之十几来着？应该是百分之十点二一吧", True),
    ],
)
def test_a_check_after_a_number_recalled_checks_its_own_number(engine, question, yes):
    reply = engine.respond(question)
    assert reply.answer.startswith("是的" if yes else "不是"), reply.answer


@pytest.mark.parametrize(
    "question, yes",
    [
        ("承诺时限压缩率超70%了吗", True),  # 超, 逾: over
        ("首次不罚的企业数量是否逾六千家", True),
        ("网上可办率是不是百分之九十几啊", False),  # 九十几 is short of 100%
        ("执法记录仪是不是四千多台", True),
        # "无车证明" names a certificate: no "there is none" of the certificates claimed
        ("我想问，现在有好多种证明可以直接在网上开？我听说是三十多种，是不是？", True),
    ],
)
def test_rough_numbers_and_bounds_said_every_way(engine, question, yes):
    reply = engine.respond(question)
    assert reply.answer.startswith("是的" if yes else "不是"), reply.answer


@pytest.mark.parametrize(
    "question, start",
    [
        ("人民调解是不是都调成功了", "不是"),  # 93%
        ("诉前调解都调成功了吗", "不是"),  # 56.8%
        ("行政许可实施规范和办事指南是不是都填报发布了，没有落下的吧", "是的"),  # 100%
        ("行政机关负责人出庭应诉是不是一个都没缺", "是的"),  # 100%: 一个都没缺 is all, no count
    ],
)
def test_all_of_a_rate_claimed_is_borne_out_only_by_100_percent(engine, question, start):
    assert engine.respond(question).answer.startswith(start)


@pytest.mark.parametrize(
    "question, yes",
    [
        ("承诺办结的时限压缩了百分之七十几来着啊是不是34.1%", False),  # the number checked is the last one
        ("承诺办结的时限压缩了百分之七十几来着啊是不是74.1%", True),
        ("政府一年里要拍板的那些重要大事列了个目录，2023年市本级定了几项呀有6项吗", True),  # 一年里: a span
    ],
)
def test_an_ask_then_a_check_judges_the_number_checked(engine, question, yes):
    """是不是 before the number checked asks, it denies nothing; a span the asker tells (一年里)
    claims no count of years."""
    reply = engine.respond(question)
    assert reply.status == "answer" and reply.answer.startswith("是的" if yes else "不是"), reply.answer[:40]
