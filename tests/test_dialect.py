"""Dialect question words read as Mandarin (bot/text/dialect.py)."""

import pytest

from bot.text.dialect import mandarin


@pytest.mark.parametrize(
    "text, expected",
    [
        ("到底帮了好多人 讨了好多钱啊", "到底帮了多少人 讨了多少钱啊"),
        ("另外大通湖有冇出台保护办法", "另外大通湖有没有出台保护办法"),  # 有冇: a check
        ("有冇得一万项啰", "有没有一万项啰"),
        ("大通湖有没出台保护办法", "大通湖有没有出台保护办法"),  # spoken 有没 before a verb
        ("法律援助案件数、法律咨询人次分别为何？", "法律援助案件数、法律咨询人次分别是多少？"),  # written 为何, each
        ("是不是还有没填报发布的", "是不是还有没填报发布的"),  # 还有没…的: some not yet done
        ("法律援助帮农民工讨回了好多工资", "法律援助帮农民工讨回了多少工资"),  # wages are money counted
        ("诉前调解成功率好多", "诉前调解成功率多少"),
        ("一共有好多人考啊", "一共有多少人考啊"),
        ("像我咯样首次不罚的企业有好多家？", "像我这样首次不罚的企业有多少家？"),
        ("政务服务这块做了些么子", "政务服务这块做了些什么"),
        ("那个三百多万是啥子钱", "那个三百多万是什么钱"),
        ("工钱一直冇拿到", "工钱一直没拿到"),
        # 咯/哒 after a verb mark it done; at the end they stay particles
        ("这个报告讲咯么子东西啊", "这个报告讲了什么东西啊"),
        ("有好多个乡镇过哒初评啰", "有多少个乡镇过了初评啰"),
        ("那就超过九成了咯", "那就超过九成了咯"),
        # a message asking nothing else asks by its 好多 of a thing counted
        ("湘易办旗舰店接了好多个应用 好多个服务场景", "湘易办旗舰店接了多少个应用 多少个服务场景"),
        ("它们提了好多意见", "它们提了多少意见"),  # or of a thing named that ends the clause
        ("各立法联系点一年提好多建议啊", "各立法联系点一年提多少建议啊"),
        # 啵 ending a clause asks as 吗 does
        ("无车证明在网上开得到啵", "无车证明在网上开得到吗"),
        ("五千多个人啵？", "五千多个人吗？"),
        # 好多 right before 啵 asks how much (not "many?"); a degree after 了 stays
        ("柔性执法免罚的钱有好多啵", "柔性执法免罚的钱有多少"),
        ("涨了好多啵", "涨了好多吗"),
        ("冇要跑的事项", "不用跑的事项"),
        # 好高 ending a question asks how high; 好多 of a unit after 一共 and a verb, how many
        ("成功率好高？", "成功率多高？"),
        ("一共调好了好多起纠纷", "一共调好了多少起纠纷"),
        ("改了好久", "改了好久"),
        # a clause after one ending on its question asks by 好多 of the thing it ends on
        ("立法联系点新加了几个啵,提了好多条意见咯", "立法联系点新加了几个,提了多少条意见"),
        ("法援办了多少件？帮了好多农民工", "法援办了多少件？帮了多少农民工"),  # no question mark: a story's "so long"
        # written Chinese question words; 何 of 任何 / 如何 starts none
        ("系通过何种途径化解矛盾纠纷", "系通过什么途径化解矛盾纠纷"),
        ("该意见于何时出台", "该意见于什么时候出台"),
        ("任何种类的证明", "任何种类的证明"),
    ],
)
def test_dialect_words_become_mandarin(text, expected):
    assert mandarin(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "政府帮好多农民工都讨了钱",
        "好多年了",
        "破案子比前头多了好多咯",  # a particle after 好多 is no thing counted
        "涨了好多哦",
        "全市配了好多台，到底配了多少台",
        "接了好多业务应用和服务场景，各是多少",
        "3000余项是什么事项",  # 么事 of 什么事 is no dialect word
        "湘易办有多少个应用，好多人都在用",  # 好多 starting its clause: many
        "一共讨了多少钱，帮了好多农民工",  # the clause before asks nothing at its end
        "店里来了几个执法的，提了好多条意见",  # 几个 told, not asked
    ],
)
def test_haoduo_meaning_many_stays(text):
    assert mandarin(text) == text


@pytest.mark.parametrize(
    "question, figures",
    [
        ("我在县交通运输局上班 去年考执法证 考场里黑压压一片人 一共有好多人考啊", ["5100多名"]),
        ("诉前调解一共多少件 成功率好多", ["13355件", "56.8%"]),
        ("像我咯样首次不罚的企业有好多家？", ["6125家"]),
        ("执法记录仪配哒好多台咯，询问室听证室又建哒好多处", ["4400台", "近200处"]),  # 处 is counted too
        ("立法联系点新加了几个啵,提了好多条意见咯", ["5个", "40余条"]),  # the second part its subject's
    ],
)
def test_questions_in_dialect_are_answered(engine, question, figures):
    reply = engine.respond(question)
    assert reply.status == "answer" and all(f in reply.answer for f in figures), reply.text


def test_a_question_mark_alone_lets_haoduo_ask():
    """ "涉及好多个方面哒？" asks how many; "谁执法谁普法" is a name, no question word."""
    assert "多少个方面" in mandarin("那个谁执法谁普法，发的案例涉及好多个方面哒？")


def test_trips_by_hui_become_trips_but_taohui_stays():
    from bot.text.dialect import mandarin

    assert "跑2趟" in mandarin("跑2回") or "跑两趟" in mandarin("跑两回")
    assert "讨回" in mandarin("讨回工资多少")


def test_hao_gao_ending_a_question_asks_how_high():
    from bot.analysis.intent import find_intent
    from bot.text.dialect import mandarin

    assert mandarin("网上能办的比例到底有好高") == "网上能办的比例到底有多高"
    assert mandarin("吵了好久") == "吵了好久"  # a story's "a long time", no question
    assert find_intent("网上能办的比例到底有多高").measure == "percent"


def test_a_check_said_outright_stands_whatever_particle_ends_it(engine):
    from bot.analysis.intent import find_intent

    # 是不是 before 么子 (什么) checks "some demo"; 咯 at the end softens nothing checked outright
    assert find_intent("我们南县是不是评上了什么示范咯").yes_no
    assert not find_intent("到底是哪几个中心嘛").yes_no  # a question word softened, no check
    reply = engine.respond("我们南县是不是评上哒么子示范咯？")
    assert reply.answer.startswith("是的") and "湖南省法治政府建设示范地区(单位)" in reply.answer


@pytest.mark.parametrize(
    "said, read",
    [
        ("营商码那个事上过央视没咯", "营商码那个事上过央视没有"),  # 没 checks; 咯 after it says nothing more
        ("是不是比人民调解调处成功率低咯", "是不是比人民调解调处成功率低"),
        ("到底是哪几个中心嘛", "到底是哪几个中心"),
        ("有四千多台嘛", "有四千多台嘛"),  # the particle is what asks: kept
        ("超过九成了咯", "超过九成了咯"),
        ("是第几批评上的？心里高兴嘛", "是第几批评上的？心里高兴嘛"),  # a feeling's particle, not the ask's
    ],
)
def test_a_particle_after_what_already_asks_is_left_out(said, read):
    from bot.text.dialect import mandarin

    assert mandarin(said) == read


def test_a_particle_after_names_only_checks_nothing(engine):
    from bot.analysis.intent import find_intent

    assert not find_intent("合同审查件数意见条数咯").yes_no
    assert not find_intent("讨薪,农民工嘛").yes_no
    assert find_intent("湘易办里能找到市长信箱嘛").yes_no  # 能找到 is stated, and checked
    assert not engine.respond("营商码那个事上过央视没咯").answer.startswith("不是")


def test_ji_duo_always_asks_how_many():
    # 几多 asks, before a noun too ("帮几多农民工"); 好多 may mean "many"
    assert mandarin("法援帮几多农民工讨回了工钱") == "法援帮多少农民工讨回了工钱"


@pytest.mark.parametrize(
    "said, read",
    [
        ("人民调解化解哒好多起纠纷，成功率几多", "人民调解化解了多少起纠纷，成功率多少"),
        ("人民调解调哒好多起纠纷，成功率几多咯？", "人民调解调了多少起纠纷，成功率多少？"),  # its end marks
        ("复调对接调解和解哒好多件案子，和解率好多", "复调对接调解和解了多少件案子，和解率多少"),
        # told of the asker, or said in Mandarin: 好多 is "many"
        ("我跑哒好多趟，网上能办多少项", "我跑了好多趟，网上能办多少项"),
        ("办了好多案子，首次不罚多少家", "办了好多案子，首次不罚多少家"),
        # the ask after it goes on alongside it (又, 也): the first asks as the second does
        (
            "湘易办益阳旗舰店接了好多业务应用，服务场景又有好多个",
            "湘易办益阳旗舰店接了多少业务应用，服务场景又有多少个",
        ),
        ("柔性执法办了好多案子，免罚金额也有好多", "柔性执法办了多少案子，免罚金额也有多少"),
        ("我跑了好多趟，又要交多少钱", "我跑了好多趟，又要交多少钱"),  # told of the asker: "many"
    ],
)
def test_a_dialect_clause_said_before_an_ask_asks_by_its_hao_duo(said, read):
    assert mandarin(said) == read


@pytest.mark.parametrize("text", ["益阳冒评上示范市", "冒拿到奖", "营商码冒上过央视"])
def test_mao_typed_for_mou_before_a_verb_of_getting_is_a_negation(text):
    """冒 typed for 冇 ("益阳冒评上…示范市"): 没, so a check of it is judged as negated."""
    assert "没" in mandarin(text) and "冒" not in mandarin(text)


@pytest.mark.parametrize("text", ["冒充执法人员", "感冒了", "冒出来一个问题"])
def test_mao_of_other_words_stays(text):
    assert mandarin(text) == text


def test_a_check_that_says_it_was_not_awarded_gets_no(engine):
    """ "益阳冒评上全国法治政府建设示范市，是不是": the claim is negated, and it was awarded."""
    reply = engine.respond("我听别个讲益阳冒评上全国法治政府建设示范市，是不是咯")
    assert reply.text.startswith("不是"), reply.text


def test_a_second_clause_in_dialect_after_one_that_asks_asks_by_its_haoduo():
    """ "新增哒几个立法联系点，这些联系点提哒好多条意见建议": said in one breath, both ask."""
    assert mandarin("新增哒几个立法联系点，这些联系点提哒好多条意见建议").endswith("提了多少条意见建议")
    assert mandarin("我问了几个人，他们讲提哒好多条意见").endswith("好多条意见")  # telling of others


def test_two_counts_asked_in_dialect_are_both_answered(engine):
    reply = engine.respond("新增哒几个立法联系点，这些联系点提哒好多条意见建议")
    assert "5个" in reply.answer and "40余条" in reply.answer, reply.text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("第一回犯错不罚款的企业有好多家啵？", "第一回犯错不罚款的企业有多少家？"),  # 好多 + a unit + 啵: how many
        ("行政复议那边调解和解哒几多件案子啵", "行政复议那边调解和解了多少件案子"),  # asked already: 啵 a particle
        ("在网上开得到啵", "在网上开得到吗"),
    ],
)
def test_bo_asks_how_many_after_haoduo_and_is_a_particle_after_a_question_word(text, expected):
    assert mandarin(text) == expected


def test_how_many_firms_asked_with_bo_is_the_count_not_the_money(engine):
    reply = engine.respond("第一回犯错不罚款的企业有好多家啵？")
    assert reply.answer.startswith("首次不罚企业数：6125家"), reply.text


def test_a_check_said_with_you_mao_gets_its_verdict(engine):
    """ "有冇出台" asks 有没有出台: a check of a stated fact, so 是的 with the document."""
    reply = engine.respond("另外大通湖有冇出台保护办法")
    assert reply.answer.startswith("是的") and "大通湖湖泊保护管理办法" in reply.answer


def test_a_letters_two_asks_one_ending_in_weihe_are_both_answered(engine):
    """ "文件名称为何，…多少条": 为何 asks as 是什么 does, so the message asks two things."""
    reply = engine.respond(
        "本人为市政协委员，关注立法协商工作，请问益阳出台的立法协商相关文件名称为何，2023年各立法联系点提出立法意见建议多少条？"
    )
    assert "关于进一步推进立法协商工作的意见" in reply.answer and "40余条" in reply.answer
