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


#: What generated analysis code really looks like: none of it may be refused (false positives
#: would send good code into the repair loop).
BENIGN_PYTHON = [
    PANDAS_SHARE,
    '''import warnings
from pathlib import Path

import numpy as np
import pandas as pd

warnings.filterwarnings("ignore")
DATEI = Path("21111-02-06-4.csv")
df = pd.read_csv(DATEI, sep=";", decimal=",", encoding="cp1252", skiprows=6, skipfooter=4,
                 engine="python", na_values=[".", "-", "x", "/", "..."], dtype={"region": str})
df = df.rename(columns={"Unnamed: 0": "jahr"}).replace("-", np.nan)
df["region"] = df["region"].astype(str).str.zfill(5)
text_spalten = df.select_dtypes(include=object).columns
with DATEI.open(encoding="cp1252") as fh:
    kopf = fh.readline()
with open(DATEI, "r", encoding="cp1252") as fh:
    titel = fh.readline().strip()
ergebnis = df.pivot_table(index="region", values="anzahl", aggfunc="sum").reset_index()
ergebnis["rang"] = ergebnis["anzahl"].rank(ascending=False)
print(ergebnis.to_string())
if __name__ == "__main__":
    print(type(ergebnis), titel)
''',
    '''import io
import pandas as pd

daten = pd.read_csv(io.StringIO("region,jahr,wert\\n01001,2020,3\\n01001,2021,4"), dtype={"region": str})
breit = daten.pivot(index="region", columns="jahr", values="wert")
breit["veraenderung"] = breit[2021] - breit[2020]
ergebnis = breit.reset_index()
ergebnis.columns = [str(c) for c in ergebnis.columns]
zusammen = ergebnis.merge(daten.groupby("region", as_index=False)["wert"].mean(), on="region", how="left")
ergebnis = zusammen.sort_values("veraenderung", ascending=False).round(1)
ergebnis = ergebnis.loc[ergebnis["veraenderung"].notna()]
''',
]

BENIGN_R = [
    R_SHARE,
    '''suppressPackageStartupMessages(library(dplyr))
library(tidyr)
library(readr)
df <- read_csv2("daten.csv", locale = locale(encoding = "latin1", decimal_mark = ","),
                na = c(".", "-", "x", "/", "..."), col_types = cols(region = col_character()))
ergebnis <- df %>%
  filter(!is.na(anzahl)) %>%
  distinct(region, jahr, .keep_all = TRUE) %>%
  pivot_wider(names_from = gruppe, values_from = anzahl) %>%
  mutate(anteil = .data[["ohne Abschluss"]] / Insgesamt * 100,
         across(where(is.numeric), ~ round(.x, 1))) %>%
  arrange(desc(anteil))
ergebnis <- as.data.frame(ergebnis)
stopifnot(all(ergebnis$anteil <= 100 + .Machine$double.eps))
''',
    '''df <- read.csv2("daten.csv", fileEncoding = "latin1", skip = 5, na.strings = c(".", "-", "x"),
                colClasses = c(region = "character"))
options(OutDec = ",")
rm(list = setdiff(ls(), "df"))
teile <- split(df, df$region)
ergebnis <- do.call(rbind, lapply(teile, function(t) data.frame(region = t$region[1], summe = sum(t$anzahl))))
ergebnis$rang <- rank(-ergebnis$summe)
print(head(ergebnis))
''',
]


@pytest.mark.parametrize("code", BENIGN_PYTHON, ids=lambda c: f"python-{BENIGN_PYTHON.index(c)}")
def test_benign_pandas_passes(code):
    assert check_python(code) == []


@pytest.mark.parametrize("code", BENIGN_R, ids=lambda c: f"r-{BENIGN_R.index(c)}")
def test_benign_r_passes(rscript, code):
    assert check_r(code) == []


@pytest.mark.parametrize("code", [
    'from pathlib import Path\nPath("aus.txt").open("w")\n',
    'from pathlib import Path\nPath("aus.txt").write_text("a")\n',
    'import io\nio.open("aus.bin", "wb")\n',
    'import csv\nw = csv.writer(open("daten.csv"))\n',
    'from pathlib import Path\nprint(Path.home())\n',
])
def test_pathlib_io_csv_only_read(code):
    assert any(v.rule == "write" for v in check_python(code)), check_python(code)


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
