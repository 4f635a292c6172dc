"""`python -m bot bench [--quick] [--out DIR] [--seed N]`: accuracy against naive baselines,
latency at 1× / 10× / 50× knowledge, start-up, reload, peak RSS, a Telegram burst, a load run
on the web API, and where `Engine.respond` spends its time. Prints markdown and writes
DIR/bench.md and DIR/bench.png. `bench --web` runs only the web load (printed; written to
DIR/bench-web.md when --out is given).

Numbers are reported against the targets of issues 5 and 10; nothing fails on timing. The helpers
live in `benchmarks/` next to this package (not installed, not imported by the bot), and need
the `bench` extra (matplotlib, jieba, bm25s). `telegram` is imported only by the load test.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bot.config import PROJECT_ROOT

ENGINE = "engine"
TARGET_P99_REAL_MS, TARGET_P99_50X_MS, TARGET_SPEEDUP = 1.0, 1.0, 20.0
TARGET_RELOAD_MS, TARGET_RSS_MB = 200.0, 150.0
TARGET_METAMORPHIC = 0.98  # issue 15: pass rate per metamorphic transform
TARGET_WEB_P99_MS = 20.0  # issue 10: per API request, 50 concurrent clients


@dataclass(frozen=True)
class Plan:
    scales: tuple[int, ...]
    eval_stride: int  # every n-th eval question (1 = all)
    warmup: int
    max_n: int  # timed queries per method and size, at most ...
    min_n: int  # ... and at least, even past the time budget
    budget_s: float
    startup_repeats: int
    reload_repeats: int
    rss_questions: int
    load_users: int
    load_per_user: int
    web_requests: int = 1000
    web_clients: int = 50
    web_concurrencies: tuple[int, ...] = (1, 10, 50)
    web_workers: tuple[int | None, ...] = (None, 1)  # None: the server's default (the CPUs, at most 4)


FULL = Plan(
    scales=(10, 50),
    eval_stride=1,
    warmup=50,
    max_n=3000,
    min_n=100,
    budget_s=15.0,
    startup_repeats=3,
    reload_repeats=7,
    rss_questions=1000,
    load_users=200,
    load_per_user=10,
)
QUICK = Plan(
    scales=(2, 3),
    eval_stride=3,
    warmup=5,
    max_n=60,
    min_n=10,
    budget_s=0.3,
    startup_repeats=1,
    reload_repeats=2,
    rss_questions=50,
    load_users=5,
    load_per_user=4,
    web_requests=60,
    web_clients=6,
    web_concurrencies=(1, 6),
    web_workers=(2, 1),
)


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "bench",
        help="基准测试：与基线比较准确率，延迟、内存与负载",
        description="基准测试：准确率（与朴素基线比较）、1×/10×/50× 知识库的延迟、启动与重新加载、"
        "内存峰值、Telegram 突发负载、网页接口负载；结果写入 bench.md 和 bench.png。",
    )
    p.add_argument("--quick", action="store_true", help="极小规模，几秒钟跑完（供测试用，数字无参考意义）")
    p.add_argument("--out", metavar="DIR", help="bench.md 和 bench.png 的输出文件夹（默认：docs/）")
    p.add_argument("--seed", type=int, default=42, help="合成知识库和抽样的随机种子（默认 42）")
    p.add_argument("--scales", metavar="N,M", help="合成知识库的倍数（默认 10,50；--quick 时 2,3）")
    p.add_argument(
        "--holdout",
        action="store_true",
        help="同时测量冻结的保留集（tests/eval/holdout.yaml）；只在工作结束时测一次",
    )
    p.add_argument("--web", action="store_true", help="只测网页接口负载（1000 个请求、50 个客户端；--quick 时 60、6）")
    p.set_defaults(func=cmd_bench)


def cmd_bench(args: argparse.Namespace, settings) -> int:
    plan = QUICK if args.quick else FULL
    if args.scales:
        from dataclasses import replace

        plan = replace(plan, scales=tuple(int(s) for s in args.scales.split(",") if s.strip()))
    if args.web:
        section, targets = web_section(plan, Path(settings.knowledge_dir), args.seed)
        from benchmarks import tables

        info = tables.machine()
        head = (
            f"# Web API load run{' (quick mode: tiny sizes, numbers not meaningful)' if args.quick else ''}"
            f"\n\n`python -m bot bench --web{' --quick' if args.quick else ''} --seed {args.seed}` · "
            f"{time.strftime('%Y-%m-%d')} · commit {tables.revision(PROJECT_ROOT)} · nproc {info['nproc']} · "
            f"Python {info['python']} · load average (1 min) {os.getloadavg()[0]:.2f} at the end "
            "(other processes share the CPUs: timings vary between runs)"
        )
        report = "\n\n".join([head, section, tables.table(["target", "measured", "met"], targets, "lll")]) + "\n"
        print(report)
        if args.out:
            Path(args.out).mkdir(parents=True, exist_ok=True)
            (Path(args.out) / "bench-web.md").write_text(report, encoding="utf-8")
        return 0
    if args.out:
        out = Path(args.out)
    elif args.quick:
        out = Path(tempfile.gettempdir()) / "yiyang-bench-quick"
    else:
        out = PROJECT_ROOT / "docs"
    report = run(plan, Path(settings.knowledge_dir), out, args.seed, quick=args.quick, holdout=args.holdout)
    print(report)
    print(f"\nwritten: {out / 'bench.md'}, {out / 'bench.png'}", file=sys.stderr)
    return 0


def _say(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


@dataclass
class _Setup:
    """What every section measures: the pack, its engine, the eval questions, the baselines."""

    plan: Plan
    knowledge_dir: Path  # the pack measured (the latest report's)
    seed: int
    kb: object
    engine: object
    items: list
    questions: list[str]
    base: list  # the baselines, each tuned on the tuning set
    eval_sets: list  # (label, file, items)
    methods: list[str]


@dataclass
class _Latency:
    """The latency section and what the chart and the profile section need from it."""

    section: str
    targets: list[list[object]]
    latency: dict[str, dict[str, tuple[float, float]]]
    sizes: list[str]
    profiles: list[tuple[str, list, float]]
    own_time: list


def run(plan: Plan, knowledge_dir: Path, out: Path, seed: int, *, quick: bool = False, holdout: bool = False) -> str:
    """Every section in order, then the chart, the header with the targets, and DIR/bench.md."""
    from benchmarks import tables

    started = time.perf_counter()
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    revision = tables.revision(PROJECT_ROOT)
    setup = _setup(plan, knowledge_dir, seed, holdout)
    sections: list[str] = []
    targets: list[list[object]] = []

    accuracy_parts, accuracy_targets, numbers = _accuracy(setup)
    sections += accuracy_parts
    targets += accuracy_targets
    metamorphic_part, metamorphic_targets = metamorphic_section(setup.engine, setup.kb.report, quick)
    sections.append(metamorphic_part)
    targets += metamorphic_targets
    latency = _latency(setup)
    sections.append(latency.section)
    targets += latency.targets
    for part, part_targets in (_packs(setup, holdout), _startup_reload_memory(setup, quick)):
        sections.append(part)
        targets += part_targets
    load_part, load_targets, chart_load = _telegram_load(setup)
    sections.append(load_part)
    targets += load_targets
    web, web_targets = web_section(plan, setup.knowledge_dir, seed)
    sections.append(web)
    targets.extend(web_targets)
    sections.append(_profile_section(latency))

    _say("chart")
    png = _chart(out, setup, numbers, latency, chart_load)
    head = _head(seed, quick, holdout, revision, started, load_before, png, targets)
    report = "\n\n".join([head, *sections]) + "\n"
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench.md").write_text(report, encoding="utf-8")
    return report


def _setup(plan: Plan, knowledge_dir: Path, seed: int, holdout: bool) -> _Setup:
    from benchmarks import baselines as bl
    from benchmarks.evaluation import HOLDOUT_FILE, TUNING_FILE, load_eval
    from bot.engine.engine import Engine
    from bot.knowledge.load import load_knowledge
    from bot.knowledge.packs import load_library

    knowledge_dir = load_library(knowledge_dir, strict=True).latest.directory  # the pack measured
    kb = load_knowledge(knowledge_dir)
    items = load_eval(TUNING_FILE)[:: plan.eval_stride]
    base = [cls(kb) for cls in bl.BASELINES]
    eval_sets = [("tuning", TUNING_FILE, items)]
    if holdout:
        eval_sets.append(("holdout", HOLDOUT_FILE, load_eval(HOLDOUT_FILE)[:: plan.eval_stride]))
    return _Setup(
        plan=plan,
        knowledge_dir=knowledge_dir,
        seed=seed,
        kb=kb,
        engine=Engine(kb),
        items=items,
        questions=[item.question for item in items],
        base=base,
        eval_sets=eval_sets,
        methods=[ENGINE] + [b.name for b in base],
    )


def _accuracy(setup: _Setup) -> tuple[list[str], list[list[object]], dict]:
    """One accuracy section per eval set, four targets each; the numbers the chart shows
    (the holdout set's when measured, else the tuning set's)."""
    from benchmarks import tables

    parts: list[str] = []
    targets: list[list[object]] = []
    numbers: dict = {}
    for label, path, set_items in setup.eval_sets:
        _say(f"accuracy: engine and baselines on the {label} set")
        part, numbers_here, engine_result = _accuracy_section(label, path, set_items, setup)
        parts.append(part)
        numbers = numbers_here if not numbers or label == "holdout" else numbers
        targets += _accuracy_targets(label, engine_result, tables.behind(numbers_here, ENGINE))
    return parts, targets, numbers


def _accuracy_targets(label: str, engine_result, behind: list) -> list[list[object]]:
    return [
        [
            f"{label}: ≥ 97% in scope right",
            f"{engine_result.accuracy:.1%}",
            "yes" if engine_result.accuracy >= 0.97 else "no",
        ],
        [
            f"{label}: ≤ 2% out of scope answered",
            f"{engine_result.false_answer_rate:.1%}",
            "yes" if engine_result.false_answer_rate <= 0.02 else "no",
        ],
        [
            f"{label}: 0 invented figures, 0 false absence claims",
            f"{len(engine_result.invented)}, {len(engine_result.false_absence)}",
            "yes" if not engine_result.invented and not engine_result.false_absence else "no",
        ],
        [
            f"{label}: engine ≥ every baseline on every tag",
            f"{len(behind)} tag/baseline pairs behind",
            "yes" if not behind else "no",
        ],
    ]


def _latency(setup: _Setup) -> _Latency:
    """Latency of the engine and each baseline on the real pack and each synthetic size, with
    the synthetic packs' build times and accuracy, and a profile of the smallest and largest."""
    from benchmarks import profiling, synthetic, tables, timing
    from benchmarks.evaluation import engine_predictor, evaluate
    from bot.engine.engine import Engine
    from bot.knowledge.load import load_knowledge
    from bot.text.normalize import normalize

    plan, kb, questions = setup.plan, setup.kb, setup.questions
    timing_args = dict(seed=setup.seed, warmup=plan.warmup, max_n=plan.max_n, min_n=plan.min_n, budget_s=plan.budget_s)
    latency: dict[str, dict[str, tuple[float, float]]] = {m: {} for m in setup.methods}
    lat_rows: list[list[object]] = []
    ratio_rows: list[list[object]] = []
    scale_rows: list[list[object]] = []
    sizes: list[str] = []
    profiles: list[tuple[str, list, float]] = []
    own_time: list = []
    with tempfile.TemporaryDirectory(prefix="yiyang-bench-kb-") as tmp:
        for factor in (1, *plan.scales):
            size = f"{factor}×"
            sizes.append(size)
            if factor == 1:
                kb_f, engine_f = kb, setup.engine
            else:
                _say(f"synthetic knowledge base {size}")
                directory = synthetic.write_scaled(setup.knowledge_dir, Path(tmp) / f"kb{factor}", factor, setup.seed)
                t0 = time.perf_counter()
                kb_f = load_knowledge(directory)
                t1 = time.perf_counter()
                engine_f = Engine(kb_f)
                build_s = (t1 - t0, time.perf_counter() - t1)
                acc = evaluate(engine_predictor(engine_f), setup.items, kb.report, normalize)
                scale_rows.append(
                    [
                        size,
                        len(kb_f.entries),
                        _phrasings(kb_f),
                        f"{build_s[0] * 1000:.0f}",
                        f"{build_s[1] * 1000:.0f}",
                        f"{acc.accuracy:.1%}",
                        f"{acc.false_answer_rate:.1%}",
                    ]
                )
            _say(f"latency on {size}")
            fns = {ENGINE: engine_f.respond}
            for b in setup.base:
                twin = b if factor == 1 else type(b)(kb_f)
                twin.cutoff = b.cutoff
                fns[b.name] = twin.predictor()
            for method, fn in fns.items():
                result = timing.measure(fn, questions, **timing_args)
                latency[method][size] = (result.p50_ms, result.p99_ms)
                lat_rows.append(
                    [
                        size,
                        _phrasings(kb_f),
                        method,
                        result.n,
                        tables.ms(result.p50_ms),
                        tables.ms(result.p99_ms),
                        tables.ms(result.mean_ms),
                    ]
                )
            d50, d99 = latency["difflib"][size]
            e50, e99 = latency[ENGINE][size]
            ratio_rows.append([size, f"{e50 / d50:.3f}", f"{e99 / d99:.3f}", f"{d50 / e50:.1f}×", f"{d99 / e99:.1f}×"])
            if factor in (1, max((1, *plan.scales))):
                _say(f"profile on {size}")
                table, per_query = profiling.profile_engine(engine_f, questions)
                profiles.append((size, table, per_query))
                if factor != 1 or not plan.scales:
                    own_time = profiling.top_own_time(engine_f, questions)
            del engine_f, kb_f, fns, twin
            gc.collect()
    section = _latency_section(plan, setup.seed, lat_rows, ratio_rows, scale_rows)
    return _Latency(section, _latency_targets(latency, sizes), latency, sizes, profiles, own_time)


def _latency_section(plan: Plan, seed: int, lat_rows, ratio_rows, scale_rows) -> str:
    from benchmarks import tables

    return "\n\n".join(
        [
            "## Latency per query",
            f"In process, one call at a time after {plan.warmup} warm-up calls, eval questions cycled in "
            f"a seeded order; per method and size at most {plan.max_n} calls, fewer for slow methods "
            f"(time budget {plan.budget_s:g} s, at least {plan.min_n}). Engine = `Engine.respond` "
            "(guards, figure lookup, matching, reply text); baselines = their predictor. Synthetic "
            f"sizes: the real entries plus (k−1) copies whose phrasings splice real phrasings "
            f"(seed {seed}), written as YAML and loaded by `load_knowledge`.",
            tables.table(["size", "phrasings", "method", "n", "p50 ms", "p99 ms", "mean ms"], lat_rows, "lrlrrrr"),
            "Engine / difflib:",
            tables.table(
                ["size", "engine/difflib p50", "engine/difflib p99", "speed-up p50", "speed-up p99"], ratio_rows
            ),
            "Synthetic knowledge bases (load = `load_knowledge` with validation; index = `Engine()`; "
            "engine accuracy on the same eval set, with the synthetic entries as distractors):",
            tables.table(
                ["size", "entries", "phrasings", "load ms", "index ms", "engine in scope", "engine out answered"],
                scale_rows,
            )
            if scale_rows
            else "(no synthetic sizes)",
        ]
    )


def _latency_targets(latency: dict, sizes: list[str]) -> list[list[object]]:
    from benchmarks import tables

    real_p99 = latency[ENGINE]["1×"][1]
    targets: list[list[object]] = [
        [
            "p99 ≤ 1 ms per query, real KB",
            f"{tables.ms(real_p99)} ms",
            _verdict(real_p99 <= TARGET_P99_REAL_MS, real_p99 / TARGET_P99_REAL_MS),
        ]
    ]
    if "50×" in latency[ENGINE]:
        p99_50 = latency[ENGINE]["50×"][1]
        targets.append(
            [
                "p99 ≤ 1 ms per query, 50× KB",
                f"{tables.ms(p99_50)} ms",
                _verdict(p99_50 <= TARGET_P99_50X_MS, p99_50 / TARGET_P99_50X_MS),
            ]
        )
    speedups = {s: latency["difflib"][s][0] / latency[ENGINE][s][0] for s in sizes}
    worst = min(speedups, key=speedups.get)
    targets.append(
        [
            "≥ 20× faster than difflib (p50, every size)",
            ", ".join(f"{s}: {v:.1f}×" for s, v in speedups.items()),
            "yes"
            if speedups[worst] >= TARGET_SPEEDUP
            else f"no (at {worst} {TARGET_SPEEDUP / speedups[worst]:.1f}× short)",
        ]
    )
    return targets


def _packs(setup: _Setup, holdout: bool) -> tuple[str, list[list[object]]]:
    _say("packs: drafted vs curated, two years, ten packs")
    return _packs_section(setup.plan, setup.knowledge_dir, setup.eval_sets, setup.questions, setup.seed, holdout)


def _startup_reload_memory(setup: _Setup, quick: bool) -> tuple[str, list[list[object]]]:
    """Start-up and reload times in fresh processes, and the peak RSS of a process answering."""
    from benchmarks import tables, timing

    plan, knowledge_dir = setup.plan, setup.knowledge_dir
    _say("start-up (fresh processes), reload, peak RSS")
    start = timing.startup(knowledge_dir, plan.startup_repeats)
    reload = timing.reload_times(knowledge_dir, plan.reload_repeats)
    rss = timing.peak_rss(knowledge_dir, plan.rss_questions)
    section = "\n\n".join(
        [
            "## Start-up, reload, memory",
            tables.table(
                ["measure", "ms (median)"],
                [
                    [
                        f"start-up: import bot.engine + bot.knowledge (fresh process, median of {plan.startup_repeats})",
                        f"{start['import']:.0f}",
                    ],
                    ["start-up: load_knowledge (parse + validate)", f"{start['load']:.0f}"],
                    ["start-up: Engine() (index)", f"{start['index']:.0f}"],
                    ["start-up: first answer", f"{start['first_answer']:.1f}"],
                    ["start-up: whole process, interpreter start to first answer", f"{start['process']:.0f}"],
                    [
                        f"reload: load_knowledge (fresh process with the Telegram app imported, after a "
                        f"warm-up reload; median of {plan.reload_repeats})",
                        f"{reload['load']:.0f}",
                    ],
                    ["reload: Engine()", f"{reload['index']:.0f}"],
                    ["reload: total (median / max)", f"{reload['total']:.0f} / {reload['max']:.0f}"],
                ],
            ),
            f"Peak RSS (`resource.getrusage(RUSAGE_SELF).ru_maxrss`) of a fresh process that imports "
            f"the engine and `{rss['app_module']}`, loads the knowledge base and answers "
            f"{plan.rss_questions} eval questions (started through a small launcher: Linux carries the "
            "parent's peak into a child's ru_maxrss):",
            tables.table(
                ["stage", "peak RSS MiB"],
                [
                    ["bare interpreter", f"{rss['python']:.1f}"],
                    ["+ import bot.engine", f"{rss['engine_import']:.1f}"],
                    [f"+ import {rss['app_module']}", f"{rss['telegram_import']:.1f}"],
                    ["+ load knowledge + Engine()", f"{rss['loaded']:.1f}"],
                    [f"+ {plan.rss_questions} answers", f"{rss['answered']:.1f}"],
                    ["(cross-check: VmHWM)", f"{rss['vm_hwm']:.1f}"],
                ],
            ),
        ]
    )
    targets = [
        [
            "reload ≤ 200 ms (load_knowledge + Engine(), median)",
            f"{reload['total']:.0f} ms",
            _verdict(reload["total"] <= TARGET_RELOAD_MS, reload["total"] / TARGET_RELOAD_MS),
        ],
        [
            "peak RSS ≤ 150 MB (engine + Telegram app, 1,000 answers)" if not quick else "peak RSS ≤ 150 MB",
            f"{rss['answered']:.1f} MiB",
            _verdict(rss["answered"] <= TARGET_RSS_MB, rss["answered"] / TARGET_RSS_MB),
        ],
    ]
    return section, targets


LOAD_COLUMNS = [
    "configuration",
    "updates",
    "users",
    "concurrency",
    "answered once",
    "unanswered",
    "answered 2+",
    "errors",
    "seconds",
    "updates/s",
    "handling p50 / p99 ms",
    "end-to-end p50 / p99 ms",
]


def _telegram_load(setup: _Setup) -> tuple[str, list[list[object]], list[tuple[str, float]]]:
    """A burst of updates through the Telegram Application, with the rate limiter off and as
    deployed; the section, its targets and the chart's throughput bars."""
    from benchmarks import load, tables

    plan = setup.plan
    load_rows: list[list[object]] = []
    chart_load: list[tuple[str, float]] = []
    targets: list[list[object]] = []
    load_note = ""
    if not (PROJECT_ROOT / "handlers" / "app.py").is_file():
        load_note = "handlers/app.py is missing: load test skipped."
    else:
        for limiter in (False, True):
            label = "as deployed (AIORateLimiter)" if limiter else "rate limiter off"
            _say(f"load: {plan.load_users * plan.load_per_user} updates, {label}")
            res = load.run_load(
                plan.load_users,
                plan.load_per_user,
                setup.questions,
                setup.seed,
                setup.knowledge_dir,
                rate_limiter=limiter,
            )
            load_rows.append(
                [
                    label,
                    res.updates,
                    res.users,
                    res.concurrency,
                    res.answered_once,
                    res.unanswered,
                    res.answered_twice_or_more,
                    res.errors,
                    f"{res.seconds:.2f}",
                    f"{res.throughput:.0f}",
                    f"{tables.ms(res.handling_p50_ms)} / {tables.ms(res.handling_p99_ms)}",
                    f"{tables.ms(res.end_to_end_p50_ms)} / {tables.ms(res.end_to_end_p99_ms)}",
                ]
            )
            chart_load.append(("limiter on" if limiter else "limiter off", res.throughput))
            targets.append(
                [
                    f"burst, {label}: every update answered once, no errors",
                    f"{res.answered_once}/{res.updates} once, {res.errors} errors",
                    "yes" if res.ok else "no",
                ]
            )
            if res.error_samples:
                load_note += f"\n\nErrors ({label}): " + "; ".join(res.error_samples)
    section = "\n\n".join(
        filter(
            None,
            [
                "## Load: a burst through the Telegram Application",
                f"{plan.load_users * plan.load_per_user} private-chat updates from {plan.load_users} simulated "
                f"users ({plan.load_per_user} each, interleaved, seeded questions from the eval set), put "
                "on `Application.update_queue` at once; the app is `handlers.app.build_application` with "
                "concurrent updates and the tests' fake Bot API (`benchmarks.fake_bot_api`), which answers "
                "every Bot API call offline; `sendMessage` is counted per update. Handling = from the update's "
                "first handler to its reply (as deployed this includes waiting in the rate limiter); "
                "end-to-end = from entering the queue to the reply (includes waiting behind the rest of the burst).",
                tables.table(LOAD_COLUMNS, load_rows, "l" + "r" * 11) if load_rows else "",
                f"Telegram's own limit is about {load.TELEGRAM_LIMIT_PER_SECOND} messages per second per bot "
                "(and 1 per second per chat): with the limiter off the bot's throughput shows its headroom "
                "over that limit; as deployed, PTB's AIORateLimiter holds replies to ~30/s, so in a burst "
                "the wait is Telegram's limit, not the engine.",
                load_note.strip(),
            ],
        )
    )
    return section, targets, chart_load


def _profile_section(latency: _Latency) -> str:
    from benchmarks import profiling, tables

    parts = [
        "## Where Engine.respond spends its time (cProfile)",
        profiling.__doc__.split("\n\n")[1].replace("\n", " "),
    ]
    for size, table, per_query in latency.profiles:
        parts.append(f"{size} knowledge base — {per_query:.0f} µs per query under the profiler:")
        parts.append(
            tables.table(
                ["depth", "function", "µs / query", "share of respond", "calls / query"],
                [
                    [depth, ("· " * depth) + name, f"{us:.1f}", f"{share:.1%}", f"{calls:.2f}" if calls else ""]
                    for depth, name, us, share, calls in table
                ],
                "rlrrr",
            )
        )
    if latency.own_time:
        parts.append(f"{latency.sizes[-1]}: functions with the most own time:")
        parts.append(
            tables.table(
                ["function", "own µs / query", "share"],
                [[name, f"{us:.1f}", f"{share:.1%}"] for name, us, share in latency.own_time],
            )
        )
    return "\n\n".join(parts)


def _chart(out: Path, setup: _Setup, numbers: dict, latency: _Latency, chart_load: list) -> Path:
    from benchmarks import chart, load

    return chart.draw(
        out / "bench.png",
        methods=setup.methods,
        accuracy=numbers,
        in_tags=[t for k, t in numbers[ENGINE] if k == "in"],
        out_tags=[t for k, t in numbers[ENGINE] if k == "out"],
        latency=latency.latency,
        sizes=latency.sizes,
        load_rows=chart_load,
        telegram_limit=load.TELEGRAM_LIMIT_PER_SECOND,
        targets_ms={"1× p99 1 ms": TARGET_P99_REAL_MS, "50× p99 1 ms": TARGET_P99_50X_MS},
    )


def _head(seed, quick, holdout, revision, started, load_before, png: Path, targets) -> str:
    """The title, how the run was made and on what machine, and the targets table."""
    from benchmarks import tables

    info = tables.machine()
    return "\n\n".join(
        [
            "# Benchmarks" + (" (quick mode: tiny sizes, numbers not meaningful)" if quick else ""),
            f"`python -m bot bench{' --quick' if quick else ''}{' --holdout' if holdout else ''} --seed {seed}` · {time.strftime('%Y-%m-%d')} · "
            f"commit {revision} · "
            f"nproc {info['nproc']} · Python {info['python']} · {info['platform']} · "
            f"run took {time.perf_counter() - started:.0f} s · load average (1 min) {load_before:.2f} "
            f"at the start, {os.getloadavg()[0]:.2f} at the end (other processes share the CPUs: "
            "timings are noisy when it is above 0)",
            "```\n" + info["lscpu"] + "\n```",
            f"Chart: `{png.name}` (next to this file).",
            "## Targets (issues 5, 8 and 10; reported, not enforced)",
            tables.table(["target", "measured", "met"], targets, "lll"),
        ]
    )


def _accuracy_section(label, path, items, setup: _Setup):
    """Markdown for one eval set: per-tag rates of the engine and each baseline (at its oracle
    cutoff), and each baseline again at the engine's out-of-scope rate."""
    from benchmarks import baselines as bl
    from benchmarks import tables
    from benchmarks.evaluation import engine_predictor, evaluate
    from bot.text.normalize import normalize

    kb, engine, base, plan = setup.kb, setup.engine, setup.base, setup.plan

    cutoffs = {b.name: bl.tune_cutoff(b, items) for b in base}
    results = {ENGINE: evaluate(engine_predictor(engine), items, kb.report, normalize)}
    results.update({b.name: evaluate(b.predictor(), items) for b in base})
    rows, numbers = tables.accuracy_rows(results)
    behind = tables.behind(numbers, ENGINE)
    engine_false = results[ENGINE].false_answer_rate
    matched_rows = []
    for b in base:
        cutoff = _cutoff_at_false_rate(b, items, engine_false)
        matched = evaluate(b.predictor(cutoff), items)
        matched_rows.append(
            [
                b.name,
                f"{cutoffs[b.name][0]:.4g}",
                f"{results[b.name].accuracy:.1%}",
                f"{results[b.name].false_answer_rate:.1%}",
                f"{cutoff:.4g}",
                f"{matched.accuracy:.1%}",
                f"{matched.false_answer_rate:.1%}",
            ]
        )
    n_in = len(results[ENGINE].in_scope["all"])
    n_out = len(results[ENGINE].out_of_scope["all"])
    engine_result = results[ENGINE]
    part = "\n\n".join(
        [
            f"## Accuracy per tag: {label} set",
            f"`{path.relative_to(PROJECT_ROOT)}`: {n_in} in-scope and {n_out} out-of-scope questions written "
            "from the report alone"
            + (" (quick mode: every 3rd)" if plan.eval_stride > 1 else "")
            + f"; knowledge base: {kb.summary()}. Scored by `bot.evaluation.evaluate`: in scope, right = "
            "status answer with every expected figure or fact (verbatim) in the direct answer, and 是/不是 "
            "right for yes/no checks; a clarification is a miss. Engine: "
            f"{len(engine_result.invented)} invented figures, {len(engine_result.false_absence)} false absence claims.",
            tables.table(["set", "tag", "n", *results], rows, "llr" + "r" * len(results)),
            "Baselines see the same curated phrasings (title + aliases/alternates of every entry), "
            "normalised the same naive way (OpenCC t2s only; BM25 also drops jieba tokens without a "
            "letter or digit), and answer with the owner of their best phrasing worded as the engine "
            "words it, when the score reaches their cutoff. The cutoff is the one with the most right "
            "decisions on this same set (an oracle choice in their favour). The right-hand columns re-run "
            f"each baseline at the cutoff where it answers no more out-of-scope questions than the engine ({engine_false:.1%}).",
            tables.table(
                [
                    "baseline",
                    "oracle cutoff",
                    "in scope",
                    "out answered",
                    "cutoff at engine's out rate",
                    "in scope",
                    "out answered",
                ],
                matched_rows,
            ),
            ("Engine behind a baseline on: " + "; ".join(behind))
            if behind
            else "The engine is at least as accurate as every baseline on every tag.",
        ]
    )
    return part, numbers, engine_result


def metamorphic_section(engine, report: str, quick: bool) -> tuple[str, list[list[object]]]:
    """Pass rate per transform of the metamorphic suite (benchmarks/metamorphic), against the
    issue's 98%."""
    from benchmarks import tables
    from benchmarks.metamorphic import DEFAULT_SEED, TRANSFORMS, bench_rows

    _say("metamorphic suite")
    stride = 20 if quick else 1
    families = dict(TRANSFORMS)
    rows = bench_rows(engine, report, DEFAULT_SEED, stride)
    low = [(name, rate) for name, _, rate in rows if rate < TARGET_METAMORPHIC]
    section = "\n\n".join(
        [
            "## Metamorphic suite",
            "CheckList-style transforms (Ribeiro et al., ACL 2020) of every in-scope question of the tuning "
            "sets that the engine answers right, generated with seed "
            f"{DEFAULT_SEED}{f' (quick: every {stride}th case)' if stride > 1 else ''}: invariance (the "
            "answer must stay right), direction (it must change: no figure for a near-miss measure, a scope "
            "decline for another year or city, a how-to decline), composition (every figure of an "
            "enumeration or comparison; 是的/不是 on a check of the figure just given). "
            "`tests/metamorphic/` asserts a floor per transform.",
            tables.table(
                ["transform", "family", "cases", "pass rate"],
                [[name, families[name], cases, f"{rate:.1%}"] for name, cases, rate in rows],
                "llrr",
            ),
        ]
    )
    lowest = min(rows, key=lambda r: r[2])
    targets = [
        [
            "metamorphic: ≥ 98% per transform",
            f"{len(rows) - len(low)}/{len(rows)} transforms; lowest {lowest[0]} {lowest[2]:.1%}",
            "yes" if not low else "no",
        ]
    ]
    return section, targets


def web_section(plan: Plan, knowledge_dir: Path, seed: int) -> tuple[str, list[list[object]]]:
    """The load run on the web API, with the default worker processes and with one
    (skipped, saying why, without the web package)."""
    from benchmarks import tables

    heading = "## Load: the web API"
    try:
        import web.app  # noqa: F401
    except ModuleNotFoundError as exc:
        return f"{heading}\n\nSkipped: {exc.name} is not installed.", []
    from benchmarks import web_load
    from benchmarks.evaluation import TUNING_FILE, load_eval
    from bot.config import default_web_workers

    counts = list(dict.fromkeys(w or default_web_workers() for w in plan.web_workers))
    questions = [item.question for item in load_eval(TUNING_FILE)]
    results = []
    for workers in counts:
        _say(
            f"web load, {workers} worker(s): {plan.web_requests} requests from {plan.web_clients} clients at "
            f"concurrency {', '.join(map(str, plan.web_concurrencies))}"
        )
        results.append(
            web_load.run_web_load(
                questions,
                knowledge_dir,
                requests=plan.web_requests,
                clients=plan.web_clients,
                concurrencies=plan.web_concurrencies,
                seed=seed,
                workers=workers,
            )
        )
    runs = [run for result in results for run in result.runs]
    rows = [
        [
            run.workers,
            run.concurrency,
            run.requests,
            run.answered,
            run.errors,
            f"{run.seconds:.2f}",
            f"{run.throughput:.0f}",
            tables.ms(run.p50_ms),
            tables.ms(run.p90_ms),
            tables.ms(run.p99_ms),
            tables.ms(run.max_ms),
            f"{tables.ms(run.server_p50_ms)} / {tables.ms(run.server_p99_ms)}",
            f"{run.server_cpu_ms:.2f}",
            f"{run.client_cpu_ms:.2f}",
        ]
        for run in runs
    ]
    errors = [
        f"{run.workers} worker(s), concurrency {run.concurrency}: " + "; ".join(run.error_samples)
        for run in runs
        if run.error_samples
    ]
    for run in runs:
        print(
            f"web load, {run.workers} worker(s), {run.concurrency} concurrent: {run.answered}/{run.requests} "
            f"answered, {run.errors} errors, p50 {tables.ms(run.p50_ms)} ms, p99 {tables.ms(run.p99_ms)} ms",
            file=sys.stderr,
            flush=True,
        )
    default = results[0]
    section = "\n\n".join(
        filter(
            None,
            [
                heading,
                f"{plan.web_requests} `POST /api/ask` from {plan.web_clients} simulated visitors (own session, own "
                "X-Forwarded-For address, so each has its own rate-limit bucket at the default WEB_RATE_LIMIT; "
                "seeded eval questions, every fourth a follow-up) against a real `python -m bot web` (uvicorn, "
                f"default settings — {default.workers} worker processes here, the CPUs up to 4 — and again with "
                "WEB_WORKERS=1; INFO logging to a file) on 127.0.0.1, after an untimed warm-up, driven by "
                "a minimal asyncio HTTP/1.1 client (benchmarks/http_client.py: a tenth of aiohttp's CPU per request) "
                "on keep-alive connections sending back to back (closed loop). Latency: client-side, "
                "from sending to the parsed JSON; server: the time the server logged for the question "
                "(engine, context and reply). CPU per request: the server's processes (all workers) and the "
                "load generator, which shares the machine's cores with the server.",
                tables.table(
                    [
                        "workers",
                        "concurrent",
                        "requests",
                        "answered",
                        "errors",
                        "seconds",
                        "requests/s",
                        "p50 ms",
                        "p90 ms",
                        "p99 ms",
                        "max ms",
                        "server p50 / p99 ms",
                        "server CPU ms/req",
                        "client CPU ms/req",
                    ],
                    rows,
                    "r" * 14,
                ),
                "SIGTERM after the runs: "
                + "; ".join(
                    f"{r.workers} worker(s): exit status {r.exit_code}, stopped in {r.stop_seconds:.2f} s"
                    for r in results
                )
                + ".",
                "In a closed loop every client sends its next request as soon as it has the answer, so at "
                "concurrency C the latency is about C / throughput (Little's law), and the throughput is capped "
                "by the CPU: the cores divided by the CPU time a request costs, the server's and the load "
                "generator's together. Several workers answer on several cores at once, but each request "
                "still costs the same CPU; 50 back-to-back clients keep every core busy whatever the number "
                "of workers.",
                "Errors: " + " · ".join(errors) if errors else "",
                " ".join(r.note for r in results if r.note),
            ],
        )
    )
    targets: list[list[object]] = []
    full = [run for run in default.runs if run.concurrency == max(plan.web_concurrencies)]
    if full:
        run = full[0]
        targets.append(
            [
                f"web API p99 ≤ 20 ms, {run.concurrency} concurrent clients ({run.workers} workers)",
                f"{tables.ms(run.p99_ms)} ms",
                _verdict(run.p99_ms <= TARGET_WEB_P99_MS, run.p99_ms / TARGET_WEB_P99_MS),
            ]
        )
    total = sum(run.requests for run in runs)
    answered = sum(run.answered for run in runs)
    exits = ", ".join(str(r.exit_code) for r in results)
    targets.append(
        [
            "web load: every request answered, no errors, exit 0 on SIGTERM",
            f"{answered}/{total} answered, {sum(r.errors for r in runs)} errors, exit {exits}",
            "yes" if all(r.ok for r in results) else "no",
        ]
    )
    return section, targets


def _packs_section(plan, knowledge_dir, eval_sets, questions, seed, holdout=False):
    """Markdown and targets for issue 9: drafted packs' quality, two years, ten packs' speed."""
    from benchmarks import packs, tables, timing
    from benchmarks.evaluation import engine_predictor, evaluate, load_eval
    from bot.engine.engine import Engine
    from bot.knowledge.packs import load_library
    from bot.text.normalize import normalize

    targets = []
    drafted = packs.drafted_vs_curated(
        [(label, items) for label, _, items in eval_sets], knowledge_dir, evaluate, engine_predictor, normalize
    )
    years = packs.two_years(evaluate, engine_predictor, normalize, load_eval)
    if holdout:
        row, unseen = packs.unseen_report(evaluate, engine_predictor, normalize, load_eval)
        years.append(row)
        targets.append(
            [
                "unseen report drafted, no edits: ≥ 85% in scope",
                row[2],
                "yes" if unseen is not None and unseen.accuracy >= 0.85 else "no",
            ]
        )
        targets.append(
            [
                "unseen report: ≤ 10% out of scope answered",
                row[3],
                "yes" if unseen is not None and unseen.false_answer_rate <= 0.10 else "no",
            ]
        )
    for row in drafted:
        if row[1].startswith("drafted"):
            targets.append(
                [
                    f"shipped report drafted alone ({row[0]} set): ≥ 80% in scope",
                    row[2],
                    "yes" if float(row[2].rstrip("%")) >= 80 else "no",
                ]
            )
    both = next(r for r in years if r[0].startswith("2023 + 2024"))
    targets.append(
        ["two years of one city together: ≥ 90% in scope", both[2], "yes" if float(both[2].rstrip("%")) >= 90 else "no"]
    )
    import_s, import_bytes = packs.import_seconds(1 if plan.eval_stride > 1 else 3)
    with tempfile.TemporaryDirectory(prefix="yiyang-bench-packs-") as tmp:
        root = packs.ten_packs(Path(tmp) / "packs")
        curated = load_library(knowledge_dir).latest.directory
        shutil.copytree(curated, root / curated.name)
        library = load_library(root, strict=True)
        engine = Engine(library)
        with_years = questions + [f"{year}年{q}" for q, year in zip(questions[::7], packs.PACK_YEARS * 100)]
        latency = timing.measure(
            engine.respond,
            with_years,
            seed=seed,
            warmup=plan.warmup,
            max_n=plan.max_n,
            min_n=plan.min_n,
            budget_s=plan.budget_s,
        )
        reload_ms = packs.reload_one_pack_ms(root / "qinglan-2024", plan.reload_repeats)
        rss = timing.peak_rss(root, plan.rss_questions)
        n_packs = len(library.packs)
    targets.append(
        [
            f"p99 ≤ 1 ms per query with {n_packs} packs",
            f"{tables.ms(latency.p99_ms)} ms",
            _verdict(latency.p99_ms <= 1.0, latency.p99_ms),
        ]
    )
    targets.append(
        [
            f"import of a {import_bytes / 1024:.0f} KB report ≤ 2 s",
            f"{import_s:.2f} s",
            _verdict(import_s <= 2.0, import_s / 2.0),
        ]
    )
    targets.append(
        ["reload of one pack ≤ 200 ms", f"{reload_ms:.0f} ms", _verdict(reload_ms <= 200.0, reload_ms / 200.0)]
    )
    targets.append(
        [
            f"RSS ≤ 150 MB with {n_packs} packs",
            f"{rss['answered']:.1f} MiB",
            _verdict(rss["answered"] <= 150.0, rss["answered"] / 150.0),
        ]
    )
    part = "\n\n".join(
        [
            "## Report packs (issue 9)",
            "Drafted vs curated: the shipped report imported by `python -m bot import` with no hand edits, "
            "scored on the same eval sets as the curated pack:",
            tables.table(
                [
                    "eval set",
                    "pack",
                    "in scope right",
                    "out of scope answered",
                    "invented figures",
                    "false absence claims",
                ],
                drafted,
                "llrrrr",
            ),
            "The fictional 青岚市 (`tests/data/qinglan/`, two years written by a helper with their own "
            "questions), each year drafted by the importer; together = both packs loaded, questions naming "
            "a year, no year (the latest report), or both years:",
            tables.table(
                [
                    "packs",
                    "questions",
                    "in scope right",
                    "out of scope answered",
                    "invented figures",
                    "false absence claims",
                ],
                years,
                "llrrrr",
            ),
            f"Ten packs ({n_packs} with the curated one): the 青岚 reports imported as {PACKS_LABEL}; "
            f"{latency.n} queries (the tuning questions, and every 7th again with a year), one at a time.",
            tables.table(
                ["measure", "value"],
                [
                    ["packs", n_packs],
                    ["query p50 / p99 ms", f"{tables.ms(latency.p50_ms)} / {tables.ms(latency.p99_ms)}"],
                    ["reload of one pack (load + index), median ms", f"{reload_ms:.0f}"],
                    [f"import of a {import_bytes / 1024:.1f} KB report, median s", f"{import_s:.2f}"],
                    [
                        f"peak RSS, {n_packs} packs + Telegram app, {plan.rss_questions} answers, MiB",
                        f"{rss['answered']:.1f}",
                    ],
                ],
            ),
        ]
    )
    return part, targets


PACKS_LABEL = "years 2015–2024 (alternating the 2023 and 2024 texts)"


def _phrasings(kb) -> int:
    return sum(len(e.phrasings) for e in kb.entries.values())


def _verdict(met: bool, ratio: float) -> str:
    return "yes" if met else f"no ({ratio:.1f}× the target)"


def _cutoff_at_false_rate(baseline, items, rate: float) -> float:
    """The lowest cutoff at which `baseline` answers at most `rate` of the out-of-scope items."""
    scores = sorted((baseline.score(item.question)[1] for item in items if not item.in_scope), reverse=True)
    allowed = int(rate * len(scores) + 1e-9)
    if allowed >= len(scores):
        return 0.0
    # Just above the first score to refuse (rapidfuzz rounds score_cutoff, so not nextafter).
    above = [score for score in scores[:allowed] if score > scores[allowed]]
    step = 1e-6 * max(1.0, abs(scores[allowed]))
    if above:
        step = min(step, (min(above) - scores[allowed]) / 2)
    return scores[allowed] + step
