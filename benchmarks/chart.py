"""The benchmark chart (matplotlib, Agg backend): accuracy, latency, load. English labels,
so the PNG renders without a CJK font."""

from __future__ import annotations

from pathlib import Path


def draw(
    path: Path,
    *,
    methods: list[str],
    accuracy: dict[str, dict[str, float]],
    in_tags: list[str],
    out_tags: list[str],
    latency: dict[str, dict[str, tuple[float, float]]],
    sizes: list[str],
    load_rows: list[tuple[str, float]],
    telegram_limit: float,
    targets_ms: dict[str, float],
) -> Path:
    """accuracy[method][tag] (0–1); latency[method][size] = (p50, p99) in ms;
    load_rows = [(label, updates per second)]."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    colors = ["#c0392b", "#7f8c8d", "#2980b9", "#27ae60", "#8e44ad"]
    fig, axes = plt.subplots(1, 3, figsize=(17, 6.2), gridspec_kw={"width_ratios": [2.4, 1.4, 1]})

    ax = axes[0]
    tags = [f"in: {t}" for t in in_tags] + [f"out: {t}" for t in out_tags]
    x = np.arange(len(tags))
    width = 0.8 / max(1, len(methods))
    for i, method in enumerate(methods):
        values = [accuracy[method].get(("in", t), 0.0) for t in in_tags] + [
            accuracy[method].get(("out", t), 0.0) for t in out_tags
        ]
        ax.bar(
            x + (i - (len(methods) - 1) / 2) * width,
            [v * 100 for v in values],
            width,
            label=method,
            color=colors[i % len(colors)],
        )
    ax.axvline(len(in_tags) - 0.5, color="black", linewidth=0.8)
    ax.set_xticks(x, tags, rotation=55, ha="right", fontsize=8)
    ax.set_ylabel("%")
    ax.set_ylim(0, 105)
    ax.set_title(
        "Accuracy per tag (in scope: correct, higher is better;\nout of scope: answered, lower is better)", fontsize=10
    )
    ax.legend(fontsize=8, loc="upper right", ncols=2)

    ax = axes[1]
    xs = np.arange(len(sizes))
    for i, method in enumerate(methods):
        p50 = [latency[method][s][0] for s in sizes]
        p99 = [latency[method][s][1] for s in sizes]
        color = colors[i % len(colors)]
        ax.plot(xs, p50, "o-", color=color, label=f"{method} p50")
        ax.plot(xs, p99, "^--", color=color, alpha=0.7, label=f"{method} p99")
    for label, value in targets_ms.items():
        ax.axhline(value, color="black", linestyle=":", linewidth=0.8)
        ax.text(len(sizes) - 1, value, f" target {label}", fontsize=7, va="bottom", ha="right")
    ax.set_yscale("log")
    ax.set_xticks(xs, sizes)
    ax.set_xlabel("knowledge base size", labelpad=0)
    ax.set_ylabel("ms per query (log)")
    ax.set_title("Latency per query, in process", fontsize=10)
    ax.legend(fontsize=6.5, ncols=2, loc="upper center", bbox_to_anchor=(0.5, -0.13))

    ax = axes[2]
    labels = [label for label, _ in load_rows]
    values = [value for _, value in load_rows]
    ax.bar(range(len(load_rows)), values, color="#2980b9")
    for i, value in enumerate(values):
        ax.text(i, value, f"{value:.0f}/s", ha="center", va="bottom", fontsize=9)
    ax.set_ylim(1, max(values + [telegram_limit]) * 4)
    ax.axhline(telegram_limit, color="#c0392b", linestyle="--", label=f"Telegram limit ~{telegram_limit:.0f} msg/s")
    ax.set_yscale("log")
    ax.set_xticks(range(len(load_rows)), labels, fontsize=8)
    ax.set_xlim(-0.7, len(load_rows) - 0.3)
    ax.set_ylabel("updates answered per second (log)")
    ax.set_title("Telegram Application burst (offline)", fontsize=10)
    ax.legend(fontsize=8)

    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
