"""Fixtures for the code-generation tests: the real sandbox (skipped where the system allows no
namespaces) and Rscript (a failure where R is missing: the install is incomplete)."""

from __future__ import annotations

import shutil

import pytest

from assistant.codegen import isolation
from assistant.codegen.sandbox import ProcessSandbox


@pytest.fixture(scope="session")
def sandbox() -> ProcessSandbox:
    mode = isolation.detect()
    if not mode.namespaces:
        pytest.skip(f"no namespaces on this system ({mode.note}): the sandbox refuses to run")
    return ProcessSandbox()


@pytest.fixture(scope="session")
def rscript() -> str:
    found = shutil.which("Rscript")
    if not found:  # a missing R is an incomplete install, not a reason to skip
        pytest.fail("Rscript fehlt: apt-get install r-base-core r-cran-dplyr r-cran-tidyr r-cran-readr r-cran-readxl")
    return found
