"""Real-browser fixtures: JupyterLab and Voila servers, headless Chromium, failure artifacts.

The servers run on 127.0.0.1 on free ports with throw-away Jupyter config, data, runtime and
settings folders, on a copy of ``notebooks/`` (so nothing in the repository changes), and
are always stopped, also when a test fails. Chromium is Debian's ``/usr/bin/chromium``
(or ``$CHROMIUM``), driven by Playwright; ``playwright install`` is never used.

Without Chromium the tests are skipped, unless ``VAKMANSCHAP_REQUIRE_E2E=1`` (set by
``.ci/run``), which makes a missing browser a failure.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from e2e_helpers import AXE_COUNTS, BROKEN, LAPTOP, LATENCIES, PHONE, ROOT

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
REQUIRE = os.environ.get("VAKMANSCHAP_REQUIRE_E2E") == "1"
ARTIFACTS = ROOT / "test-artifacts" / "e2e"
BIN = Path(sys.executable).parent
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


def _browser_available() -> None:
    if Path(CHROMIUM).is_file():
        return
    message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    if REQUIRE:
        pytest.fail(message)
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """A server process in its own process group, with its log in a file."""

    def __init__(self, name: str, command: list[str], env: dict, log: Path, url: str):
        self.name, self.url, self.log = name, url, log
        self.handle = log.open("wb")
        self.process = subprocess.Popen(
            command,
            env=env,
            stdout=self.handle,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )

    def wait_ready(self, path: str, timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} stopped:\n{self.tail()}")
            try:
                with urllib.request.urlopen(self.url + path, timeout=5) as response:
                    if response.status < 500:
                        return
            except urllib.error.HTTPError as exc:
                if exc.code < 500:
                    return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.5)
        raise RuntimeError(f"{self.name} not ready after {timeout} s:\n{self.tail()}")

    def tail(self) -> str:
        self.handle.flush()
        return self.log.read_text(errors="replace")[-3000:]

    def stop(self) -> None:
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=15)
            except ProcessLookupError:
                pass
        self.handle.close()


#: Saved answers the Voila server starts with: the first render must show them.
SEEDED_ANSWERS = {
    "RolePlacer:03-tabel-1": {
        "widget": "RolePlacer",
        "version": 1,
        "checked": True,
        "selected": "boa",
        "placements": [
            {"role_id": "jurist", "x": 0.5, "y": 0.6},
            {"role_id": "bouwkundig_ingenieur", "x": 0.6, "y": 0.3},
            {"role_id": "controller", "x": -0.5, "y": 0.6},
            {"role_id": "hrm", "x": -0.6, "y": 0.3},
            {"role_id": "reactiveringsambtenaar", "x": 0.5, "y": -0.3},
            {"role_id": "boa", "x": 0.6, "y": -0.6},
            {"role_id": "strateeg", "x": -0.5, "y": -0.3},
            {"role_id": "kwaliteitsfunctionaris", "x": 0.4, "y": -0.7},
        ],
    },
    "TensionTriangle:02-speeltuin": {
        "widget": "TensionTriangle",
        "version": 1,
        "selected": "case:eigen",
        "case_name": "De speeltuin",
        "show_article": False,
        "weights": {"case:eigen": {"klassiek": 20, "npm": 30, "netwerk": 50}},
    },
    "CompetencyProfile:02-profiel": {
        "widget": "CompetencyProfile",
        "version": 1,
        "scores": {"resultaatgericht": 5, "inhoudelijk_geloofwaardig": 1},
    },
    "DilemmaExplorer:08-verkenner": {
        "widget": "DilemmaExplorer",
        "version": 1,
        "quadrant": "organisatie_intern",
    },
    "Quiz:loslaten_betekenis": {
        "widget": "Quiz",
        "version": 1,
        "question_id": "loslaten_betekenis",
        "choice": 2,
        "checked": True,
    },
    "TensionQuiz:vangrail_of_vangnet": {
        "widget": "TensionQuiz",
        "version": 1,
        "dilemma_id": "vangrail_of_vangnet",
        "chosen": ["klassiek", "netwerk"],
        "checked": True,
    },
    "Reflection:reflectie_01": {
        "widget": "Reflection",
        "version": 1,
        "question_id": "reflectie_01",
        "text": "Eerst bel ik de bewoners terug.",
    },
}


@pytest.fixture(scope="session")
def workspace(tmp_path_factory) -> dict:
    """Throw-away copies and Jupyter folders shared by the servers of this session."""
    _browser_available()
    base = tmp_path_factory.mktemp("e2e")
    notebooks = base / "notebooks"
    shutil.copytree(ROOT / "notebooks", notebooks)
    settings = base / "settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}), encoding="utf-8"
    )
    env = dict(os.environ)
    env.update(
        JUPYTER_CONFIG_DIR=str(base / "config"),
        JUPYTER_DATA_DIR=str(base / "data"),
        JUPYTER_RUNTIME_DIR=str(base / "runtime"),
        JUPYTERLAB_SETTINGS_DIR=str(base / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(base / "workspaces"),
        IPYTHONDIR=str(base / "ipython"),
        PYDEVD_DISABLE_FILE_VALIDATION="1",
    )
    return {"base": base, "notebooks": notebooks, "env": env}


@pytest.fixture(scope="session")
def lab(workspace):
    """JupyterLab on a free port of 127.0.0.1, stopped at the end of the session."""
    port, token = free_port(), secrets.token_hex(16)
    env = dict(workspace["env"], VAKMANSCHAP_ANSWERS=str(workspace["base"] / "lab-answers.json"))
    command = [
        str(BIN / "jupyter-lab"),
        "--no-browser",
        "--allow-root",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={workspace['notebooks']}",
    ]
    server = Server(
        "JupyterLab", command, env, workspace["base"] / "lab.log", f"http://127.0.0.1:{port}"
    )
    try:
        server.wait_ready(f"/api/status?token={token}")
        server.token = token
        yield server
    finally:
        server.stop()


def _shutdown_kernels(server) -> None:
    """Stop every kernel the test started, so the next notebook gets the machine's cores."""
    request = urllib.request.Request(f"{server.url}/api/sessions?token={server.token}")
    with urllib.request.urlopen(request, timeout=10) as response:
        sessions = json.loads(response.read())
    for session in sessions:
        url = f"{server.url}/api/sessions/{session['id']}?token={server.token}"
        urllib.request.urlopen(urllib.request.Request(url, method="DELETE"), timeout=30).close()


@pytest.fixture(autouse=True)
def _lab_kernels_stopped(request):
    yield
    if "lab" in request.fixturenames:
        _shutdown_kernels(request.getfixturevalue("lab"))


@pytest.fixture(scope="session")
def voila(workspace):
    """Voila on a free port of 127.0.0.1, starting from seeded answers; always stopped."""
    answers = workspace["base"] / "voila-answers.json"
    answers.write_text(
        json.dumps(
            {
                "schema": "vakmanschap-answers",
                "schema_version": 1,
                "student": {"name": "E2E", "number": "1"},
                "updated": "2026-01-01T00:00:00+00:00",
                "exercises": SEEDED_ANSWERS,
            }
        ),
        encoding="utf-8",
    )
    port = free_port()
    env = dict(workspace["env"], VAKMANSCHAP_ANSWERS=str(answers))
    command = [
        str(BIN / "voila"),
        str(workspace["notebooks"]),
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        "--Voila.port_retries=0",
    ]
    server = Server(
        "Voila", command, env, workspace["base"] / "voila.log", f"http://127.0.0.1:{port}"
    )
    try:
        server.wait_ready("/")
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def browser(workspace):
    """Headless Debian Chromium with a fresh profile, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(workspace["base"] / "chromium-profile"),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport=LAPTOP,
        )
        context.set_default_timeout(60_000)
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def page(browser, request):
    """A new tab; on failure its screenshot and console log go to test-artifacts/e2e/<test>/."""
    tab = browser.new_page()
    console: list[str] = []
    broken: list[str] = []

    def on_console(message) -> None:
        console.append(f"{message.type}: {message.text}")
        if message.type == "error" and BROKEN.search(message.text):
            broken.append(f"console error: {message.text}")

    def on_pageerror(error) -> None:
        console.append(f"pageerror: {error}")
        broken.append(f"uncaught page error: {error}")

    tab.on("console", on_console)
    tab.on("pageerror", on_pageerror)
    tab.broken = broken  # tests that open more tabs add theirs here
    yield tab
    report = getattr(request.node, "rep_call", None)
    if (report is not None and report.failed) or broken:
        folder = ARTIFACTS / re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid)
        folder.mkdir(parents=True, exist_ok=True)
        for size in (PHONE, LAPTOP):  # the page at both screen sizes a student uses
            try:
                tab.set_viewport_size(size)
                tab.wait_for_timeout(300)
                shot = folder / f"screenshot-{size['width']}x{size['height']}.png"
                tab.screenshot(path=str(shot), full_page=True)
            except Exception as exc:
                console.append(f"(screenshot at {size} failed: {exc})")
        (folder / "console.log").write_text("\n".join(console), encoding="utf-8")
    tab.close()
    if broken:  # an uncaught error in the page fails the test, also when it passed
        pytest.fail("errors in the page:\n" + "\n".join(broken[:10]))


def pytest_terminal_summary(terminalreporter):
    if LATENCIES:
        terminalreporter.section("e2e: key press / click to DOM change (goal <= 150 ms)")
        for label, values in LATENCIES.items():
            ordered = sorted(values)
            terminalreporter.write_line(
                f"{label}: median {ordered[len(ordered) // 2]:.0f} ms over {len(values)} "
                f"(min {ordered[0]:.0f}, max {ordered[-1]:.0f})"
            )
    if AXE_COUNTS:
        terminalreporter.section("e2e: axe-core violations per Voila page (nodes per impact)")
        for name, counts in AXE_COUNTS.items():
            terminalreporter.write_line(
                f"{name}: " + ", ".join(f"{impact} {count}" for impact, count in counts.items())
            )


@pytest.fixture(scope="session")
def axe_source(workspace) -> str:
    """axe-core's browser script: $AXE_CORE_JS, else installed from npm into .cache/e2e."""
    configured = os.environ.get("AXE_CORE_JS")
    path = (
        Path(configured)
        if configured
        else (ROOT / ".cache" / "e2e" / "node_modules" / "axe-core" / "axe.min.js")
    )
    if not path.is_file() and not configured and shutil.which("npm"):
        subprocess.run(
            [
                "npm",
                "install",
                "--silent",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(ROOT / ".cache" / "e2e"),
                "axe-core@4",
            ],
            check=False,
            capture_output=True,
            timeout=300,
        )
    if not path.is_file():
        message = f"axe-core not found at {path} (npm install axe-core)"
        if REQUIRE:
            pytest.fail(message)
        pytest.skip(message)
    return path.read_text(encoding="utf-8")
