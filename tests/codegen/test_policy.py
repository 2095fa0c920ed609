"""Static policy: benign analysis code passes, dangerous code is refused with a German reason and line."""

from __future__ import annotations

import pytest

from assistant.codegen.policy import Violation, check_python, check_r

PANDAS_SHARE = '''import pandas as pd

df = pd.read_csv("daten.csv", dtype={"region": str})
zaehler = df[df["gruppe"] == "ohne Abschluss"].groupby("region")["anzahl"].sum()
nenner = df[df["gruppe"] == "Insgesamt"].groupby("region")["anzahl"].sum()
ergebnis = (zaehler / nenner * 100).rename("anteil").reset_index()
ergebnis = ergebnis.query("anteil >= 0 and (anteil <= 100)")
text = ergebnis.to_csv(index=False)
print(f"{len(ergebnis)} Regionen")
'''

R_SHARE = '''library(dplyr)
df <- read.csv("daten.csv", colClasses = c(region = "character"))
ergebnis <- df %>%
  group_by(region) %>%
  summarise(anteil = sum(anzahl[gruppe == "ohne Abschluss"]) / sum(anzahl[gruppe == "Insgesamt"]) * 100,
            .groups = "drop")
file <- "daten.csv"
teile <- do.call(rbind, list(ergebnis, ergebnis))
print(ergebnis)
'''


def test_benign_pandas_passes():
    assert check_python(PANDAS_SHARE) == []


def test_benign_r_passes(rscript):
    assert check_r(R_SHARE) == []


@pytest.mark.parametrize(("code", "line", "word"), [
    ("import pandas as pd\nimport os\n", 2, "'os'"),
    ("import pandas as pd\ndf = pd.read_csv('daten.csv')\ndf.to_csv('aus.csv')\n", 3, "to_csv"),
    ("x = ().__class__.__bases__[0].__subclasses__()", 1, "__"),
    ("f = open('daten.csv', 'w')", 1, "Lesen"),
    ("print(open('/etc/passwd').read())", 1, "/etc/passwd"),
    ("import pandas as pd\npd.read_csv('https://example.org/x.csv')", 2, "Netz"),
    ("eval('1+1')", 1, "eval"),
    ("g = getattr(__builtins__, 'ev' + 'al')", 1, "getattr"),
])
def test_python_violation_names_line_and_reason(code, line, word):
    violations = check_python(code)
    assert violations, code
    assert any(v.line == line and word in v.message for v in violations), violations


def test_python_syntax_error_is_a_violation():
    (violation,) = check_python("ergebnis = (1,\n")
    assert violation.rule == "syntax" and "Python" in violation.message


def test_violation_is_frozen_and_reads_as_german_sentence():
    violation = check_python("import subprocess")[0]
    assert isinstance(violation, Violation)
    with pytest.raises(AttributeError):
        violation.line = 3  # type: ignore[misc]
    assert str(violation).startswith("Zeile 1: Das Modul 'subprocess' ist nicht erlaubt")


@pytest.mark.parametrize(("code", "word"), [
    ('system("ls")', "system"),
    ('x <- `system`("ls")', "system"),
    ('library(parallel)', "parallel"),
    ('x <- utils:::head', ":::"),
    ('cat("x", file = "aus.txt")', "cat(file"),
    ('write.csv(df, "aus.csv")', "write.csv"),
    ('eval(parse(text = "1"))', "eval"),
    ('do.call("system", list("ls"))', "do.call"),
    ('x <- readLines("/etc/passwd")', "/etc/passwd"),
    ('f <- base::system', "system"),
])
def test_r_violations(rscript, code, word):
    violations = check_r(code)
    assert any(word in v.message for v in violations), violations


def test_r_syntax_error_names_the_line(rscript):
    (violation,) = check_r("x <- 1\ny <- (\n")
    assert violation.rule == "syntax" and violation.line >= 2
