"""Principles of reading a message, each over several phrasings, end to end: the ask around a story, the
kind of money asked, parts of a whole, checks that propose a number, shares in words."""

import pytest

from bot.analysis.ask import find_ask
from bot.analysis.numbers import find_numbers
from bot.analysis.places import gazetteer
from bot.analysis.split import split_question
from bot.decision.verify import negates
from bot.engine.conversation import Conversation


def _report(engine) -> str:
    return engine.packs[-1].context.report_norm


def _answered(engine, question: str, figure: str):
    """The question, asked on its own, is answered and the reply holds `figure`."""
    reply = engine.respond(question, Conversation(), now=0.0)
    assert reply.status == "answer" and figure in reply.text
    return reply


def _declined(engine, question: str, words: str):
    """The question, asked on its own, is not answered and the reply says `words`."""
    reply = engine.respond(question, Conversation(), now=0.0)
    assert reply.status != "answer" and words in reply.text
    return reply


# --- the ask -------------------------------------------------------------------------------


def test_a_question_asked_before_the_story_is_still_asked_when_a_lead_restates_it(engine):
    message = (
        "2023年益阳到底有多少家企业享受了“首次不罚”？我问这个是因为我在桃江开了个小五金店，"
        "前年市场监管的来查，看我是第一次，就没罚款。我蛮感激的，想晓得像我这样的有多少。"
    )
    _answered(engine, message, "6125家")


@pytest.mark.parametrize("lead", ["顺便问一句", "想请教一下", "我想问问"])
def test_a_story_told_after_a_lead_is_still_story(engine, lead):
    message = f"我外甥老家在宜章县给人带孩子，{lead}我在安化种茶，去年跟收购商签合同吃了亏，这个律所跟企业结对子的活动叫什么名字"
    ask = find_ask(message, _report(engine))
    assert "安化" not in ask.text and "叫什么名字" in ask.text
    _answered(engine, message, "千所连千企")


@pytest.mark.parametrize(
    ("letter", "figure"),
    [
        (
            "尊敬的益阳市人民政府：您好！本人系河北籍务工人员，2023年曾在益阳务工。现冒昧咨询贵市2023年共为多少名农民工讨回工资？此致 敬礼！ 张三 2024年3月5日",
            "370名",
        ),
        ("尊敬的领导：本人系岳阳市民，敬请告知贵市2023年网上可办率为多少，不胜感激！王五 2025年1月", "100%"),
        ("领导同志：兹有一事请教，贵市“首次不罚”涉及企业几何？免罚金额若干？盼复。", "2000余万元"),
    ],
)
def test_a_formal_letter_asks_what_follows_its_written_lead(engine, letter, figure):
    """本人/籍 are the writer's story, 冒昧咨询/敬请告知 lead the ask, 此致敬礼 and the date of
    writing are no part of it; 几何/若干 ask 多少."""
    _answered(engine, letter, figure)


@pytest.mark.parametrize("told", ["本来要罚几千块", "罚了好几万", "报警后没几天就抓到了", "去了几天就办好了"])
def test_an_amount_told_is_not_an_ask(engine, told):
    ask = find_ask(f"我开了家小餐馆，{told}，我觉得他吹牛。报告里写的免罚金额是多少？", _report(engine))
    assert told not in ask.text and "免罚金额" in ask.text


def test_telling_someone_else_is_not_a_request_but_telling_me_is(engine):
    report = _report(engine)
    assert "孙子" not in find_ask("听说政府出台了一个管江两边的规定，叫啥来着，我想给我孙子讲讲", report).text
    reply = engine.respond("给我讲讲无证明城市", Conversation(), now=0.0)
    assert reply.status == "answer" and "50余类" in reply.text


@pytest.mark.parametrize("request_", ["我想确认一下报告里原话是怎么写的", "帮我核实一下", "想核对一下"])
def test_a_request_to_confirm_asks_the_claim_before_it(engine, request_):
    message = f"我在执法局做内勤，天天整理案卷。领导开会说全市存档的音像记录有将近两万件，{request_}。"
    _answered(engine, message, "近2万件")


@pytest.mark.parametrize("request_", ["三个数", "一起说下", "都报下"])
def test_a_short_request_after_the_items_keeps_every_item(engine, request_):
    reply = engine.respond(f"法律援助案件、法律咨询人次、帮讨薪的农民工人数，{request_}", Conversation(), now=0.0)
    assert all(f in reply.text for f in ("2900余件", "近30000人次", "370名")), reply.text


def test_a_request_first_with_its_items_right_after_it():
    parts = [s.parts for s in split_question("报一下参加执法资格考试的人数跟执法记录仪台数")]
    assert any(len(p) == 2 and "执法记录仪台数" in p[1] for p in parts)


def test_a_share_before_du_is_no_city():
    assert not gazetteer().find("才一半多一点？连六成都不到？")
    assert gazetteer().find("成都的无证明城市")


# --- measure identity and parts ------------------------------------------------------------


@pytest.mark.parametrize(
    "question, lacking",
    [
        ("2023年益阳全市法律援助一共花了多少经费", "经费"),
        ("法律援助的补贴有多少钱", "补贴"),
        ("首次不罚一共发了多少奖金", "奖金"),
        ("帮农民工讨赔偿款，讨回了好多钱咯", "赔偿"),  # damages are no wages recovered
    ],
)
def test_money_of_a_kind_no_sum_is_of_is_never_answered_with_another_sum(engine, question, lacking):
    reply = engine.respond(question, Conversation(), now=0.0)
    assert reply.status != "answer" and "317万余元" not in reply.answer and "2000余万元" not in reply.answer


@pytest.mark.parametrize(
    "question",
    [
        "心理咨询2023年益阳一共提供了多少人次？我在准备考法律职业资格证，以后想去基层做点公益咨询",
        "心理咨询2023年，一共提供了多少人次",
    ],
)
def test_a_topic_with_its_year_before_an_ask_naming_nothing_is_what_is_asked(engine, question):
    """ "心理咨询2023年" is the topic of "一共提供了多少人次": 近30000人次 is 法律咨询's, no answer."""
    reply = engine.respond(question, Conversation(), now=0.0)
    assert reply.status != "answer" and "近30000人次" not in reply.answer, reply.text


@pytest.mark.parametrize("question, figure", [("讨回了多少工钱", "317万余元"), ("免掉的罚款有多少", "2000余万元")])
def test_money_of_the_kind_the_sum_is_of_is_answered(engine, question, figure):
    _answered(engine, question, figure)


@pytest.mark.parametrize(
    "question",
    [
        "全市行政复议一共收了多少件案子",
        "行政复议案件总共有多少件",
        "全市现在一共有多少个立法联系点（不是新增的，是总数）",
    ],
)
def test_a_whole_asked_is_never_answered_with_a_part(engine, question):
    _declined(engine, question, "报告没有给出总数")


@pytest.mark.parametrize("question", ["复调对接案件有多少", "复议调解了多少件", "复议和解的有多少起"])
def test_the_part_asked_by_its_own_words_is_answered(engine, question):
    _answered(engine, question, "78件")


@pytest.mark.parametrize(
    "question, figure",
    [
        ("报告里到底写的免罚金额是多少", "2000余万元"),
        ("湘易办益阳旗舰店里头到底有多少个服务场景", "2000余个"),
    ],
)
def test_the_report_itself_or_a_filler_is_no_whole_of_parts(engine, question, figure):
    _answered(engine, question, figure)


@pytest.mark.parametrize(
    "question",
    [
        "企业法律服务工作站在哪，能不能请他们上门",
        "律师能不能上门",
        "调委会在什么地方",
        "企业的营商码到哪里去申领？",
        "营商码在哪领",
    ],
)
def test_where_and_house_calls_are_practical(engine, question):
    reply = engine.respond(question, Conversation(), now=0.0)
    assert reply.kind == "unsupported"


def test_a_part_named_with_words_between_its_halves_is_asked(engine):
    """通过了…初评 names 通过初评: the part asked is the one the report gives, no "only a part"."""
    _answered(engine, "全市一共有多少个乡镇街道通过了综合行政执法示范创建的初评？", "22个")
    total = engine.respond("全市一共有多少个乡镇街道参加了综合行政执法示范创建？", Conversation(), now=0.0)
    assert not total.text.startswith("通过初评乡镇(街道)数")  # those that took part: never the 22 passed


def test_a_two_character_part_named_by_its_halves_is_asked(engine):
    """再…那一次 names 再次: the part the report gives is the one asked."""
    _answered(engine, "把审批权再往园区下放的那一次 一共放了几项事", "11项")
    _declined(engine, "一共向园区赋权了多少项", "报告没有给出总数")


@pytest.mark.parametrize("question", ["两法衔接平台录入数在省里排第几", "两法衔接平台案件录入数在全省排第几"])
def test_where_a_figure_stands_is_no_measure_the_report_lacks(engine, question):
    _answered(engine, question, "全省第一")


@pytest.mark.parametrize(("claim", "verdict"), [("三千多万", "不是"), ("三百多万", "是的")])
def test_wages_claimed_in_wan_are_the_money_whoever_is_named(engine, claim, verdict):
    reply = _answered(engine, f"帮农民工讨回来的工资是{claim}吗", "317万余元")
    assert reply.text.startswith(verdict)


# --- checks --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question, yes",
    [
        ("不是下降了吗", False),
        ("不是82件吗，我记得", False),
        ("不是2900件吧", True),
        ("这个不是新增的吧", True),
        ("是不是没有再赋权", True),
    ],
)
def test_what_negates_a_claim(question, yes):
    assert negates(question) is yes


@pytest.mark.parametrize(
    "question, yes",
    [
        ("首违免罚免了3000多万是吧", False),
        ("医疗纠纷调委会获的是全省模范人民调解委员会吗", False),
        ("医疗纠纷调委会获的是全国模范人民调解委员会吗", True),
        ("谢琦办案团队是法院的吧", False),
        ("谢琦办案团队是检察院的吧", True),
    ],
)
def test_a_claim_is_yes_only_when_the_report_states_it(engine, question, yes):
    reply = engine.respond(question, Conversation(), now=0.0)
    assert reply.answer.startswith("是的" if yes else "不是"), reply.answer


def test_a_number_the_evidence_never_writes_is_never_yes(engine):
    reply = engine.respond("首违免罚一共免了70个亿是吧", Conversation(), now=0.0)
    assert not reply.answer.startswith("是的")


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("一半多一点", 50.0, 200 / 3),
        ("四分之一", 24.0, 26.0),
        ("不到一半", 0.0, 50.0),
        ("三分之二", 200 / 3 - 1, 200 / 3 + 1),
    ],
)
def test_shares_in_words_are_ranges(text, low, high):
    (number,) = find_numbers(text)
    assert number.percent and number.low == pytest.approx(low) and number.high == pytest.approx(high)


@pytest.mark.parametrize(
    "question, figure",
    [("2023年为人民群众提供心理咨询多少人次", "近30000人次"), ("心理咨询人次", "近30000人次")],
)
def test_a_compound_holding_the_figures_word_and_one_the_report_lacks_is_a_near_miss(engine, question, figure):
    reply = engine.respond(question, Conversation(), now=0.0)
    assert reply.status != "answer" and figure not in reply.answer


def test_the_compound_of_the_figures_own_words_is_answered(engine):
    reply = engine.respond("2023年为人民群众提供法律咨询多少人次", Conversation(), now=0.0)
    assert reply.status == "answer" and "近30000人次" in reply.text


@pytest.mark.parametrize(
    ("said", "yes"),
    [
        ("2023年新增了10个立法联系点", "不是"),
        ("网上可办的事项是两千八百六十一项", "是的"),
        ("刑事破案数上升了百分之一百一十", "是的"),
        ("向园区赋权了20项审批服务事项", "不是"),
    ],
)
def test_a_figure_stated_with_no_mark_is_checked_as_if_asked(engine, said, yes):
    assert _answered(engine, said, "").text.startswith(yes)


@pytest.mark.parametrize("message", ["执法记录仪配了4400台 一共花了多少钱", "跑动1次事项", "跑一次的呢"])
def test_a_figure_told_before_an_ask_or_naming_a_thing_is_no_check(engine, message):
    reply = engine.respond(message, Conversation(), now=0.0)
    assert not reply.text.startswith(("是的", "不是"))


def test_a_figure_stated_after_a_story_with_a_question_mark_is_checked(engine):
    reply = _answered(
        engine, "我姐夫在溆浦县开了家麻将馆 愁得吃不下饭我想问问网上可办的事项是两千八百六十一项？", "2861项"
    )
    assert reply.text.startswith("是的")


def test_pinyin_is_read_before_the_ask_is_found(engine):
    _answered(engine, "在吗~renmin tiaojie chenggonglv多谢！", "93%")
    _answered(engine, "renmin tiaojie chenggonglv 我问这个是因为我表姐在道县开了个快递点…", "93%")
    _answered(engine, "滴滴 zhifa jiluyi 几台呀😂", "4400台")  # a chat ping first, like 在吗


# --- comparisons ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question, first, second",
    [
        ("湘易办旗舰店里，业务应用多还是服务场景多", "300多个", "2000余个"),
        ("通过初评的乡镇街道数和能力提升行动第一批验收的单位数，哪个多？", "22个", "11个"),
        ("合法性审查提出的审查意见，跟立法联系点提的立法意见建议比，条数哪个多", "近200条", "40余条"),
        ("市本级柔性执法事项和企业合规指导建议，哪个数大些", "358项", "214项"),
    ],
)
def test_a_comparison_gives_both_figures_however_its_subjects_are_laid_out(engine, question, first, second):
    reply = engine.respond(question, Conversation(), now=0.0)
    assert reply.status == "answer" and first in reply.text and second in reply.text


@pytest.mark.parametrize("question", ["能力提升行动第一批验收的单位有多少", "三年提升行动第一批验收了几个单位"])
def test_a_change_word_naming_a_programme_asks_no_change(engine, question):
    _answered(engine, question, "11个")


@pytest.mark.parametrize(
    "question, yes",
    [
        ("龙光桥街道是资阳区的吧", False),
        ("龙光桥街道是赫山区的吧", True),
        ("南县是第二批湖南省法治政府建设示范地区吗", True),
        ("资阳区是第二批省级法治政府建设示范地区，没错吧", True),
    ],
)
def test_a_thing_placed_in_another_place_of_the_same_level_is_not_yes(engine, question, yes):
    reply = engine.respond(question, Conversation(), now=0.0)
    assert reply.answer.startswith("是的" if yes else "不是"), reply.answer


def test_a_tv_station_is_the_kind_of_thing_asked_never_what_the_report_lacks(engine):
    reply = engine.respond("央视几套报道了营商码", Conversation(), now=0.0)
    assert reply.status == "answer" and "CCTV-13" in reply.text


def test_kin_and_fillers_are_story_and_which_channel_asks(engine):
    ask = find_ask(
        "喂 那个 我是从天津过来帮闺女带孩子的 就是 闺女说她单位领导讲 嗯 中央电视台哪个台播了益阳那个什么码 "
        "我这耳朵背没听清 是几套 哪个节目啊",
        _report(engine),
    )
    assert "闺女" not in ask.text and "是几套" in ask.text and not ask.text.startswith("就是")


@pytest.mark.parametrize("text, low, high", [("十几项", 10.0, 20.0), ("十多个", 10.0, 20.0)])
def test_teens_in_words_are_ranges(text, low, high):
    """From the ten said up to, not including, the next ten (二十 is no 十几)."""
    (number,) = find_numbers(text)
    assert number.low == low and high - 0.01 < number.high < high and not number.exact


@pytest.mark.parametrize(
    "question, first, second",
    [
        ("问话的屋子跟开听证的房间与免证办证明材料相比谁多", "近200处", "50余类"),
        ("诉前调解成功率高还是办事要等的时间比原来缩短高", "56.8%", "74.1%"),
    ],
)
def test_a_comparison_is_read_at_the_join_that_lets_both_sides_answer(engine, question, first, second):
    reply = engine.respond(question, Conversation(), now=0.0)
    assert reply.status == "answer" and first in reply.text and second in reply.text


@pytest.mark.parametrize(
    "items, figures",
    [
        (
            "零跑动事项数、首次不罚企业、问话的屋子和开听证的屋子和重大行政决策事项各是多少",
            ("1837项", "6125家", "近200处", "6项"),
        ),
        (
            "人民调解化解纠纷、办事指南填报发布率、首次不罚的免罚金额、2023年益阳法律援助案件受理都列出来",
            ("10816起", "100%", "2000余万元", "2900余件"),
        ),
    ],
)
def test_an_enumeration_is_read_with_names_that_hold_he_and_place_words(engine, items, figures):
    reply = engine.respond(items, Conversation(), now=0.0)
    assert all(f in reply.text for f in figures), reply.text


@pytest.mark.parametrize(
    "question, figures",
    [
        ("诉前调解案例比人民调解化解的纠纷少，对吧", ("13355件", "10816起")),
        ("人民调解化解的纠纷和法律援助案件，差了好多", ("10816起", "2900余件")),
        ("刑事破案数和民商事一审收案同比分别变化了多少", ("110%", "10.21%")),
    ],
)
def test_a_claim_or_a_difference_between_two_figures_gives_both_never_a_yes_on_one(engine, question, figures):
    reply = engine.respond(question, Conversation(), now=0.0)
    assert all(f in reply.text for f in figures) and not reply.text.startswith("是的"), reply.text


@pytest.mark.parametrize(
    "question",
    ["单说听证室，全市有多少间", "光算询问室有几处", "只算听证室的话有多少处", "询问室有几处，听证室有几处，分开说"],
)
def test_one_of_two_things_counted_together_asked_alone_is_declined_naming_both(engine, question):
    _declined(engine, question, "询问室、听证室合在一起")


def test_the_two_things_counted_together_are_answered_together(engine):
    reply = engine.respond("询问室听证室有多少处", Conversation(), now=0.0)
    assert reply.status == "answer" and "近200处" in reply.text


@pytest.mark.parametrize("question", ["通过初评的22个乡镇街道名单有哪些", "通过初评的22个乡镇街道是哪些"])
def test_the_members_of_a_count_the_report_never_lists_are_count_only(engine, question):
    _declined(engine, question, "只给出了数量（22个）")


def test_the_members_the_report_names_some_of_are_quoted(engine):
    reply = engine.respond("湘易办接入的300多个业务应用有哪些", Conversation(), now=0.0)
    assert reply.status == "answer" and "红星云" in reply.text


def test_a_report_word_ending_where_a_homophone_would_start_is_kept(engine):
    assert engine.packs[0].analyze("询问室有几处").cleaned == "询问室有几处"


def test_siblings_named_by_numbers_are_told_apart_by_the_number_asked(engine):
    conversation = Conversation()
    turns = [("零跑动的事项有多少", "1837项"), ("那跑一次的呢", "1024项"), ("跑两次以上的呢", "无")]
    for k, (question, figure) in enumerate(turns):
        reply = engine.respond(question, conversation, now=float(k))
        assert reply.status == "answer" and figure in reply.answer.split("\n")[0], (question, reply.answer)
        assert not reply.answer.startswith(("是的", "不是"))  # asking about another one, never a check


@pytest.mark.parametrize(
    "message, figure",
    [
        ("隔壁王婶在韶山石板村在养猪场帮工，气得够呛 顺便问一句哪个电视栏目报道了益阳营商码的推广应用？", "朝闻天下"),
        ("我儿媳妇老家在常宁市摆了个水果摊 坐车的时候刷手机看到 觉得挺新鲜诉前调解成功率", "56.8%"),
        ("我老同学老家在望城开出租车 吃饭的时候一家人争了半天 心里挺高兴音像记录存档数", "近2万件"),
        (
            "我表姐老家在耒阳在学校食堂做饭，越想越糊涂。顺便问一句法律援助案件、法律咨询人次、帮农民工讨回的工资，这几个数告诉我",
            "近30000人次",
        ),
        (
            "我儿媳妇住在衡山县青石岭在学校食堂做饭 昨天在公园下棋 愁得吃不下饭，我想问问三统一的规范性文件 市政府的多还是部门的多",
            "28件",
        ),
    ],
)
def test_a_story_before_the_ask_never_scopes_or_cuts_it(engine, message, figure):
    reply = engine.respond(message, Conversation(), now=0.0)
    assert reply.status == "answer" and figure in reply.text, reply.text


@pytest.mark.parametrize(
    "message, figure",
    [
        ("嗯嗯…出庭应诉率 多谢！", "100%"),
        ("老师好~嗯，湘易办旗舰店里业务应用多还是服务场景多，谢谢您~", "300多个"),
    ],
)
def test_politeness_around_a_keyword_or_a_comparison_is_context(engine, message, figure):
    _answered(engine, message, figure)


def test_politeness_around_a_check_keeps_the_measure_checked(engine):
    reply = engine.respond("就是讨回的工资没到三百万吧，多谢", Conversation(), now=0.0)
    assert reply.answer.startswith("不是") and "317万余元" in reply.answer


@pytest.mark.parametrize("message", ["谢谢", "谢谢你的回答", "谢谢，辛苦了"])
def test_thanks_alone_stays_thanks(engine, message):
    assert "不客气" in engine.respond(message, Conversation(), now=0.0).text


@pytest.mark.parametrize("question", ["2023年刑事破案数同比下将了吗", "2023年刑事破案数同比下降了吗"])
def test_a_direction_typed_with_a_homophone_is_still_a_direction(engine, question):
    assert engine.respond(question, Conversation(), now=0.0).answer.startswith("不是")


def test_a_claim_about_two_figures_is_never_judged_on_the_one_found(engine):
    reply = engine.respond("心理咨询人次是不是比法律援助案件多", Conversation(), now=0.0)
    assert not reply.answer.startswith(("是的", "不是"))
    read = engine.respond("诉前调解成功吕是不是比人民调解调处成功率低", Conversation(), now=0.0)
    assert read.answer.startswith("是的") and "93%" in read.answer  # both read: judged on both


def test_items_described_in_the_askers_words_before_a_list_request_are_items(engine):
    reply = engine.respond(
        "帮打工的要回来的工钱 为人民群众提供法律咨询 湘易办上面益阳能用的应用 各多少", Conversation(), now=0.0
    )
    assert all(f in reply.text for f in ("317万余元", "近30000人次", "300多个")), reply.text


@pytest.mark.parametrize(
    "question, figures",
    [
        ("23 nian 网上可办率多少", ("100%", "2023年")),
        ("mian fa的金额和帮农民工讨回的工资 哪个钱多", ("2000余万元", "317万余元")),
        ("诉前 tiao jie 案例数和法律援助案件数哪个多", ("13355件", "2900余件")),
    ],
)
def test_pinyin_is_read_before_the_year_and_the_comparison(engine, question, figures):
    reply = engine.respond(question, Conversation(), now=0.0)
    assert reply.status == "answer" and all(f in reply.text for f in figures), reply.text


def test_a_year_in_pinyin_is_a_year_asked(engine):
    """ "qu nian": 去年, which is 2025 today; no report of it, so no figure of 2023 either."""
    reply = engine.respond("qu nian 网上可办率多少", Conversation(), now=0.0)
    assert reply.status != "answer" and "2025年" in reply.text and "100%" not in reply.text


def test_a_count_in_the_claim_is_no_number_naming_the_thing(engine):
    reply = engine.respond("跑两次以上的事项应该一个都没有了吧", Conversation(), now=0.0)
    assert reply.answer.startswith("是的") and "无" in reply.answer.split("\n")[0]


def test_a_county_inside_a_claim_about_a_name_is_no_breakdown(engine):
    reply = engine.respond("全国模范人民调解委员会这个称号不是桃江县婚调那边得的吧", Conversation(), now=0.0)
    assert reply.status == "answer" and "市医疗纠纷人民调解委员会" in reply.text
    assert "没有按桃江县" in engine.respond("桃江县的法律援助案件有多少件", Conversation(), now=0.0).text


@pytest.mark.parametrize(
    "question, yes",
    [
        ("益阳的营商码是上了《新闻联播》吧", False),
        ("益阳的营商码是上了《朝闻天下》吧", True),
        ("市本级网上可办率只有百分之八十几，为啥这么低？", False),
        ("网上可办率只有八成吗", False),
    ],
)
def test_a_named_title_or_a_false_premise_is_judged(engine, question, yes):
    assert engine.respond(question, Conversation(), now=0.0).answer.startswith("是的" if yes else "不是")


@pytest.mark.parametrize("text, low, high", [("只有80%几", 80.0, 90.0), ("才有80几%", 80.0, 90.0)])
def test_only_that_much_is_no_lower_bound(text, low, high):
    (number,) = find_numbers(text)
    assert number.low == low and high - 0.01 < number.high < high  # short of 90%: 80几 is no 90


@pytest.mark.parametrize("question", ["心理咨询是不是有三万人次左右", "发布典型案例的责任科室是不是三十多家"])
def test_a_check_of_a_measure_one_word_off_is_never_yes(engine, question):
    reply = engine.respond(question, Conversation(), now=0.0)
    assert not reply.answer.startswith("是的"), reply.answer


@pytest.mark.parametrize("question", ["市里依申请的那些事是不是全都能在网上办了", "诉前调解成功率是不是过半了"])
def test_a_check_of_the_figures_own_measure_is_judged(engine, question):
    assert engine.respond(question, Conversation(), now=0.0).answer.startswith("是的")


def test_no_answer_with_a_near_sentence_never_says_nothing_related(engine):
    from bot.answers import compose

    knowledge = engine.packs[0].knowledge
    near = engine.respond("网上可办率是多少", Conversation(), now=0.0)
    shown = compose.decline(knowledge, "no_match", near=near).text
    assert "报告中相关的内容" in shown and "没有找到相关内容" not in shown and compose.NEAR_ONLY in shown
    assert "没有找到相关内容" in compose.decline(knowledge, "no_match").text


def test_a_number_orders_of_magnitude_from_the_figure_is_never_yes(engine):
    reply = engine.respond("讨回的工字没到三百万吧", Conversation(), now=0.0)
    assert not reply.answer.startswith("是的"), reply.answer
    assert engine.respond("帮了三百多个农民工吧", Conversation(), now=0.0).answer.startswith("是的")


@pytest.mark.parametrize(
    "message, figures",
    [
        ("人民调解化解纠纷数调处成功率诉前调解案例数调解成功率都列出来", ("10816起", "93%", "13355件", "56.8%")),
        ("柔性执法办案数首次不罚的企业数和免罚金额各是多少", ("4600余件", "6125家", "2000余万元")),
    ],
)
def test_items_typed_without_breaks_are_cut_after_each_measure(engine, message, figures):
    reply = engine.respond(message, Conversation(), now=0.0)
    assert all(f in reply.text for f in figures), reply.text


@pytest.mark.parametrize("question", ["诉后执行成功率是多少", "诉后执行成功率是不是比人民调解调处成功率低"])
def test_a_measure_of_another_subject_is_never_answered_with_this_one(engine, question):
    reply = engine.respond(question, Conversation(), now=0.0)
    assert "56.8%" not in reply.answer.split("\\n")[0] and not reply.answer.startswith(("是的", "不是")), reply.answer


@pytest.mark.parametrize("question", ["诉前调解成功率是多少", "诉前挑解成功率是多少", "在吗！就是調處成功率是多少"])
def test_the_subject_written_typed_by_sound_or_after_a_filler_is_answered(engine, question):
    assert engine.respond(question, Conversation(), now=0.0).status == "answer"


@pytest.mark.parametrize("question", ["诉后执行案例有多少件", "司法救助案件数"])
def test_cases_of_another_subject_are_a_near_miss(engine, question):
    reply = engine.respond(question, Conversation(), now=0.0)
    assert reply.status != "answer" and "13355件" not in reply.answer and "2900余件" not in reply.answer


def test_a_subjectless_part_counted_in_ge_is_no_subject(engine):
    reply = engine.respond("谁执法谁普法：多少家责任单位、发了多少个案例、涉及多少个方面", Conversation(), now=0.0)
    assert all(f in reply.text for f in ("30多家", "70个", "20多个方面")), reply.text


def test_a_number_naming_items_is_no_figure(engine):
    """ "无跑动2次或以上事项": 2次 names the items (there are none); it is never given as a figure."""
    for question in ("一千零二十四项是跑几次的事项", "2次是什么"):
        assert "：2次" not in engine.respond(question, Conversation(), now=0.0).text


@pytest.mark.parametrize(
    "question, figure",
    [
        ("一共有多少个乡镇街道通过了初评", "22个"),  # the part asked, with 了 inside its words
        ("刑事破案数跟前一年比涨了多少", "110%"),  # 跟前一年: a year, never the word 跟前
        ("刑事破案数和上一年比涨了多少", "110%"),
        ("给园区放权的那件事，这回放了多少", "11项"),  # 这回: this time, never the word 回放
        ("园区赋权这次是多少项", "11项"),
    ],
)
def test_times_and_particles_inside_the_ask_never_make_a_measure_the_report_lacks(engine, question, figure):
    reply = engine.respond(question)
    assert reply.status == "answer" and figure in reply.text


# --- legal advice and the asker's own steps ---------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "租房合同没到期房东要收回房子合法吗",
        "我在汉寿租了个门面，合同签了三年，房东就说要涨一半的租金，不涨就让我搬走，他这样做合不合法？",
        "醉驾一般会怎么判",
        "公司不跟我签劳动合同，能要双倍工资吗",
        "被狗咬了主人要赔多少",
    ],
)
def test_a_judgement_of_the_askers_own_case_is_legal_advice(engine, question):
    reply = _declined(engine, question, "不解答个人的具体法律问题")
    assert "是的" not in reply.text and "不是" not in reply.text


@pytest.mark.parametrize(
    "question, figure",
    [
        ("政府签合同之前先审一下合不合法，这个23年审了多少件", "102件"),
        ("我跟老公闹离婚，后来是调解的人劝好的，益阳2023年诉前调解了多少件", "13355件"),
        # a thing described by what it checks, its name asked
        ("政府签合同前先查一下合不合法，还把审查材料统一登记归档保存的那个制度，全称是什么？", "档案管理制度"),
    ],
)
def test_legality_as_the_reports_subject_or_in_the_story_is_no_legal_advice(engine, question, figure):
    reply = engine.respond(question, Conversation(), now=0.0)
    assert reply.status == "answer" and figure in reply.text


@pytest.mark.parametrize("question", ["营商码怎么领取", "首次不罚需要企业自己提交申请吗", "法律援助要本人去申请吗"])
def test_the_askers_own_step_is_a_how_to(engine, question):
    _declined(engine, question, "办事信息")


# --- a name asked of a thing described ---------------------------------------------------------


@pytest.mark.parametrize(
    "question, name",
    [
        ("给企业贴行业、规模标签然后主动把政策推过去的那个做法叫什么", "政策兑现快车"),
        ("主动把政策分类推给企业的那个举措叫啥", "政策兑现快车"),
    ],
)
def test_a_name_asked_of_a_description_is_no_figure_question(engine, question, name):
    """规模 (scale) and 做法/举措 (the kind of thing) describe what is named; 叫什么 asks its name."""
    reply = engine.respond(question, Conversation(), now=0.0)
    assert reply.status == "answer" and name in reply.text


@pytest.mark.parametrize(
    "question, name",
    [
        ("让律师事务所和企业结对子的那个活动叫啥", "千所连千企"),
        ("律所跟企业一对一结对子的活动叫什么名字", "千所连千企"),
    ],
)
def test_a_name_asked_is_answered_by_the_one_sentence_that_could_name_it(engine, question, name):
    """Of the report's sentences, only one naming something (in quotes) and holding the ask's
    words of the report can answer 叫什么; a sentence naming nothing is no rival."""
    _answered(engine, question, name)


def test_a_name_the_report_never_gives_is_not_answered(engine):
    reply = engine.respond("那个律师事务所叫什么名字", Conversation(), now=0.0)
    assert reply.status != "answer"


@pytest.mark.parametrize(
    "question, figure",
    [
        (
            "我们几个朋友准备合伙在益阳开个建材公司，怕不懂规矩哪天被查，2023年全市行政执法部门一共公示了多少项执法事项？",
            "7.5万余项",
        ),
        (
            "我老公在派出所上班 他说那年全市刑事案子破得特别多 我想看看到底多了多少 刑事破案数同比上升了百分之多少啊",
            "110%",
        ),
        ("那个市里头一趟都不用跑的事情到底有多少项啊", "1837项"),  # 市里头: the city, no whole of parts
    ],
)
def test_story_amounts_leads_and_the_citys_li_never_change_the_ask(engine, question, figure):
    _answered(engine, question, figure)


def test_two_things_counted_together_asked_each_apart_is_declined(engine):
    _declined(engine, "询问室和听证室分别建了多少处", "合在一起")


def test_what_the_law_says_on_the_askers_case_is_legal_advice(engine):
    _declined(engine, "隔壁邻居盖房子占了我家宅基地，法律上宅基地被占了是怎么规定的", "不解答个人的具体法律问题")


def test_an_area_no_heading_names_is_found_by_its_sentences(engine):
    """规范性文件 and 法律顾问 stand in two sentences of one sub-section, whose heading names
    only the first: that sub-section, not one entry."""
    reply = engine.respond("规范性文件和法律顾问这块做了啥", Conversation(), now=0.0)
    assert reply.status == "answer" and reply.kind == "area" and "持续加强行政规范性文件制定监督管理" in reply.text
    # one thing named in one sentence is that thing, not an area
    assert engine.respond("营商码说了什么").kind != "area"


@pytest.mark.parametrize(
    "question, yes",
    [
        ("民商事一审收案是不是比上一年多了", False),  # 多了 of 下降10.21%
        ("民商事一审收案比上一年少了吗", True),
        ("刑事破案数比上一年多了吗", True),
        ("营业执照和身份证办事的时候不是还得交吗", False),  # 还得交 of 免提交
    ],
)
def test_spoken_directions_and_handing_in_are_judged_against_the_report(engine, question, yes):
    reply = engine.respond(question, Conversation(), now=0.0)
    assert reply.answer.startswith("是的" if yes else "不是"), reply.answer


def test_a_figure_quoted_before_the_ask_is_not_what_is_asked(engine):
    """ "22个乡镇通过初评 全市总共有多少个…参加了创建": the total asked is of those taking part,
    the report has only those who passed."""
    _declined(engine, "22个乡镇通过初评 全市总共有多少个乡镇街道参加了创建", "报告没有给出总数")


@pytest.mark.parametrize(
    "question",
    [
        "公安那边新建的几个中心都叫啥",
        "警务改革那边打造的几个中心都是些啥",
        "我侄子在市里当辅警 他说他们那边搞了好几个中心 我一个也记不住 你帮我列一下到底是哪几个中心嘛",
    ],
)
def test_the_members_of_things_counted_are_a_list_never_a_figure(engine, question):
    """ "几个中心都叫啥" asks the centres' names: the one sentence naming several 中心 answers,
    never a count of something else (新增5个立法联系点), and 嘛 makes no yes/no check."""
    reply = engine.respond(question, Conversation(), now=0.0)
    assert reply.status == "answer" and "侦查实战中心" in reply.text and "立法联系点" not in reply.text


@pytest.mark.parametrize(
    "question, name",
    [
        ("渔业管理搞信息化、被推荐去评全国示范项目的那个叫啥", "智慧渔政"),  # 管理 stands elsewhere
        ("柔性执法升级成的一个目录加几个清单的那套东西叫啥", "一目录、五清单"),  # 几个 describes
    ],
)
def test_a_name_asked_of_a_description_is_the_naming_sentence_holding_most_of_it(engine, question, name):
    _answered(engine, question, name)


@pytest.mark.parametrize(
    "question",
    [
        "营商码在哪个APP里能看到",
        "湘易办怎么开无犯罪记录证明",
        "医疗纠纷调解要准备什么",
        "立法联系点的意见怎么提交",
        "执法记录仪的视频我能要来看吗",
    ],
)
def test_where_to_see_how_to_obtain_and_the_askers_own_doing_are_practical(engine, question):
    _declined(engine, question, "办事信息")


def test_a_figure_asked_politely_with_wo_neng_is_still_answered(engine):
    reply = engine.respond("我能知道法律援助案件有多少吗", Conversation(), now=0.0)
    assert reply.status == "answer" and "2900余件" in reply.text


def test_still_to_bring_is_judged_against_exempt_from_handing_in(engine):
    reply = engine.respond("我办营业执照还要带身份证吗", Conversation(), now=0.0)
    assert reply.answer.startswith("不是")


def test_of_near_entries_the_one_saying_all_the_ask_says_answers_without_a_clarify(engine):
    """ "哪个部门采纳了…": only the entry whose answer holds 采纳 (and the ask's other report words)
    can answer; a choice between it and an entry lacking 采纳 is no help."""
    reply = engine.respond("哪个部门采纳了四度融合柔性执法的经验做法", Conversation(), now=0.0)
    assert reply.status == "answer" and "省政府办公厅" in reply.text


@pytest.mark.parametrize(
    "question",
    ["网上可办事项是不是比上一年多了", "人民调解的纠纷数量是不是比前一年少了", "法律咨询人次比上一年增加了多少"],
)
def test_a_change_asked_of_a_level_is_never_answered_with_the_level(engine, question):
    """The report gives 2861项, no change from the year before: no 是的, no level as the change."""
    reply = _declined(engine, question, "变化幅度")
    assert not reply.text.startswith(("是的", "不是"))


def test_of_sentences_alike_the_one_holding_the_askers_other_characters_names_the_thing(engine):
    """一点一点滴进去的普法方式: 滴 is in one naming sentence only (“普法+案例”滴灌式普法)."""
    _answered(engine, "那种一点一点滴进去的普法方式叫啥", "普法+案例")


@pytest.mark.parametrize(("check", "verdict"), [("难道不到九成？", "不是"), ("难道还不到百分之百？", "不是")])
def test_a_rhetorical_check_of_the_figure_just_given_is_judged(engine, check, verdict):
    """ "难道…" asks to confirm, as 吗 does: judged against the figure just given."""
    conversation = Conversation()
    engine.respond("网上可办率是多少", conversation, now=0.0)
    reply = engine.respond(check, conversation, now=1.0)
    assert reply.answer.startswith(verdict) and "100%" in reply.answer


def test_a_number_a_synonym_writes_is_read_as_a_number(engine):
    """ "跑一趟" is 跑一次 (synonyms), so 跑1次: the 1024 items, never the “0”跑动 sibling beside them."""
    reply = engine.respond("跑一趟就能办的有多少项")
    assert reply.status == "answer" and "1024项" in reply.answer and "1837项" not in reply.answer
    both = engine.respond("跑一趟就能办的有多少项 一趟都不用跑的又有多少项")
    assert "1024项" in both.text and "1837项" in both.text


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("2023年度重大行政决策事项目录是第七次政府常务会议审议通过的吗", "是的"),  # 第七次 is 第7次
        ("2023年度重大行政决策事项目录是第八次政府常务会议审议通过的吗", "不是"),
    ],
)
def test_an_ordinal_in_words_is_the_ordinal_in_digits(engine, question, verdict):
    assert engine.respond(question, Conversation(), now=0.0).answer.startswith(verdict)


def test_a_list_asked_of_several_near_explanations_gets_them_all(engine):
    # two places of the report tell of CCTV reports: a list asked gets both, not a choice
    reply = engine.respond("CCTV报道过益阳哪些事")
    assert reply.status == "answer"
    assert "朝闻天下" in reply.text and "小区大事" in reply.text, reply.text


@pytest.mark.parametrize("question", ["益阳法治政府建设拿了哪些荣誉", "益阳2023年法治政府建设有哪些亮点成绩"])
def test_the_reports_opening_achievements_answer_a_question_about_honours(engine, question):
    reply = engine.respond(question)  # results, not the list of the report's parts
    assert reply.status == "answer"
    for honour in ("全国法治政府建设示范市", "湖南省法治政府建设示范地区", "智慧渔政"):
        assert honour in reply.answer, reply.answer


@pytest.mark.parametrize(
    "question", ["重大行政决策事项目录是在哪次会上审议通过的", "重大行政决策事项目录第几次常务会议通过"]
)
def test_an_ordinal_asked_is_answered_by_the_near_figure_that_is_an_ordinal(engine, question):
    reply = engine.respond(question)
    assert reply.status == "answer" and "第7次" in reply.answer, reply.text


def test_a_story_word_is_never_what_the_report_lacks(engine):
    """A long message typed without breaks: "爷爷" is the asker's story, never "报告中没有关于“爷爷”"."""
    reply = engine.respond(
        "我爷爷八十多了一辈子没打过官司最近村里有人说现在法院收的案子变少了说是调解的多了真的假的民商事一审收案是不是少了"
    )
    assert "爷爷" not in reply.text and reply.status == "answer" and "10.21%" in reply.answer, reply.text


@pytest.mark.parametrize(
    "message, figure",
    [
        # "考这个": the thing 考'd in the story (执法资格证), not every report word it says (城管)
        (
            "我老公在城管上班那年说要考执法资格证天天晚上背书背到半夜头都大了2023年全市一共组织了多少人考这个",
            "5100多名",
        ),
        # "跟我一样": likeness, never the thing counted
        (
            "我家开的小厂子前两年被查出来消防通道堆了货执法的同志说第一次不罚款让我们马上整改"
            "我就想晓得益阳2023年有好多家企业跟我一样第一次不罚的一共免了好多钱",
            "2000余万元",
        ),
        # "…我知道了那…": after a particle, 那 starts the ask; the figure told before is context
        ("网上可办率100%我知道了那承诺时限整体压缩了百分之多少", "74.1%"),
        # a feeling told without a break ("心里直犯嘀咕") is the story, not a thing the report lacks
        (
            "我二舅老家在汨罗开了个小超市，跳广场舞的时候姐妹们说起，心里直犯嘀咕人民调解化解纠纷多少起 成功率多少",
            "10816起",
        ),
        # "是不是…" ends the counted phrase: 多件 is no measure
        ("我就想知道2023年益阳一共受理了多少法律援助案件是不是两千九百多件", "2900余件"),
    ],
)
def test_story_words_typed_without_breaks_never_cause_a_decline(engine, message, figure):
    reply = engine.respond(message)
    assert reply.status == "answer" and figure in reply.answer, reply.text


@pytest.mark.parametrize(
    "question",
    [
        "两法衔接平台行政执法案件数量全省排第几",
        "两法衔接平台行政执法案件数量全省排第几（不是录入数）",
        "“两法衔接”平台行政执法案件数量在全省排多少",
        "liangfa衔接平台行政执法案件数量在全省排得怎么样",
    ],
)
def test_a_rank_asked_of_what_another_clause_ranks_is_that_clauses_rank(engine, question):
    """The report ranks 两法衔接平台行政执法案件数量 (排名靠前) in one clause and 案件录入数 (全省第一)
    in another: the rank asked is the one of the clause holding every word asked, never the other."""
    reply = engine.respond(question)
    assert reply.status == "answer" and "排名靠前" in reply.answer and "全省第一" not in reply.answer, reply.text


@pytest.mark.parametrize(
    "question",
    ["两法衔接平台案件录入数排第几", "报告里说两法衔接平台行政执法案件数量在全省排名靠前 那它案件录入数排第几"],
)
def test_the_rank_of_the_clause_asked_last_is_answered(engine, question):
    reply = engine.respond(question)
    assert reply.status == "answer" and "全省第一" in reply.answer, reply.text


def test_a_subject_not_in_the_reports_words_is_no_other_clauses_rank(engine):
    """ "执法记路仪在全省排第几": 记路仪 is no word of the report, so no clause that ranks 执法
    something else (柔性执法率在全省领先) is the rank asked."""
    reply = engine.respond("执法记路仪在全省排第几")
    assert "柔性执法率在全省领先" not in reply.answer, reply.text


@pytest.mark.parametrize(
    "question",
    [
        "行政处罚法里是不是没有首违不罚的规定",
        "民法典里有没有首违不罚",
        "劳动合同法规定加班费怎么算",
        "请问依据行政复议法，申请行政复议的期限为多长？",  # a law cited as the ask's ground
    ],
)
def test_what_a_law_the_report_never_names_says_is_never_judged(engine, question):
    """The report tells the city's work; what a national law says is a legal question (never 是的/不是)."""
    _declined(engine, question, "不解答个人的具体法律问题")


@pytest.mark.parametrize(
    "question",
    [
        "行政执法里面有哪些做法",
        "柔性执法中首次不罚了多少家",
        "依据《益阳市行政执法能力三年提升行动实施方案》，第一批行政执法能力提升行动验收了几个单位",
    ],
)
def test_a_word_ending_in_fa_that_the_report_writes_is_no_law_named(engine, question):
    assert engine.respond(question).status == "answer"


@pytest.mark.parametrize(
    "question",
    [
        "用真实案子给老百姓讲法律的那种普法方式叫什么",
        "执法单位拿自己办的真实案子给老百姓讲法的那种普法叫什么",
    ],
)
def test_near_entries_standing_on_one_passage_need_no_clarify(engine, question):
    """The two 普法 entries quote one passage (持续落实“谁执法谁普法”…全面推行“普法+案例”…):
    a choice between them asks nothing the passage does not tell at once."""
    reply = engine.respond(question, Conversation(), now=0.0)
    assert reply.status == "answer" and "普法+案例" in reply.text


def test_a_check_of_what_the_report_never_says_is_not_answered_by_one_passage(engine):
    """领导人员 is no word of the report: the check before the ask gets no entry of the passage
    on 执法资格考试 as if it were what was asked."""
    reply = engine.respond("不是说领导人员都要考资格吗，考试的人有没有五千", Conversation(), now=0.0)
    assert "三年提升行动实施方案" not in reply.text and "领导" in reply.text


@pytest.mark.parametrize(
    "question, expected",
    [
        ("三统一的规范性文件市政府多少件", ["28件"]),
        ("三统一的规范性文件市政府多少件部门多少件", ["28件", "51件"]),
    ],
)
def test_a_word_naming_one_of_near_figures_picks_it_though_it_names_no_measure(engine, question, expected):
    """市政府 counts nothing by itself, but of "“三统一”市政府规范性文件数" and "“三统一”部门规范性文件数"
    it names one: no choice between them is asked back."""
    reply = engine.respond(question, Conversation(), now=0.0)
    assert reply.status == "answer" and all(v in reply.text for v in expected)
