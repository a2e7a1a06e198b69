"""The harness itself: a notebook with a failing cell must make the checks fail."""

from __future__ import annotations

import nbformat
import pytest
from e2e_helpers import assert_clean_run, run_all_in_lab


def test_a_failing_cell_fails_the_check(page, lab, workspace):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [
        nbformat.v4.new_code_cell("print('eerste cel')"),
        nbformat.v4.new_code_cell("raise ValueError('kapot')"),
        nbformat.v4.new_code_cell("print('nooit bereikt')"),
    ]
    nbformat.write(nb, workspace["notebooks"] / "99-kapot.ipynb")
    run_all_in_lab(page, lab, "99-kapot.ipynb", timeout_ms=120_000)
    with pytest.raises(AssertionError) as failure:
        assert_clean_run(page, 0)
    message = str(failure.value)
    assert "ValueError" in message and "unfinished" in message
