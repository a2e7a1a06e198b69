"""Install the Dutch app pages for Voila: ``python -m vakmanschap.voila_setup``.

Voila finds templates only in the environment's Jupyter data folders and reads its settings
from the Jupyter config folders, and an editable install (``pip install -e .``) puts no files
there. This command copies the template in :file:`vakmanschap/voila_template` (a Dutch
loading text, ``lang="nl"`` and a Dutch start page instead of the bare folder list) to
``<prefix>/share/jupyter/voila/templates/vakmanschap`` and sets it as Voila's default in
``<prefix>/etc/jupyter/voila.json``, keeping any other setting already in that file. It is
idempotent; the README's commands, Binder's ``postBuild`` and a hub image run it after the
install.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

TEMPLATE_NAME = "vakmanschap"
TEMPLATE_SOURCE = Path(__file__).with_name("voila_template")

#: The settings this command writes into voila.json (merged over what is there).
SETTINGS: dict[str, dict[str, object]] = {
    "VoilaConfiguration": {"template": TEMPLATE_NAME, "classic_tree": True},
    "VoilaExporter": {"language_code": "nl"},
}


def install(prefix: str | Path = sys.prefix) -> list[Path]:
    """Copy the template and merge the settings into `prefix`.

    Parameters
    ----------
    prefix : str or Path, default ``sys.prefix``
        The environment to install into (a venv, a conda environment, an image's prefix).

    Returns
    -------
    list of Path
        The files written.

    Raises
    ------
    ValueError
        When the existing ``voila.json`` is not a JSON object (it is left as it is).
    """
    prefix = Path(prefix)
    target = prefix / "share" / "jupyter" / "voila" / "templates" / TEMPLATE_NAME
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sorted(TEMPLATE_SOURCE.iterdir()):
        if source.is_file():
            shutil.copyfile(source, target / source.name)
            written.append(target / source.name)
    config = prefix / "etc" / "jupyter" / "voila.json"
    settings: dict[str, object] = {}
    if config.exists():
        settings = json.loads(config.read_text(encoding="utf-8") or "{}")
        if not isinstance(settings, dict):
            raise ValueError(f"{config}: not a JSON object; left unchanged")
    for section, values in SETTINGS.items():
        current = settings.get(section)
        settings[section] = {**(current if isinstance(current, dict) else {}), **values}
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")
    written.append(config)
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line: install into ``--prefix`` (default: this Python's environment)."""
    parser = argparse.ArgumentParser(prog="python -m vakmanschap.voila_setup", description=__doc__)
    parser.add_argument("--prefix", default=sys.prefix, help="environment prefix")
    args = parser.parse_args(argv)
    for path in install(args.prefix):
        print(path)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
