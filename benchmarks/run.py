"""Benchmarks: print timings as ratios to a floor measured in the same run.

Not a test: nothing here asserts a time. Run with ``python benchmarks/run.py``.

Each measurement starts fresh Python processes, so import costs are real (no warm
module cache), and compares them with a *floor* measured alternately in the same run
on the same machine, so the ratio means something on a loaded CI box too.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STACK = "import pandas, plotly, ipywidgets"


def process_time(code: str) -> float:
    """Wall time of a fresh ``python -c code`` (seconds)."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    return time.perf_counter() - start


def compare(label: str, floor_code: str, code: str, repeat: int, goal: float) -> float:
    """Run floor and subject alternately `repeat` times; print medians and the ratio."""
    process_time(floor_code)  # warm the OS file cache once, for both
    process_time(code)
    floors, subjects = [], []
    for _ in range(repeat):
        floors.append(process_time(floor_code))
        subjects.append(process_time(code))
    floor, subject = statistics.median(floors), statistics.median(subjects)
    ratio = subject / floor
    print(
        f"{label}: {subject * 1000:.0f} ms vs floor {floor * 1000:.0f} ms "
        f"-> ratio {ratio:.2f} (goal <= {goal})"
    )
    return ratio


def bench_framework(repeat: int) -> None:
    compare(
        "import vakmanschap + load_framework() on top of the stack",
        STACK,
        f"{STACK}; import vakmanschap; vakmanschap.load_framework()",
        repeat,
        goal=1.1,
    )
    import vakmanschap
    from vakmanschap import framework

    times = []
    for _ in range(repeat * 3):
        framework._CACHE.clear()
        start = time.perf_counter()
        vakmanschap.load_framework()
        times.append(time.perf_counter() - start)
    cached_start = time.perf_counter()
    vakmanschap.load_framework()
    cached = time.perf_counter() - cached_start
    print(
        f"load_framework() in process: median {statistics.median(times) * 1000:.1f} ms uncached, "
        f"{cached * 1e6:.0f} µs cached"
    )


def median_ms(action, repeat: int) -> float:
    times = []
    for i in range(repeat):
        start = time.perf_counter()
        action(i)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def bench_widgets(repeat: int) -> None:
    """Time from a control's value change to the figure updated (in Python, synchronous)."""
    import os
    import tempfile

    os.environ.setdefault("VAKMANSCHAP_ANSWERS", str(Path(tempfile.mkdtemp()) / "bench.json"))
    import vakmanschap as vk

    fw = vk.load_framework()
    placer = vk.RolePlacer(fw)
    placer.role.value = "jurist"
    values = [round(-1 + 0.05 * k, 2) for k in range(41)]

    def move_placer(i: int) -> None:
        placer.x.value = values[i % len(values)]

    triangle = vk.TensionTriangle(fw)
    triangle.sliders["klassiek"].value = 50  # so that each npm step moves the point

    def move_triangle(i: int) -> None:
        triangle.sliders["npm"].value = (i * 5) % 100 + 5

    saved = vk.RolePlacer.get("bench-autosave")  # attached to the answer file: saves too
    saved.role.value = "jurist"

    def move_saved(i: int) -> None:
        saved.x.value = values[i % len(values)]

    n = max(repeat * 20, 100)
    for label, action in (
        ("RolePlacer", move_placer),
        ("TensionTriangle", move_triangle),
        ("RolePlacer with autosave to the answer file", move_saved),
    ):
        action(0)  # warm up
        print(
            f"{label}: value change -> figure updated, median {median_ms(action, n):.2f} ms "
            f"over {n} changes (goal <= 5 ms)"
        )


def bench_messages(repeat: int) -> None:
    """Bytes sent to the browser for one slider step, once a figure is on the page."""
    import json
    import os
    import tempfile

    import comm

    os.environ.setdefault("VAKMANSCHAP_ANSWERS", str(Path(tempfile.mkdtemp()) / "bench.json"))
    import vakmanschap as vk

    comm_class = type(comm.create_comm(target_name="vakmanschap-bench"))
    original = comm_class.publish_msg
    sent: list[int] = []

    def publish(self, msg_type, data=None, metadata=None, buffers=None, **keys):
        sent.append(len(json.dumps(data, default=str)) + sum(len(b) for b in buffers or ()))
        return original(self, msg_type, data, metadata, buffers, **keys)

    fw = vk.load_framework()
    placer = vk.RolePlacer(fw)
    placer.role.value = "jurist"
    triangle = vk.TensionTriangle(fw)
    triangle.sliders["klassiek"].value = 50  # so that each npm step moves the point
    steps = {
        "RolePlacer x slider": lambda i: setattr(placer.x, "value", round(-1 + 0.05 * (i % 41), 2)),
        "TensionTriangle weight slider": lambda i: setattr(
            triangle.sliders["npm"], "value", (i * 5) % 100 + 5
        ),
    }
    comm_class.publish_msg = publish
    try:
        for label, step in steps.items():
            step(1)  # the first step may reveal a trace
            sizes = []
            for i in range(2, 2 + max(repeat, 10)):
                sent.clear()
                step(i)
                sizes.append(sum(sent))
            print(
                f"{label}: {statistics.median(sizes) / 1000:.2f} KB sent per step, "
                f"max {max(sizes) / 1000:.2f} KB (goal <= 3 KB; FigureWidget sent about 9.6 KB)"
            )
    finally:
        comm_class.publish_msg = original


def bench_collect_cold(repeat: int) -> None:
    """A lecturer's script: a fresh Python that collects 30 answer files, vs importing pandas."""
    import shutil
    import tempfile

    from vakmanschap.classroom import synthetic_class

    folder = Path(tempfile.mkdtemp(prefix="vakmanschap-bench-"))
    try:
        for name, data in synthetic_class(30):
            (folder / name).write_bytes(data)
        compare(
            "cold vk.collect() of 30 files (fresh process)",
            "import pandas",
            f"import vakmanschap as vk; vk.collect({str(folder)!r})",
            repeat,
            goal=1.5,
        )
    finally:
        shutil.rmtree(folder)


def bench_class_overlay(repeat: int) -> None:
    """Building a grid with a class overlay, as a ratio to the plain grid figure."""
    import numpy as np
    import pandas as pd

    import vakmanschap as vk

    fw = vk.load_framework()
    rng = np.random.default_rng(0)
    role_ids = fw.roles["role_id"].to_numpy()

    def data(n: int) -> pd.DataFrame:
        return pd.DataFrame(
            {
                "role_id": rng.choice(role_ids, n),
                "x": rng.uniform(-1, 1, n),
                "y": rng.uniform(-1, 1, n),
            }
        )

    vk.grid_figure(fw)
    n = max(repeat, 5)
    floor = median_ms(lambda _: vk.grid_figure(fw), n)
    print(f"grid_figure (floor): median {floor:.1f} ms")
    for size in (500, 5000):
        frame = data(size)
        took = median_ms(lambda _, f=frame: vk.grid_figure(fw, class_placements=f), n)
        print(
            f"grid_figure with a class overlay of {size}: {took:.1f} ms "
            f"-> ratio {took / floor:.2f} to the plain grid"
        )


def bench_notebooks(repeat: int) -> None:
    """Execute the whole collection headless vs as many floor notebooks, same run."""
    import nbformat
    from nbclient import NotebookClient

    folder = ROOT / "notebooks"
    paths = sorted(p for p in folder.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
    floor_nb = nbformat.v4.new_notebook()
    floor_nb.cells = [
        nbformat.v4.new_code_cell(f"{STACK}\nimport ipywidgets\nipywidgets.IntSlider()")
    ]

    def execute(nb) -> None:
        NotebookClient(
            nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
        ).execute()

    def collection() -> float:
        start = time.perf_counter()
        for path in paths:
            execute(nbformat.read(path, as_version=4))
        return time.perf_counter() - start

    def floors() -> float:
        start = time.perf_counter()
        for _ in paths:
            execute(nbformat.reads(nbformat.writes(floor_nb), as_version=4))
        return time.perf_counter() - start

    runs = max(1, min(repeat, 3))
    subject = statistics.median(collection() for _ in range(runs))
    floor = statistics.median(floors() for _ in range(runs))
    print(
        f"executing the {len(paths)} notebooks: {subject:.1f} s vs {len(paths)} floor notebooks "
        f"{floor:.1f} s -> ratio {subject / floor:.2f} (goal <= 1.3)"
    )


def bench_collect(repeat: int) -> None:
    """collect() plus every class view (figures, tables, handout) for 100 to 10,000 files."""
    import shutil
    import tempfile

    import vakmanschap as vk
    from vakmanschap import classroom

    fw = vk.load_framework()
    previous = None
    for size in (100, 1_000, 10_000):
        folder = Path(tempfile.mkdtemp(prefix="vakmanschap-bench-"))
        try:
            for name, data in _synthetic_files(size, fw):
                (folder / name).write_bytes(data)

            def run(_: int, folder: Path = folder) -> None:
                result = vk.collect(folder, fw)
                classroom.class_figures(result, fw)
                classroom.agreement(result, fw)
                classroom.reflections_html(result, fw)
                classroom.handout_html(result.pseudonymised(), fw)
                classroom.answers_csv(result)

            took = median_ms(run, 1 if size >= 10_000 else max(1, min(repeat, 3))) / 1000
        finally:
            shutil.rmtree(folder)
        growth = "" if previous is None else f", x{took / previous:.1f} per tenfold"
        goal = " (goal <= 1 s)" if size == 1_000 else ""
        print(f"collect + all class views, {size:>6} files: {took:.2f} s{goal}{growth}")
        previous = took


def _synthetic_files(n: int, fw) -> list[tuple[str, bytes]]:
    """``classroom.synthetic_class(n)``, made faster by remembering the article's position of
    each role while it runs (the files are the same)."""
    from vakmanschap.classroom import export

    original = export.article_position
    positions: dict = {}

    def remembered(fw_, role_id):
        key = (id(fw_), role_id)
        if key not in positions:
            positions[key] = original(fw_, role_id)
        return positions[key]

    export.article_position = remembered
    try:
        return export.synthetic_class(n, fw=fw)
    finally:
        export.article_position = original


def bench_collect_scaling(repeat: int, quick: bool) -> None:
    """collect() of a folder plus pseudonymised(), for 1,000, 10,000 and (without --quick)
    100,000 synthetic files: the time should grow tenfold per tenfold, not faster."""
    import shutil
    import tempfile

    import vakmanschap as vk

    fw = vk.load_framework()
    sizes = (1_000, 10_000) if quick else (1_000, 10_000, 100_000)
    files = _synthetic_files(sizes[-1], fw)
    previous = None
    for size in sizes:
        folder = Path(tempfile.mkdtemp(prefix="vakmanschap-bench-"))
        try:
            for name, data in files[:size]:
                (folder / name).write_bytes(data)

            def run(_: int, folder: Path = folder, size: int = size) -> None:
                result = vk.collect(folder, fw)
                result.pseudonymised()
                assert len(result.students) == size and result.report.empty

            took = median_ms(run, 1 if size >= 100_000 else max(1, min(repeat, 3))) / 1000
        finally:
            shutil.rmtree(folder)
        growth = "" if previous is None else f", x{took / previous:.1f} per tenfold (goal ~10)"
        print(
            f"collect(folder) + pseudonymised(), {size:>7} files: {took:.2f} s "
            f"({took / size * 1e6:.0f} µs per file){growth}"
        )
        previous = took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9, help="runs per measurement (median)")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="skip executing the notebooks and collecting 100,000 files",
    )
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {args.repeat} runs each, medians")
    bench_framework(args.repeat)
    bench_widgets(args.repeat)
    bench_messages(args.repeat)
    bench_collect_cold(args.repeat)
    bench_class_overlay(args.repeat)
    bench_collect(args.repeat)
    bench_collect_scaling(args.repeat, args.quick)
    if not args.quick:
        bench_notebooks(args.repeat)


if __name__ == "__main__":
    main()
