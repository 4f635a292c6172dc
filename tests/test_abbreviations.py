"""Staff abbreviations (bot/text/abbreviations.py)."""

from bot.text.abbreviations import Abbreviations

REPORT = (
    "全市人民调解化解纠纷10816起，人民调解调处成功率93%。行政复议新收案件，行政复议纠错率。"
    "政务服务事项网上可办，政务服务提质增速。法治政府建设，法治政府示范。"
)


def test_terms_the_report_writes_twice_are_shortened_to_their_first_characters():
    table = Abbreviations([REPORT]).table
    assert table["人调"] == "人民调解" and table["行复"] == "行政复议" and table["政服"] == "政务服务"
    assert "法政" not in table  # a word of the dictionary (法政) is never read as an abbreviation


def test_a_term_written_once_is_not_shortened():
    assert "网可" not in Abbreviations([REPORT]).table


def test_an_abbreviation_is_expanded_only_where_it_stands_alone():
    abbreviations = Abbreviations([REPORT])
    assert abbreviations.expand("人调 起数 成功率") == "人民调解 起数 成功率"
    assert abbreviations.expand("行复纠错率多少") == "行政复议纠错率多少"
    assert abbreviations.expand("个人调解") == "个人调解"  # 个人 is a word: not 人调
    assert abbreviations.expand("没有缩写的话") == "没有缩写的话"


def test_staff_abbreviations_are_answered(engine):
    reply = engine.respond("人调 起数 成功率")
    assert "10816起" in reply.answer and "93%" in reply.answer, reply.text
    assert "56.8%" not in reply.answer  # 诉前调解's rate is no part of 人民调解's
    assert "93%" in engine.respond("人调成功率").answer  # 调成 is too rare a word to keep 人调 unread
    assert "4600余件" in engine.respond("柔执 案件数").answer
