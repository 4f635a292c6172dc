"""Homophone typos read as the knowledge's words (bot/text/homophones.py)."""

import pytest

from bot.text.homophones import HomophoneFixer


@pytest.fixture(scope="module")
def fixer(kb) -> HomophoneFixer:
    return HomophoneFixer.from_knowledge(kb)


@pytest.mark.parametrize(
    "typed, meant",
    [
        ("头一回犯错没被罚的企页有几家", "头一回犯错没被罚的企业有几家"),
        ("跟政府闹敷议的", "跟政府闹复议的"),
        ("给立法提意见的联膝点新加了几个", "给立法提意见的联系点新加了几个"),
        ("诉前调解成工率是多少", "诉前调解成功率是多少"),
        # the last two characters of a message straddle nothing after them
        ("法律咨询服务了多少刃次", "法律咨询服务了多少人次"),
        ("放管服改革方面有啥举挫", "放管服改革方面有啥举措"),
        # one half of a four-character name mistyped in both its characters, or in one
        ("发率援助案件受理了多少", "法律援助案件受理了多少"),
        ("发律援助案件", "法律援助案件"),
        ("法律元助案件", "法律援助案件"),
        # two swapped at a clause's edge: the one neighbour there is joins the knowledge's word
        ("律法咨询人次", "法律咨询人次"),
        ("法援案件数，律法咨询人次", "法援案件数，法律咨询人次"),
    ],
)
def test_a_mistyped_character_is_read_as_the_knowledge_word(fixer, typed, meant):
    assert fixer.fix(typed) == meant


@pytest.mark.parametrize(
    "text",
    [
        "益阳“四度融合”推进涉企柔性执法的经验在哪里推介了？",  # 里推 straddles 哪里 / 推介
        "人民调解化解纠纷是按起算还是按件算",  # 按 is typed on purpose
        "网上能办的是不是有两千八百多项",
        "零跑动的有一千八百多项吧",  # numerals are never rewritten
        "益阳的房价多少",
        "我家孩子在上学",
        "新增立法联系点数量及各立法联系点提出立法意见建议数量",  # 及各 is never 几个 (a numeral)
        "填报发布率高还是民商事一审收案降幅高",  # 是民 is never 市民 (全市|民商事 in the report)
    ],
)
def test_ordinary_text_is_never_rewritten(fixer, text):
    assert fixer.fix(text) == text


@pytest.mark.parametrize(
    "typed, meant", [("这个报稿讲了啥", "这个报告讲了啥"), ("报搞里有几个部分", "报告里有几个部分")]
)
def test_words_of_asking_about_the_report_are_known_words_too(fixer, typed, meant):
    """报告 is not the report's word, but how people ask about it (bot/data/asking_words.txt)."""
    assert fixer.fix(typed) == meant


def test_an_overview_asked_with_a_typo_is_an_overview(engine):
    assert engine.respond("这报膏讲了啥").kind == "overview"


def test_a_typo_in_a_question_is_answered(engine):
    reply = engine.respond("头一回犯错没被罚的企页有几家")
    assert reply.status == "answer" and "6125家" in reply.text


@pytest.mark.parametrize(
    "typed, read",
    [
        ("调解成功吕是多少", "调解成功率是多少"),
        ("调处成功氯", "调处成功率"),
        ("诉前调解成功屡", "诉前调解成功率"),
        ("网上可办绿多少", "网上可办率多少"),  # a rate's name ending in 率, not a dictionary word
        ("复调对接和解绿", "复调对接和解率"),
    ],
)
def test_the_last_of_three_typed_by_sound_is_read_as_the_knowledges_word(engine, typed, read):
    """成功 is a word of its own, so the pair 功吕 straddles it; three characters of the
    knowledge's word 成功率, two as written, tell the third."""
    assert engine.packs[0].analyze(typed).cleaned == read


@pytest.mark.parametrize("text", ["成功率是多少", "调解成功了吗", "询问室有几处", "开了绿色通道吗"])
def test_three_as_written_stay(engine, text):
    assert engine.packs[0].analyze(text).cleaned == text


def test_a_sound_of_several_words_is_the_one_sharing_a_character(fixer):
    """ "网伤" sounds as 完善, 往上 and 网上 (toneless); only 网上 shares a character with it, in
    its place (the sound was skipped as ambiguous)."""
    assert fixer.fix("2023年市本级网伤可办率是多少") == "2023年市本级网上可办率是多少"


@pytest.mark.parametrize(
    "typed, meant",
    [
        ("立法系联点新增了几个", "立法联系点新增了几个"),  # 法系 as typed straddles: both neighbours join
        ("湘易办益阳舰旗店接入了哪些应用", "湘易办益阳旗舰店接入了哪些应用"),
        ("给民农工讨回工资多少", "给农民工讨回工资多少"),
        ("法咨律询人次", "法律咨询人次"),  # 律咨 is no word, but of the knowledge's 法律咨询
        ("执监法督方面都做了啥", "执法监督方面都做了啥"),
        ("参加执法资格试考的有多少人", "参加执法资格考试的有多少人"),
    ],
)
def test_two_characters_typed_round_the_wrong_way_are_put_right(fixer, typed, meant):
    assert fixer.fix(typed) == meant


@pytest.mark.parametrize(
    "text",
    [
        "参加执法资格考试的人有多少",  # 有 stands alone: 人有 is no typo of 有人
        "之前为了开个无房证明跑了好几个地方",  # 了 and 好 are typed where they stand
        "合法性审查提的意见条数",
    ],
)
def test_ordinary_text_is_not_turned_round(fixer, text):
    assert fixer.fix(text) == text


@pytest.mark.parametrize(
    "typed, meant",
    [
        ("行政机关负责人出庭因素率多少", "行政机关负责人出庭应诉率多少"),
        # 法事 is a word, but 法事项 is three of the knowledge as written: 事象 is 事项 typed by sound
        ("公示的执法事象跟经过法治审核的比", "公示的执法事项跟经过法治审核的比"),
    ],
)
def test_a_word_of_two_typed_by_sound_between_the_knowledges_characters_is_read(fixer, typed, meant):
    """Both characters of 应诉 typed by sound (因素), between 庭 and 率 as the knowledge writes them."""
    assert fixer.fix(typed) == meant


@pytest.mark.parametrize("text", ["影响因素有哪些", "法律援助案件有多少", "是不是有一万多项"])
def test_a_word_of_its_own_between_other_characters_stays(fixer, text):
    assert fixer.fix(text) == text


def test_a_quoted_name_of_three_typed_by_sound_is_the_name(engine):
    """“营商码” is no dictionary word; "营商马" (马上 is one) typed by sound is it."""
    reply = engine.respond("营商马上过中央电视台冇")
    assert reply.status == "answer" and reply.text.startswith("是的") and "朝闻天下" in reply.text


@pytest.mark.parametrize(
    "typed, meant",
    [("三集中三到为改革这块做了啥", "三集中三到位改革"), ("民商事一审收案下将了多少", "收案下降")],
)
def test_a_common_character_mistyped_is_read_when_the_report_writes_it_so_around(engine, typed, meant):
    """为 and 将 are words of their own, typed on purpose elsewhere ("是按件算" stays)."""
    fixed = engine.packs[-1].fixed(typed)
    assert meant in fixed
    assert engine.packs[-1].fixed("不对我是说一千八百多个") == "不对我是说一千八百多个"
