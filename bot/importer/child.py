"""The child process of an isolated import (bot/importer/isolated.py runs `python -m
bot.importer.child MEMORY_MB` with the job as JSON on stdin): one job, one JSON answer on the
last line of stdout, never a traceback as the answer."""

from __future__ import annotations

import json
import sys
import traceback
from pathlib import Path

from bot.importer.readers import ImportInputError


def _encode(result) -> dict:
    return {
        "result": {
            "directory": str(result.directory),
            "title": result.title,
            "year": result.year,
            "place": result.place,
            "counts": result.counts,
            "kept": result.kept,
            "left_out": result.left_out,
            "problems": [[p.path, p.line, p.message] for p in result.problems],
        }
    }


def child(job: dict) -> dict:
    """The child's work: one job, one answer (never a traceback)."""
    from bot.importer import import_report
    from bot.importer.upload import import_uploaded_file  # the child imports above isolated.py

    try:
        if job["kind"] == "import":
            return _encode(
                import_report(
                    job["source"],
                    job["out"],
                    title=job.get("title"),
                    year=job.get("year"),
                    place=job.get("place"),
                    knowledge_dir=job.get("knowledge_dir"),
                )
            )
        outcome = import_uploaded_file(Path(job["root"]), Path(job["source"]), job.get("caption") or "")
        return {"message": outcome} if isinstance(outcome, str) else _encode(outcome)
    except ImportInputError as exc:
        return {"error": str(exc)}
    except MemoryError:
        return {"error": "导入需要的内存超出限制，已停止，什么都没有改动。"}
    except RecursionError:
        return {"error": "文件结构嵌套过深，无法导入，什么都没有改动。"}
    except OSError as exc:
        return {"error": f"导入时出错（{exc.strerror or type(exc).__name__}），什么都没有改动。"}
    except Exception as exc:  # a bug, not the file's fault: logged in full by the parent
        traceback.print_exc()
        return {"error": f"导入时出错（{type(exc).__name__}），什么都没有改动。"}


def main(argv: list[str]) -> int:
    from bot.knowledge.isolated import limit_memory

    limit_memory(int(argv[0]))
    job = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    answer = child(job)
    sys.stdout.write("\n" + json.dumps(answer, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
