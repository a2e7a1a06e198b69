# A JupyterHub for trying the course on one machine, and the one the hub test starts
# (tests/hub/): DummyAuthenticator with one shared password, SimpleLocalProcessSpawner (every
# student's home folder under one folder, no system users), configurable-http-proxy, all on
# 127.0.0.1. It is NOT a production set-up: every student runs as the same system user and
# the password is shared. See docs/jupyterhub.md for Zero to JupyterHub and The Littlest
# JupyterHub.
#
# Run it with the environment tests/hub/prepare.sh makes (jupyterhub, nbgitpuller and this
# project in a venv, configurable-http-proxy from npm):
#
#   export VAKMANSCHAP_HUB_PASSWORD=choose-one
#   export VAKMANSCHAP_HUB_PROXY=$HUB_ENV/node_modules/.bin/configurable-http-proxy
#   $HUB_ENV/venv/bin/jupyterhub -f docs/hub/jupyterhub_config.py
#
# Only these values come from the environment (the test sets each of them):
#
#   VAKMANSCHAP_HUB_PASSWORD         the password every user logs in with (required)
#   VAKMANSCHAP_HUB_PORT             the hub's public port on 127.0.0.1 (8000)
#   VAKMANSCHAP_HUB_INTERNAL_PORT    the hub's own API port, behind the proxy (8081)
#   VAKMANSCHAP_HUB_PROXY_API_PORT   configurable-http-proxy's API port (8001)
#   VAKMANSCHAP_HUB_PROXY            the configurable-http-proxy command
#   VAKMANSCHAP_HUB_STATE            folder for the database and cookie secret (the cwd)
#   VAKMANSCHAP_HUB_HOMES            folder holding one home folder per user
#                                    (/tmp/vakmanschap-hub-homes)
#   VAKMANSCHAP_HUB_ADMIN_TOKEN      optional: an API token for a service that may create
#                                    users, start and stop their servers and make tokens
#                                    (the test uses it; leave it unset otherwise)
import os
import sys
from pathlib import Path


def _setting(name: str, default: str | None = None) -> str:
    value = os.environ.get(name, default)
    if not value:
        raise SystemExit(f"jupyterhub_config.py: set {name} (see the top of this file)")
    return value


state = Path(_setting("VAKMANSCHAP_HUB_STATE", os.getcwd()))
homes = Path(_setting("VAKMANSCHAP_HUB_HOMES", "/tmp/vakmanschap-hub-homes"))

c = get_config()  # noqa: F821  (JupyterHub provides get_config when it loads this file)

# --- network: everything on 127.0.0.1 ----------------------------------------------------
public_port = _setting("VAKMANSCHAP_HUB_PORT", "8000")
internal_port = _setting("VAKMANSCHAP_HUB_INTERNAL_PORT", "8081")
proxy_api_port = _setting("VAKMANSCHAP_HUB_PROXY_API_PORT", "8001")
c.JupyterHub.bind_url = f"http://127.0.0.1:{public_port}"
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{internal_port}"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{proxy_api_port}"
c.ConfigurableHTTPProxy.command = [_setting("VAKMANSCHAP_HUB_PROXY", "configurable-http-proxy")]
c.ConfigurableHTTPProxy.pid_file = str(state / "jupyterhub-proxy.pid")
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")

# --- who may log in: anyone, with the one password ----------------------------------------
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = _setting("VAKMANSCHAP_HUB_PASSWORD")
c.Authenticator.allow_all = True

# --- each student's server: the JupyterLab of this environment, home under `homes` --------
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = str(homes / "{username}")
c.Spawner.cmd = [str(Path(sys.executable).with_name("jupyterhub-singleuser"))]
c.Spawner.ip = "127.0.0.1"
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 300  # generous: many students start at once on few cores
c.Spawner.http_timeout = 300
if os.geteuid() == 0:  # a container or CI running as root: Jupyter refuses without this
    c.Spawner.args = ["--ServerApp.allow_root=True"]

# --- optional: a service with an admin token (the hub test's "lecturer") ------------------
admin_token = os.environ.get("VAKMANSCHAP_HUB_ADMIN_TOKEN")
if admin_token:
    c.JupyterHub.services = [{"name": "vakmanschap-admin", "api_token": admin_token}]
    c.JupyterHub.load_roles = [
        {
            "name": "vakmanschap-admin",
            "scopes": ["admin:users", "admin:servers", "tokens", "list:users", "read:users"],
            "services": ["vakmanschap-admin"],
        }
    ]
