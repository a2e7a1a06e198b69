#!/usr/bin/env bash
# The hub test's environment, in a throw-away folder: a venv with JupyterHub, nbgitpuller and
# this project (the same commands docs/jupyterhub.md gives for a Littlest JupyterHub user
# environment), and configurable-http-proxy from npm.
#
#   bash tests/hub/prepare.sh FOLDER [REPOSITORY]
#
# REPOSITORY defaults to this checkout. Then run the hub tests with
#   VAKMANSCHAP_HUB_ENV=FOLDER .venv/bin/python -m pytest tests/hub
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: bash tests/hub/prepare.sh FOLDER [REPOSITORY]" >&2
  exit 2
fi
folder=$1
repo=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
mkdir -p "$folder"
python3 -m venv "$folder/venv"
"$folder/venv/bin/python" -m pip install --quiet --disable-pip-version-check "$repo" jupyterhub nbgitpuller
"$folder/venv/bin/python" -m vakmanschap.voila_setup >/dev/null
npm install --silent --no-audit --no-fund --prefix "$folder" configurable-http-proxy
"$folder/node_modules/.bin/configurable-http-proxy" --version >/dev/null
echo "hub environment ready in $folder"
