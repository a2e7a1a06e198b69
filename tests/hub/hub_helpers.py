"""What the hub test does as a student and as a lecturer, over HTTP and the kernel websocket.

A student's browser is a cookie jar: it logs in with the hub's password, opens an
nbgitpuller link, and does what nbgitpuller's page does in JavaScript (read the ``data-*``
attributes of the page, then call ``git-pull/api`` and read its event stream to
``finished``). The notebook runs in a kernel started through the student's server (the
sessions API, so the kernel's working folder is the notebook's folder), its cells sent over
the kernel's websocket. Memory is sampled with psutil from the hub's process tree.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import html
import http.cookiejar
import json
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

#: Filled by the test, printed at the end (see conftest.pytest_terminal_summary).
SUMMARY: dict[str, Any] = {}

TIMEOUT = 600  # seconds for one request or one cell: two busy cores, many students


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def request(
    url: str,
    method: str = "GET",
    body: object = None,
    token: str | None = None,
    opener: urllib.request.OpenerDirector | None = None,
    timeout: float = TIMEOUT,
) -> tuple[int, bytes, str]:
    """One HTTP request: (status, body, final URL). Raises with the body on an error."""
    headers = {"Authorization": f"token {token}"} if token else {}
    data = None
    if isinstance(body, bytes):
        data = body
    elif body is not None:
        data = json.dumps(body).encode("utf-8")
        headers["Content-Type"] = "application/json"
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with (opener or urllib.request.build_opener()).open(req, timeout=timeout) as response:
            return response.status, response.read(), response.url
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace")[:2000]
        exc.close()
        raise AssertionError(f"{method} {url}: HTTP {exc.code}\n{detail}") from None


def api(hub: str, method: str, path: str, token: str, body: object = None) -> Any:
    """The hub's REST API (``/hub/api/...``) with `token`; the JSON answer or None."""
    _, data, _ = request(f"{hub}/hub/api{path}", method, body, token)
    return json.loads(data) if data else None


@dataclass
class Student:
    """One student: a hub account, a browser (cookie jar) and an API token."""

    name: str
    number: str
    hub: str
    home: Path
    placements: dict[str, tuple[float, float]]
    token: str = ""
    timings: dict[str, float] = field(default_factory=dict)
    jar: http.cookiejar.CookieJar = field(default_factory=http.cookiejar.CookieJar)

    def __post_init__(self) -> None:
        self.browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    # -- the browser ------------------------------------------------------------------------
    def login(self, password: str) -> None:
        """The hub's login form, with its xsrf field, as a browser submits it."""
        _, page, _ = request(f"{self.hub}/hub/login", opener=self.browser)
        match = re.search(rb'name="_xsrf" value="([^"]+)"', page)
        assert match, "no _xsrf field on the login page"
        form = urllib.parse.urlencode(
            {"username": self.name, "password": password, "_xsrf": match.group(1).decode()}
        ).encode()
        status, _, url = request(
            f"{self.hub}/hub/login?next=%2Fhub%2Fhome", "POST", form, opener=self.browser
        )
        assert status == 200 and url.endswith("/hub/home"), (status, url)

    def open_link(self, link: str) -> dict[str, str]:
        """Open an nbgitpuller link: through the hub to the student's server, run the pull
        as nbgitpuller's page does, then open the page the link leads to.

        Returns
        -------
        dict
            The pull's parameters (as the page gave them), ``output`` (the git log the
            page shows) and ``landed`` (the final URL).
        """
        _, page, url = request(link, opener=self.browser)
        assert f"/user/{self.name}/git-pull?" in url, url
        data = {
            key: urllib.parse.unquote(html.unescape(value))
            for key, value in re.findall(r'data-([a-z-]+)="([^"]*)"', page.decode())
        }
        params = {"_xsrf": data["xsrf"], "repo": data["repo"], "targetpath": data["targetpath"]}
        if "branch" in data:
            params["branch"] = data["branch"]
        api_url = f"{self.hub}{data['base-url']}git-pull/api?{urllib.parse.urlencode(params)}"
        output, phase = [], ""
        with self.browser.open(api_url, timeout=TIMEOUT) as stream:
            for raw in stream:
                line = raw.decode("utf-8", "replace").strip()
                if not line.startswith("data:"):
                    continue
                event = json.loads(line[5:])
                phase = event.get("phase", "")
                output.append(event.get("output") or event.get("message") or "")
                if phase in ("finished", "error"):
                    break
        log = "".join(output)
        assert phase == "finished", f"nbgitpuller for {self.name} ended in {phase!r}:\n{log}"
        status, landing, landed = request(
            f"{self.hub}{data['base-url']}{data['path']}", opener=self.browser
        )
        assert status == 200, (status, landed)
        page_text = landing.decode("utf-8", "replace")
        return {**data, "output": log, "landed": landed, "page": page_text}

    # -- JupyterLab's file requests --------------------------------------------------------
    def contents(self, path: str, model: dict | None = None) -> dict:
        """The contents API of the student's server for `path` (relative to the home): the
        file's model (GET, with its content), or, with `model`, a save (PUT), the request
        JupyterLab makes when it (auto)saves a notebook."""
        url = f"{self.hub}/user/{self.name}/api/contents/{urllib.parse.quote(path)}"
        if model is None:
            _, data, _ = request(f"{url}?content=1", token=self.token)
        else:
            _, data, _ = request(url, "PUT", model, self.token)
        return json.loads(data)

    # -- the kernel -------------------------------------------------------------------------
    def start_kernel(self, path: str) -> Kernel:
        """A new session (and kernel) for the notebook at `path` (relative to the home)."""
        body = {
            "path": path,
            "type": "notebook",
            "name": Path(path).name,
            "kernel": {"name": "python3"},
        }
        _, data, _ = request(f"{self.hub}/user/{self.name}/api/sessions", "POST", body, self.token)
        session = json.loads(data)
        return Kernel(self, session["id"], session["kernel"]["id"])


class KernelError(AssertionError):
    """A cell raised in the kernel."""


class Kernel:
    """A kernel of a student's server, reached over its websocket."""

    def __init__(self, student: Student, session_id: str, kernel_id: str):
        self.student, self.session_id, self.kernel_id = student, session_id, kernel_id

    def run(self, cells: list[str]) -> list[str]:
        """Execute `cells` in order; returns each cell's printed output. Raises
        :class:`KernelError` on the first cell that fails."""
        return asyncio.run(self._run(cells))

    async def _run(self, cells: list[str]) -> list[str]:
        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect

        hub = self.student.hub.replace("http://", "ws://", 1)
        url = f"{hub}/user/{self.student.name}/api/kernels/{self.kernel_id}/channels"
        connection = await websocket_connect(
            HTTPRequest(
                url,
                headers={"Authorization": f"token {self.student.token}"},
                request_timeout=TIMEOUT,
                connect_timeout=TIMEOUT,
            )
        )
        session = uuid.uuid4().hex
        printed = []
        try:
            for code in cells:
                msg_id = uuid.uuid4().hex
                await connection.write_message(
                    json.dumps(
                        {
                            "header": {
                                "msg_id": msg_id,
                                "username": self.student.name,
                                "session": session,
                                "msg_type": "execute_request",
                                "version": "5.3",
                                "date": "",
                            },
                            "parent_header": {},
                            "metadata": {},
                            "content": {
                                "code": code,
                                "silent": False,
                                "store_history": True,
                                "user_expressions": {},
                                "allow_stdin": False,
                                "stop_on_error": True,
                            },
                            "channel": "shell",
                            "buffers": [],
                        }
                    )
                )
                printed.append(await self._reply(connection, msg_id, code))
        finally:
            connection.close()
            # wait for the closing handshake, so the socket is closed before the loop ends
            with contextlib.suppress(TimeoutError, asyncio.TimeoutError):
                while await asyncio.wait_for(connection.read_message(), 30) is not None:
                    pass
        return printed

    async def _reply(self, connection, msg_id: str, code: str) -> str:
        reply, idle, text = None, False, []
        deadline = time.monotonic() + TIMEOUT
        while reply is None or not idle:
            left = deadline - time.monotonic()
            if left <= 0:
                raise KernelError(f"{self.student.name}: no reply in {TIMEOUT} s to:\n{code}")
            raw = await asyncio.wait_for(connection.read_message(), left)
            if raw is None:
                raise KernelError(f"{self.student.name}: the kernel's websocket closed")
            message = json.loads(raw)
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = message["msg_type"], message["content"]
            if kind == "execute_reply":
                reply = content
            elif kind == "status" and content.get("execution_state") == "idle":
                idle = True
            elif kind == "stream":
                text.append(content["text"])
        if reply["status"] != "ok":
            trace = "\n".join(reply.get("traceback", []))
            raise KernelError(
                f"{self.student.name}: {reply.get('ename')}: {reply.get('evalue')} in\n"
                f"{code}\n{trace}"
            )
        return "".join(text)

    def stop(self) -> None:
        """End the session and its kernel."""
        request(
            f"{self.student.hub}/user/{self.student.name}/api/sessions/{self.session_id}",
            "DELETE",
            token=self.student.token,
        )


class MemorySampler:
    """Samples the RSS of every student's server and its kernels (psutil), twice a second,
    and remembers every process of the hub's tree (so teardown can end leftovers)."""

    def __init__(self, root_pid: int, interval: float = 0.5):
        self.root = psutil.Process(root_pid)
        self.interval = interval
        self.seen: dict[int, float] = {}  # pid -> create time
        self.peaks: dict[str, dict[str, float]] = {}  # per user: server, kernels, total
        self.infra: dict[str, float] = {}  # the hub's own process and the proxy
        self.recording = False
        self._users: dict[tuple[int, float], str | None] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="memory-sampler", daemon=True)
        self._thread.start()

    def _user_of(self, process: psutil.Process) -> str | None:
        """The student whose server `process` is. Only a found student is remembered: a
        process seen between fork and exec does not yet show its command line (the pid and
        start time stay the same after exec), so "not a server" is asked again next time."""
        key = (process.pid, process.create_time())
        if key not in self._users:
            try:
                if not any("jupyterhub-singleuser" in part for part in process.cmdline()):
                    return None
                user = process.environ().get("JUPYTERHUB_USER")
            except psutil.Error:
                return None
            if user is None:
                return None
            self._users[key] = user
        return self._users[key]

    def sample(self) -> None:
        try:
            tree = self.root.children(recursive=True)
        except psutil.Error:
            return
        for process in tree:
            try:
                self.seen.setdefault(process.pid, process.create_time())
            except psutil.Error:
                continue
        if not self.recording:
            return
        for name, processes in (("hub", [self.root]), ("proxy", tree)):
            for process in processes:
                try:
                    if name == "proxy" and not any(
                        "configurable-http-proxy" in part for part in process.cmdline()
                    ):
                        continue
                    rss = process.memory_info().rss / 2**20
                except psutil.Error:
                    continue
                self.infra[name] = max(self.infra.get(name, 0.0), rss)
        for process in tree:
            try:
                user = self._user_of(process)
                if user is None:
                    continue
                server = process.memory_info().rss
                kernels = 0
                for child in process.children(recursive=True):
                    self.seen.setdefault(child.pid, child.create_time())
                    kernels += child.memory_info().rss
            except psutil.Error:
                continue
            peak = self.peaks.setdefault(user, {"server": 0.0, "kernels": 0.0, "total": 0.0})
            peak["server"] = max(peak["server"], server / 2**20)
            peak["kernels"] = max(peak["kernels"], kernels / 2**20)
            peak["total"] = max(peak["total"], (server + kernels) / 2**20)

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=30)
        self.sample()

    def leftovers(self) -> list[psutil.Process]:
        """Processes of the hub's tree (ever seen) that still run."""
        alive = []
        for pid, created in self.seen.items():
            try:
                process = psutil.Process(pid)
                if (
                    process.create_time() == created
                    and process.is_running()
                    and process.status() != psutil.STATUS_ZOMBIE  # ended, not yet reaped
                ):
                    alive.append(process)
            except psutil.Error:
                continue
        return alive


def wait_until(check, timeout: float, what: str, interval: float = 0.5):
    """Call `check` until it returns a true value (returned), for at most `timeout` s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"{what}: not after {timeout} s")
