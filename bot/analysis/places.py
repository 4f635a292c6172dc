"""Place names a question may use to ask about somewhere a report does not cover.

A gazetteer (world knowledge, not scope): which places a pack covers comes from its
`pack.yaml`; these lists only let a question's place be recognised as one.
"""

from __future__ import annotations

# Scopes wider than a city: a city's report gives its own figures, not these.
WIDER = ("全国", "全中国", "国家层面", "全省", "省里", "全省范围", "省内", "各省", "中央")

PROVINCES = (
    "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽",
    "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃",
    "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
)

CITIES = (
    # Hunan's prefectures
    "长沙", "株洲", "湘潭", "衡阳", "邵阳", "岳阳", "常德", "张家界", "益阳", "郴州", "永州", "怀化", "娄底",
    "湘西", "吉首",
    # large cities elsewhere
    "广州", "深圳", "杭州", "南京", "武汉", "成都", "西安", "苏州", "郑州", "合肥", "南昌", "福州",
    "厦门", "济南", "青岛", "沈阳", "大连", "哈尔滨", "长春", "昆明", "贵阳", "南宁", "海口", "兰州",
    "西宁", "银川", "乌鲁木齐", "拉萨", "呼和浩特", "石家庄", "太原", "宁波", "无锡", "佛山", "东莞",
    "温州", "珠海", "宜昌", "襄阳", "九江", "赣州",
)

# Counties and districts of the cities above that questions name for a breakdown.
COUNTIES = (
    "资阳区", "赫山区", "南县", "桃江县", "桃江", "安化县", "安化", "沅江市", "沅江", "大通湖区", "大通湖",
    "益阳高新区", "高新区", "龙光桥街道", "龙光桥", "芙蓉区", "天心区", "岳麓区", "开福区", "雨花区",
    "望城区", "浏阳", "宁乡", "长沙县", "汉寿", "桃源", "澧县", "湘阴", "平江", "汨罗",
)

COUNTRIES = ("美国", "日本", "英国", "韩国", "德国", "法国", "俄罗斯", "国外", "外国")
