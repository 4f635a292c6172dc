"""Questions typed in pinyin are read as the pack's words (bot/text/pinyin.py)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.engine.conversation import Conversation
from bot.text.pinyin import PinyinReader, has_latin, syllables


@pytest.fixture(scope="module")
def reader(kb):
    return PinyinReader.from_knowledge(kb)


@pytest.mark.parametrize(
    "typed, read",
    [
        ("falv yuanzhu anjian duoshao", "法律援助案件多少"),
        ("wangshangkeban率", "网上可办率"),
        ("wang shang ke ban shu", "网上可办数"),  # a count named by shu
        ("fa lü yuan zhu", "法律援助"),
        ("fǎ lǜ yuán zhù", "法律援助"),  # tone marks
        ("fa4lv4yuan2zhu4", "法律援助"),  # tone numbers
        ("falu yuanzhu", "法律援助"),  # ü typed u
        ("Falv Yuanzhu", "法律援助"),
        ("flyz", "法律援助"),  # initials: one word of the pack has them
        ("shoucibufa qiye jige", "首次不罚企业几个"),
        ("shenme shi shoucibufa", "什么是首次不罚"),
        ("xiangyiban益阳旗舰店有多少应用", "湘易办益阳旗舰店有多少应用"),  # a quoted name of the report
        ("xiangyiban app 接了多少", "湘易办 app 接了多少"),  # beside a word that is no pinyin
        ("xieqi 团队", "谢琦 团队"),  # a name inside a quoted name (“谢琦办案团队”)
        ("22 ge xiangzhen", "22个乡镇"),  # the counter after a number, never 各 of 各乡镇
        ("22gexiangzhen", "22个乡镇"),
        # a typed word that is one syllable stays one (讲), never two of a word (ji'ang: 激昂)
        ("zhe ge baogao jiang le sha", "这个报告讲了啥"),
        ("fangan", "方案"),  # a word of two syllables typed as one word still reads
    ],
)
def test_pinyin_is_read_as_the_packs_words(reader, typed, read):
    assert reader.read(typed) == read


@pytest.mark.parametrize(
    "typed, read",
    [
        ("xiang易办旗舰店", "湘易办旗舰店"),
        ("wu车证明能在线开吗", "无车证明能在线开吗"),
        ("湘yi办旗舰店", "湘易办旗舰店"),  # between characters
        ("桃江xian婚调", "桃江县婚调"),  # one syllable, never 西安 (xi an)
        ("承诺时限压suolv", "承诺时限压缩率"),  # two syllables
        ("立法联xidian新增几个", "立法联系点新增几个"),
    ],
)
def test_a_syllable_inside_a_word_is_read_with_the_characters_beside_it(reader, typed, read):
    assert reader.read_in_message(typed) == read
    assert reader.read(typed) == read


@pytest.mark.parametrize("typed", ["APP上能办吗", "CCTV13报道了", "falv yuanzhu案件"])
def test_a_glued_run_that_is_no_syllable_or_part_of_a_spaced_run_is_left_to_the_rest(reader, typed):
    assert reader.read_in_message(typed) == reader.read_in_message(typed.replace("案件", " 案件")).replace(
        " 案件", "案件"
    )


def test_mixed_text(reader):
    assert reader.read("wangshang可办率多少") == "网上可办率多少"
    assert reader.read("2023年falv yuanzhu案件有多少件？") == "2023年法律援助案件有多少件？"


@pytest.mark.parametrize(
    "text",
    ["APP怎么下载", "app在哪下载", "CCTV报道了吗", "拨打12345热线", "ok", "hello", "PDF版本有吗", "x"],
)
def test_abbreviations_and_english_stay(reader, text):
    assert reader.read(text) == text


def test_plain_chinese_is_unchanged(reader):
    for text in ("法律援助案件有多少件", "网上可办率是多少？", "我邻居在安化开超市，想问问首次不罚有多少家"):
        assert not has_latin(text)
        assert reader.read(text) == text


@given(st.text(alphabet=st.characters(blacklist_categories=("Lu", "Ll", "Lt", "Lm", "Lo")), max_size=40))
def test_text_without_letters_is_unchanged(text):
    reader = PinyinReader(["法律援助", "多少"])
    assert reader.read(text) == text


@given(st.text(max_size=60))
def test_any_text_reads_without_error(text):
    reader = PinyinReader(["法律援助", "多少", "网上可办率"])
    assert isinstance(reader.read(text), str)


def test_a_syllable_no_word_covers_stays_as_typed():
    assert PinyinReader(["法律援助"]).read("falv yuanzhu hao") == "法律援助hao"
    assert PinyinReader(["法律援助"]).read("hao") == "hao"


def test_initials_only_when_one_word_has_them():
    assert PinyinReader(["法律援助", "多少"]).read("flyz") == "法律援助"
    assert PinyinReader(["法律援助", "法令原则"]).read("flyz") == "flyz"  # two words: ambiguous
    assert PinyinReader(["法律援助"]).read("FLYZ") == "FLYZ"  # capitals: an abbreviation


def test_more_frequent_word_wins_a_shared_pinyin():
    reader = PinyinReader.from_texts(["收费收费收费", "首付"])
    assert reader.read("shoufu") == "首付"
    assert reader.read("shoufei") == "收费"


def test_syllable_table():
    table = syllables()
    assert {"lu", "zhuang", "a", "er", "nue", "xiong"} <= table
    assert not {"pp", "lv", "v", "tv"} & table


def test_the_engine_reads_pinyin(engine):
    chinese = engine.respond("法律援助案件有多少件")
    for typed in ("falv yuanzhu anjian you duoshao jian", "falv yuanzhu anjian duoshao"):
        reply = engine.respond(typed)
        assert reply.status == "answer"
        assert reply.entry_id == chinese.entry_id
    assert engine.respond("wangshang可办率多少").entry_id == engine.respond("网上可办率多少").entry_id


@pytest.mark.parametrize(
    "typed, entry",
    [("xiangyiban app 接了多少业务应用", "湘易办接了多少业务应用"), ("xieqi 团队得了啥称号", "谢琦办案团队得了啥称号")],
)
def test_pinyin_beside_english_or_naming_a_person_is_answered(engine, typed, entry):
    reply = engine.respond(typed)
    assert reply.status == "answer" and reply.entry_id == engine.respond(entry).entry_id


def test_everyday_words_read_what_the_packs_words_cannot(engine):
    reader = engine.packs[-1].pinyin
    assert reader.read("到法院打民事官司的 anzi 变少了没") == "到法院打民事官司的 案子 变少了没"
    assert reader.read("那种zhiyao跑一趟就能办完的有几项") == "那种只要跑一趟就能办完的有几项"
    assert reader.read("falv yuanzhu anjian duoshao") == "法律援助案件多少"  # the pack's words first
    for text in ("APP上能办吗", "ok谢谢", "CCTV-13"):
        assert reader.read(text) == text


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("tianbao fabulv", "填报发布率"),
        ("xingshi poan shu shi xiajiang le ba", "刑事破案数是下降了吧"),
    ],
)
def test_one_syllable_words_between_words_read_are_read_too(engine, typed, read):
    assert engine.packs[-1].pinyin.read(typed) == read


@pytest.mark.parametrize("alone", ["le", "ma", "shi"])
def test_a_one_syllable_word_alone_stays_as_typed(engine, alone):
    assert engine.packs[-1].pinyin.read(alone) == alone


def test_the_other_word_of_a_shared_pinyin_is_read_on_request():
    reader = PinyinReader(["法院", "法院", "法援"], weights=None)
    assert reader.read("fayuan") in ("法院", "法援")
    assert {reader.read("fayuan"), reader.read("fayuan", other=True)} == {"法院", "法援"}
    assert reader.read("wangshang", other=True) == reader.read("wangshang")  # no second word: the same


def test_the_engine_reads_shared_pinyin_the_other_way_when_the_first_answers_nothing(engine):
    """ "fayuan案件受理了多少": 法院 answers nothing, 法援 (法律援助) does; a weak answer of the
    other reading ("fayuan 院长是谁") is not taken."""
    chat = Conversation()
    reply = engine.respond("fayuan案件受理了多少", chat, now=0)
    assert reply.status == "answer" and "2900余件" in reply.answer, reply.text
    assert chat.last_entry_id == "legal_aid_cases"
    reply = engine.respond("fayuan 院长是谁")
    assert reply.status != "answer", reply.text


@pytest.mark.parametrize(
    "question", ["changde shi 网上可办率 是多少", "zhuzhoushi 法律援助案件有多少", "hubei sheng 网上可办率"]
)
def test_another_city_typed_in_pinyin_with_its_level_word_is_another_place(engine, question):
    """常德市 typed as "changde shi" is another city (a scope decline), never 场地."""
    reply = engine.respond(question)
    assert reply.status == "fallback" and reply.kind == "scope", reply.text


def test_a_city_short_form_in_pinyin_is_not_read_as_a_place(engine):
    """ "suqian" is the report's 诉前 (not 宿迁), "jian" the unit 件 (not 吉安)."""
    reply = engine.respond("suqian tiaojie duoshao jian a")
    assert reply.status == "answer" and "13355件" in reply.answer, reply.text


def test_joining_words_typed_in_pinyin_join_two_asks(engine):
    reply = engine.respond("xiangyiban 益阳旗舰店接了多少个业务应用 gen fuwu changjing")
    assert "300多个" in reply.answer and "2000余个" in reply.answer, reply.text


def test_a_decline_of_what_is_asked_for_is_not_read_the_other_way(engine):
    """ "…22 ge xiangzhen… dou shi naxie": the list of a count the report only counts; read
    as 那些 instead of 哪些 it would answer the count."""
    reply = engine.respond("tongguo chuping de 22 ge xiangzhen jiedao dou shi naxie")
    assert reply.status == "fallback" and reply.kind == "count_only", reply.text


@pytest.mark.parametrize(
    "text, read",
    [
        ("zhifa jiluyi shi 4400 tai ma", "执法记录仪是4400台吗"),  # a unit after a number, never 大妈
        ("falv yuanzhu anjian 2900 duo jian ma?", "法律援助案件2900多件吗?"),
        ("317 wan yuan", "317万元"),
        ("2023 nian wangshang keban lv", "2023年网上可办率"),
    ],
)
def test_a_unit_typed_in_pinyin_after_a_number_is_the_unit(reader, text, read):
    assert reader.read_in_message(text) == read


def test_a_one_syllable_word_typed_on_its_own_counts_as_read(reader):
    """ "keban lv shi": 可办率 是 (a rate, then 是), not 可办 律师; a syllable inside a typed
    word is no word of its own ("jiang" is never 几 ang)."""
    assert reader.read_in_message("yiyang wangshang keban lv shi duoshao") == "益阳网上可办率是多少"
    assert "几" not in reader.read_in_message("zhe ge bao gao jiang le sha")
    assert reader.read_in_message("nongmingong you duoshao ren") == "农民工有多少人"


def test_an_overview_asked_in_pinyin_gets_the_overview(engine):
    assert engine.respond("zhe ge baogao jiang le sha").entry_id == engine.respond("这个报告讲了啥").entry_id
