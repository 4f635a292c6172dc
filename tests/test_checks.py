"""A check right after an answer is judged against the figure just given (bot/engine/engine.py)."""

import re

import pytest

from bot.engine.conversation import Conversation


@pytest.mark.parametrize(
    "question, check, yes, figure",
    [
        ("法律援助受理了多少件案件", "是两千九百多件对吧", True, "2900余件"),
        ("法律援助受理了多少件案件", "不是三千多件吗", False, "2900余件"),
        ("网上可办数是多少", "不是三千项吗", False, "2861项"),
        ("诉前调解成功率多少", "是五成多吗", True, "56.8%"),
        ("人民调解调处成功率是多少", "九成三 对不对", True, "93%"),
        ("执法记录仪配了多少台", "4400台是吧", True, "4400台"),
        # proposed, hedged, in shares, teens, doubling or "all of them", in any tone
        ("三统一市政府规范性文件多少件", "不是82件吗，我记得", False, "28件"),
        ("首次不罚多少家企业", "没搞错吧，不是六百多家", False, "6125家"),
        ("首次不罚多少家企业", "没搞错吧，不是六千多家", True, "6125家"),
        ("诉前调解成功率多少", "一半多一点点是吧", True, "56.8%"),
        ("诉前调解成功率多少", "才一半多一点？连六成都不到？", True, "56.8%"),
        ("复调对接和解率多少", "也就是四分之一咯", True, "25%"),
        ("复调对接和解率多少", "三分之一吧", False, "25%"),
        ("刑事破案数同比涨了多少", "涨了百分之一百一？真的假的", True, "110%"),
        ("市本级重大行政决策事项确定了几项", "没有十几项吗", False, "6项"),
        ("新增了几个立法联系点", "不是新增了15个吗，我记得是十几个", False, "5个"),
        ("行政机关负责人出庭应诉率多少", "意思是全都出庭了？", True, "100%"),
        ("诉前调解成功率多少", "意思是全都调成了？", False, "56.8%"),
        ("刑事破案数变化多大", "涨了百分之一百一？真的假的", True, "110%"),
        ("刑事破案数同比涨了多少", "那不是翻了一倍还多", True, "110%"),
        ("刑事破案数同比涨了多少", "那就是翻了一番还多？", True, "110%"),
        ("网上可办率多少", "全部都能在网上办啊？真的假的", True, "100%"),
        ("承诺时限整体压缩了多少", "不是百分之八十几吗", False, "74.1%"),  # 八十几: a rough number, no 几 asked
        # that very number claimed: 是 only where the report writes it without 近/余/多
        ("建立了多少处询问室听证室", "是正好200处吗", False, "近200处"),
        ("建立了多少处询问室听证室", "整整200处？", False, "近200处"),
        ("法律援助受理了多少件", "整整有两千九百件吗", False, "2900余件"),
        ("执法记录仪配了多少台", "不多不少正好4400台吧", True, "4400台"),
        ("网上可办率多少", "刚好百分之百对吧", True, "100%"),
    ],
)
def test_check_of_the_figure_just_given(engine, question, check, yes, figure):
    conversation = Conversation()
    first = engine.respond(question, conversation, now=0.0)
    assert first.status == "answer" and figure in first.text
    reply = engine.respond(check, conversation, now=1.0)
    assert reply.status == "answer" and figure in reply.answer
    assert reply.answer.startswith("是的" if yes else "不是"), reply.answer


@pytest.mark.parametrize(
    "question, verdict, figure",
    [
        # a share checked asks a share: the rate (100%), never 是的 of the count 2861项 beside it
        ("网上能办的政务事项只有七成吗", "不是", "100%"),
        ("不是说网上能办的政务事项只有一半左右吗", "不是", "100%"),
        ("网上能办的事项有九成吗", "是的", "100%"),
        ("网上可办率是多少，是四五成吧", "不是", "100%"),  # asked, then a share in words checked
        ("网上可办率是多少，是不是超过九成了", "是的", "100%"),
        # 省里 vs 全国, "不是A而是B" (B claimed), a shortlist vs the final status
        ("智慧渔政不是只在省里入围了吗", "不是", "推荐名单"),
        ("智慧渔政是在省里入围的吗", "不是", "推荐名单"),
        ("智慧渔政是全国的名单吧", "是的", "推荐名单"),  # 名单: the 推荐名单 said short
        ("智慧渔政入围的不是省里的名单，而是全国法治政府建设示范项目推荐名单吗？", "是的", "推荐名单"),
        ("智慧渔政入围的不是全国的名单，而是省里的名单吗", "不是", "推荐名单"),
        ("智慧渔政已经正式成为示范项目了吗", "不是", "推荐名单"),
        # a count of years by its unit (连续两年: the 1 of 第一 is no 一年)
        ("两法衔接平台案件录入数不是说只拿了一年全省第一吗", "不是", "全省第一"),
        ("两法衔接平台案件录入数不是只拿过一年全省第一吗", "不是", "全省第一"),  # 第一 checked, 一年 too
        ("两法衔接平台案件录入数只拿过一年全省第一吧", "不是", "全省第一"),
        ("两法衔接平台案件录入数是不是连续两年全省第一", "是的", "全省第一"),
        ("两法衔接平台案件录入数是连续三年全省第一吗", "不是", "全省第一"),
        # a check, then the same figure asked: the verdict with it (never across a negation)
        ("2023年益阳刑事案子破得比往年多冇？多了好多咯", "是的", "110%"),
        ("营商码上过央视吗？？哪个节目呀", "是的", "朝闻天下"),
        ("营商码上过央视吗 哪个频道哪个栏目", "是的", "朝闻天下"),  # the check, then two names of it
        ("营商码上过央视吗，哪个频道，哪个栏目", "是的", "CCTV-13"),
        ("行政机关负责人是不是还有不出庭应诉的", "不是", "100%"),
        ("依申请的政务服务事项里，是不是还有不能在网上办的？", "不是", "100%"),
        # a fact stated, then asked back by its mark alone
        ("刑事破案数是降了？", "不是", "110%"),
        ("民商事一审收案是下降了？", "是的", "10.21%"),
        # a figure asked, then a number said back ("370个？"): judged against the figure found
        ("帮了多少个农民工来着，370个？", "是的", "370名"),
        ("执法记录仪配了多少台，4400台？", "是的", "4400台"),
        ("网上可办事项有多少项，1500项？", "不是", "2861项"),
        ("柔性执法办了多少案子啊\n4千多件？", "是的", "4600余件"),  # a rough number, on its own line
        ("有没有新增一个立法联系点", "是的", "5个"),  # 一个 introduces what is checked, no count of one
        ("就是把审批权放到园区去的那个事，这回又放了几项是十一项对吧", "是的", "11项"),  # no break before the check
        ("询问室听证室建了多少是不是近两百处", "是的", "近200处"),
        ("是不是只新增了一个立法联系点", "不是", "5个"),
        ("柔性执法办了多少案子啊，三千多件？", "不是", "4600余件"),
        ("营商码上过央视没 哪个台哪个节目", "是的", "朝闻天下"),  # a check by its 没 ending, then which
        ("营商码上过电视没有", "是的", "朝闻天下"),  # 电视 in everyday words, of a CCTV channel
        # the asker's doubt, typed without breaks, is no claim and no measure ("有点" is a degree)
        (
            "我表姐在司法局上班上次一起吃饭她说益阳一年受理的法律援助案件有三千多件我有点不信是真的吗",
            "不是",
            "2900余件",
        ),
        ("法律援助案件有两千九百多件我有点不相信是真的吗", "是的", "2900余件"),
        # a hedge before 有/是 gives its range, not "at least" (近30000 is about 三万, not at least it)
        ("嗯法律咨询是不是差不多有三万人次", "是的", "近30000人次"),
        ("法律咨询大概是三万人次吗", "是的", "近30000人次"),
        ("法律援助案件大概有两千件吗", "不是", "2900余件"),
        # the story's number (an age) is no claim; the claim checked is 少了 (下降10.21%)
        (
            "我爷爷八十多了一辈子没打过官司最近村里有人说现在法院收的案子变少了说是调解的多了真的假的"
            "民商事一审收案是不是比上一年少了",
            "是的",
            "10.21%",
        ),
    ],
)
def test_a_check_in_one_message_is_judged_on_what_it_claims(engine, question, verdict, figure):
    reply = engine.respond(question)
    assert reply.answer.startswith(verdict) and figure in reply.answer, reply.text


@pytest.mark.parametrize(
    "question, rate, yes, other",
    [
        ("诉前调解案例1万3千多件 成功率是不是没过6成", "56.8%", True, "93%"),
        ("诉前调解案例是一万三千多件吧，成功率是不是超过九成", "56.8%", False, "93%"),
        ("诉前调解有多少件，成功率是不是没过六成", "56.8%", True, "93%"),
        ("人民调解化解纠纷一万多起，成功率是九成多吧", "93%", True, "56.8%"),
    ],
)
def test_a_measure_checked_after_a_claim_is_the_measure_of_the_claims_subject(engine, question, rate, yes, other):
    """ "成功率" checked after a count of 诉前调解 is 诉前调解's rate, never another's."""
    reply = engine.respond(question)
    verdict = f"{'是的' if yes else '不是'}。"
    assert any(line.startswith(verdict) and rate in line for line in reply.answer.splitlines()), reply.text
    assert other not in reply.answer, reply.text


@pytest.mark.parametrize(
    "question, yes",
    [
        ("涉企执法案件柔性执法率在全省没排到前面吧", False),
        ("柔性执法率在全省排在前面吧", True),
        ("柔性执法率在全省是什么水平，不会是垫底吧", False),  # asked, then a claim checked
        ("承诺时限压缩率在全省啥水平 不会垫底吧", False),
    ],
)
def test_a_place_in_the_province_claimed_in_everyday_words_is_checked(engine, question, yes):
    reply = engine.respond(question)
    assert reply.answer.startswith("是的" if yes else "不是"), reply.text


@pytest.mark.parametrize(
    "question, yes",
    [
        ("执法资格考试5100多是按人算吗", True),  # 5100多名: people, counted 按人
        ("执法资格考试5100多名是按件算吗", False),
        ("法律咨询近三万人次是按人算吗", False),  # 人次 counts visits
        ("是不是一件要跑两趟以上的事都冇得", True),  # none claimed (冇得), the report says 无
        ("是不是一个要跑两次以上的事项都没有", True),
    ],
)
def test_units_of_one_kind_and_none_claimed_in_dialect_are_judged(engine, question, yes):
    reply = engine.respond(question)
    assert reply.answer.startswith("是的" if yes else "不是"), reply.text


def test_a_count_of_the_asks_is_no_number_said_back(engine):
    """ "…人民调解成功率 三个数": 三个数 counts the figures asked, it checks none of them."""
    reply = engine.respond("一审收案降了多少 诉前调解成功率 人民调解成功率 三个数。愁死了")
    assert all(f in reply.answer for f in ("10.21%", "56.8%", "93%")), reply.text


@pytest.mark.parametrize(
    "question, figure",
    [
        ("柔性执法办了蛮多案子啵，到底好多件咯 是四千六百多件还是一万三千八百多件", "4600余件"),  # vague, then a choice
        ("法律咨询是按人次算的吧，提供了多少？是近30000人次呢还是近60000人次", "近30000人次"),  # a unit, then a choice
    ],
)
def test_a_choice_after_a_check_of_another_kind_gets_no_verdict(engine, question, figure):
    reply = engine.respond(question)
    assert figure in reply.answer and not reply.answer.startswith(("是的", "不是")), reply.text


def test_a_new_question_with_a_number_is_not_a_check(engine):
    conversation = Conversation()
    engine.respond("法律援助受理了多少件案件", conversation, now=0.0)
    reply = engine.respond("执法记录仪是不是有四千多台", conversation, now=1.0)
    assert "4400台" in reply.answer and reply.answer.startswith("是的")


def test_a_number_said_back_in_the_ask_leaves_its_figure_for_the_next_check(engine):
    conversation = Conversation()
    first = engine.respond("询问室听证室建了多少处 两百个左右？", conversation, now=0.0)
    assert first.answer.startswith("是的") and "近200处" in first.answer
    reply = engine.respond("是不是近200处", conversation, now=1.0)
    assert reply.answer.startswith("是的") and "近200处" in reply.answer, reply.text


def test_without_a_previous_answer_a_bare_check_is_not_answered_yes(engine):
    reply = engine.respond("是两千九百多件对吧", Conversation(), now=0.0)
    assert not reply.text.startswith(("是的", "不是"))


@pytest.mark.parametrize(
    "question, figure",
    [
        ("市本级依申请的政务服务事项在网上能办的一共几项啊，我要办个营业执照变更在网上哪里点进去", "2861项"),
        ("重大行政决策事项目录是哪一次常务会议通过的", "第7次"),
        ("法律咨询近三万人次，这个是人次还是件数", "近30000人次"),
    ],
)
def test_words_of_a_request_or_a_choice_never_decline_the_figure_asked(engine, question, figure):
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.text, reply.text


def test_a_name_asked_how_it_is_written_is_no_how_to(engine):
    reply = engine.respond("管行政检察跟行政执法监督协作配合的那个实施意见，全称怎么写的")
    assert reply.status == "answer" and "实施意见" in reply.answer, reply.text
    assert engine.respond("申请书怎么写").status != "answer"


def test_practical_yes_no_questions_get_a_how_to_decline_never_yes(engine):
    for question in ("找律师打官司要花钱吗", "能不能在网上申请法律援助啊", "法律援助去哪里申请"):
        reply = engine.respond(question)
        assert reply.status != "answer" and not reply.text.startswith(("是的", "不是")), question


@pytest.mark.parametrize(
    "question, follow_up, expected",
    [
        ("营商码是什么", "那是哪个频道报道的", "CCTV-13"),
        ("营商码是什么", "他们是被哪个栏目报道的", "朝闻天下"),
    ],
)
def test_a_question_pointing_back_is_answered_about_the_last_answer(engine, question, follow_up, expected):
    conversation = Conversation()
    assert engine.respond(question, conversation, now=0.0).status == "answer"
    reply = engine.respond(follow_up, conversation, now=1.0)
    assert reply.status == "answer" and expected in reply.text


def test_pointing_back_never_answers_another_year(engine):
    conversation = Conversation()
    engine.respond("法律援助案件多少件", conversation, now=0.0)
    assert engine.respond("那去年呢", conversation, now=1.0).status != "answer"


@pytest.mark.parametrize(
    "question",
    [
        "询问室听证室能不能帮我办一下",
        "问话的屋子跟开听证的房间，几点上班",
        "法律援助案件找谁办",
        "无车证明具体怎么在网上申请开啊",  # where the step is done, between the how and the step
    ],
)
def test_practical_requests_in_other_words_are_how_to_declines(engine, question):
    reply = engine.respond(question)
    assert reply.status != "answer" and not reply.text.startswith(("是的", "不是"))


def test_a_check_after_an_explanation_is_judged_against_the_figure_it_states(engine):
    from bot.engine.conversation import Conversation

    conversation = Conversation()
    engine.respond("还没打官司之前先调解的有多少件", conversation, 0.0)
    assert engine.respond("是不是13355件", conversation, 1.0).text.startswith("是的")
    assert engine.respond("是6677件吗", conversation, 2.0).text.startswith("不是")


def test_a_bare_number_after_an_answer_is_a_check(engine):
    from bot.engine.conversation import Conversation

    conversation = Conversation()
    engine.respond("谁执法谁普法发布了多少个典型案例", conversation, 0.0)
    assert engine.respond("七百个？", conversation, 1.0).text.startswith("不是")


def test_the_year_before_the_only_report_is_another_year(engine):
    from bot.engine.conversation import Conversation

    conversation = Conversation()
    engine.respond("法律援助案件多少件", conversation, 0.0)
    reply = engine.respond("那前一年呢", conversation, 1.0)
    assert reply.status != "answer" and "2022" in reply.text


def test_a_check_that_says_the_opposite_or_sounds_surprised_is_a_check(engine):
    from bot.engine.conversation import Conversation

    conversation = Conversation()
    engine.respond("刑事破案数同比上升了多少", conversation, 0.0)
    assert engine.respond("是下降了110%吗", conversation, 1.0).text.startswith("不是")
    conversation = Conversation()
    engine.respond("新增了几个立法联系点", conversation, 0.0)
    assert engine.respond("就5个啊", conversation, 1.0).text.startswith("是的")


def test_a_check_after_a_follow_up_is_judged_against_the_follow_ups_figure(engine):
    conversation = Conversation()
    engine.respond("诉前调解案例有多少件", conversation, 0.0)
    assert "56.8%" in engine.respond("那成功率呢", conversation, 1.0).text
    reply = engine.respond("百分之六十五点八是吧", conversation, 2.0)
    assert reply.answer.startswith("不是") and "56.8%" in reply.answer


@pytest.mark.parametrize(
    "check, yes",
    [
        ("九成三，没记错吧", True),
        ("我听说才百分之九十，不是吗", False),
        ("我记得是百分之九十三，对不对", True),
        ("好像是九成吧", False),
    ],
)
def test_hearsay_and_memory_frames_are_part_of_the_check(engine, check, yes):
    conversation = Conversation()
    engine.respond("人民调解调处成功率是多少", conversation, 0.0)
    reply = engine.respond(check, conversation, 1.0)
    assert reply.answer.startswith("是的" if yes else "不是") and "93%" in reply.answer, reply.answer


@pytest.mark.parametrize(
    "question, check, yes",
    [
        ("民商事一审收案同比变化", "是上升了对吧", False),
        ("刑事破案数同比变化多少", "是上升了吧", True),
        ("刑事破案数同比变化多少", "跌了吗", False),
    ],
)
def test_a_direction_checked_after_a_change_is_judged_on_that_change(engine, question, check, yes):
    conversation = Conversation()
    engine.respond(question, conversation, 0.0)
    assert engine.respond(check, conversation, 1.0).answer.startswith("是的" if yes else "不是")


@pytest.mark.parametrize(
    "question, yes",
    [
        ("民商事一审收案量是涨了吧", False),
        ("民商事一审收案量是降了吧", True),
        ("部门规范性文件三统一的不止五十件吧", True),
        ("部门规范性文件三统一的不止六十件吧", False),
    ],
)
def test_spoken_directions_and_not_only_are_checked(engine, question, yes):
    assert engine.respond(question).answer.startswith("是的" if yes else "不是")


@pytest.mark.parametrize(
    "question, check, yes",
    [
        ("执法资格考试组织了多少执法人员", "不是一千五百人吗", False),
        ("柔性执法方式办了多少案件", "也就是四千六出头", True),
        ("承诺时限整体压缩率", "是47.1%吧 我记得", False),
    ],
)
def test_checks_in_other_units_spoken_numbers_and_trailing_memory(engine, question, check, yes):
    """人 counts what 名 counts; 四千六 is 4600; "…吧 我记得" is still a check."""
    conversation = Conversation()
    engine.respond(question, conversation, 0.0)
    assert engine.respond(check, conversation, 1.0).answer.startswith("是的" if yes else "不是")


def test_a_number_of_another_unit_is_never_confirmed(engine):
    assert not engine.respond("执法记录仪是4400人吗").answer.startswith("是的")


@pytest.mark.parametrize(
    "question, follow_up, expected",
    [
        ("营商码被哪个节目报道过", "哪个频道的", "CCTV-13"),
        ("桃江县婚调经验评上了什么", "上了哪个电视节目", "小区大事"),
        ("新增了几个立法联系点", "他们提了多少意见建议", "40余条"),
    ],
)
def test_a_follow_up_naming_nothing_of_its_own_is_about_the_last_answer(engine, question, follow_up, expected):
    """ "哪个频道的" names only the kind of thing asked; an answer that merely repeats the last
    one ("他们提了多少意见建议" → 5个 again) is no answer to a question in other words."""
    conversation = Conversation()
    engine.respond(question, conversation, 0.0)
    reply = engine.respond(follow_up, conversation, 1.0)
    assert reply.status == "answer" and expected in reply.answer, reply.text


def test_a_bare_number_with_a_checking_tone_checks_the_last_figure(engine):
    conversation = Conversation()
    engine.respond("执法记录仪全市配了多少", conversation, 0.0)
    assert engine.respond("四千四对吧", conversation, 1.0).answer.startswith("是的")
    assert engine.respond("4500吧", conversation, 2.0).answer.startswith("不是")


def test_a_follow_up_the_knowledge_matches_clearly_is_answered_as_it_is(engine):
    """ "其中一次都不用跑的呢" after 网上可办事项: the entry it names leads by far, so it answers;
    an answered question naming its own subject is never re-read as about the last answer."""
    conversation = Conversation()
    engine.respond("市本级网上可办的事项有多少项", conversation, 0.0)
    assert "1837项" in engine.respond("其中一次都不用跑的呢", conversation, 1.0).answer
    assert "1024项" in engine.respond("跑一次的呢", conversation, 2.0).answer
    conversation = Conversation()
    engine.respond("一次都不用跑的事项有多少", conversation, 0.0)
    reply = engine.respond("那个医疗纠纷调解委员会得了什么称号", conversation, 1.0)
    assert "全国模范人民调解委员会" in reply.answer


@pytest.mark.parametrize(
    "question, follow_up, expected",
    [
        ("乡镇综合行政执法示范创建标准从几个方面定的", "哪五个", "权责清晰"),
        ("湘易办接入了多少个业务应用", "举两个例子", "红星云"),
        ("益阳有地方评上第二批湖南省法治政府建设示范吗", "具体是哪几个", "龙光桥街道"),
    ],
)
def test_which_ones_after_an_answer_quotes_the_sentence_naming_them(engine, question, follow_up, expected):
    conversation = Conversation()
    engine.respond(question, conversation, 0.0)
    reply = engine.respond(follow_up, conversation, 1.0)
    assert reply.status == "answer" and expected in reply.answer, reply.text


def test_which_units_after_a_count_quotes_the_sentence_naming_some(engine):
    """ "具体是哪几个单位": 个单位 names nothing; the sentence names 市市监局、市科学技术局等11个."""
    conversation = Conversation()
    engine.respond("执法能力提升行动第一批验收了几个单位", conversation, 0.0)
    reply = engine.respond("具体是哪几个单位", conversation, 1.0)
    assert reply.status == "answer" and "市科学技术局" in reply.answer


def test_a_hedged_negated_check_is_a_check(engine):
    conversation = Conversation()
    engine.respond("跑一次事项", conversation, 0.0)
    reply = engine.respond("应该不是五百一十二项吧", conversation, 1.0)
    assert reply.answer.startswith("是的") and "1024项" in reply.answer


def test_a_part_asked_as_a_whole_gives_its_figures(engine):
    """ "农民工那块呢" after 法律援助: every figure the knowledge names after 农民工."""
    conversation = Conversation()
    engine.respond("法律援助案件多少件", conversation, 0.0)
    reply = engine.respond("农民工那块呢", conversation, 1.0)
    assert "370名" in reply.answer and "317万余元" in reply.answer


@pytest.mark.parametrize(
    "question, follow_up, expected",
    [
        ("谢琦办案团队是干啥的", "得了个什么称号", "优秀团队"),
        ("企业合规指导建议编了多少项", "是根据哪个文件编的", "关于编制企业行政合规指导清单的通知"),
    ],
)
def test_a_follow_up_naming_nothing_is_about_the_last_subject(engine, question, follow_up, expected):
    """An ask with no word of its own (称号 is the answer's kind, 根据 what it rests on) is read
    with the last question's subject, whatever the plain reading scored."""
    conversation = Conversation()
    engine.respond(question, conversation, 0.0)
    reply = engine.respond(follow_up, conversation, 1.0)
    assert reply.status == "answer" and expected in reply.answer, reply.text


@pytest.mark.parametrize(
    "question, yes",
    [
        ("刑事破案数是不是增加了", True),  # 上升110%: 增加 is the same way
        ("刑事破案数同比提高了吗", True),
        ("刑事破案数是不是减少了", False),
        ("民商事一审收案同比是减少的，对吧", True),  # 下降10.21%
        ("民商事一审收案同比是增加的吗", False),
    ],
)
def test_a_direction_in_other_words_is_the_same_direction(engine, question, yes):
    assert engine.respond(question).answer.startswith("是的" if yes else "不是")


@pytest.mark.parametrize(
    "question, check, yes",
    [
        ("首次不罚企业多少家", "我听人讲是三千来家 没得六千家吧", False),  # 三千 claimed; 没得 goes with 六千
        ("首次不罚企业多少家", "不是六千多家吧", False),
        (
            "2023年全市行政执法部门公示执法事项多少",
            "那过了法治审核的不是有两万多项吗",
            False,
        ),  # another figure: 1.5万余项
    ],
)
def test_a_check_is_judged_on_the_number_it_claims_and_the_figure_it_names(engine, question, check, yes):
    conversation = Conversation()
    engine.respond(question, conversation, 0.0)
    reply = engine.respond(check, conversation, 1.0)
    assert reply.answer.startswith("是的" if yes else "不是"), reply.text
    if "法治审核" in check:
        assert "1.5万余项" in reply.answer, reply.text


@pytest.mark.parametrize(
    "question, check, verdict",
    [
        ("执法记录仪全市配了几台", "不是四千台吗 我看新闻说的四千台", "不是"),
        ("刑事破案数变化多少", "不是上升了吗 我朋友在法院说案子越来越多", "是的"),
    ],
)
def test_a_check_followed_by_where_the_asker_heard_it_is_judged(engine, question, check, verdict):
    conversation = Conversation()
    first = engine.respond(question, conversation, now=0.0)
    reply = engine.respond(check, conversation, now=1.0)
    assert reply.entry_id == first.entry_id and reply.answer.startswith(verdict), reply.text


def test_a_word_holding_a_negation_negates_nothing_claimed(engine):
    reply = engine.respond("我邻居在嘉禾开出租车 坐车的时候刷手机看到 心里没底讨回的工资有三百多万吧")
    assert reply.answer.startswith("是的"), reply.text
    assert engine.respond("讨回的工资没有三百万吧").answer.startswith("不是")


@pytest.mark.parametrize(
    "question, follow_up, expected, kind",
    [
        ("民商事一审收案同比变了多少", "是涨了还是降了", "下降10.21%", "check"),  # which way: the answer says
        ("零跑动的事项多少项", "跑两次以上的有冇得", "无", "entry"),  # another one, not a check of 1837项
    ],
)
def test_which_way_and_whether_another_exists_after_an_answer(engine, question, follow_up, expected, kind):
    conversation = Conversation()
    engine.respond(question, conversation, now=0.0)
    reply = engine.respond(follow_up, conversation, now=1.0)
    assert expected in reply.text and reply.kind == kind, reply.text


def test_meide_ending_a_question_asks_whether(engine):
    """ "营商码上过央视没得": 没得 at the end is 没有, a yes/no question."""
    assert engine.respond("营商码上过央视没得").answer.startswith("是的")


@pytest.mark.parametrize(
    "question, yes",
    [
        ("执法资格考试 5千1百多人考？ok吗", True),  # digits mixed with magnitude words
        ("智慧渔政是进了推荐名单对吧", True),  # the step claimed in other words (入围…推荐名单)
        ("智慧渔政已经是示范项目了吗", False),  # only a step towards it
        ("湘易办益阳旗舰店 有木有接入市长信箱呀", True),  # 有木有 is 有没有
        ("听说帮农民工要回了三百多万工资 真的假的", True),  # 真的假的 checks, money claimed in 万
        ("听说首次不罚的企业有九千多家 真的假的", False),
    ],
)
def test_checks_typed_as_people_type_them(engine, question, yes):
    reply = engine.respond(question)
    assert reply.text.startswith("是的" if yes else "不是"), reply.text


def test_a_check_of_the_step_just_given_in_other_words(engine):
    conversation = Conversation()
    engine.respond("“智慧渔政”取得了什么成绩", conversation, 0.0)
    assert engine.respond("是进了推荐名单对吧", conversation, 1.0).text.startswith("是的")


@pytest.mark.parametrize(
    "question, yes",
    [
        ("政府合同和涉法事无审查了120件对吗", False),  # 无 of a mistyped 事务 negates nothing
        ("政府合同和涉法事务审查了120件对吗", False),
        ("合同没审查120件吧", True),  # a lone 没 just before the number does
        ("复调对接的调解和解率没过三成吧", True),
        ("行政许可事项清单发布率没有达到100%吧", False),
        ("新增了5个立法联系点，没措吧", True),  # 没措 is 没错 mistyped
    ],
)
def test_a_negation_counts_only_where_it_negates_the_checked_number(engine, question, yes):
    assert engine.respond(question).text.startswith("是的" if yes else "不是")


@pytest.mark.parametrize(
    "question, check, yes",
    [
        ("民商事一审收案变化多少", "那就是案子减少了？", True),  # 案子 is the subject, in the asker's word
        ("民商事一审收案变化多少", "那就是案子变多了？", False),
    ],
)
def test_a_direction_checked_of_the_subject_in_everyday_words(engine, question, check, yes):
    conversation = Conversation()
    engine.respond(question, conversation, 0.0)
    assert engine.respond(check, conversation, 1.0).text.startswith("是的" if yes else "不是")


def test_a_direction_of_another_subject_is_no_check_of_the_last_answer(engine):
    conversation = Conversation()
    engine.respond("刑事破案数涨了多少", conversation, 0.0)
    reply = engine.respond("那就是人数减少了？", conversation, 1.0)
    assert not reply.text.startswith(("是的", "不是")), reply.text


@pytest.mark.parametrize(
    "question, yes", [("不会吧，承诺时限能压缩七成多？", True), ("不会吧，承诺时限能压缩九成多？", False)]
)
def test_surprise_before_a_claim_negates_nothing(engine, question, yes):
    assert engine.respond(question).text.startswith("是的" if yes else "不是")


def test_one_of_two_counted_together_is_never_confirmed_alone(engine):
    """ "询问室是不是建了一百多间": 近200处 counts 询问室 and 听证室 together."""
    reply = engine.respond("询问室是不是建了一百多间")
    assert reply.status != "answer" and not reply.text.startswith(("是的", "不是")), reply.text
    assert engine.respond("询问室听证室是不是近200处").text.startswith("是的")


@pytest.mark.parametrize("question", ["再向园区赋权的那11项事项能列一下吗", "通过初评的22个乡镇街道能列一下吗"])
def test_a_polite_request_for_a_list_the_report_lacks_is_no_yes(engine, question):
    reply = engine.respond(question)
    assert reply.status != "answer" and not reply.text.startswith("是的"), reply.text


def test_where_to_click_and_how_to_operate_are_how_to_requests(engine):
    reply = engine.respond("无房证明在线开具的入口在哪 具体咋操作")
    assert reply.status != "answer" and "办事信息" in reply.text


def test_almost_a_number_and_both_of_a_pair_described_are_checked(engine):
    """ "问话和开听证会用的房间，是不是建了快两百处": both rooms described, 快两百 is near 200."""
    reply = engine.respond("执法时问话和开听证会用的房间，是不是建了快两百处")
    assert reply.text.startswith("是的"), reply.text


@pytest.mark.parametrize(
    "question, verdict",
    [
        # a share "about" X is within a few points of it: 100% is not about 90%
        ("市本级网上可办率才百分之九十左右 是这样吗", "不是"),
        ("承诺时限压缩率七成五左右吗", "是的"),
        # a way denied, then the other claimed: the claim is the way after 反而
        ("民商事一审收案数是不是没降反而涨了", "不是"),
        ("刑事破案数是不是没降反而升了", "是的"),
        # a check naming nothing checks the claim told before it, whoever told it
        ("我表姐在司法局上班 上次一起吃饭她说益阳一年受理的法律援助案件有三千多件 我有点不信 是真的吗", "不是"),
        (
            "我爸是退休老干部，天天看新闻，他说益阳是第一批全国法治政府建设示范市，我说他记错了。到底是不是第一批？",
            "是的",
        ),
        # whoever told the claim and the asker's doubt are context, never "报告中没有…老头子说"; a
        # told claim in words the report lacks is checked by its number
        ("我家老头子说全部音像记录随案存档数是近2万件，真的假的", "是的"),
        ("村里的人说网办率是100%，我将信将疑，对不对", "是的"),
        ("隔壁王叔说问话的屋子跟开听证的房间是近200处，我有点不信，是真的吗", "是的"),
        ("隔壁王叔说零跑动事项数是五千五百一十一项，我不太相信，真的假的", "不是"),
        # a negation describing the subject ("没有证明也能办的事项") negates no claim; a choice
        # offered ("是上升了还是下降了") claims neither way
        ("冇得证明也能办的高频事项有好多项咯啊应该是一千五百多项吧", "不是"),
        ("冇得证明也能办的高频事项应该是三千多项吧", "是的"),
        ("民商事一审收案是上升了还是下降了然后下降了百分之多少 有10.21%吗", "是的"),
        ("民商事一审收案是上升了10.21%吗", "不是"),
        # "是这样的吗" is a bare check too; the doubt between it and the claim is the asker's
        ("她还说全市行政机关负责人出庭应诉率好像才一半多一点，我觉得不太可能，是这样的吗？", "不是"),
        ("听说法律援助案件有两千九百多件，是这样的吗", "是的"),
        # surprise ("不会吧") before or after the claim doubts it, it does not deny it
        ("承诺时限能压缩七成多，不会吧", "是的"),
        ("承诺时限能压缩九成多，不会吧", "不是"),
        ("我儿媳妇老家在吉首市做木匠活我就好奇不会吧，承诺时限能压缩七成多？", "是的"),
        # "不会是X吧", "不会还有X吧" doubt X: X is what is checked; a bound or a number right after
        # 不会 is the asker's estimate ("不会低于九成吧": at least 九成)
        ("全市刑事破案数不会是同比上升了110%吧", "是的"),
        ("全市刑事破案数不会是同比下降了吧", "不是"),
        ("市本级不会还有要跑两次以上的政务事项吧", "不是"),
        ("人民调解的调处成功率不会低于九成吧", "是的"),
        ("首次不罚的企业不会超过一万家吧", "是的"),
        ("首次不罚的企业不会超过五千家吧", "不是"),
        # a bound opened by 连 after 不会 is the asker's estimate too ("不会连五万项都没有吧": at
        # least 五万), as is "不会连一个都没有吧" (some)
        ("全市公示的执法事项不会连五万项都没有吧", "是的"),
        ("全市公示的执法事项不会连十万项都没有吧", "不是"),
        ("不会连一个立法联系点都没新增吧", "是的"),
        ("是不是一个立法联系点都没新增", "不是"),
        ("乡镇综合执法示范创建，是不是一个乡镇都还没通过初评", "不是"),  # 都还没: none claimed too
        # 难道 asks as 吗 does; a first place claimed is a rank claimed
        ("难道益阳“两法衔接”平台的案件录入数从没拿过全省第一？", "不是"),
        ("两法衔接平台录入数没拿过全省第一吧", "不是"),
        ("两法衔接平台案件录入数是不是全省第一", "是的"),
        # the report's own deed said not done
        ("重大行政决策事项目录没经过论证就直接定了吧", "不是"),
        # the unit a figure is written in, checked ("单位是起吗" of 13355件); a number checked
        # beside it is judged as a number
        ("诉前调解案例那个13355，单位是起吗", "不是"),
        ("诉前调解案例是按件算的吗", "是的"),
        # the unit said with 数 ("按项数统计"), and a sum of money said as 的钱
        ("重大行政决策事项是按项数统计的吗", "是的"),
        ("重大行政决策事项是按件数统计的吗", "不是"),
        ("免罚的钱是按万元算的吗", "是的"),
        ("免罚的钱单位是万元吗", "是的"),
        ("免罚的钱是两千多万吗", "是的"),
        ("音像记录随案存档 单位是件，是不是近四万件", "不是"),
        # a lead with its aspect ("过了九成", dialect 过哒) is still a lead
        ("人民调解成功率是不是过哒九成咯", "是的"),
        ("人民调解成功率是不是超过了九成五", "不是"),
        # the asker's own verb (享受到了) is no subject of the check: who it was done to is
        ("2023年全市有好多家企业享受到了，有6125家吗", "是的"),
        # an ask, then a check of its figure, as a change against the time before (no comparison)
        ("办事要等的时间比原来缩短了多少是不是百分之三十四点一", "不是"),
        # a typo sounding like the report's own word is that word, never its contrast (省级)
        ("2023年益阳定的目标是打造法治益阳建设盛级版对吧", "是的"),
        # where a thing is (里面, 当中) is no part of what is claimed of it
        ("这个市长信箱是不是就放在湘易办益阳旗舰店里面", "是的"),
        ("益阳的典型经验是不是被收录到全国那个典型经验与案例里面了", "是的"),
        # "有这回事吗" names nothing: it checks the claim told before it; how a thing is done
        # (来推动的) is not what is claimed
        ("听说市里抓法治建设是靠落实一个关于加强市县法治建设的意见来推动的，有这回事吗", "是的"),
        # two rough numbers said about the same one agree ("两千来万" of 2000余万元)
        ("免罚金额是不是两千来万", "是的"),
        ("免罚金额是不是一千来万", "不是"),
        # a verb split by its aspect (发过言 of 发言)
        ("益阳搞调解的经验在全国的会上发过言没", "是的"),
        # two neighbouring numerals or a span are one rough range ("两三个" is 2 to 3, never 23;
        # "三四千" is 3000 to 4500, never 4000)
        ("嗯那个新增的立法联系点是不是就两三个啊", "不是"),
        ("首次不罚的企业是不是三四千家", "不是"),
        ("柔性执法事项是不是三四百项", "是的"),
        ("首次不罚的企业是不是5000到7000家", "是的"),
        # the first of a series (第一批 of 首批); what need not be done (不用交 of 免提交)
        ("益阳是第二批全国法治政府建设示范市吗", "不是"),
        ("益阳是不是头一批全国法治政府建设示范市", "是的"),
        ("是不是现在办事营业执照和身份证都不用再交了", "是的"),
        # a question word of the story before what was told ("找不到放哪") asks nothing
        (
            "老家在安化山里，我爷爷九十岁了，身份证老是找不到放哪。听说益阳现在办政务服务连身份证都不用交了，是真的吗？",
            "是的",
        ),
    ],
)
def test_checks_of_what_was_said_get_the_right_verdict(engine, question, verdict):
    reply = engine.respond(question)
    assert reply.status == "answer" and reply.text.startswith(verdict), reply.text
    # one verdict only: the knowledge states facts, the engine judges the claim
    assert reply.text.count("是的") + reply.text.count("不是") == 1, reply.text


def test_a_bare_check_checks_the_answer_just_given_or_nothing(engine):
    """ "是真的吗" right after an answer: 是的 and the same answer; alone: nothing to check; a place
    or a year it names makes it no bare check ("常德也是吗")."""
    conversation = Conversation()
    engine.respond("承诺时限压缩了多少", conversation, now=0.0)
    again = engine.respond("真的吗", conversation, now=1.0)
    assert again.text.startswith("是的") and "74.1%" in again.answer, again.text
    for bare in ("是真的吗", "真的假的", "对不对"):
        assert engine.respond(bare).status != "answer"


def test_a_doubt_before_a_question_of_its_own_is_the_askers(engine):
    """ "…说是调解的多了 真的假的 民商事一审收案是不是比上一年少了": the question after the doubt
    is asked (是的: 下降10.21%), never the doubt's claim (调解的多了)."""
    reply = engine.respond(
        "我爷爷八十多了一辈子没打过官司 最近村里有人说现在法院收的案子变少了 说是调解的多了 真的假的 民商事一审收案是不是比上一年少了"
    )
    assert reply.text.startswith("是的") and "10.21%" in reply.answer, reply.text


@pytest.mark.parametrize("question", ["一万零八百一十六是起 一万三千三百五十五是件 这俩分别指啥 哪个多"])
def test_an_ask_pointing_back_at_several_figures_takes_them(engine, question):
    reply = engine.respond(question)
    assert reply.status == "answer" and "10816起" in reply.answer and "13355件" in reply.answer, reply.text


@pytest.mark.parametrize(
    "check, yes",
    [("四个里面和解一个？", True), ("三个里面和解一个吧", False)],
)
def test_so_many_out_of_so_many_is_a_share(engine, check, yes):
    """ "四个里面和解一个" says 25%, as "四分之一" does."""
    conversation = Conversation()
    engine.respond("复调对接和解率多少", conversation, now=0.0)
    reply = engine.respond(check, conversation, now=1.0)
    assert reply.text.startswith("是的" if yes else "不是") and "25%" in reply.answer, reply.text


@pytest.mark.parametrize(
    "first, check, yes, figure",
    [
        ("询问室听证室建了多少处", "有没有过千", False, "近200处"),
        ("人民调解化解纠纷多少起", "有冒得过万", True, "10816起"),
        ("人民调解化解纠纷多少起", "是不是破万了", True, "10816起"),
    ],
)
def test_over_a_thousand_said_without_a_number_is_checked(engine, first, check, yes, figure):
    """ "过千", "破万": over one thousand, ten thousand; 冒得 typed for 冇得 (没有)."""
    conversation = Conversation()
    engine.respond(first, conversation, now=0.0)
    reply = engine.respond(check, conversation, now=1.0)
    assert reply.text.startswith("是的" if yes else "不是") and figure in reply.answer, reply.text


@pytest.mark.parametrize("question", ["市本级政务服务事项是不是冇得要跑两趟以上的咯", "办事冒得要跑两趟以上的吧？"])
def test_a_number_describing_the_thing_checked_is_no_claim(engine, question):
    """ "没有要跑两趟以上的吧": 两趟以上 before 的 names the thing; 没有 is what is checked."""
    reply = engine.respond(question)
    assert reply.answer.startswith("是的。跑动2次及以上事项数"), reply.text


@pytest.mark.parametrize(
    "question, verdicts, figures",
    [
        ("人民调解化解纠纷一万零八百一十六起，调处成功率百分之九十三，没错吧", ["是的", "是的"], ["10816起", "93%"]),
        ("公示执法事项7.5万余项，执法记录仪5000台，是吧", ["是的", "不是"], ["7.5万余项", "4400台"]),
        ("法治审核事项数一点五万余项；执法记录仪有八千八百台，是吧", ["是的", "不是"], ["1.5万余项", "4400台"]),
        ("询问室、听证室近200处，法律咨询近三万人次，这几个数对不对", ["是的", "是的"], ["近200处", "近30000人次"]),
        ("复调对接调解和解率有25%，执法记录仪有4400台，我没记错吧", ["是的", "是的"], ["25%", "4400台"]),
        # a claim described in the asker's words is a claim still, not story
        (
            "问话的屋子跟开听证的房间有近六百处，法律援助案件受理是2900多件，没错吧",
            ["不是", "是的"],
            ["近200处", "2900余件"],
        ),
    ],
)
def test_several_figures_stated_then_one_check_are_each_judged(engine, question, verdicts, figures):
    """ "A是N，B是M，没错吧": every figure stated is checked, in order, each with its own
    是的/不是 (a figure stated is never mere context when the check follows it)."""
    reply = engine.respond(question)
    said = [line[:2] for line in reply.answer.splitlines() if line.startswith(("是的", "不是"))]
    assert said == verdicts and all(f in reply.answer for f in figures), reply.text


@pytest.mark.parametrize(
    "question, verdicts, figures",
    [
        (
            "诉前调解案例 一万三千三百五十五件 调解成功率 嗯 是百分之五十六点八吗",
            ["是的", "是的"],
            ["13355件", "56.8%"],
        ),
        ("柔性执法4600余件，首次不罚是6000家吗", ["是的", "不是"], ["4600余件", "6125家"]),
    ],
)
def test_figures_stated_then_the_last_one_checked_are_each_judged(engine, question, verdicts, figures):
    """ "A N，B 是M吗": the figure stated before the one checked is checked too, never dropped."""
    reply = engine.respond(question)
    said = [line[:2] for line in reply.answer.splitlines() if line.startswith(("是的", "不是"))]
    assert said == verdicts and all(f in reply.answer for f in figures), reply.text


def test_a_figure_stated_then_a_question_of_another_is_no_claim_checked():
    """ "调处成功率93%，那诉前调解成功率多少": the second asks; nothing is checked."""
    from bot.analysis.split import checked_claims

    assert checked_claims("调处成功率93%，那诉前调解成功率多少") == ()
    assert checked_claims("调处成功率93%，诉前调解成功率是多少啊") == ()


@pytest.mark.parametrize(
    "question, yes",
    [
        ("给立法提意见的联系点新加有二个，对不对", False),  # the amount stated, not "at least two"
        ("新增立法联系点有5个，对吧", True),
        ("首次不罚的企业有六千家吗", True),  # a question of reaching: at least 6000
    ],
)
def test_you_stating_an_amount_is_checked_as_that_amount(engine, question, yes):
    """ "有N，对不对" states N; only "有N吗" asks whether it reaches N."""
    reply = engine.respond(question)
    assert reply.text.startswith("是的" if yes else "不是"), reply.text


def test_a_sum_checked_after_a_count_is_judged_on_the_sum_stated(engine):
    """ "那免罚的钱是不是有两个亿" after 首次不罚企业数: 两个亿 is a sum of money, so the check is
    of 免罚金额 (2000余万元), never answered with the 首违不罚 explanation and no verdict."""
    conversation = Conversation()
    engine.respond("首次不罚的企业有多少家", conversation, now=0.0)
    reply = engine.respond("那免罚的钱是不是有两个亿", conversation, now=1.0)
    assert reply.answer.startswith("不是") and "2000余万元" in reply.answer, reply.text
    assert engine.respond("免罚的钱是不是有两个亿").answer.startswith("不是")


@pytest.mark.parametrize(
    "question, yes", [("询问室听证室一共建有近200处，对吗？", True), ("执法记录仪配有5000台吧", False)]
)
def test_a_verb_of_having_before_the_claim_is_no_measure(engine, question, yes):
    """ "建有", "配有" say the thing has the figure, as 有 alone does: never a measure the report lacks."""
    reply = engine.respond(question)
    assert reply.text.startswith("是的" if yes else "不是"), reply.text


@pytest.mark.parametrize("question", ["是不是每个乡镇都通过了初评", "所有证明是不是都不用开了"])
def test_a_claim_about_every_one_gets_no_yes_unless_the_report_says_every_one(engine, question):
    """ "每个/所有…都" is borne out only by a report that says it of all (全覆盖, 100%)."""
    assert not engine.respond(question).answer.startswith("是的")


def test_a_claim_about_every_one_the_report_says_of_all_is_yes(engine):
    assert engine.respond("营业执照和身份证是不是都不用交了").answer.startswith("是的")


def test_a_question_mark_after_a_question_word_hidden_by_synonyms_is_no_check(engine):
    """ "多少钱" reads as 金额 once synonyms apply; it still asks, so "？" makes no check of 370名."""
    reply = engine.respond("三百七十名农民工一共讨回了多少钱？")
    assert reply.status == "answer" and not reply.answer.startswith(("是的", "不是")), reply.text
    assert "317万余元" in reply.answer.split("\n", 1)[0]


@pytest.mark.parametrize("question", ["22个通过初评的乡镇 有没有我们泉交河镇", "22个通过初评的乡镇里有没有泉交河镇"])
def test_a_member_checked_in_a_counted_group_gets_no_verdict_from_the_count(engine, question):
    """The number names the group; whether one is in it the count cannot tell (the report names none)."""
    reply = engine.respond(question)
    assert not reply.text.startswith(("是的", "不是"))


def test_a_member_the_report_names_in_a_counted_group_is_borne_out(engine):
    assert engine.respond("11个验收单位里有没有市科技局").text.startswith("是的")


@pytest.mark.parametrize(
    "check, verdict",
    [
        ("营业执照是不是不用交了", "是的"),  # one long report word names the thing among near entries
        ("营业执照还要交冇", "不是"),  # 冇 (没) ending the check asks whether, as 吗 does
        ("营业执照还要交没有", "不是"),
    ],
)
def test_a_check_of_a_stated_exemption_is_judged_on_its_sentence(engine, check, verdict):
    reply = engine.respond(check)
    assert reply.status == "answer" and reply.text.startswith(verdict) and "免提交" in reply.text, reply.text


@pytest.mark.parametrize(
    "check, yes",
    [
        ("营商码是不是上了CCTV新闻联播", False),  # a programme the report never names: no 是的
        ("营商码是不是上了朝闻天下", True),
        ("听讲桃江的婚调上哒中央电视台，是真的啵", True),  # 中央电视台 is CCTV (synonyms.yaml)
    ],
)
def test_a_claim_naming_a_thing_the_evidence_never_names_is_not_borne_out(engine, check, yes):
    reply = engine.respond(check)
    assert reply.status == "answer" and reply.text.startswith("是的") == yes, reply.text


@pytest.mark.parametrize(
    "first, check, verdict",
    [
        ("执法资格考试多少人参加", "是人数吗", "是的"),
        ("首次不罚免了多少钱", "是金额吗", "是的"),
        ("近2万件是指什么", "是案子数吗", "不是"),  # 音像记录随案存档: 随案 names no case counted
        ("法律援助案件多少", "是案件数吧", "是的"),
    ],
)
def test_a_check_naming_only_a_kind_of_figure_is_of_the_figure_just_given(engine, first, check, verdict):
    chat = Conversation()
    engine.respond(first, chat, now=0)
    reply = engine.respond(check, chat, now=1)
    assert reply.text.startswith(verdict), reply.text


def test_a_check_naming_only_a_kind_of_figure_alone_checks_nothing(engine):
    reply = engine.respond("是人数吗")
    assert reply.status != "answer" and not reply.text.startswith("是的"), reply.text


def test_an_ask_then_a_check_of_its_figures_kind(engine):
    reply = engine.respond("近2万件是指什么东西的数量啊 是案子数吗")
    assert reply.text.startswith("不是") and "近2万件" in reply.answer and "110%" not in reply.text, reply.text


@pytest.mark.parametrize(
    ("question", "yes"),
    [
        ("两法衔接平台那个案件录入数在全省排第几啊 排第一吗", True),  # a rank asked, then claimed
        ("两法衔接平台案件录入数排第几，排第二吗", False),
        ("两法衔接平台案件录入数排第几，是第一吗", True),
    ],
)
def test_a_rank_asked_then_claimed_is_judged(engine, question, yes):
    reply = engine.respond(question)
    assert reply.status == "answer" and reply.answer.startswith("是的" if yes else "不是"), reply.text
    assert "全省第一" in reply.answer


@pytest.mark.parametrize(
    ("question", "yes"),
    [
        ("执法记录仪有没有配到四千台", True),  # 配到 N: reaching it (4400台 does)
        ("执法记录仪配到五千台了吗", False),
        ("执法记录仪难道还没配到四千台？", False),  # not yet reached: 4400台 has
        ("执法记录仪是不是还没配到五千台", True),
    ],
)
def test_an_act_carried_to_a_number_is_checked_as_reaching_it(engine, question, yes):
    reply = engine.respond(question)
    assert reply.answer.startswith("是的" if yes else "不是") and "4400台" in reply.answer, reply.text


@pytest.mark.parametrize(
    ("question", "check", "yes"),
    [
        ("执法资格考试组织了多少人", "所以是五万多人？", False),
        ("柔性执法办了多少案件", "不会超过五千吧", True),
        ("柔性执法办了多少案件", "这么说有五千件？", False),
    ],
)
def test_a_check_drawn_from_the_answer_or_ruling_a_bound_out_is_judged(engine, question, check, yes):
    """ "所以…", "这么说…" draw the check from the answer; "不会超过…吧" claims the figure is below."""
    chat = Conversation()
    engine.respond(question, chat, now=0)
    reply = engine.respond(check, chat, now=1)
    assert reply.answer.startswith("是的" if yes else "不是"), reply.text


@pytest.mark.parametrize("question", ["市本级跑两趟以上才办得成的事项还有冇得咯？", "跑两趟以上才办得成的事项有没有"])
def test_a_number_describing_the_thing_checked_is_no_amount_claimed(engine, question):
    """ "跑两趟以上才办得成的事项": 2次以上 names the items; whether any exist is checked (无 → 不是)."""
    reply = engine.respond(question)
    assert reply.status == "answer" and reply.answer.startswith("不是") and "无" in reply.answer, reply.text


@pytest.mark.parametrize(
    ("question", "yes"),
    [
        # a direction said in one character, or denied and then turned ("没X反Y" claims Y)
        ("民商事一审收案是不是增了", False),
        ("民商事一审收案是不是没增反降", True),
        ("民商事一审收案是不是不减反增", False),
        ("民商事一审收案是不是没降反增", False),
        ("立法联系点是不是新增了5个", True),  # 新增 is the report's own word, no direction checked
        # a first time where the report says 再次; none left out claims all, not none
        ("向园区赋权是不是第一次", False),
        ("园区该赋的权是不是一项都没落下", True),
        ("向园区赋权是不是一项都没有", False),
        # an act the report writes only undone (不罚, 免罚: never 罚 alone)
        ("企业第一次轻微违规是不是要罚款", False),
        ("企业第一次轻微违规会被罚款吗", False),
        ("企业第一次轻微违规，是不是一律照罚不误？", False),
        ("企业第一次轻微违规是不是不罚款", True),
        ("是不是首违不罚", True),
        # near entries of one sentence: the check is judged once against it, no clarify
        ("有无房证明现在能网上开不 哈", True),
        ("园区这次是不是没有再赋权", False),
        ("行政许可事项清单是不是没有全部发布出来", False),
    ],
)
def test_a_check_is_judged_by_the_reports_own_words(engine, question, yes):
    reply = engine.respond(question)
    assert reply.answer.startswith("是的" if yes else "不是"), reply.text


def test_what_is_asked_of_near_entries_of_one_sentence_gets_that_sentence(engine):
    reply = engine.respond("湘易办益阳旗舰店里头接咯么子应用进去哒？")
    assert reply.status == "answer" and "红星云" in reply.text, reply.text


def test_a_number_checked_of_near_figures_of_one_sentence_is_of_the_figure_named(engine):
    """ "13355件诉前调解，成功率是多少呀是86.8%吗": 93% and 56.8% stand on one sentence; the
    number checked is of one of them (诉前调解's), never the first one found."""
    reply = engine.respond("一万三千三百五十五件诉前调解，成功率是多少呀是百分之八十六点八吗")
    assert "56.8%" in reply.answer and "93%" not in reply.answer, reply.text


@pytest.mark.parametrize(
    "question",
    [
        "市本级网上可办事项数，2023年跟2022年比哪年多？",
        "2023年网上可办事项比2022年多了吗",
        "柔性执法事项2023年对比2021年有什么变化",
        "2023年执法决定做出来之前要先让法制部门把关审一遍的事项比2022年多了吗",
    ],
)
def test_a_level_compared_with_a_year_no_report_covers_is_that_year_asked(engine, question):
    """A level (2861项) says nothing of the other year: never 不是/是的 on it, never an area."""
    reply = engine.respond(question)
    assert reply.status == "fallback" and "没有20" in reply.text and not reply.text.startswith(("是的", "不是"))


@pytest.mark.parametrize("question", ["2023年刑事破案数比2022年多了多少", "2023年民商事一审收案跟2022年比降了多少"])
def test_a_change_the_report_states_answers_a_comparison_with_the_year_before(engine, question):
    reply = engine.respond(question)
    assert reply.status == "answer" and re.search(r"110%|10\.21%", reply.text)


@pytest.mark.parametrize(
    "question",
    ["那6项重大行政决策事项各是什么", "tongguo chuping de 22 ge xiangzhen jiedao dou shi naxie"],
)
def test_the_members_of_a_count_asked_each_are_a_list_the_report_does_not_give(engine, question):
    reply = engine.respond(question)
    assert reply.status == "fallback" and "没有列出" in reply.text


def test_a_denied_step_the_report_does_not_decide_gets_no_verdict(engine):
    """入围…推荐名单 says neither that it was finally chosen nor that it was not."""
    assert not engine.respond("智慧渔政最后没评上全国法治政府建设示范项目吧？").text.startswith(("是的", "不是"))
    assert engine.respond("智慧渔政已经正式成为全国示范项目了吗").text.startswith("不是")


def test_years_compared_naming_nothing_ask_of_the_thing_named_before(engine):
    """ "X，2023年跟2022年比哪年多": the comparison names nothing; X is what is compared."""
    reply = engine.respond("行政机关一把手亲自上法庭当被告应诉的比例，2023年跟2022年比哪年多")
    assert reply.status == "fallback" and "2022" in reply.text and "110%" not in reply.text


@pytest.mark.parametrize(
    "question, start",
    [
        ("市本级是不是还有要跑两趟以上才能办的事项", "不是"),  # 还有 after 是不是: "still there is", one ask
        ("南县评上第二批省里的法治政府建设示范地区冒？", "是的"),  # 冒 ending a question asks 没有
        ("yy是不是首批全国法治政府示范市呀", "是的"),  # the pack's place by its initials
    ],
)
def test_checks_read_whole(engine, question, start):
    reply = engine.respond(question)
    assert reply.status == "answer" and reply.text.startswith(start)
    assert "重大行政决策" not in reply.text


def test_which_of_two_with_a_longer_measure_between_compares_both(engine):
    reply = engine.respond("市政府规范性文件和部门规范性文件，哪种三统一的数量多")
    assert "28件" in reply.text and "51件" in reply.text


def test_members_asked_before_a_request_to_tell_them_all_are_a_list(engine):
    reply = engine.respond("二零二三年市本级那六项重大行政决策事项 具体是哪六项啊 能不能都说一下")
    assert reply.status == "fallback" and "没有列出" in reply.text


def test_an_exact_place_asked_of_a_vague_rank_is_not_given(engine):
    """处于全省前列 gives no place: "具体排第几名" is declined, "排第几名" answered."""
    reply = engine.respond("承诺时限压缩率在全省具体排第几名")
    assert reply.status == "fallback" and "具体名次" in reply.text and "74.1%" in reply.text
    assert engine.respond("承诺时限压缩率在全省排第几名").status == "answer"
    assert "全省第一" in engine.respond("两法衔接平台的案件录入数在全省排第几名").text  # 第几名: no 人数


def test_a_rank_asked_of_nothing_named_offers_the_ranked_things(engine):
    reply = engine.respond("全省排第几名")
    assert reply.status == "clarify" and "两法衔接" in reply.text and "压缩率" in reply.text
    conversation = Conversation()
    engine.respond("承诺时限整体压缩率是多少", conversation, now=0.0)
    assert "前列" in engine.respond("在全省排什么位置", conversation, now=1.0).text


def test_trips_counted_by_hui_are_trips(engine):
    reply = engine.respond("现在办事是不是冒得要跑两回以上的了")
    assert reply.status == "answer" and "无跑动2次或以上事项" in reply.text


@pytest.mark.parametrize(
    "question, figure", [("复调对接和解率是百分之二十五还是多少", "25%"), ("网上可办率是100%还是多少", "100%")]
)
def test_a_number_offered_then_the_figure_asked_gets_the_figure(engine, question, figure):
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.text and "还是" not in reply.text.split("\n")[0]


@pytest.mark.parametrize("question", ["怎么在湘易办上办营业执照啊", "在湘易办上怎么办营业执照"])
def test_how_to_get_a_licence_somewhere_is_a_how_to(engine, question):
    reply = engine.respond(question)
    assert reply.status == "fallback" and "办理方法" in reply.text


@pytest.mark.parametrize("question", ["行政处罚法哪一条规定首违不罚", "首违不罚是行政处罚法第几条规定的"])
def test_which_article_of_a_law_is_a_legal_question(engine, question):
    assert engine.respond(question).status == "fallback"


@pytest.mark.parametrize("claim, start", [("连续两年第一对吧", "是的"), ("连续三年第一对吧", "不是")])
def test_a_claim_of_years_and_rank_after_the_rank_is_judged(engine, claim, start):
    conversation = Conversation()
    engine.respond("两法衔接平台案件录入数排全省第几", conversation, now=0.0)
    assert engine.respond(claim, conversation, now=1.0).text.startswith(start)


@pytest.mark.parametrize(
    "question", ["智慧渔政最后正式评上全国法治政府建设示范项目了没有", "智慧渔政最后没评上全国法治政府建设示范项目吧？"]
)
def test_what_came_after_a_step_the_report_stops_at_is_not_stated(engine, question):
    reply = engine.respond(question)
    assert reply.status == "fallback" and "最终结果" in reply.text and "推荐名单" in reply.text
    assert engine.respond("智慧渔政最后进了推荐名单吧").text.startswith("是的")  # the step itself


def test_an_explanation_stating_people_of_other_measures_does_not_answer_how_many_people(engine):
    """法援惠民生 states 近30000人次 (咨询) and 370名 (农民工): neither is how many legal aid helped."""
    reply = engine.respond("法律援助一共帮了多少人？")
    assert reply.status == "fallback" and "人数" in reply.text
    assert "370名" in engine.respond("法律援助帮了多少农民工讨薪").text


def test_whether_a_batch_the_report_never_names_came_out_is_not_stated(engine):
    """第三批 as the subject of a check ("出了没 有谁") is unstated; claimed of a thing the report
    puts in another batch ("是第三批评上的吗") it is 不是."""
    conversation = Conversation()
    engine.respond("龙光桥街道评上了啥", conversation, now=0.0)
    reply = engine.respond("第三批名单出了没 有谁", conversation, now=1.0)
    assert reply.status == "fallback" and "第三批" in reply.text
    assert engine.respond("龙光桥街道是第三批评上的吗").text.startswith("不是")


def test_a_story_telling_what_came_later_is_no_check_of_a_step(engine):
    """ "后来得了个全国的称号" in a story asks the honour, not what came of a step."""
    question = "我家老头子在市里医院做手术出了点问题后来是专门调解看病纠纷的那个调解组织帮我们调好的听说他们后来得了个全国的称号是什么称号"
    assert "最终结果" not in engine.respond(question).text


@pytest.mark.parametrize(
    "check, verdict",
    [
        ("行政机关负责人出庭应诉率不可能不是百分之百吧", "是的"),  # two negations assert the claim
        ("出庭应诉率不会不是100%吧", "是的"),
        ("出庭应诉率不可能不是九成吧", "不是"),
        ("出庭应诉率不是100%吧", "不是"),  # one negation: the claim stated is judged
    ],
)
def test_two_negations_in_a_row_assert_the_claim(engine, check, verdict):
    assert engine.respond(check).answer.startswith(verdict)


@pytest.mark.parametrize(
    "check, verdict",
    [
        ("涉企柔性执法率在全省是不是不算领先", "不是"),  # 不算: "is not", a negation
        ("柔性执法率在全省算不上领先吧", "不是"),
        ("出庭应诉率不算百分之百吧", "不是"),  # never "报告中没有关于“不算”"
        ("柔性执法率算不算全省领先", "是的"),  # 算不算: the frame of a question
        ("网上可办率算是100%吗", "是的"),
    ],
)
def test_suan_is_a_copula_and_bu_suan_negates(engine, check, verdict):
    assert engine.respond(check).answer.startswith(verdict)


@pytest.mark.parametrize(
    "check, verdict",
    [
        ("两法衔接平台录入案件数是不是连着两年全省头一名", "是的"),  # 连着两年: 连续两年; 头一名: 第一
        ("营业执照和身份证是不是能免交", "是的"),  # 免交: 免提交
        ("去办事的时候营业执照和身份证是不是还不能免交", "不是"),
    ],
)
def test_spoken_words_of_a_stated_fact_are_checked_as_the_report_words(engine, check, verdict):
    assert engine.respond(check).answer.startswith(verdict)


def test_a_rank_stated_and_asked_back_by_its_question_mark_is_checked(engine):
    """ "连续两年都是第一？" right after the rank: a claim asked back, judged (是的)."""
    chat = Conversation()
    engine.respond("两法衔接平台案件录入数在全省排第几", chat, 1.0)
    assert engine.respond("连续两年都是第一？", chat, 2.0).answer.startswith("是的")
    assert engine.respond("两法衔接录入数是全国第一？").answer.startswith("不是")


@pytest.mark.parametrize("check", ["无车证明、有无房证明这些能不能在网上直接开", "有无房证明现在能不能在APP上直接开"])
def test_opening_a_certificate_online_in_spoken_words_is_checked_as_zai_xian_kai_ju(engine, check):
    assert engine.respond(check).answer.startswith("是的")


@pytest.mark.parametrize(
    "check, verdict",
    [
        ("首次不罚的6125是案件数吗", "不是"),  # the figure quoted, named by what it is of: 6125家企业
        ("首次不罚的是6125件对吧", "不是"),  # its own number, counted as another thing
        ("首次不罚的是6125家企业对吧", "是的"),
        ("人民调解化解纠纷10816件对吧", "是的"),  # 起 and 件 both count cases
    ],
)
def test_a_figure_checked_as_another_kind_of_thing_is_not_so(engine, check, verdict):
    assert engine.respond(check).answer.startswith(verdict)


@pytest.mark.parametrize(
    "question", ["大通湖保护那块 就是 有没有专门出一个管理办法", "资江两岸有没有出一个管风貌的规定"]
)
def test_a_one_inside_a_check_of_whether_a_thing_exists_counts_nothing(engine, question):
    """ "有没有专门出一个管理办法": 一个 introduces the thing; the report has it, so 是的."""
    from bot.analysis import analyze

    assert analyze(question).numbers == ()
    assert engine.respond(question).text.startswith("是的"), engine.respond(question).text


def test_a_one_after_only_is_a_count():
    from bot.analysis import analyze

    assert [n.text for n in analyze("大通湖有没有只出一个管理办法").numbers] == ["1个"]


@pytest.mark.parametrize(
    "question, choice, figure",
    [
        ("人民调解化解纠纷多少起", "按起还是按件统计的", "10816起"),
        ("法律咨询一共给群众提供了多少人次", "应该是按人次算还是按份算", "近30000人次"),
        ("依法决策这块做了什么", "是6项还是3项啊", "6项"),  # one option the area's points state
    ],
)
def test_options_offered_after_an_answer_are_judged_by_it(engine, question, choice, figure):
    """Units or numbers offered right after an answer: the answer's figure says which, no verdict."""
    conversation = Conversation()
    engine.respond(question, conversation, now=0.0)
    reply = engine.respond(choice, conversation, now=1.0)
    assert reply.status == "answer" and figure in reply.answer, reply.text
    assert not reply.answer.startswith(("是的", "不是")), reply.answer


@pytest.mark.parametrize(("check", "head"), [("业务应用是不是有五百个", "不是"), ("服务场景是不是有五百个", "是的")])
def test_a_check_after_two_figures_of_one_unit_is_judged_against_the_one_it_names(engine, check, head):
    """300多个业务应用 and 2000余个服务场景 answered together: "业务应用是不是有五百个" checks
    300多个 (不是), never 2000余个 (a harmful 是的)."""
    chat = Conversation()
    engine.respond("湘易办益阳旗舰店接了多少应用跟服务场景", chat, now=0.0)
    assert engine.respond(check, chat, now=1.0).answer.startswith(head)


@pytest.mark.parametrize(
    "question", ["益阳电视台报道过营商码吗", "营商码是益阳电视台报道的吧", "湖南卫视报道过桃江婚调吗"]
)
def test_a_body_the_evidence_never_names_bears_out_nothing(engine, question):
    """The report names CCTV-13 as the reporter; a claim naming another outlet is never 是的."""
    reply = engine.respond(question)
    assert not reply.answer.startswith("是的"), reply.text
