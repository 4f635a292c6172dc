"""Normalisation is the same for queries and phrasings: check each step."""

import pytest

from bot.text.normalize import Synonyms, clean, convert_numerals, normalize, pinyin_key


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("網上可辦率", "网上可办率"),  # traditional → simplified
        ("ＡＢＣ１２３％", "abc123%"),  # full-width → half-width, case
        ("执法\u200b记录仪😀？！", "执法记录仪"),  # zero-width, emoji, punctuation
        ("  首违 不罚\n", "首违不罚"),
        ("\u202e阿拉伯\u202c", "阿拉伯"),  # right-to-left controls
        ("首次不罚的企业家数", "首次不罚的企业数"),  # 企业 counted by 家, no 企业家
        ("企业家座谈会", "企业家座谈会"),
        ("是两千多块钱吗", "是两千多元吗"),  # 块钱 after a number is 元
        ("免了三百万块吧", "免了三百万元吧"),
        ("一块牌子", "一块牌子"),  # a piece of something stays
        ("包括哪几块", "包括哪几块"),  # which parts
        ("两千多块吧", "两千多元吧"),
        ("成功率不到九层吧", "成功率不到九成吧"),  # 成 typed by its sound after a numeral
        ("有没有八城多", "有没有八成多"),
        ("九层楼", "九层楼"),  # a storey stays
        ("在不 刑事破案数是降了吗", "刑事破案数是降了吗"),  # a chat ping opening it, no 不 of the check
        ("在不，法律援助多少件", "法律援助多少件"),
        ("在不同部门", "在不同部门"),  # 在 + 不同: no ping
    ],
)
def test_clean(raw, expected):
    assert clean(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("零跑动", "0跑动"),
        ("百分之百", "100%"),
        ("网办率是不是百分百", "网办率是不是100%"),
        ("百分之五十六点八", "56.8%"),
        ("两千九百余件", "2900余件"),
        ("七点五万余项", "7.5万余项"),
        ("一万零八百一十六起", "10816起"),
        ("跑一次", "跑1次"),
        ("二〇二二年", "2022年"),
        ("第七次", "第7次"),
        # digits mixed with magnitude words, as typed on a phone
        ("5千1百多人", "5100多人"),
        ("4千4百台", "4400台"),
        ("1万5千项", "15000项"),
        ("2千9百余件", "2900余件"),
    ],
)
def test_numerals_become_figures(raw, expected):
    assert convert_numerals(raw) == expected


@pytest.mark.parametrize(
    "name",
    ["一窗受理", "一目录五清单", "三集中三到位", "四度融合", "一规划两纲要", "两法衔接", "千所连千企", "三项制度"],
)
def test_names_stay_intact(name):
    assert convert_numerals(name) == name


@pytest.mark.parametrize("raw", ["哪一次常务会议", "这一批", "那一个", "每一项"])
def test_one_picked_out_is_no_count(raw):
    """ "哪一次" asks which, "这一批" points at one: 一 counts nothing there ("跑一次" does)."""
    assert convert_numerals(raw) == raw
    assert convert_numerals("跑一次") == "跑1次"


def test_filler_dropped():
    assert normalize("请问一下首违不罚了多少家企业呢？") == normalize("首违不罚家企业")


def test_synonyms_apply_longest_first():
    synonyms = Synonyms({"法律援助": ["法援"], "首次": ["首违"], "首次不罚": ["首违免罚"]})
    assert normalize("法援案件", synonyms) == "法律援助案件"
    assert normalize("首违免罚", synonyms) == "首次不罚"


def test_a_variant_starting_with_a_question_word_keeps_it():
    """ "多少钱" is the report's 金额 asked: the question word stays ("…花了多少钱咯" asks, checks nothing)."""
    synonyms = Synonyms({"金额": ["多少钱"]})
    assert synonyms.apply("一共花了多少钱咯") == "一共花了多少金额咯"


@pytest.mark.parametrize("who", ["穷人", "没钱人", "老百姓", "困难户"])
@pytest.mark.parametrize("how", ["免费", "不要钱", ""])
def test_a_gapped_variant_reads_the_askers_words_between(who, how):
    """ "帮…打官司": whoever is helped and however, the description is the report's word."""
    synonyms = Synonyms({"法律援助": ["帮…打官司"], "诉讼": ["打官司"]})
    assert synonyms.apply(f"那个帮{who}{how}打官司的有多少件") == "那个法律援助的有多少件"
    assert synonyms.described(f"那个帮{who}{how}打官司的，办了几件") == "那个法律援助的，办了几件"


def test_a_gap_is_one_to_six_characters_of_one_clause():
    synonyms = Synonyms({"法律援助": ["帮…打官司"]})
    assert synonyms.apply("帮我看看，打官司") == "帮我看看，打官司"  # a break between: two clauses
    assert synonyms.apply("帮一二三四五六七打官司") == "帮一二三四五六七打官司"  # more than six said between
    assert synonyms.apply("律师帮打官司") == "律师帮打官司"  # nothing between: no one described


def test_described_reads_descriptions_only():
    """A word or two of everyday speech ("跑腿") is read by `apply`, never as a description."""
    synonyms = Synonyms({"跑动": ["跑腿"], "法律援助": ["帮穷人打官司"]})
    assert synonyms.described("不用跑腿，帮穷人打官司的") == "不用跑腿，法律援助的"
    assert synonyms.apply("不用跑腿") == "不用跑动"


def test_a_sum_asked_with_a_figure_quoted_before_it_is_asked_not_checked(engine):
    reply = engine.respond("那四千多台执法记录仪一共花了好多钱咯")
    assert reply.status != "answer" and not reply.text.startswith(("是的", "不是")), reply.text


def test_pinyin_key_equates_homophones():
    assert pinyin_key("可半率") == pinyin_key("可办率")
    assert pinyin_key("记录议") == pinyin_key("记录仪")
    assert pinyin_key("法律") != pinyin_key("办法")
    assert len(pinyin_key("执法记录仪4400")) == len("执法记录仪4400")


@pytest.mark.parametrize(
    "raw, expected", [("1目录5清单", "一目录五清单"), ("3统一", "三统一"), ("行政执法3项制度", "行政执法三项制度")]
)
def test_names_written_with_digits_are_restored(raw, expected):
    assert convert_numerals(raw) == expected


def test_short_years_and_approximations():
    assert convert_numerals("23年") == "2023年"
    assert convert_numerals("22年网上可办率") == "2022年网上可办率"
    assert convert_numerals("跑两三趟") == "跑两三趟"


def test_occurs_is_substring_search():
    from bot.text.pairs import occurs

    report = "全市共受理法律援助案件2900余件"
    for part in ("", "全", "法律", "律援助案", "援律", "余件", "件全", "2900", "受理法律援助案件2900余件", "x"):
        assert occurs(part, report) == (part in report), part


def test_spoken_abbreviated_numerals():
    """四千六 is 4600 and 一万三 13000 as people say them; 四千零六 stays 4006."""
    from bot.text.normalize import convert_numerals

    for spoken, digits in (("四千六出头", "4600出头"), ("一千五", "1500"), ("两百五", "250"), ("一万三", "13000")):
        assert convert_numerals(spoken) == digits
    for exact, digits in (("四千零六", "4006"), ("一万零三", "10003"), ("二十五", "25"), ("一万零八百一十六", "10816")):
        assert convert_numerals(exact) == digits


@pytest.mark.parametrize(
    "text, cleaned",
    [
        ("公示了7w多?", "公示了7万多"),
        ("1.5w", "1.5万"),
        ("免罚金额是不是2000多w", "免罚金额是不是2000多万"),  # after 多/余/来 too
        ("七w多", "七万多"),
        ("5k", "5千"),
        ("cctv13", "cctv13"),
        ("2kw", "2kw"),
    ],
)
def test_a_magnitude_typed_as_a_letter_after_a_number(text, cleaned):
    """Chat writes 万 as w and 千 as k right after a number; other letters stay."""
    from bot.text.normalize import clean

    assert clean(text) == cleaned


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("3百万", "300万"),
        ("2千万", "2000万"),
        ("3百多万", "300多万"),
        ("不到三白万吧", "不到300万吧"),
        ("5千1百多名", "5100多名"),
    ],
)
def test_a_digit_before_a_magnitude_and_百_typed_by_its_sound_are_read_as_the_number(typed, read):
    """ "2千万" was 21000万 and "3百万" 3100万; "三白万" (白 for 百) was no number."""
    assert convert_numerals(typed) == read


def test_words_with_白_stay_words():
    assert convert_numerals("明白了") == "明白了" and convert_numerals("近2万件") == "近2万件"


@pytest.mark.parametrize("text", ["三十三十几种", "一百一百", "二十三十", "一千一千零二十四"])
def test_a_number_said_twice_is_never_summed(text):
    """ "三十 三十几种" glued: no 60 (or 200, 50, 2024) the speaker never said; it stays as said."""
    assert convert_numerals(text) == text


def test_a_number_restarted_before_a_rough_one_checks_the_rough_one(engine):
    """ "…有多少种啊 三十 三十几种吧": 30余种 is thirty-odd, so 是的 (once 60几种, so 不是)."""
    reply = engine.respond("呃无车证明这种 网上能开的证明有多少种啊 三十 三十几种吧")
    assert reply.text.startswith("是的") and "30余种" in reply.text, reply.text
