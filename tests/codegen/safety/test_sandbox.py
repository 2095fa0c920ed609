"""The sandbox runs real pandas and R code, returns its ``ergebnis`` and reports failures in German."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant.codegen.sandbox import ProcessSandbox, SandboxResult
from tests.codegen.safety.test_policy import PANDAS_SHARE, R_SHARE

EXPECTED = {"01001": 25.0, "01002": 5.0, "09162": 50.0}


def _shares(result: SandboxResult) -> dict[str, float]:
    assert result.ok, (result.error, result.stderr)
    frame = result.result
    assert frame is not None
    return dict(zip(frame["region"], frame["anteil"]))


def test_pandas_share_runs_and_keeps_region_keys_as_text(sandbox: ProcessSandbox, table: Path):
    result = sandbox.run(PANDAS_SHARE, "python", {"daten.csv": table})
    shares = _shares(result)
    assert shares == pytest.approx(EXPECTED)
    assert list(shares) == ["01001", "01002", "09162"]  # leading zero kept, not 1001
    assert "3 Regionen" in result.stdout  # prints go to stdout, never into the result
    assert {"netns", "rlimits", "tmpdir", "clean-env"} <= set(result.isolation)


def test_r_aggregate_share(sandbox: ProcessSandbox, table: Path, rscript: str):
    code = '''df <- read.csv("daten.csv", colClasses = c(region = "character"))
z <- aggregate(anzahl ~ region, data = df[df$gruppe == "ohne Abschluss", ], FUN = sum)
n <- aggregate(anzahl ~ region, data = df[df$gruppe == "Insgesamt", ], FUN = sum)
ergebnis <- data.frame(region = z$region, anteil = z$anzahl / n$anzahl * 100)
print("fertig")
'''
    result = sandbox.run(code, "r", {"daten.csv": table})
    assert _shares(result) == pytest.approx(EXPECTED)
    assert "fertig" in result.stdout


def test_r_dplyr_share(sandbox: ProcessSandbox, table: Path, rscript: str):
    assert _shares(sandbox.run(R_SHARE, "r", {"daten.csv": table})) == pytest.approx(EXPECTED)


def test_grouping_index_is_kept_as_column(sandbox: ProcessSandbox, table: Path):
    code = ('import pandas as pd\ndf = pd.read_csv("daten.csv", dtype={"region": str})\n'
            'ergebnis = df.groupby("region")[["anzahl"]].sum()\n')
    frame = sandbox.run(code, "python", {"daten.csv": table}).result
    assert frame is not None
    assert dict(zip(frame["region"], frame["anzahl"])) == {"01001": 50, "01002": 63, "09162": 36}


def test_print_of_csv_cannot_pose_as_result(sandbox: ProcessSandbox, table: Path):
    code = 'print("region,anteil\\n99999,1.0")\n'
    result = sandbox.run(code, "python", {"daten.csv": table})
    assert not result.ok and result.result is None
    assert "ergebnis" in result.error


@pytest.mark.parametrize(("code", "language", "words"), [
    ("x = 1\n", "python", ["keine Variable 'ergebnis'"]),
    ("ergebnis = 42\n", "python", ["keine Tabelle"]),
    ("import pandas as pd\npd.read_csv('fehlt.csv')\n", "python", ["Fehler", "fehlt.csv"]),
    ("x <- 1\n", "r", ["keine Variable 'ergebnis'"]),
    ("stop('kaputt')\n", "r", ["Fehler", "kaputt"]),
])
def test_failures_are_explained(sandbox, table, rscript, code, language, words):
    result = sandbox.run(code, language, {"daten.csv": table})
    assert not result.ok and result.result is None
    for word in words:
        assert word in result.error


def test_timeout_kills_the_process_group(sandbox: ProcessSandbox):
    result = sandbox.run("while True:\n    pass\n", "python", {}, timeout_s=2)
    assert result.timed_out and "länger als 2 s" in result.error
    assert result.duration_s < 8
    with pytest.raises(ProcessLookupError):
        os.killpg(sandbox.last_pgid, 0)


def test_memory_bomb_stopped_with_limit_in_message(sandbox: ProcessSandbox):
    result = sandbox.run("x = bytearray(4 * 1024 ** 3)\n", "python", {}, memory_mb=1024)
    assert not result.ok
    assert result.error == "Das Programm brauchte zu viel Speicher (Grenze 1024 MB)."


def test_r_memory_bomb(sandbox: ProcessSandbox, rscript: str):
    result = sandbox.run("x <- numeric(1e10)\n", "r", {}, memory_mb=1024)
    assert result.error == "Das Programm brauchte zu viel Speicher (Grenze 1024 MB)."


def test_output_is_capped(sandbox: ProcessSandbox):
    result = sandbox.run("while True:\n    print('x' * 1000)\n", "python", {}, timeout_s=5)
    assert not result.ok and "zu viel Text" in result.error
    assert len(result.stdout) < 100_000


def test_inputs_are_read_only_copies(sandbox: ProcessSandbox, table: Path):
    before = table.read_text(encoding="utf-8")
    code = 'open("daten.csv", "w").write("kaputt")\n'
    result = sandbox.run(code, "python", {"daten.csv": table})
    assert not result.ok and ("Read-only" in result.stderr or "Permission" in result.stderr)
    assert table.read_text(encoding="utf-8") == before


def test_bad_input_name_is_refused(sandbox: ProcessSandbox, table: Path):
    from assistant.errors import InputError

    with pytest.raises(InputError, match="Dateinamen"):
        sandbox.run("ergebnis = 1", "python", {"../daten.csv": table})


def _variant(tmp_path: Path, name: str, rows: list[str]) -> Path:
    path = tmp_path / name
    path.write_text("region,schulart,gruppe,anzahl\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("language", ["python", "r"])
def test_batch_runs_each_input_set_on_its_own(sandbox, table, tmp_path, language, request):
    if language == "r":
        request.getfixturevalue("rscript")
    perturbed = _variant(tmp_path, "v1.csv", ["01001,G,ohne Abschluss,1", "01001,G,Insgesamt,4",
                                              "01002,G,ohne Abschluss,30", "01002,G,Insgesamt,40"])
    broken = tmp_path / "v2.csv"
    broken.write_text("region,wert\n01001,1\n", encoding="utf-8")  # lacks the columns the snippet needs
    if language == "python":
        code = ('import pandas as pd\nassert "vorher" not in globals()\nvorher = 1\n'
                'df = pd.read_csv("daten.csv", dtype={"region": str})\n'
                'z = df[df["gruppe"] == "ohne Abschluss"].groupby("region")["anzahl"].sum()\n'
                'n = df[df["gruppe"] == "Insgesamt"].groupby("region")["anzahl"].sum()\n'
                'print("Zeilen", len(df))\n'
                'ergebnis = (z / n * 100).rename("anteil").reset_index()\n')
    else:
        code = ('if (exists("vorher")) stop("Zustand aus dem vorigen Lauf")\nvorher <- 1\n'
                'df <- read.csv("daten.csv", colClasses = c(region = "character"))\n'
                'z <- aggregate(anzahl ~ region, data = df[df$gruppe == "ohne Abschluss", ], FUN = sum)\n'
                'n <- aggregate(anzahl ~ region, data = df[df$gruppe == "Insgesamt", ], FUN = sum)\n'
                'cat("Zeilen", nrow(df), "\\n")\n'
                'ergebnis <- data.frame(region = z$region, anteil = z$anzahl / n$anzahl * 100)\n')
    results = sandbox.run_batch(code, language, [{"daten.csv": table}, {"daten.csv": perturbed},
                                                 {"daten.csv": broken}, {"daten.csv": table}])
    assert _shares(results[0]) == pytest.approx(EXPECTED)
    assert _shares(results[1]) == pytest.approx({"01001": 25.0, "01002": 75.0})
    assert not results[2].ok and "Fehler" in results[2].error and results[2].result is None
    assert _shares(results[3]) == pytest.approx(EXPECTED)  # no state left over from earlier sets
    assert "Zeilen 6" in results[0].stdout and "Zeilen 4" in results[1].stdout
    assert "Zeilen 6" not in results[1].stdout


def test_batch_timeout_fails_the_sets_not_yet_done(sandbox, table, tmp_path):
    slow = _variant(tmp_path, "slow.csv", ["01001,G,Insgesamt,1"])
    code = ('import pandas as pd\ndf = pd.read_csv("daten.csv")\n'
            'while len(df) == 1:\n    pass\nergebnis = df\n')
    first, second = sandbox.run_batch(code, "python", [{"daten.csv": table}, {"daten.csv": slow}], timeout_s=3)
    assert first.ok and len(first.result) == 6
    assert not second.ok and second.timed_out and "länger als 3 s" in second.error


def test_without_namespaces_the_sandbox_refuses_or_says_what_is_missing(table, monkeypatch):
    from assistant.codegen import isolation

    monkeypatch.setattr(isolation, "detect", lambda: isolation.Mode((), "unshare: Operation not permitted"))
    refused = ProcessSandbox().run("ergebnis = 1", "python", {"daten.csv": table})
    assert not refused.ok and refused.returncode is None
    assert "nicht ausgeführt" in refused.error and "Operation not permitted" in refused.error

    reduced = ProcessSandbox(require_namespaces=False).run(
        'import pandas as pd\nergebnis = pd.read_csv("daten.csv", dtype={"region": str})\n', "python",
        {"daten.csv": table})
    assert reduced.ok and list(reduced.result["region"])[:1] == ["01001"]
    assert "netns" not in reduced.isolation
    assert any(layer.startswith("no-namespaces") for layer in reduced.isolation)


def test_without_cgroups_the_run_goes_on_and_says_so(sandbox, table, monkeypatch, tmp_path):
    from assistant.codegen import cgroups

    blocked = tmp_path / "no-cgroups"
    blocked.write_text("not a directory")
    monkeypatch.setattr(cgroups, "V1_ROOT", blocked)
    result = sandbox.run('import pandas as pd\nergebnis = pd.read_csv("daten.csv")\n', "python",
                         {"daten.csv": table})
    assert result.ok
    assert "cgroup" not in result.isolation and any("cgroup nicht verfügbar" in x for x in result.isolation)
    assert "netns" in result.isolation
