"""Every message of knowledge validation, in Chinese, from one table.

Admins read `文件:行号: 说明`. A message is written as `say(code, **values)`: the template of
`code` in `MESSAGES`, filled with the values (texts already cut by `cut`, values shown by
`shown`). Field names (`source`, `aliases`, …) stay as they are written in the files.
"""

from __future__ import annotations

PREVIEW_CHARS = 60  # a value quoted in a message
MAX_MESSAGE_CHARS = 300  # a whole message, values in it already cut

MESSAGES: dict[str, str] = {
    # files and their shape
    "file_missing": "缺少此文件",
    "report_missing": "缺少 report.txt：请把报告原文原样复制到这里",
    "not_utf8": "文件不是 UTF-8 编码，请另存为 UTF-8",
    "too_large": "文件太大：{chars} 个字符，最多 {limit} 个",
    "not_mapping": "文件应以 'version: {version}' 开头，并含有 '{list_key}:'",
    "bad_version": "'version' 应为 {version}，实际是 {got}",
    "unknown_top_field": "未知的顶层字段 '{key}'（应为 '{list_key}'）",
    "not_a_list": "'{list_key}' 应是条目列表",
    "item_not_mapping": "'{list_key}' 的每一项都应由若干“字段: 值”组成",
    "duplicate_field": "字段 '{key}' 写了两次",
    "unknown_field": "未知字段 '{key}'",
    "missing_field": "缺少字段 '{key}'",
    "wrong_type": "字段 '{key}' 应为{kind}，实际是 {got}",
    "field_not_list": "字段 '{key}' 不是列表",
    "too_few_phrasings": "'{key}' 至少需要 {need} 种问法，现有 {have} 种",
    # YAML syntax and the loader's limits
    "yaml_syntax": "YAML 格式错误：{detail}",
    "yaml_too_many_aliases": "YAML 被拒绝：别名（*名称）超过 {limit} 个，请把值直接写出",
    "yaml_alias_bomb": "YAML 被拒绝：别名展开后超过 {limit} 个值（疑似“别名炸弹”）",
    "yaml_alias_loop": "YAML 被拒绝：别名引用了包含它自身的集合",
    "yaml_too_deep": "YAML 被拒绝：嵌套超过 {limit} 层",
    "yaml_too_many_values": "YAML 被拒绝：超过 {limit} 个值",
    # ids, topics, synonyms
    "bad_id": "编号 '{id}' 只能由小写英文字母、数字和下划线组成，以字母开头，共 2–49 个字符",
    "duplicate_id": "编号 '{id}' 重复（另见 {where}）",
    "id_in_other_pack": "编号 '{id}' 也用在了报告包 {pack}/ 中",
    "heading_not_in_report": "标题 '{heading}' 不是 report.txt 中的一行",
    "unknown_parent": "上级主题 '{parent}' 不是已定义的主题编号",
    "parent_not_section": "上级主题 '{parent}' 必须是一级主题（本身没有上级）",
    "unknown_topic": "主题 '{topic}' 未在 topics.yaml 中定义",
    "unknown_related": "相关条目 '{id}' 不存在",
    "variant_has_canonical": "变体 '{variant}' 包含了它的标准词 '{canonical}'",
    "variant_repeated": "变体 '{variant}' 已在第 {first} 行列出",
    "variant_bad_gap": "变体 '{variant}' 中的“…”两边都要有字，且只能用一个“…”",
    # texts and figures against the report
    "source_not_in_report": "source 不是 report.txt 中的原文",
    "answer_has_verdict": "answer 请直接陈述事实，不要以“是的/不是”开头（是否由机器人按提问判断）",
    "figure_not_in_report": "answer 中的数字 '{figure}' 在 report.txt 中找不到",
    "value_not_in_source": "value '{value}' 没有原样出现在它的 source 中",
    "value_not_in_answer": "answer 必须原样引用 value '{value}'",
    "bad_qualifier": "qualifier 只能是 {allowed} 之一或 null，实际是 {got}",
    "bad_kind": "kind 只能是 {allowed} 之一（达成、目标、变化、排名），实际是 {got}",
    "number_mismatch": "number {number} 与 value '{value}' 不符",
    "empty_phrasing": "问法 '{text}' 去掉标点和空白后为空",
    "phrasing_taken": "问法 '{text}' 与条目 '{owner}' 的问法相同（{where}）",
    # packs, reloads, isolated checks
    "pack_not_mapping": "文件应含有 'version: {version}' 和 'pack:'",
    "pack_bad_year": "字段 'year' 应为 {first} 到 {last} 之间的年份，实际是 {got}",
    "pack_bad_place": "字段 '{key}' 应为 2–20 个汉字的地名",
    "pack_bad_title": "字段 'title' 应为一行纯文字，1–{limit} 个字符，不含 < >",
    "same_report": "这个报告包与 {other}/ 是同一地方同一年（{place}{year}年）的报告",
    "no_pack": "这里没有报告包（应是含 report.txt 和 YAML 文件的文件夹，或由这样的文件夹组成的文件夹）",
    "load_failed": "加载失败：{error}",
    "check_timeout": "校验超过 {seconds} 秒，已停止；改动没有生效",
    "check_memory": "校验需要超过 {megabytes} MB 内存，已停止；改动没有生效",
    "check_failed": "校验未能完成：{reason}",
}

TAB_PROBLEM = "含有制表符（Tab），请改用空格缩进"

# PyYAML's problem texts, most common first → what an admin can act on.
YAML_PROBLEMS: tuple[tuple[str, str], ...] = (
    (
        "mapping values are not allowed",
        "这里不能出现“键: 值”（常见原因：缩进不对、冒号后缺空格，或文字含“: ”却没加引号）",
    ),
    ("could not find expected ':'", "找不到应有的冒号“:”（常见原因：缩进不对或引号没有配对）"),
    ("did not find expected key", "缩进不对：这里应是一个字段名"),
    ("did not find expected '-' indicator", "缩进不对：这里应是以“-”开头的列表项"),
    ("did not find expected node content", "这里缺少值"),
    ("found character that cannot start any token", "含有不能出现在这里的字符（可加引号）"),
    ("found unexpected end of stream", "文件意外结束（引号或括号没有闭合）"),
    ("found unexpected ':'", "多余的冒号“:”（文字中有冒号时请加引号）"),
    ("expected ',' or ']'", "方括号列表 [ ] 没有正确闭合，或项之间缺逗号"),
    ("expected ',' or '}'", "花括号 { } 没有正确闭合，或项之间缺逗号"),
    ("found undefined alias", "使用了未定义的别名（*名称）"),
    ("expected a single document", "文件中只能有一个文档（去掉多余的“---”）"),
    ("found unknown escape character", "双引号中有无效的转义（\\ 后的字符），请改用单引号"),
    ("found duplicate anchor", "锚点（&名称）重复"),
)


def say(code: str, **values: object) -> str:
    """The message `code` with `values` filled in, cut to MAX_MESSAGE_CHARS."""
    return cut(MESSAGES[code].format(**values), MAX_MESSAGE_CHARS)


def cut(text: object, limit: int = PREVIEW_CHARS) -> str:
    """`text` on one line, at most `limit` characters and a note of how many were left out."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else f"{text[:limit]}…（另有 {len(text) - limit} 字）"


def shown(value: object) -> str:
    """A value as a YAML file writes it, bounded: texts quoted and cut, containers counted."""
    if isinstance(value, str):
        text = " ".join(value.split())
        if len(text) <= PREVIEW_CHARS:
            return f"'{text}'"
        return f"'{text[:PREVIEW_CHARS]}…'（另有 {len(text) - PREVIEW_CHARS} 字）"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null（空）"
    if isinstance(value, dict):
        return f"含 {len(value)} 个字段的映射"
    if isinstance(value, (list, tuple, set, frozenset)):
        return f"含 {len(value)} 项的列表"
    if isinstance(value, (int, float)):
        return cut(repr(value))
    return type(value).__name__


def yaml_problem(problem: str, line_text: str = "") -> str:
    """PyYAML's English problem in Chinese (the original kept when it is not a known one);
    `line_text` is the line it points at (libyaml does not name a tab that starts a token)."""
    if "cannot start any token" in problem and "\t" in line_text:
        return TAB_PROBLEM
    for english, chinese in YAML_PROBLEMS:
        if english in problem:
            return chinese
    return f"解析器报告“{cut(problem, 120)}”"
