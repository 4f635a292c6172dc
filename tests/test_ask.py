"""The ask inside a message (bot/analysis/ask.py): the story is left out, the ask kept."""

import pytest

from bot.analysis.ask import corrected, find_ask, known_words, narrative
from bot.engine.engine import Engine


def test_short_question_is_its_own_ask():
    assert find_ask("法律援助案件多少件").text == "法律援助案件多少件"
    assert find_ask("网上可办率，多少").context == ""


@pytest.mark.parametrize("tag", ["对不", "是不", "对不啊", "对咯", "是噻"])
def test_a_spoken_check_tag_after_a_number_is_part_of_the_ask(tag):
    """ "百分之七十四点一 对不": the clipped 对不对 checks the number said before it; it is no aside."""
    for number in ("百分之七十四点一", "两千八百多项"):
        ask = find_ask(f"{number} {tag}", "74.1%，2861项")
        assert tag in ask.text and ask.context == "", (number, tag, ask)


@pytest.mark.parametrize(
    "question",
    [
        "不晓得2021年益阳人民调解一共化解了多少起纠纷？",
        "我退休前在司法局干了三十年，那时候一年也就几千起纠纷。不晓得2021年益阳人民调解一共化解了多少起纠纷？",
    ],
)
def test_a_year_said_right_before_the_asks_words_is_the_asks(engine, question):
    """The clause "不晓得2021年" is cut off as the asker's, but its year runs straight into the ask."""
    reply = engine.respond(question)
    assert reply.status != "answer" and "2021" in reply.text and "10816起" not in reply.text, reply.text


def test_story_first_then_the_ask():
    ask = find_ask("我邻居在安化开超市 前两年被罚过一次心里不服气 我想问问全市有多少家企业首次不罚")
    assert ask.text == "全市有多少家企业首次不罚"
    assert "安化" in ask.context and "安化" not in ask.text


def test_ask_without_a_lead_is_its_asking_clauses():
    ask = find_ask("我侄子在南县当协警，他说现在执法都要带记录仪，2023年全市配了多少台记录仪，是不是有四千多台")
    assert ask.text == "2023年全市配了多少台记录仪，是不是有四千多台"
    assert "南县" in ask.context


def test_pointing_ask_borrows_only_report_words_of_the_clause_before(engine: Engine):
    text = "我爸前年做手术跟医院扯皮扯了很久，最后是医疗纠纷那个调解委员会帮忙调的，这个委员会拿了个什么全国的称号"
    ask = find_ask(text)
    assert ask.refers and "这个委员会" in ask.text
    question = engine.question(text)
    assert "医疗纠纷" in question and "前年" not in question and "医院" not in question


@pytest.mark.parametrize(
    "text, subject, figure",
    [
        ("扫一下就能查企业检查情况的那个码，上过哪个电视栏目", "码", "朝闻天下"),
        ("两口子闹离婚去调解的那个经验，上过哪个电视栏目", "经验", "小区大事"),
        ("政府拍板的大事提前列出来的那个目录，市本级有几项", "目录", "6项"),
    ],
)
def test_a_thing_described_before_an_ask_without_a_subject_is_its_subject(engine: Engine, text, subject, figure):
    """ "…的那个码，上过哪个电视栏目": the ask names no thing of its own; the thing described
    and named by its kind just before it is what it asks of (never another entry that was on TV)."""
    ask = find_ask(text, engine.packs[-1].context.report_norm)
    assert subject in ask.refers or subject in ask.text  # (a short message is one ask)
    reply = engine.respond(text)
    assert reply.status == "answer" and figure in reply.answer, reply.text


def test_known_words_keep_only_runs_of_the_report():
    report = "医疗纠纷人民调解委员会被评为全国模范人民调解委员会"
    assert known_words("跟医院扯皮最后是医疗纠纷那个调解委员会帮忙调的", report).split() == ["医疗纠纷", "调解委员会"]


def test_story_place_and_year_never_scope_the_answer(engine):
    reply = engine.respond("我家侄女在长沙读研究生，前年她问我，益阳执法资格考试有多少人参加")
    assert reply.status == "answer" and "5100多名" in reply.text
    reply = engine.respond(
        "我爸前年做手术，跟医院扯皮扯了很久，最后是医疗纠纷那个调解委员会帮忙调的，这个委员会拿了个什么全国的称号"
    )
    assert reply.status == "answer" and "全国模范人民调解委员会" in reply.text


def test_story_words_never_named_as_lacking(engine):
    reply = engine.respond("我外甥在菜市场卖鱼老说城管来查，我想问问柔性执法办了多少案件")
    assert reply.status == "answer" and "4600余件" in reply.text
    assert "菜市场" not in reply.text and "外甥" not in reply.text


def test_a_list_request_takes_every_clause_before_it_as_an_item():
    ask = find_ask("执法纪录仪配，跑一次事项，还有在益阳网上能办的事，这几个数告诉我")
    assert ask.text.startswith("执法纪录仪配") and not ask.context


def test_speech_without_punctuation_is_cut_where_a_new_clause_starts():
    text = "老伴走了以后我一个人住在桃江县城孩子们都在长沙上班平时办点事情最怕跑来跑去听说现在好多事情网上就能办了一趟都不用跑的事情到底有多少项呢"
    ask = find_ask(text)
    assert "长沙" not in ask.text and "多少项" in ask.text


def test_a_short_scope_clause_before_the_question_is_part_of_the_ask():
    assert find_ask("在湘潭，2023年又向园区赋权了多少项审批服务事项？").text.startswith("在湘潭")


def test_story_after_a_keyword_is_context():
    ask = find_ask("跑一次事项，我问这个是因为我老同学在浏阳市荷叶坪种了几亩橘子心里挺高兴")
    assert ask.text == "跑一次事项" and "浏阳" in ask.context


def test_politeness_is_context_but_thanks_alone_stays_thanks():
    assert find_ask("幫多少名農民工討回工資谢谢您😊💐👍").text == "幫多少名農民工討回工資"
    assert find_ask("谢谢你的回答").text == "谢谢你的回答"


def test_a_lead_after_a_story_starts_the_ask():
    ask = find_ask("我老同学在宁乡青石岭开了个小超市，急得睡不着觉，顺便问一句法律咨询人次")
    assert ask.text == "法律咨询人次"


def test_an_ask_naming_another_city_is_declined(engine):
    reply = engine.respond("在湘潭，2023年又向园区赋权了多少项审批服务事项？")
    assert reply.status != "answer" and "湘潭" in reply.text


def test_clauses_the_report_has_no_words_of_are_story(engine: Engine):
    """A clause without a story word (我, 孩子 …) is still context when the report has almost
    none of its words: "晚上看电视的时候", "吃饭的时候一家人争了半天"."""
    report = engine.packs[-1].context.report_norm
    ask = find_ask("我老同学在宜章修摩托，晚上看电视的时候，湘易办益阳旗舰店有多少个服务场景？", report)
    assert ask.text == "湘易办益阳旗舰店有多少个服务场景"
    ask = find_ask("网上可办数，吃饭的时候一家人争了半天，愁得吃不下饭", report)
    assert ask.text == "网上可办数"
    # a place alone is the question's own scope, whatever the report's words
    assert find_ask("在湘潭，2023年又向园区赋权了多少项审批服务事项？", report).text.startswith("在湘潭")
    # ... and so is a year said aloud with fillers ("那个去年就是二零二五年")
    assert find_ask("那个去年就是二零二五年益阳法律援助案件受理了多少件", report).text.startswith("那个去年")


def test_a_story_typed_without_breaks_is_cut_where_the_report_words_start(engine: Engine):
    report = engine.packs[-1].context.report_norm
    text = "我大姨住在华容枫树湾开了家五金店挺感动的涉企执法案件柔性执法率在全省处于什么水平"
    ask = find_ask(text, report)
    assert ask.text.startswith("涉企执法案件柔性执法率") and "华容" in ask.context
    # a lead inside one long clause starts the ask ("…送外卖就想打听一下…")
    assert (
        find_ask("我二舅在芷江县送外卖就想打听一下普法典型案例涉及多少个方面", report).text
        == "普法典型案例涉及多少个方面"
    )
    # a dash and "我…" without punctuation end the question typed first
    assert find_ask("园区赋权事项——我姐夫在江华县开了个小超市，想起来就憋屈", report).text == "园区赋权事项"
    assert find_ask("网上可办数我问这个是因为我老伴在涟源市开了间米粉店", report).text == "网上可办数"
    # an enumeration's last item may run on into a story; the items before it never break
    ask = find_ask("复调对接调解和解了几件、和解率多少我问这个是因为我干妈老家在洞口县在餐馆洗碗", report)
    assert ask.text == "复调对接调解和解了几件、和解率多少" and "洞口县" in ask.context
    listed = "把指导人民调解化解纠纷、讨薪农民工人数、湘易办上面益阳能用的应用几个数一起报一下"
    assert find_ask(listed, report).text == listed
    # the cut never falls inside a place name or after an opening mark: the city and the title
    # it names belong to the ask ("…了解《益阳市行政执法…》": the report's text has no 益阳)
    ask = find_ask("本人欲了解《益阳市行政执法能力三年提升行动实施方案》围绕几个方面进行部署", report)
    assert ask.text.startswith("《益阳市行政执法能力") and "益阳" not in ask.context
    # a space before an opening mark breaks a clause as before a word; a keyword query glued to
    # a feeling ends on the report's words and a count noun of its own ("…考试人数")
    story = "我在石门县住 我堂哥在石门县莲塘村在菜市场卖鱼 前阵子回老家吃酒 可是根本不晓得去哪找 "
    assert find_ask(story + "《益阳市承诺时限压缩了百分之七十几来着", report).text.startswith("《益阳市承诺时限")
    assert find_ask(story + "好麻烦呀执法资格考试人数", report).text == "执法资格考试人数"


def test_we_and_our_city_are_the_questions_scope_never_a_story():
    assert not narrative("我们益阳市新增了几个立法联系点") and not narrative("俺们这边新增了几个立法联系点")
    assert narrative("我们小区新增了几个快递柜") and narrative("我们市民都觉得好")


def test_items_after_a_list_request_are_asked(engine: Engine):
    report = engine.packs[-1].context.report_norm
    ask = find_ask("三项制度那几个数字都列出来：公示事项、执法记录仪、询问室听证室", report)
    assert "执法记录仪" in ask.text and "询问室听证室" in ask.text


def test_story_and_other_city_metamorphic_pairs(engine: Engine):
    """The same question with a story of another county around it is answered; with the
    city inside the ask, it is declined as another place."""
    plain = engine.respond("法律援助案件数")
    assert plain.status == "answer" and "2900余件" in plain.text
    story = engine.respond("法律援助案件数我问这个是因为我表姐在吉首桃花村开了家理发店过年的时候聊起来。")
    assert story.status == "answer" and "2900余件" in story.text
    city = engine.respond("衡阳那边无证明城市建设中，多少类证明材料落实了“免证办”？")
    assert city.status != "answer" and "衡阳" in city.text


def test_an_addressed_greeting_is_not_a_subject(engine: Engine):
    for text in ("同志你好，成功为多少名农民工讨回了工资？", "老师好~新增立法联系点", "师傅您好 执法记录仪配了多少台"):
        reply = engine.respond(text)
        assert reply.status == "answer", (text, reply.text)


def test_half_of_a_report_word_is_not_a_place(engine: Engine):
    reply = engine.respond("劳驾问下~营商码那个事上过央视没")
    assert reply.status == "answer" and "CCTV-13" in reply.text


def test_an_ask_that_gets_no_answer_alone_borrows_the_report_words_of_the_story(engine: Engine):
    text = "我在城管队干了十几年 以前执法老是被老百姓骂 听说市里有个行政执法能力三年提升的方案 第一批验收了多少个单位啊"
    reply = engine.respond(text)
    assert reply.status == "answer" and "11个" in reply.text
    # the story's own words never become the subject: an off-topic ask stays declined
    assert engine.respond("我在法律援助中心门口卖水果 听说那边人很多 你知道明天天气怎么样吗").status != "answer"


def test_a_story_after_the_question_without_a_break_is_left_out(engine: Engine):
    report = engine.packs[-1].context.report_norm
    assert find_ask("网上可办数隔壁王婶住在嘉禾县石板村在厂里踩缝纫机晚上看电视的时候。", report).text == "网上可办数"
    assert (
        find_ask("营商码是CCTV-12报道的吗是这样的，我干妈在湘潭开了家理发店心里怪怪的", report).text
        == "营商码是CCTV-12报道的吗"
    )
    # a practical ending asks something of its own: never cut off as story
    reply = engine.respond("市本级依申请类政务服务事项网上可办数能不能帮我办一下")
    assert reply.status != "answer"


def test_a_year_just_before_the_ask_scopes_it_and_a_versions_year_does_not(engine: Engine):
    assert "2024年" in engine.respond("2024年，到法院打民事官司的案子变少了没，少了多少").text
    assert "2022年" in engine.respond("2022年的益阳市行政许可事项清单(2023年版)的清单发布率是多少？").text
    assert engine.respond("行政许可事项清单(2023年版)的清单发布率是多少？").status == "answer"


@pytest.mark.parametrize(
    "message, expected",
    [
        (
            "我在朝阳街道开了个米粉店，门口贴了个码，讲是营商码，检查的人来了要扫一下。"
            "我娘讲在电视上看到过这个码，中央台报道了的，是哪个节目啊？",
            "朝闻天下",
        ),
        (
            "我去年被电信诈骗骗了八千块 报了案以后冇想到几个月后派出所打电话讲追回来一部分 "
            "我听讲23年益阳破案数涨了好多 到底涨了多少",
            "110%",
        ),
        (
            "我们是桃江一家做竹制品的小企业 十几个工人 老板讲现在要搞合规 不然出了事划不来 "
            "听说市里编了个企业合规指导清单 里面有多少项建议啊",
            "214项",
        ),
    ],
)
def test_a_story_names_what_an_ask_without_a_subject_is_about(engine, message, expected):
    """An ask naming nothing the report writes of in one place (中央台报道…哪个节目) is about the
    nearest thing of the story the knowledge names (营商码); 十几个, 几个月后 and 涨了好多 are
    story, not asks."""
    reply = engine.respond(message)
    assert reply.status == "answer" and expected in reply.answer, reply.text


def test_a_comparison_typed_without_breaks_is_one_ask(engine):
    for question, figures in (
        ("问话的屋子和开听证的屋子多还是全市通过柔性执法方式办理案件多", ("近200处", "4600余件")),
        ("向园区赋权的审批服务事项跟市本级重大行政决策事项 哪个项数多", ("11项", "6项")),
        ("合同审查件数跟园区赋权事项比，哪个多", ("102件", "11项")),
    ):
        reply = engine.respond(question)
        assert all(f in reply.answer for f in figures), (question, reply.answer)


def test_a_place_the_knowledge_asks_about_is_lent_as_a_subject(engine):
    """大通湖 is a district and the lake a regulation protects: as the story's subject it is lent."""
    reply = engine.respond(
        "我在大通湖边上长大的 小时候湖水清得很 后来搞养殖水都臭了 这几年好多了 听说市里专门为这个湖出了个文件 是叫什么名字"
    )
    assert reply.status == "answer" and "大通湖湖泊保护管理办法" in reply.answer


def test_a_story_subject_never_completes_a_request_for_advice(engine):
    reply = engine.respond(
        "嗯那个我是桃江乡下的 今年六十八了 就是我屋里儿子在外面打工 一年回来一次 那个承包的田也冇人种 "
        "荒在那里 村里讲要收回去 我心里急得很 你帮我想想我该怎么办咯"
    )
    assert reply.status != "answer"


@pytest.mark.parametrize(
    "message, asked, told",
    [
        (
            "上个月店里来了几个执法的，胸口上别着拍摄的小机器，这东西全市到底配了多少台执法记录仪",
            "配了多少台",
            "几个执法的",
        ),
        ("他紧张得几个晚上没睡好，全市组织了多少名执法人员考试啊", "多少名", "几个晚上"),
        ("我就是个小老板，总怕哪天稀里糊涂就违规了，企业合规指导建议一共有多少项呀", "多少项", "哪天"),
        # a few after a negation or a word of time, and "大家都说" (not "都说一下"), ask nothing
        (
            "我们村去年有人电动车被偷了，没几天就破案了，大家都说现在警察效率高多了。2023年益阳全市刑事破案数同比变化了多少？",
            "变化了多少",
            "没几天",
        ),
        ("前几年去办事要跑好几趟，大家都说麻烦，市本级网上可办的事项有多少项", "多少项", "大家都说"),
        # a question the story tells of looking into ("研究有什么补贴政策可以申请") is no ask
        (
            "老板天天让我去研究有什么补贴政策可以申请，听说益阳搞了个东西能把政策主动推给企业，那个叫什么名字？",
            "叫什么名字",
            "研究有什么补贴政策",
        ),
        # a question word inside what describes the thing ("…多少天内办完的那个时间") names it
        ("办事部门答应多少天内办完的那个时间，整体缩短了多少？", "缩短了多少", "多少天内"),
    ],
)
def test_an_amount_or_a_time_told_in_the_story_is_not_asked(engine: Engine, message, asked, told):
    """几 and 哪天 tell an amount or a time too ("来了几个执法的"): in a clause of words the report
    lacks, followed by a clause that asks, they are story."""
    ask = find_ask(message, engine.packs[-1].context.report_norm)
    assert asked in ask.text and told not in ask.text and told in ask.context


def test_a_clause_asking_by_ji_in_the_reports_words_is_still_asked(engine: Engine):
    report = engine.packs[-1].context.report_norm
    ask = find_ask("2023年新增了几个立法联系点，各联系点一共提了多少条意见建议，我是社区网格员", report)
    assert "几个立法联系点" in ask.text and "多少条" in ask.text


@pytest.mark.parametrize(
    "message, figure",
    [
        (
            "上个月店里来了几个执法的，胸口上都别着那个拍摄的小机器，说全程录像。我老婆说这东西全市配了好多台，到底配了多少台啊？",
            "4400台",
        ),
        ("我是退休老干部 以前打行政官司领导都不爱出庭 现在听说行政机关负责人出庭应诉的比例很高 到底是多少啊", "100%"),
    ],
)
def test_a_story_clause_never_joins_a_short_ask_but_lends_its_report_words(engine: Engine, message, figure):
    """ "到底配了多少台": too short to name its subject; the clause before it is the asker's story
    (我老婆说…), so it lends its report words (and the kind of figure, 比例) instead of joining."""
    ask = find_ask(message, engine.packs[-1].context.report_norm)
    assert "老婆" not in ask.text and "老干部" not in ask.text
    reply = engine.respond(message)
    assert reply.status == "answer" and figure in reply.text


@pytest.mark.parametrize("told", ["我老眼昏花的什么都不懂", "邻居谁也说不清楚"])
def test_a_question_word_with_dou_or_ye_says_any_and_asks_nothing(engine: Engine, told):
    report = engine.packs[-1].context.report_norm
    ask = find_ask(f"儿子说要我下那个湘易办，{told}，里面到底接了多少个业务应用啊", report)
    assert told not in ask.text and "多少个业务应用" in ask.text
    reply = engine.respond(f"儿子说益阳旗舰店啥都能办，{told}，湘易办里面到底接了多少个业务应用啊")
    assert reply.status == "answer" and "300多个" in reply.text


def test_a_long_clause_of_the_reports_words_before_the_ask_is_the_questions_own(engine: Engine):
    """ "在2025年三统一的规范性文件 市政府的多还是部门的多": the first clause is longer than a
    joining clause, but made of the report's words and no story: its year scopes the ask."""
    message = "在2025年三统一的规范性文件 市政府的多还是部门的多"
    assert "2025年" in find_ask(message, engine.packs[-1].context.report_norm).text
    reply = engine.respond(message)
    assert reply.status != "answer" and "2025" in reply.text


def test_a_name_of_the_report_holding_a_question_word_does_not_ask(engine: Engine):
    """ "谁执法谁普法" names a duty: the clause telling of it is story, the ask is after the lead."""
    report = engine.packs[-1].context.report_norm
    text = (
        "我老公在城管上班他们单位前段时间发了个典型案例说是谁执法谁普法还让他在朋友圈转发"
        "我就好奇2023年全市这些责任单位一共发了多少个典型案例"
    )
    ask = find_ask(text, report)
    assert "谁执法谁普法" not in ask.text and "一共发了多少个典型案例" in ask.text
    assert find_ask("谁执法谁普法是什么意思", report).text == "谁执法谁普法是什么意思"
    reply = engine.respond(text)
    assert reply.status == "answer" and "70个" in reply.text


@pytest.mark.parametrize(
    "text",
    ["2019年的企业第一次犯小错不罚款的 一共免了多少钱", "在2020年，往开发区园区下放审批权那事儿，这回又放下去几项"],
)
def test_a_year_opening_the_message_is_the_asks(engine: Engine, text):
    assert engine.respond(text).status == "fallback"  # the report is of 2023: another year is declined


def test_a_year_opening_a_story_stays_the_storys(engine: Engine):
    ask = find_ask("2022年，我家在桃江开了个小厂，想问问法律援助案件多少件")
    assert "2022" not in ask.text
    reply = engine.respond("2022年，我家在桃江开了个小厂，想问问法律援助案件多少件")
    assert reply.status == "answer" and "2900余件" in reply.text


@pytest.mark.parametrize(
    "text",
    [
        "广州企业第一次犯点小错就不罚款的那个，有多少家企业沾了光",
        "重庆市那边给乡镇执法定标准搞示范的那个活动，有几个乡镇过了初评",
    ],
)
def test_a_place_opening_the_message_is_the_asks(engine: Engine, text):
    reply = engine.respond(text)
    assert reply.status == "fallback" and reply.kind == "scope"


def test_a_place_is_never_half_a_word_the_dictionary_lacks(engine: Engine):
    """ "怀化法律咨询": 化法 is in the report's text ("常态化法治") but is no word."""
    assert engine.respond("怀化法律咨询有多少人次").kind == "scope"
    assert engine.respond("问下营商码是什么").status == "answer"  # 下营 is half of 营商


@pytest.mark.parametrize(
    "message",
    [
        "敬请告知：立法联系点新增了几个？不胜感激！王女士 2025年7月7日",
        "尊敬的领导：法律援助案件受理了多少件？此致 敬礼！李建国 2024年6月27日",
        "请问立法联系点新增了几个？谢谢！张先生",
    ],
)
def test_a_letters_signature_is_neither_the_ask_nor_its_year(engine, message):
    reply = engine.respond(message)
    assert reply.status == "answer", reply.text
    assert "没有" not in reply.answer[:12], reply.answer


@pytest.mark.parametrize(
    "message, figure",
    [
        ("法律援助案件和用柔性执法办的案件哪个多谢谢您", "4600余件"),  # 多 of the comparison, then 谢谢
        ("承诺时限压缩了百分之七十几来着谢谢您~", "74.1%"),  # thanks glued after a check
    ],
)
def test_thanks_typed_right_after_the_question_are_not_part_of_it(engine, message, figure):
    reply = engine.respond(message)
    assert reply.status == "answer" and figure in reply.answer, reply.text


@pytest.mark.parametrize("message", ["谢谢你帮我查的资料很有用", "太感谢了你们做得真好", "非常感谢，很有帮助"])
def test_thanks_said_first_stay_thanks(engine, message):
    assert engine.respond(message).kind == "thanks"


def test_a_clause_about_someone_of_the_story_is_not_joined_to_the_ask(engine):
    message = "我表弟在安化县派出所当辅警，说现在公安搞改革，建了好几个中心，办案子比以前规范多了，他天天加班学新系统。益阳公安到底打造了哪几个中心啊？"
    reply = engine.respond(message)
    assert reply.status == "answer" and "侦查实战中心" in reply.answer, reply.text


def test_the_place_word_after_an_areas_name_points_back_at_nothing(engine):
    """ "普法这一块": 这一块 follows the area's own name; the story before lends it nothing (市场)."""
    reply = engine.respond("我大姨在汉寿在菜市场卖鱼 心里没底！我想问问普法这一块搞了什么名堂")
    assert reply.kind == "area" and "谁执法谁普法" in reply.text, reply.text


def test_an_ask_naming_nothing_of_its_own_takes_the_clause_before(engine):
    """ "2023年市本级定了几项": a year, a level and a count name nothing; the clause before says what."""
    message = "政府一年里要拍板的那些重要大事列了个目录，2023年市本级定了几项"
    assert "目录" in find_ask(message, engine.packs[-1].context.report_norm).text
    assert engine.respond(message).entry_id == "major_decisions"


def test_what_the_asker_heard_names_the_subject_of_an_ask_naming_nothing(engine):
    message = "我在长沙工作，老家是益阳的，听说益阳市本级一趟都不用跑的事项有不少，到底多少项？我总共就请了三天假。"
    reply = engine.respond(message)
    assert reply.entry_id == "zero_trip_items", reply.text  # 长沙 of the story sets no scope either


def test_a_name_asked_of_a_thing_heard_of_is_asked_of_that_thing(engine):
    """ "同事说市里有个…的活动 叫千什么来着": the thing heard of, described in the asker's words."""
    message = (
        "我们公司小 请不起专门的法务 合同老是出问题 吃了好几回亏 同事说市里有个律所跟企业结对子帮忙的活动 叫千什么来着"
    )
    reply = engine.respond(message)
    assert reply.status == "answer" and "千所连千企" in reply.text, reply.text


def test_a_name_asked_with_no_thing_of_its_own_borrows_the_report_words_before_it(engine):
    """ "…听说这个医调委还拿过全国的称号 是啥称号啊": 称号 names the kind of answer, the thing is before."""
    message = "我爸之前在医院做手术跟医院闹了点矛盾 后来是医调委的人帮忙调解好的 人家态度蛮好 听说这个医调委还拿过全国的称号 是啥称号啊"
    reply = engine.respond(message)
    assert reply.entry_id == "medical_mediation_committee", reply.text


@pytest.mark.parametrize(
    "message, expected",
    [
        ("公安那边说打造了几个中心 是哪几个", "侦查实战中心"),
        ("新增了几个立法联系点，分别是哪些", "5个"),
    ],
)
def test_which_ones_after_a_count_is_the_same_ask(engine, message, expected):
    reply = engine.respond(message)
    assert reply.status == "answer" and expected in reply.text, reply.text


@pytest.mark.parametrize(
    "message, expected",
    [("两法衔接 录入数排名 原文", "连续两年排名全省第一"), ("许可事项清单 版本 发布率", "2023年版")],
)
def test_a_staff_lookup_asking_for_the_source_or_the_edition(engine, message, expected):
    reply = engine.respond(message)
    assert reply.status == "answer" and expected in reply.text, reply.text


def test_not_long_after_is_no_question(engine):
    """ "报案后没多久就找回来了": 没多久 tells, it asks nothing; the story stays context."""
    message = (
        "刑事破案数涨了多少 我家电动车前两年被偷了 报案后没多久就找回来了 感觉警察效率挺高 看新闻说益阳破案数涨了很多"
    )
    reply = engine.respond(message)
    assert reply.entry_id == "criminal_cases_growth", reply.text
    assert "报案" not in reply.text.split("\n")[0]


def test_the_story_lends_no_characters_glued_across_its_words(engine):
    """ "真实发生的事…那些执法单位…": 实发 is no word of the story, so none the report may be said to lack."""
    message = "我在社区做网格员平时要给居民讲点法律知识光念条文根本没人听想找些真实发生的事来讲益阳那些执法单位2023年发布了多少个典型案例"
    reply = engine.respond(message)
    assert reply.status == "answer" and "70个" in reply.answer, reply.text


@pytest.mark.parametrize(
    "message",
    [
        "我二舅老家在常宁市开了个小超市觉得挺新鲜人民调解化解纠纷是按起算还是按件算",
        "我儿媳妇住在长沙青石岭在厂里踩缝纫机，急得睡不着觉真有免罚两千多万这么多？",
    ],
)
def test_where_someone_of_the_story_lives_or_works_is_no_scope(engine, message):
    reply = engine.respond(message)
    assert "常宁" not in reply.text and "长沙" not in reply.text, reply.text
    assert "缝纫机" not in reply.text, reply.text  # nor are the story's words what the report lacks


def test_a_place_asked_of_is_still_a_scope(engine):
    assert engine.respond("长沙的免罚金额是多少").status != "answer"


def test_a_practice_described_by_what_it_did_is_named_by_the_sentence_before(engine):
    """ "执法单位发典型案例…的那种普法方式叫什么": the name stands in the short sentence before the one
    telling what was done (全面推行“普法+案例”滴灌式普法。)."""
    reply = engine.respond("执法单位发典型案例、一点点滴进去的那种普法方式叫什么")
    assert reply.status == "answer" and "滴灌式普法" in reply.answer, reply.text


def test_keywords_after_a_letters_lead_are_the_ask(engine):
    """ "…因撰写调研报告需要。特此请教：三统一 市政府 件数 烦请拨冗答复": every keyword after the
    lead is asked, never the writer's purpose before it (was 报告中没有“调研”)."""
    reply = engine.respond(
        "尊敬的领导：您好， 本人系桃源县人基层干部，因撰写调研报告需要。特此请教：三统一 市政府 件数 烦请拨冗答复，万分感谢。 王女士 2026年11月13日"
    )
    assert reply.status == "answer" and "28件" in reply.answer, reply.text


def test_a_lead_opening_a_short_message_is_no_part_of_the_ask():
    """ "请问！A和B分别是多少", "劳驾问下！…": the ask starts after the lead, whatever mark follows it
    (a lead left in made '请问' a sentence of its own and the split failed)."""
    assert find_ask("请问！人民调解成功率和诉前调解成功率分别是多少").text == "人民调解成功率和诉前调解成功率分别是多少"
    assert find_ask("劳驾问下！民商事一审收案降了多少").text == "民商事一审收案降了多少"


@pytest.mark.parametrize(
    "question, figures",
    [
        ("网上可办数、网上可办率和承诺时限压缩率 列一下，感谢❤️", ["2861项", "100%", "74.1%"]),
        ("同志你好 法治审核的执法事项数，音像记录随案存档数，报一下，辛苦了", ["1.5万余项", "近2万件"]),
        ("劳驾问下！民商事一审收案降了多少，刑事破案数升了多少多谢", ["10.21%", "110%"]),
    ],
)
def test_thanks_after_several_asks_leave_every_ask(engine, question, figures):
    reply = engine.respond(question)
    assert reply.status == "answer" and all(f in reply.answer for f in figures), reply.text


def test_a_story_told_after_the_lead_is_story_still(engine):
    """ "…麻烦您帮我看看我是个体户 办营业执照那会跑了好几趟 … 那市本级零跑动的事项到底有多少项":
    the story after the lead lends no words to the ask (was 报告没有写到…营业执照)."""
    reply = engine.respond(
        "我邻居老李在湘潭县在镇上修摩托，心里没底 麻烦您帮我看看我是个体户 办营业执照那会跑了好几趟 "
        "现在听说很多事网上就能办 不用跑腿 那市本级零跑动的事项到底有多少项"
    )
    assert reply.status == "answer" and "1837项" in reply.answer, reply.text


@pytest.mark.parametrize(
    "question, figures",
    [
        ("尊敬的市政府：请问贵市2023年新增立法联系点数量及各立法联系点所提意见建议条数，敬请告知。", ["5个", "40余条"]),
        ("您好，本单位拟开展调研，烦请提供2023年益阳市人民调解化解纠纷数量及调处成功率。", ["10816起", "93%"]),
        (
            "您好，烦请提供益阳市2023年以下数据：全部音像记录随案存档数、经过法治审核的执法事项数、参加执法资格考试的人数。谢谢！",
            ["近2万件", "1.5万余项", "5100多名"],
        ),
    ],
)
def test_a_formal_request_asks_every_item_it_names(engine, question, figures):
    """ "烦请提供…A及B", "请问…A及B，敬请告知": the request's items are the ask; the closing is none."""
    reply = engine.respond(question)
    assert reply.status == "answer" and all(f in reply.answer for f in figures), reply.text


def test_a_place_after_a_preposition_starts_no_clause():
    """ "…说在益阳网上能办的事是8583项": 在益阳 is one phrase; no clause starts at 益阳."""
    from bot.analysis.ask import clauses

    assert not any(c.endswith("在") for c in clauses("隔壁王叔说在益阳网上能办的事是8583项我将信将疑真的假的"))


@pytest.mark.parametrize(
    "text, story",
    [
        ("执法要管的事对外公开有七点五万多项", False),  # 外公 cuts across 对外|公开
        ("我外公说执法事项公开了", True),
        ("我想问问", True),
        ("紧急的事", True),  # a single story character keeps counting where a word starts or ends
    ],
)
def test_a_story_word_counts_only_as_a_word_of_the_text(text, story):
    assert narrative(text) is story


def test_stated_figures_with_a_story_word_inside_another_word_are_each_checked(engine):
    reply = engine.respond("市本级网上可办率是100%，执法要管的事对外公开有七点五万多项，对不对")
    verdicts = [line for line in reply.answer.split("\n") if line.startswith(("是的", "不是"))]
    assert len(verdicts) == 2 and "100%" in verdicts[0] and "7.5万余项" in verdicts[1], reply.text


def test_a_time_word_of_a_story_starts_a_new_clause_in_speech(engine: Engine):
    """ "…配了多少台前几天我骑电动车…": 前几天 opens the story; the question before it is still asked."""
    message = (
        "执法记录仪全市配了多少台前几天我骑电动车没戴头盔被拦了执法的人胸前就挂着那个在录我就好奇是不是每个执法的都有"
    )
    reply = engine.respond(message)
    assert reply.status == "answer" and "4400台" in reply.answer.split("\n", 1)[0], reply.text
    assert not reply.answer.startswith(("是的", "不是"))


@pytest.mark.parametrize(
    ("message", "ask"),
    [
        ("去办事还得带营业执照身份证吗 好麻烦呀", "去办事还得带营业执照身份证吗"),  # a feeling after the ask
        ("真的假的，两个亿？", "真的假的，两个亿？"),  # an amount is no feeling
        ("网上可办率多少，法律援助案件数", "网上可办率多少，法律援助案件数"),  # the report's words are asked
        ("是五千多人还是五万多人，我记不清了", "是五千多人还是五万多人"),  # two options offered ask
    ],
)
def test_a_short_message_sheds_a_feeling_after_its_ask(engine, message, ask):
    assert find_ask(message, engine.packs[-1].context.report_norm).text == ask


def test_the_check_sheds_the_feeling_too(engine):
    assert engine.respond("去办事还得带营业执照身份证吗 好麻烦呀").answer.startswith("不是")


@pytest.mark.parametrize("message", ["", " ", "？？", "，", "唉", "，唉", "吗 唉", "😀"])
def test_bare_marks_and_sighs_never_break_the_ask(engine, message):
    assert find_ask(message, engine.packs[-1].context.report_norm) is not None


def test_a_lookups_second_word_is_asked_not_a_feeling(engine):
    """ "刑事破案数 具体起数": 起数 is what the staff member looks up (the report has none)."""
    assert engine.respond("刑事破案数 具体起数").status != "answer"


@pytest.mark.parametrize("message", ["网上可办率，收不收费", "共受理法律援助案件 几点上班"])
def test_a_practical_ending_is_asked_not_shed_as_a_feeling(engine, message):
    assert engine.respond(message).kind == "unsupported"


def test_a_told_claim_pointing_back_is_the_claim_checked(engine):
    """ "…要带营业执照…还要带身份证，忘带一样就白跑一趟，气死人。听我侄子说现在这两样东西都不用交
    了，是不是真的": what was told is checked, of the things it points back at (past a feeling)."""
    message = (
        "我在赫山区开了十几年的早餐店，以前去办点什么事都要带营业执照复印件，还要带身份证，"
        "忘带一样就白跑一趟，气死人。听我侄子说现在这两样东西都不用交了，是不是真的？"
    )
    asked = engine.question(message)
    assert "不用交" in asked and "营业执照" in asked and "身份证" in asked, asked
    assert engine.respond(message).answer.startswith("是的")


def test_words_pointed_back_at_never_cause_a_decline(engine):
    """The story's 市场监管 lent to "享受了这个" must not decline the ask, which alone is answered."""
    message = (
        "我开了个小餐馆 前阵子市场监管来查出个小问题 人家说第一次轻微违规不罚款 就教育了一下 挺暖心的 "
        "想问下益阳一共有多少家企业享受了这个"
    )
    reply = engine.respond(message)
    assert reply.status == "answer" and "6125家" in reply.answer, reply.text


def test_an_ask_naming_nothing_of_the_report_takes_the_clause_it_points_back_at(engine):
    """ "…把审批权往工业园区那边放，这一次又放下去了几项": 这一次 points at the clause before, the
    ask's own (and its year is the ask's: 2019 is another year)."""
    report = engine.packs[-1].context.report_norm
    assert "工业园区" in find_ask("2019年的把审批权往工业园区那边放，这一次又放下去了几项", report).text
    assert engine.respond("2019年的把审批权往工业园区那边放，这一次又放下去了几项").status != "answer"


@pytest.mark.parametrize(
    ("message", "ask"),
    [
        ("我一辈子没跟政府部门打过什么交道，到底是第几批评上的", "到底是第几批评上的"),  # 没…什么: "any"
        ("有没有什么优惠", "有没有什么优惠"),  # 有没有什么 asks
    ],
)
def test_what_after_a_negation_asks_nothing(engine, message, ask):
    assert engine.question(message) == ask


def test_a_classifier_ending_an_ordinal_is_no_word_lacked(engine):
    """ "第几批评上的": jieba reads 批评, but the asker typed 第几批 and 评上."""
    reply = engine.respond("南县是第几批评上的")
    assert reply.status == "answer" and "第二批" in reply.answer, reply.text


@pytest.mark.parametrize(
    "message",
    ["手机上办事那个益阳在2021年的旗舰店 里面接了多少个应用啊", "2019年帮打工的要工钱那个事，最后要回来多少钱"],
)
def test_the_year_of_the_thing_pointed_at_is_the_asks(engine, message):
    """The clause an ask points into is no story: its year is another year (no "20" of 2019年 lent)."""
    assert engine.respond(message).kind == "scope"


def test_the_year_of_the_askers_story_is_not_the_asks(engine):
    reply = engine.respond("2022年我在益阳打工，听说那个旗舰店 里面接了多少个应用啊")
    assert reply.status == "answer" and "300多个" in reply.answer, reply.text


@pytest.mark.parametrize(
    "message, figure",
    [
        ("民商事一审收案同比下降的百分比，精确到小数点后两位是多少", "10.21%"),
        ("诉前调解成功率保留一位小数是多少", "56.8%"),
    ],
)
def test_how_the_figure_should_be_given_is_no_part_of_the_ask(engine: Engine, message, figure):
    """ "精确到小数点后两位": a request on the form of the answer; the figure is still quoted verbatim."""
    assert "小数" not in find_ask(message, engine.packs[-1].context.report_norm).text
    reply = engine.respond(message)
    assert reply.status == "answer" and figure in reply.answer, reply.text


@pytest.mark.parametrize(
    "message, figure, not_figure",
    [
        ("那个公示的执法事项有多少项 不对 我是问经过法治审核的有多少项", "1.5万余项", "7.5万余项"),
        ("合同合法性审查 呃 提出审查意见多少条 不对 是提了大概多少条", "近200条", "102件"),
    ],
)
def test_a_spoken_self_correction_replaces_the_ask_it_corrects(engine: Engine, message, figure, not_figure):
    """ "…不对 我是问…": only the ask said again is answered, with the corrected one's subject when
    it names none; "对不对" / "不对吧" check, they correct nothing."""
    reply = engine.respond(message)
    assert figure in reply.answer and not_figure not in reply.answer, reply.text
    assert corrected("法律援助案件是2900余件对不对") is None and corrected("是2900件 不对吧") is None


@pytest.mark.parametrize(
    "message, figure, verdict",
    [
        ("执法的人身上别的那种录像的小机器，益阳一共配了几台，是不是两千二百台", "4400台", "不是"),  # 一共…几 asks
        (
            "执法的人胸口别的录像的小机器啊益阳给他们配了好多台你晓得啊应该是四千四百台吧",
            "4400台",
            "是的",
        ),  # 你晓得: no noun
    ],
)
def test_an_ask_then_a_check_of_its_figure(engine: Engine, message, figure, verdict):
    reply = engine.respond(message)
    assert reply.status == "answer" and figure in reply.answer and reply.text.startswith(verdict), reply.text


def test_a_few_told_to_the_end_of_a_story_sentence_is_no_ask(engine):
    """ "去年我们…座谈过，提了几条意见。": 几条 goes on with the asker's story to the sentence's
    end; the asks come after it. Said as a question of its own, it asks."""
    message = (
        "去年我们还专门去立法联系点座谈过，提了几条意见。想问下益阳新增了几个立法联系点，一共提了多少条立法意见建议？"
    )
    report = engine.packs[-1].context.report_norm
    ask = find_ask(message, report)
    assert "提了几条意见" not in ask.text and "新增了几个立法联系点" in ask.text
    assert "提了几条意见" in find_ask("立法联系点提了几条意见？新增了几个？", report).text


@pytest.mark.parametrize(
    "message",
    [
        "那种一趟都不用跑、坐在屋里就能办好的事情，市本级有多少项",
        "还没到法院正式立案打官司，先坐下来谈和解的那种，有多少件",
        "答应老百姓几天内办完的那个期限，整体给砍掉了多少比例",
    ],
)
def test_a_thing_described_before_the_ask_is_asked_about(engine: Engine, message):
    """A clause that describes a thing and names its kind at the end ("…的事情", "…的那种") is
    the ask's subject, with the clauses of the description before it; it is never story."""
    report = engine.packs[-1].context.report_norm
    ask = find_ask(message, report)
    assert ask.text.replace("，", "") == message.replace("，", "") and not ask.context


@pytest.mark.parametrize(
    ("message", "figure"),
    [
        ("那种一趟都不用跑、坐在屋里就能办好的事情，市本级有多少项", "1837项"),
        ("还没到法院正式立案打官司，先坐下来谈和解的那种，有多少件", "13355件"),
        ("答应老百姓几天内办完的那个期限，整体给砍掉了多少比例", "74.1%"),
        ("没钱请律师、政府免费帮着打官司的那种案子，一年接了多少件", "2900余件"),
    ],
)
def test_a_described_thing_gets_its_own_figure(engine: Engine, message, figure):
    """ "几天内" inside the description asks nothing; "屋里" is where the asker sits, no whole."""
    reply = engine.respond(message)
    assert reply.status == "answer" and figure in reply.answer, reply.text


def test_a_story_before_a_described_thing_stays_story(engine: Engine):
    report = engine.packs[-1].context.report_norm
    ask = find_ask("我表哥在桃江开了个五金店，那种一趟都不用跑的事情，市本级有多少项", report)
    assert "表哥" in ask.context and ask.text.startswith("那种")


@pytest.mark.parametrize(
    ("message", "figure"),
    [
        ("执法记录仪配了多少台 哦不是 是询问室建了多少处", "近200处"),
        ("法律援助案件多少件 不是不是 我是问法律咨询多少人次", "近30000人次"),
        ("网上可办率 讲错了 是承诺时限压缩率", "74.1%"),
        # the act said again: the things of the corrected ask are lent, never its act (罚)
        ("罚了多少家企业 哦不 免了多少家", "6125家"),
        ("首次不罚\n罚了多少家企业 哦不 免了多少家", "6125家"),
    ],
)
def test_a_spoken_self_correction_asks_only_what_follows_it(engine: Engine, message, figure):
    """ "哦不是", "不是不是", "讲错了" take back what was said before; a lookup corrects a lookup."""
    reply = engine.respond(message)
    assert reply.status == "answer" and figure in reply.answer and reply.kind != "combined", reply.text


def test_a_question_reported_is_story_when_the_last_question_names_its_own_subject():
    ask = find_ask(
        "朋友问我益阳这几年法治政府搞得怎么样，我说不清楚，就想让你帮我概括一下，这份2023年的报告主要讲了哪几块内容？"
    )
    assert "怎么样" not in ask.text and "讲了哪几块" in ask.text


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("他问我全市有多少执法人员参加了执法资格考试，我也答不上来，2023年到底是多少人？", "执法资格考试"),
        ("他问我法律援助受理了多少件，你知道吗", "法律援助受理"),
    ],
)
def test_a_question_reported_is_asked_when_the_last_question_names_nothing(text, asked):
    assert asked in find_ask(text).text


@pytest.mark.parametrize(
    "message, expected",
    [
        ("帮出门干活的人要回被拖欠的工钱，益阳一共帮了多少个人", "370名"),
        ("给市委市政府出法律主意的那批专家，2023年专门开过会没有", "法律顾问工作座谈会"),
        ("央视早上那个新闻节目报道过益阳搞的一个码 那是个什么码", "营商码"),
    ],
)
def test_an_ask_naming_nothing_is_about_the_description_before_it(engine: Engine, message, expected):
    """A clause that tells no story of the asker, before an ask naming nothing, says what is asked about."""
    reply = engine.respond(message)
    assert reply.status == "answer" and expected in reply.text, reply.text


def test_a_topic_whose_explanation_states_no_such_figure_never_declines_the_figure_asked(engine: Engine):
    """ "益阳搞柔性执法，免罚的钱有好多咯": the last clause asks a figure of its own subject (免罚)."""
    reply = engine.respond("益阳搞柔性执法，免罚的钱有好多咯")
    assert reply.status == "answer" and "2000余万元" in reply.answer, reply.text


def test_a_figure_quoted_in_the_ask_is_what_is_asked_about_not_the_clause_before_it(engine: Engine):
    """ "…近来关注贵市法治政府建设。恳请解答：4400这个数说的啥": 4400 names the thing asked."""
    reply = engine.respond("本人系湖北务工人员，近来关注贵市法治政府建设。恳请解答：4400这个数说的啥")
    assert reply.status == "answer" and "4400台" in reply.text, reply.text


def test_a_sentence_of_the_story_ending_before_the_ask_stays_context(engine):
    """ "…本来以为要带一堆材料，结果窗口说身份证都不用交了。现在…是不是…": the story's sentence ends
    at 。; its clauses never join the ask (要带 would contradict 免提交)."""
    message = (
        "我姑妈前段时间去办事，本来以为要带一堆材料，结果窗口说身份证都不用交了。"
        "现在益阳办事是不是营业执照和身份证都可以不用提交了？"
    )
    ask = find_ask(message, engine.packs[-1].context.report_norm)
    assert ask.text.startswith("现在益阳办事"), ask
    assert engine.respond(message).answer.startswith("是的")


def test_some_day_in_a_worry_asks_nothing(engine):
    message = "益阳市为大通湖出台的那个文件叫什么名字？我爸想找来看看，他怕自己哪天不小心违了规"
    reply = engine.respond(message)
    assert reply.status == "answer" and "大通湖湖泊保护管理办法" in reply.text, reply.text


@pytest.mark.parametrize(
    "message",
    ["那个二零二二年网上可办数2861，后面单位是项还是件", "就是二〇一九年那个普法典型案例那个70，是70个还是70件"],
)
def test_options_offered_of_a_figure_quoted_before_take_its_clause_and_year(engine, message):
    reply = engine.respond(message)
    assert reply.status == "fallback" and reply.kind == "scope", reply.text


def test_za_asks_as_zenme_does(engine):
    """ "具体咋操作": 咋 is 怎么 said short, so the clause is asked (a how-to) and kept."""
    assert "咋操作" in engine.question("在哪个app上开，具体咋操作")
    assert engine.respond("在哪个app上开，具体咋操作").status == "fallback"


@pytest.mark.parametrize(
    "message, left",
    [
        ("承诺时限压缩率是不是百分之三十四点一啊不是是74.1%吧", "承诺时限压缩率是不是74.1%吧"),
        ("审查意见条数是不是近一百条不对不对是近200条对吧", "审查意见条数是不是近200条对吧"),
        ("调解和解率是不是两三成，嗯不对，是百分之二十五", "调解和解率是不是百分之二十五"),
        ("询问室听证室是不是近400处我记错了是近200处吗", "询问室听证室是不是近200处吗"),
        ("是2900件 不是3000件吧", "是2900件 不是3000件吧"),  # a lone 不是 denies, it corrects nothing
        ("是2900件，不对吧", "是2900件，不对吧"),  # no amount after: a check
        ("2023年第五次 不对 第七次政府常务会议审议通过了个啥", "2023年第七次政府常务会议审议通过了个啥"),
        ("目录是第六次不对是第几次常务会议通过的", "目录是第几次常务会议通过的"),
        ("益阳是第二批 哦不 首批全国法治政府建设示范市", "益阳是首批全国法治政府建设示范市"),
        ("第二批是哪些，哦不对吧", "第二批是哪些，哦不对吧"),  # nothing said after: a check
    ],
)
def test_what_is_taken_back_at_once_is_left_out(message, left):
    from bot.analysis.ask import said_corrected

    assert said_corrected(message) == left


@pytest.mark.parametrize(
    "message, start",
    [
        ("法律援助案件是不是三千件 哦不对 是两千九百多件吧", "是的"),
        ("法律援助案件是不是两千九百多件 哦不对 是三千五百件吧", "不是"),
    ],
)
def test_a_self_corrected_check_is_judged_on_the_amount_said_last(engine, message, start):
    assert engine.respond(message).answer.startswith(start)


def test_what_the_story_does_not_know_is_no_ask_when_a_later_clause_asks(engine: Engine):
    # 不晓得去哪找 tells what the son could not find; the last clause asks, of the clause before it
    reply = engine.respond(
        "我儿子在高新区办了个小厂，做电子配件的，他老说国家有好多扶持政策，可是根本不晓得去哪找，"
        "等晓得了申报时间都过了。听说现在市里会把政策分好类主动推给企业，这个做法叫什么名字？"
    )
    assert reply.status == "answer" and "政策兑现快车" in reply.answer


def test_the_same_batch_points_back_past_the_tale_at_what_the_story_named(engine: Engine):
    reply = engine.respond(
        "我是南县人，在县里住了一辈子，听说我们南县被评上了省里的法治政府建设示范，心里蛮自豪的。"
        "逢年过节跟亲戚吹了好几回。除了我们南县，同一批评上的还有哪些地方和单位啊？"
    )
    assert reply.status == "answer" and "资阳区" in reply.answer and "龙光桥街道" in reply.answer


def test_items_hinted_after_a_list_ask_keep_the_list_that_holds_them(engine: Engine):
    # "资江那个 大通湖那个" hint at the regulations asked for; the list found names both
    reply = engine.respond("23年出了哪几个地方规定啊 资江那个 大通湖那个 全称发我下")
    assert "资江两岸风貌管控若干规定" in reply.answer and "大通湖湖泊保护管理办法" in reply.answer


def test_a_spoken_description_ending_in_na_ge_is_what_the_asks_after_it_ask_of(engine: Engine):
    reply = engine.respond("帮干了活拿不到钱的工人要工钱那个，帮了多少人，要回多少钱")
    assert reply.status == "answer" and "370名" in reply.answer and "317万余元" in reply.answer


@pytest.mark.parametrize(
    "question",
    [
        "那个，经过法治审核的，嗯，执法事项，是一万五还是，不对不对，你别管我记的，直接告诉我是多少项",
        "经过法治审核的执法事项，直接说是多少项",
    ],
)
def test_how_the_asker_wants_the_answer_and_a_number_taken_back_name_nothing(engine: Engine, question):
    """直接/告诉 say how to answer; a number the asker takes back is no word of the thing asked."""
    reply = engine.respond(question)
    assert reply.status == "answer" and "1.5万余项" in reply.answer.split("\n", 1)[0], reply.text


def test_a_figure_the_story_quotes_whole_is_lent_to_the_ask_after_it(engine: Engine):
    """ "10816是起还是件啊，是一万零八百一十六起对吧": 10816 names the thing the check is of."""
    assert engine.respond("10816是起还是件啊是一万零八百一十六起对吧").answer.startswith("是的")


def test_direct_as_a_word_of_the_thing_still_names_it(engine: Engine):
    """直接 says how to answer only before a verb of telling; "直接推到企业手上" describes the thing."""
    reply = engine.respond("政府把政策直接推到企业手上不用企业自己满世界找的那个服务叫什么名字")
    assert reply.entry_id == "policy_express", reply.text


@pytest.mark.parametrize(
    "check, verdict",
    [
        ("那个柔性执法办的案件有 四千 四千六百多件是吧", "是的"),  # a number begun, then said in full
        ("人民调解化解纠纷 一万零八百 呃 一万零八百一十六起对不对", "是的"),
        ("然后那个跑两次以上的事项还有没有 有没有啊", "不是"),  # the frame said twice
        ("法律援助案件是两千两千九百多件吧", "是的"),  # said again with no pause
        ("法律援助案件是两千两千五百多件吧", "不是"),
        ("执法记录仪配了四千四四千四百台对吧", "是的"),
        ("公示的执法事项七点五万呃七万五千多项是吗", "是的"),  # cut short, said in another form
        ("法律援助 案件受理了 嗯 差不多三千件是吧", "是的"),  # a pause after 了, before the amount
        ("人民调解 调处成功率 成功率是不是九成多", "是的"),  # a word begun, then said again in full
    ],
)
def test_voice_restarts_are_read_as_said_once(engine: Engine, check, verdict):
    assert engine.respond(check).answer.startswith(verdict)


def test_a_request_of_how_to_show_the_answer_is_no_item(engine: Engine):
    reply = engine.respond("法律援助案件、法律咨询人次、讨薪农民工人数一起报一下，带上单位")
    heads = [
        line.split("：")[1]
        for line in reply.answer.split("\n")
        if "：" in line and not line.startswith(("原文", "出处"))
    ]
    assert heads == ["2900余件", "近30000人次", "370名"], reply.text


def test_which_ones_of_the_count_just_asked_are_its_items(engine: Engine):
    reply = engine.respond("第一批验收了几个单位，都有哪些单位")
    assert "11个" in reply.answer and "市市监局" in reply.answer and "30多家" not in reply.answer, reply.text


def test_a_number_ending_where_the_next_begins_with_its_last_digit_is_no_restart(engine: Engine):
    """ "百分之九十三，三百七十个农民工": 三 ends one number and begins another; both are said."""
    reply = engine.respond("人民调解调成功的比例有百分之九十三，三百七十个农民工一共讨回一百五十八万余元?")
    assert "93%" in reply.answer and "317万余元" in reply.answer, reply.text


@pytest.mark.parametrize(
    "question",
    [
        "哪个部门执法就由哪个部门负责宣传法律的那个制度，2023年一共发了多少个典型案例",
        "哪个单位执法就由哪个单位普法，发布了几个典型案例",
    ],
)
def test_the_same_question_word_twice_is_whoever_and_asks_no_one(engine, question):
    """ "哪个部门执法就由哪个部门负责": whoever enforces teaches (谁执法谁普法), no question of which."""
    reply = engine.respond(question)
    assert reply.status == "answer" and reply.answer.startswith("普法典型案例数：70个"), reply.text
    assert engine.respond("是哪个台哪个节目报道的").answer.count("谁") == 0  # two asks, no whoever


def test_whatever_there_is_then_what_follows_asks_nothing(engine: Engine):
    """ "有么子争议一放就清楚": 什么 of whatever there is, not a question; the ask is the later
    clause, which lends its story's words (给执法人员配了一批…) to "一共配了多少台"."""
    from bot.analysis.ask import clause_asks

    assert not clause_asks("有什么争议一放就清楚")
    assert clause_asks("有什么争议")
    reply = engine.respond(
        "我是跑货运的司机，常年在长常高速和益阳城区之间跑。以前被查车总担心说不清楚，现在执法人员胸前都别着个小机器，"
        "全程录像，有么子争议一放就清楚，我反而放心了。听说益阳专门给执法人员配了一批这个东西，请问一共配了多少台？"
    )
    assert reply.status == "answer" and "4400台" in reply.answer


def test_a_name_asked_alone_after_a_story_is_of_the_thing_the_story_names(engine: Engine):
    """ "…我们桃江的婚调在外面也有名气，到底获评了么子荣誉": the honour of 桃江's 婚调, never
    another honour of the report (谢琦办案团队)."""
    reply = engine.respond(
        "我是桃江县的，前几年我侄女两口子闹离婚，后来是镇上的婚姻调解员来来回回做工作，两个人又和好了。"
        "我听说我们桃江的婚调在外面也有名气，到底获评了么子荣誉？"
    )
    assert reply.status == "answer" and "枫桥经验" in reply.answer and "谢琦" not in reply.answer, reply.text


@pytest.mark.parametrize(
    "story",
    [
        "我是沅江的退休教师，身边好多老人被保健品骗了钱都不晓得找哪个。听说法律援助帮了不少人。",
        "我外甥在菜市场卖鱼，不知道该去哪个部门问，",
    ],
)
def test_not_knowing_whom_to_ask_is_told_and_no_context_word_declines(engine: Engine, story):
    """ "…都不晓得找哪个": what the story's people did not know, with words between, is told
    when another clause asks; the story's words (保健品) never decline the ask."""
    reply = engine.respond(story + "2023年益阳受理法律援助案件多少件？")
    assert reply.status == "answer" and "2900余件" in reply.answer, reply.text


def test_not_knowing_whom_after_keywords_leaves_the_keywords_asked(engine: Engine):
    """Keywords, then a story ending "不知道该去哪个部门问": the keywords are the ask."""
    reply = engine.respond("法律援助案件数——我问这个是因为我外甥在宜章当护工，不知道该去哪个部门问，头都大了")
    assert reply.status == "answer" and "2900余件" in reply.answer, reply.text


def test_not_knowing_a_thing_of_the_report_alone_is_still_asked():
    """ "不知道法律援助找哪个" alone names the report's words: it may be the ask put softly."""
    from bot.analysis.ask import _unknowing_told, _unknown_named

    report = "受理法律援助案件2900余件"
    assert _unknown_named("不知道法律援助找哪个", report)
    assert not _unknowing_told("不知道法律援助找哪个", report)
    assert _unknowing_told("不知道该去哪个部门问", report)


@pytest.mark.parametrize(
    ("told", "declined"),
    [("2022年", "2022"), ("二零二零年", "2020"), ("2025年", "2025"), ("2023年", "")],
)
@pytest.mark.parametrize(
    "template",
    [
        "我{}在益阳打工被欠了工资，后来也是找法律援助要回来的。想问下那一年益阳一共帮多少农民工讨回了工资？",
        "我是{}退的休。那年市本级网上可办率是百分之几呀",
        "{}我家孩子刚上小学！当年行政复议里头顺带调解的那个模式 调解和解了几件",
        "我是{}退的休 那年询问室听证室",
    ],
)
def test_a_year_the_ask_points_at_is_the_year_the_story_told(engine: Engine, template, told, declined):
    """ "那一年/那年/当年" in the ask points at the year the story told: another year is a
    scope decline, the report's year answers as if asked of it."""
    reply = engine.respond(template.format(told))
    if declined:
        assert reply.status == "fallback" and f"没有{declined}年" in reply.text, reply.text
        assert not any(f in reply.text for f in ("370名", "100%", "78件", "近200处")), reply.text
    else:
        assert reply.status == "answer", reply.text


def test_words_said_again_after_a_pause_are_said_once(engine: Engine):
    """ "都有 都有哪些": the ask said once (the report gives only the count); a word ending one
    item and starting the next ("诉前调解 调解成功率") is two items, not a restart."""
    reply = engine.respond("二十二个通过初评的乡镇 都有 都有哪些")
    assert reply.status == "fallback" and "湘易办" not in reply.text, reply.text
    both = engine.respond("诉前调解 调解成功率")
    assert "13355件" in both.answer and "56.8%" in both.answer, both.text
