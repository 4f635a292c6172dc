"""`python -m bot review PACK`: walk the drafted rows of a pack in the terminal.

For each row still marked `draft: true` (metrics first, then FAQ entries) it shows the source
sentence, the drafted name, its phrasings, the value, its kind (achieved / target / change /
rank) and its same_as link, and asks what to do:

    回车 或 a        通过（删除 draft: true）
    r 新名称         改名并通过
    p 问法           加一个问法（留在本条）
    x                删除本条
    s                跳过（保留草稿）
    q                退出

Every change is saved at once through `bot.knowledge.edit.replace_file`: the same validation
as a file sent in Telegram, the old version backed up; a change that would not validate is
not written, and the problems are shown as file:line.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TextIO

from bot.knowledge import edit
from bot.knowledge.validate import validate_dir

KIND_WORDS = {"achieved": "完成数", "target": "目标", "change": "变化幅度", "rank": "排名", "": "未标注"}
FILES = (("metrics.yaml", "metrics", "name", "aliases", "数据"), ("faq.yaml", "faqs", "question", "alternates", "问答"))
HELP = "操作：回车/a 通过 · r 新名称 改名并通过 · p 问法 加问法 · x 删除 · s 跳过 · q 退出"


class Review:
    def __init__(self, directory: Path, stdin: TextIO, stdout: TextIO, validate=None):
        self.directory = Path(directory)
        self.stdin, self.stdout = stdin, stdout
        self.validate = validate or validate_dir
        self.counts = {"accepted": 0, "renamed": 0, "phrasings": 0, "rejected": 0, "skipped": 0}
        self.others = _other_titles(self.directory)

    def say(self, text: str = "") -> None:
        print(text, file=self.stdout, flush=True)

    def ask(self, prompt: str) -> str | None:
        print(prompt, end="", file=self.stdout, flush=True)
        line = self.stdin.readline()
        return None if not line else line.strip()

    # --- files --------------------------------------------------------------------------

    def _load(self, name: str):
        text = (self.directory / name).read_text(encoding="utf-8")
        yaml = edit._yaml(text)
        return yaml, yaml.load(text)

    def _save(self, name: str, yaml, data) -> bool:
        out = io.StringIO()
        yaml.dump(data, out)
        result = edit.replace_file(self.directory, name, out.getvalue().encode("utf-8"), self.validate)
        if not result.ok:
            self.say(f"未保存：{result.message}")
            for line in result.problem_lines(short=True)[:10]:
                self.say(f"  {line}")
        return result.ok

    # --- the walk -----------------------------------------------------------------------

    def run(self) -> int:
        total = 0
        for name, list_key, title_key, phrasing_key, label in FILES:
            if not (self.directory / name).is_file():
                continue
            _, data = self._load(name)
            ids = [row.get("id") for row in data.get(list_key) or [] if isinstance(row, dict) and row.get("draft")]
            for index, row_id in enumerate(ids, 1):
                total += 1
                if not self._one(name, list_key, title_key, phrasing_key, f"{label} {index}/{len(ids)}", row_id):
                    return self._summary(total)
        if not total:
            self.say("这个报告包没有待审核的草稿。")
        return self._summary(total)

    def _summary(self, total: int) -> int:
        c = self.counts
        self.say(
            f"审核结束：通过 {c['accepted']} 条，改名 {c['renamed']} 条，新增问法 {c['phrasings']} 个，"
            f"删除 {c['rejected']} 条，跳过 {c['skipped']} 条。"
        )
        return 0

    def _show(self, row, title_key: str, phrasing_key: str, where: str) -> None:
        self.say("")
        self.say(f"【{where}】{row.get('id')}")
        self.say(f"原文：{row.get('source', '')}")
        self.say(f"名称：{row.get(title_key, '')}")
        phrasings = [str(p) for p in row.get(phrasing_key) or []]
        self.say("问法：" + "；".join(phrasings[:8]) + ("……" if len(phrasings) > 8 else ""))
        if "value" in row:
            self.say(f"数值：{row.get('value')}    类型：{KIND_WORDS.get(str(row.get('kind') or ''), row.get('kind'))}")
            links = [str(i) for i in row.get("same_as") or []]
            shown = [f"{i}（{self.others.get(i, '未找到')}）" for i in links]
            self.say("同一指标：" + ("、".join(shown) if shown else "无"))
        else:
            self.say(f"回答：{str(row.get('answer', ''))[:120]}")

    def _one(self, name: str, list_key: str, title_key: str, phrasing_key: str, where: str, row_id: str) -> bool:
        """One row; False when the admin quits (or the input ends)."""
        while True:
            yaml, data = self._load(name)
            rows = data.get(list_key) or []
            row = next((r for r in rows if isinstance(r, dict) and r.get("id") == row_id), None)
            if row is None or not row.get("draft"):
                return True  # changed on disk meanwhile
            self._show(row, title_key, phrasing_key, where)
            self.say(HELP)
            answer = self.ask("> ")
            if answer is None or answer.lower() == "q":
                return False
            command, _, rest = answer.partition(" ")
            command, rest = command.lower(), rest.strip()
            if command in ("", "a", "y", "通过"):
                del row["draft"]
                if self._save(name, yaml, data):
                    self.counts["accepted"] += 1
                    self.say("已通过。")
                    return True
            elif command in ("r", "改名"):
                if not rest:
                    self.say("请在 r 后面写新名称，例如：r 执法记录仪数量")
                    continue
                old = row.get(title_key)
                row[title_key] = rest
                phrasings = row.get(phrasing_key)
                if isinstance(phrasings, list) and old and old not in phrasings and old != rest:
                    phrasings.insert(0, old)  # the drafted name stays a way to ask
                del row["draft"]
                if self._save(name, yaml, data):
                    self.counts["renamed"] += 1
                    self.say(f"已改名为「{rest}」并通过。")
                    return True
            elif command in ("p", "问法"):
                if not rest:
                    self.say("请在 p 后面写问法，例如：p 执法记录仪有几台")
                    continue
                result = edit.add_phrasing(self.directory, row_id, rest, self.validate)
                self.say(("已添加：" if result.ok else "未添加：") + result.message)
                for line in result.problem_lines(short=True)[:10]:
                    self.say(f"  {line}")
                if result.ok and result.changed:
                    self.counts["phrasings"] += 1
            elif command in ("x", "删除"):
                rows.remove(row)
                if self._save(name, yaml, data):
                    self.counts["rejected"] += 1
                    self.say("已删除。")
                    return True
            elif command in ("s", "跳过"):
                self.counts["skipped"] += 1
                return True
            else:
                self.say(f"没有这个操作：{answer}")


def _other_titles(directory: Path) -> dict[str, str]:
    """id → "year 名称 数值" of the metrics in the other packs next to this one (for same_as)."""
    from bot.knowledge.yamlload import YamlSyntaxError, load_yaml

    found: dict[str, str] = {}
    parent = directory.resolve().parent
    for folder in sorted(parent.iterdir()) if parent.is_dir() else []:
        if folder.resolve() == directory.resolve() or not (folder / "metrics.yaml").is_file():
            continue
        try:
            data = load_yaml((folder / "metrics.yaml").read_text(encoding="utf-8")) or {}
        except (OSError, UnicodeDecodeError, YamlSyntaxError):
            continue
        for row in data.get("metrics") or []:
            if isinstance(row, dict) and isinstance(row.get("id"), str):
                found[row["id"]] = f"{folder.name}：{row.get('name', '')} {row.get('value', '')}"
    return found


def run_review(directory: Path, stdin: TextIO, stdout: TextIO) -> int:
    from bot.knowledge.packs import is_pack

    if not is_pack(directory):
        print(f"不是报告包文件夹：{directory}（应含 report.txt 和 metrics.yaml 等文件）", file=stdout)
        return 2
    print(f"审核 {directory} 中的草稿（每次修改立即校验并保存，旧版本自动备份）。", file=stdout)
    return Review(directory, stdin, stdout).run()
