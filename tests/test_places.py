"""Places from the gazetteer (bot/data/gazetteer.tsv): whole names only, never text fragments."""

import pytest

from bot.analysis import analyze
from bot.analysis.places import gazetteer
from bot.analysis.scope import find_scope
from bot.text.gazetteer import GAZETTEER, read_rows

YIYANG_COUNTIES = ("赫山区", "资阳区", "沅江市", "南县", "桃江县", "安化县", "大通湖区", "益阳高新区")


def scope(text):
    return analyze(text).scope


def test_the_data_file_names_its_source_and_is_read_once():
    header = [line for line in GAZETTEER.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    assert any("cpca" in line for line in header)
    assert gazetteer() is gazetteer()
    rows = read_rows()
    levels = [row[1] for row in rows]
    assert levels.count("province") == 34  # 23 provinces, 5 autonomous regions, 4 municipalities, 2 SARs
    assert levels.count("city") >= 330 and levels.count("county") >= 2800


@pytest.mark.parametrize(
    "full, short",
    [
        ("长沙市", "长沙"),
        ("安化县", "安化"),
        ("赫山区", "赫山"),
        ("湘西土家族苗族自治州", "湘西"),
        ("内蒙古自治区", "内蒙古"),
    ],
)
def test_short_forms(full, short):
    places = gazetteer().lookup(short)
    assert full in [p.name for p in places]


def test_every_county_of_yiyang_is_under_yiyang():
    g = gazetteer()
    for name in YIYANG_COUNTIES:
        (place,) = g.lookup(name)
        assert place.level == "county"
        assert g.parent_of(place).name == "益阳市", name


@pytest.mark.parametrize("county", YIYANG_COUNTIES)
def test_every_county_of_yiyang_is_found(county):
    assert scope(f"{county}的法律援助案件有多少件").counties == (county,)
    assert scope(f"我想问一下{county}网上可办率").counties == (county,)


@pytest.mark.parametrize(
    "text",
    [
        "后来县里通知我去办",
        "湘易办旗舰店里业务应用多还是服务场景多",  # 易办旗
        "平安化解矛盾纠纷多少起",  # 安化 inside 平安/化解
        "完成县里交办的任务",  # 成县 inside 完成/县里
        "相应县级部门有几个",  # 应县 inside 相应/县级
        "健康县城建设",  # 康县
        "行政复议和行政诉讼有什么区别",
        "我之前跟区里一个局打行政复议",
        "帮办代办专区是给哪些人服务的",
        "历史文化街区保护办法",
        "法援惠民生是什么活动",  # 惠民 is an everyday word before it is a county
        "现在湖里的水比以前干净多了",  # 湖里 (a Xiamen district) is "in the lake" here
        "新建的执法监督平台叫什么名字",
        "初二道法作业问谁执法谁普法那块",  # 初二 (a school year), then 道法: no 二道区
    ],
)
def test_fragments_are_not_places(text):
    found = scope(text)
    assert found.places == () and found.counties == (), (found.places, found.counties)


@pytest.mark.parametrize(
    "text, places, counties, wider",
    [
        ("我在安化开超市", (), ("安化",), ""),
        ("长沙首违不罚多少家", ("长沙",), (), ""),
        ("武汉市的法律援助案件", ("武汉市",), (), ""),
        ("湖北省人民调解成功率多少", ("湖北省",), (), ""),
        ("全国网上可办率", (), (), "全国"),
        ("全省法律援助案件多少件", (), (), "全省"),
        ("湖南省长沙市天心区的网上可办率", ("湖南省", "长沙市"), ("天心区",), ""),  # 省长 and 市长 are words too
        ("我老家长沙的", ("长沙",), (), ""),  # 家长 is a word too
        ("湖南县域经济", ("湖南",), (), ""),  # 南县 overlaps 湖南
        ("高新区审批下放情况怎样", (), ("高新区",), ""),
        ("美国的法律援助", ("美国",), (), ""),
        ("换成安化县呢", (), ("安化县",), ""),  # 成安 (a Hebei county) is a fragment starting before it
    ],
)
def test_places_found(text, places, counties, wider):
    found = scope(text)
    assert (found.places, found.counties, found.wider) == (places, counties, wider)


@pytest.mark.parametrize(
    "name, level",
    [
        ("成都", "city"),
        ("武侯区", "county"),
        ("昆明市", "city"),
        ("西双版纳", "city"),
        ("延边州", "city"),
        ("鄂尔多斯", "city"),
        ("喀什地区", "city"),
        ("浏阳", "county"),
        ("义乌市", "county"),
        ("昆山", "county"),
        ("顺德区", "county"),
        ("海淀区", "county"),
        ("浦东新区", "county"),
        ("城步县", "county"),  # 城步苗族自治县
        ("拉萨", "city"),
        ("黑龙江", "province"),
        ("广西", "province"),
        ("香港", "province"),
        ("遵义市", "city"),
        ("汨罗", "county"),
    ],
)
def test_other_provinces_cities_and_counties_are_found(name, level):
    found = scope(f"请问{name}去年的法律援助案件有多少件")
    assert (found.places if level != "county" else found.counties) == (name,)
    assert gazetteer().lookup(name)[0].level == level


def test_a_place_is_found_as_written_once():
    found = find_scope("长沙长沙市和长沙县")
    assert found.places == ("长沙", "长沙市")
    assert found.counties == ("长沙县",)


def test_a_county_the_report_writes_with_the_thing_asked_is_no_breakdown_it_lacks(engine):
    """ "桃江婚调…": the report tells of 桃江县婚调工作经验, so "报告没有按桃江单独列出" would be false;
    a figure of the whole city asked of a county still is a breakdown the report lacks."""
    reply = engine.respond("桃江婚调和市医调委各得了啥荣誉")
    assert reply.kind != "breakdown" and "没有按桃江" not in reply.text, reply.text
    assert engine.respond("桃江县法律援助案件多少件").kind == "breakdown"


@pytest.mark.parametrize(
    "question", ["370名农民工里讨回工资最多的一个人拿回了多少钱", "首次不罚的企业里免罚最多的那家企业免了多少"]
)
def test_the_one_at_the_top_of_those_counted_is_a_breakdown_the_report_lacks(engine, question):
    """The whole (317万余元) is no answer for the one member at the top: the report ranks none."""
    reply = engine.respond(question)
    assert reply.status != "answer" and reply.kind == "breakdown", reply.text
