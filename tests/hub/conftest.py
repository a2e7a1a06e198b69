"""A real JupyterHub for the hub test, in the environment tests/hub/prepare.sh makes.

``$VAKMANSCHAP_HUB_ENV`` names that folder (a venv with jupyterhub, nbgitpuller and this
project; configurable-http-proxy from npm). Without it the hub tests are skipped, saying
why; ``VAKMANSCHAP_REQUIRE_HUB=1`` (set by ``.ci/run``) makes that a failure.

The hub runs with the configuration in docs/hub/jupyterhub_config.py (the one the doc
shows), on free ports of 127.0.0.1, with its database, the proxy's pid file and the
students' home folders in a throw-away folder. It is always stopped, also when a test
fails (see :func:`_stop`): a snapshot of every process of the hub is taken before any
signal, the hub is stopped (it stops the servers it started and the proxy), then whatever
of the snapshot still runs is ended, and the teardown fails if anything is left.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import psutil
import pytest
from hub_helpers import SUMMARY, MemorySampler

ROOT = Path(__file__).resolve().parent.parent.parent
CONFIG = ROOT / "docs" / "hub" / "jupyterhub_config.py"
REQUIRE = os.environ.get("VAKMANSCHAP_REQUIRE_HUB") == "1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _environment() -> Path:
    """The prepared folder, or a skip (a failure when required) saying how to make it."""
    folder = os.environ.get("VAKMANSCHAP_HUB_ENV")
    how = "bash tests/hub/prepare.sh FOLDER, then set VAKMANSCHAP_HUB_ENV=FOLDER"
    if not folder:
        message = f"VAKMANSCHAP_HUB_ENV is not set ({how})"
    else:
        path = Path(folder)
        missing = [
            str(path / part)
            for part in ("venv/bin/jupyterhub", "node_modules/.bin/configurable-http-proxy")
            if not (path / part).exists()
        ]
        if not missing:
            return path
        message = f"the hub environment is incomplete, missing {', '.join(missing)} ({how})"
    if REQUIRE:
        pytest.fail(message)
    pytest.skip(message)


@dataclass
class Hub:
    url: str
    admin_token: str
    password: str
    homes: Path
    base: Path
    process: subprocess.Popen
    log: Path
    sampler: MemorySampler | None = None

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-4000:]


def _alive(process: psutil.Process) -> bool:
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def _describe(process: psutil.Process) -> str:
    try:
        return f"{process.pid} {' '.join(process.cmdline()[:3])}"
    except psutil.Error:
        return str(process.pid)


def _processes(hub: Hub) -> list[psutil.Process]:
    """Every running process of this hub, each with all its descendants: the hub itself,
    every process the memory sampler saw, and every process whose environment names this
    hub's folders (the hub and the proxy have its VAKMANSCHAP_HUB_STATE, every server,
    kernel and git its HOME under the homes folder), so also those the hub started after
    the last sample and those left without a parent when the hub died."""
    roots: list[psutil.Process] = []
    if hub.process.poll() is None:  # not yet reaped: the pid is still the hub's
        with contextlib.suppress(psutil.Error):
            roots.append(psutil.Process(hub.process.pid))
    if hub.sampler is not None:
        roots += hub.sampler.leftovers()
    state, homes = str(hub.base / "state"), f"{hub.homes}{os.sep}"
    for process in psutil.process_iter(["environ"]):
        env = process.info["environ"] or {}
        if env.get("VAKMANSCHAP_HUB_STATE") == state or env.get("HOME", "").startswith(homes):
            roots.append(process)
    found: dict[int, psutil.Process] = {}
    for root in roots:
        with contextlib.suppress(psutil.Error):
            for process in [root, *root.children(recursive=True)]:
                found[process.pid] = process
    found.pop(os.getpid(), None)
    return [process for process in found.values() if _alive(process)]


def _end(processes: list[psutil.Process], timeout: float = 15) -> list[str]:
    """SIGTERM to each of `processes`, SIGKILL to those still running after `timeout` s.
    Returns what was ended."""
    ended = [_describe(process) for process in processes if _alive(process)]
    for signum in (signal.SIGTERM, signal.SIGKILL):
        running = [process for process in processes if _alive(process)]
        for process in running:
            with contextlib.suppress(psutil.Error):
                process.send_signal(signum)
        deadline = time.monotonic() + timeout
        while any(_alive(process) for process in running) and time.monotonic() < deadline:
            time.sleep(0.2)
    return ended


def _stop(hub: Hub) -> tuple[list[str], list[str]]:
    """Stop the hub and everything it started.

    First (before any signal, while the hub's tree is whole) a snapshot of every process of
    the hub (see :func:`_processes`). Then SIGTERM to the hub, which stops the servers and the
    proxy it started (SIGKILL after 60 s). Then whatever of the snapshot still runs (servers
    and kernels run in sessions of their own, and lose their parent if the hub dies) gets
    SIGTERM, and SIGKILL after 15 s. Last, the same search as the snapshot, for anything
    that started meanwhile (a kernel restarted by its server): that is ended as well.

    Returns
    -------
    tuple
        What had to be ended after the hub had stopped, and what still runs after all
        this (it should be nothing).
    """
    if hub.sampler is not None:
        hub.sampler.stop()
    snapshot = _processes(hub)
    if hub.process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(hub.process.pid, signal.SIGTERM)
        try:
            hub.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            hub.process.kill()
            hub.process.wait(timeout=30)
    forced = _end(snapshot)
    forced += _end(_processes(hub))
    return forced, [_describe(process) for process in _processes(hub)]


@pytest.fixture(scope="session")
def hub(tmp_path_factory):
    """JupyterHub on free ports of 127.0.0.1; stopped with everything it started."""
    env_folder = _environment()
    base = tmp_path_factory.mktemp("hub")
    state, homes = base / "state", base / "homes"
    state.mkdir()
    homes.mkdir()
    port = free_port()
    token, password = secrets.token_hex(32), secrets.token_hex(12)
    venv_bin = env_folder / "venv" / "bin"
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("VAKMANSCHAP_", "JUPYTER", "PYTHON", "VIRTUAL_ENV", "IPYTHON"))
    }
    env.update(
        PATH=f"{venv_bin}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}",
        VAKMANSCHAP_HUB_PASSWORD=password,
        VAKMANSCHAP_HUB_PORT=str(port),
        VAKMANSCHAP_HUB_INTERNAL_PORT=str(free_port()),
        VAKMANSCHAP_HUB_PROXY_API_PORT=str(free_port()),
        VAKMANSCHAP_HUB_PROXY=str(env_folder / "node_modules" / ".bin" / "configurable-http-proxy"),
        VAKMANSCHAP_HUB_STATE=str(state),
        VAKMANSCHAP_HUB_HOMES=str(homes),
        VAKMANSCHAP_HUB_ADMIN_TOKEN=token,
        JUPYTER_CONFIG_DIR=str(state / "jupyter-config"),
        JUPYTER_DATA_DIR=str(state / "jupyter-data"),
        JUPYTER_RUNTIME_DIR=str(state / "jupyter-runtime"),
    )
    log = base / "jupyterhub.log"
    with log.open("wb") as handle:
        process = subprocess.Popen(
            [str(venv_bin / "jupyterhub"), "-f", str(CONFIG)],
            cwd=state,
            env=env,
            stdout=handle,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    running = Hub(url, token, password, homes, base, process, log)
    try:
        running.sampler = MemorySampler(process.pid)
        deadline = time.monotonic() + 180
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"JupyterHub stopped:\n{running.tail()}")
            try:
                with urllib.request.urlopen(f"{url}/hub/api/", timeout=5) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"JupyterHub not ready after 180 s:\n{running.tail()}")
            time.sleep(0.5)
        yield running
    finally:
        forced, left = _stop(running)
        SUMMARY["forced"] = forced
        if not os.environ.get("VAKMANSCHAP_KEEP_HUB_FILES"):
            shutil.rmtree(base, ignore_errors=True)
        assert not left, f"still running after the hub was stopped: {left}"


def pytest_terminal_summary(terminalreporter):
    if not SUMMARY.get("students") and not SUMMARY.get("forced"):
        return
    write = terminalreporter.write_line
    terminalreporter.section("hub: students on one JupyterHub (RSS in MiB, peaks over the run)")
    students = SUMMARY.get("students") or []
    write(f"{len(students)} students at once on {os.cpu_count()} cores")
    for label, key in (
        ("all servers ready after", "ready_all"),
        ("all pulled and notebook 03 run after", "first_round_all"),
        ("re-pull of all after", "repull_all"),
        ("whole hub test", "total"),
    ):
        if key in SUMMARY:
            write(f"{label}: {SUMMARY[key]:.1f} s")
    if "repull_merges" in SUMMARY:
        merges = SUMMARY["repull_merges"]
        write(
            f"re-pull: {len(students) - merges} fast-forwards, {merges} merges with a notebook "
            "the student had saved"
        )
    peaks = SUMMARY.get("peaks", {})
    for name in students:
        peak = peaks.get(name)
        if peak:
            write(
                f"{name}: server {peak['server']:.1f} + kernels {peak['kernels']:.1f}; "
                f"together at most {peak['total']:.1f}"
            )
    totals = [p["total"] for p in peaks.values()]
    if totals:
        write(f"per student: mean {sum(totals) / len(totals):.0f}, max {max(totals):.0f}")
    infra = SUMMARY.get("infra") or {}
    if infra:
        write(", ".join(f"{name} {rss:.1f}" for name, rss in infra.items()))
    if SUMMARY.get("forced"):
        write(f"ended by force after the hub stopped: {SUMMARY['forced']}")
