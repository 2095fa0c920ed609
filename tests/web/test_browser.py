"""The web UI in a real browser: ask, mask, upload documents; no request leaves the loopback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from tests.web.browser import LOOPBACK, make_driver, requested_hosts, wait_for


@pytest.fixture(scope="module")
def browser(server, tmp_path_factory):  # noqa: ANN001
    driver = make_driver(tmp_path_factory.mktemp("downloads"))
    driver.get(server.url + "/")
    wait_for(lambda: driver.find_elements(By.ID, "frage"), 90, "die Startseite")
    yield driver
    driver.quit()


def tab(driver, title: str) -> None:  # noqa: ANN001
    buttons = [b for b in driver.find_elements(By.CSS_SELECTOR, "button[role='tab']")
               if b.text.strip() == title]
    assert buttons, f"Reiter {title} fehlt"
    buttons[0].click()


def textarea(driver, elem_id: str):  # noqa: ANN001, ANN201
    return driver.find_element(By.CSS_SELECTOR, f"#{elem_id} textarea")


def test_ask_shows_answer_with_expandable_citations(browser, artifacts: Path) -> None:  # noqa: ANN001
    tab(browser, "Fragen")
    textarea(browser, "frage").send_keys("Wie berechne ich den Anteil der Schulabgänger ohne "
                                         "Hauptschulabschluss? Frau Leyla Yilmaz fragt.")
    browser.find_element(By.ID, "fragen-senden").click()
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "#quellen details"), 120, "die Quellen")
    summaries = [s.text for s in browser.find_elements(By.CSS_SELECTOR, "#quellen summary")]
    assert summaries[0].startswith("[1]")
    answer = browser.find_element(By.CSS_SELECTOR, ".message-row, [data-testid='bot']").text
    assert answer
    panel = browser.find_element(By.ID, "datenschutz-panel").text
    assert "PERSON" in panel and "Yilmaz" not in panel
    browser.find_element(By.CSS_SELECTOR, "#quellen summary").click()
    browser.save_screenshot(str(artifacts / "fragen.png"))
    assert browser.find_element(By.CSS_SELECTOR, "#quellen blockquote").text.strip()


def test_mask_a_text(browser, artifacts: Path) -> None:  # noqa: ANN001
    tab(browser, "Datenschutz")
    textarea(browser, "schutz-text").send_keys("Bitte rufen Sie Herrn Mehmet Öztürk unter "
                                               "0351 4881234 an, Schülernummer 2023-44817.")
    browser.find_element(By.ID, "schutz-text-los").click()
    out = wait_for(lambda: textarea(browser, "schutz-text-aus").get_attribute("value"), 90,
                   "den anonymisierten Text")
    browser.save_screenshot(str(artifacts / "datenschutz-text.png"))
    assert "Öztürk" not in out and "4881234" not in out
    # the browser session keeps its pseudonyms: the person asked about earlier holds <PERSON_1>
    assert re.search(r"Herrn <PERSON_\d+> unter <PHONE_NUMBER_1>", out)
    assert "<STUDENT_ID_1>" in out


def test_page_makes_no_request_beyond_loopback(browser) -> None:  # noqa: ANN001
    hosts = requested_hosts(browser)
    assert hosts, "the performance log recorded no request at all"
    assert hosts <= LOOPBACK, f"requests to other hosts: {sorted(hosts - LOOPBACK)}"


def test_guide_and_kompass_with_radar_chart(browser, artifacts: Path) -> None:  # noqa: ANN001
    tab(browser, "Einstieg")
    tab(browser, "Leitfaden")
    browser.find_element(By.ID, "leitfaden-start").click()
    wait_for(lambda: "Übersicht" in browser.find_element(By.ID, "leitfaden-chat").text, 60,
             "die Übersicht des Leitfadens")
    browser.find_element(By.ID, "leitfaden-weiter").click()
    wait_for(lambda: "Schritt 1 von" in browser.find_element(By.ID, "leitfaden-chat").text, 60,
             "den ersten Schritt")
    assert "Quellen:" in browser.find_element(By.ID, "leitfaden-chat").text
    browser.save_screenshot(str(artifacts / "einstieg-leitfaden.png"))
    tab(browser, "DKBM-Kompass")
    blocks = [b for b in browser.find_elements(By.CSS_SELECTOR, "[id^='kompass-']")
              if b.find_elements(By.CSS_SELECTOR, "input[type='radio']")]
    assert len(blocks) == 7
    for block, pick in zip(blocks, [1, 2, 0, 1, 1, 0, 2]):
        radios = block.find_elements(By.CSS_SELECTOR, "input[type='radio']")
        assert len(radios) == 4
        browser.execute_script("arguments[0].click();", radios[pick])
    browser.find_element(By.ID, "kompass-auswerten").click()
    wait_for(lambda: "Gesamtbild" in browser.find_element(By.ID, "kompass-ergebnis").text, 90,
             "das Kompass-Ergebnis")
    result = browser.find_element(By.ID, "kompass-ergebnis").text
    assert "Typ II" in result and "Typ III" in result and "Nächste Schritte" in result
    chart = wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "#kompass-radar img, #kompass-radar svg"),
                     60, "das Radar-Diagramm")
    browser.execute_script("arguments[0].scrollIntoView();", chart[0])
    browser.save_screenshot(str(artifacts / "einstieg-kompass.png"))


def test_upload_list_and_remove_a_document(browser, tmp_path: Path, artifacts: Path) -> None:  # noqa: ANN001
    doc = tmp_path / "schulentwicklungsplan.md"
    doc.write_text("# Schulentwicklungsplan Musterstadt\n\nDie Zügigkeit der Grundschulen steigt bis "
                   "2030 von 24 auf 27 Züge; der Bedarf an Ganztagsplätzen wächst entsprechend.\n",
                   encoding="utf-8")
    tab(browser, "Wissensbasis")
    browser.find_element(By.CSS_SELECTOR, "#wissen-dateien input[type='file']").send_keys(str(doc))
    wait_for(lambda: "schulentwicklungsplan" in browser.find_element(By.ID, "wissen-dateien").text,
             30, "die hochgeladene Datei")
    browser.find_element(By.ID, "wissen-einlesen").click()
    wait_for(lambda: "Eingelesen: 1 Datei" in browser.find_element(By.ID, "wissen-status").text,
             120, "das Einlesen")
    listing = browser.find_element(By.ID, "wissen-quellen").text
    assert "schulentwicklungsplan.md" in listing and "eigenes Dokument" in listing
    browser.save_screenshot(str(artifacts / "wissensbasis.png"))
    textarea(browser, "wissen-entfernen").send_keys("schulentwicklungsplan.md")
    browser.find_element(By.ID, "wissen-entfernen-los").click()
    wait_for(lambda: "Entfernt" in browser.find_element(By.ID, "wissen-status").text, 60,
             "das Entfernen")
    assert "schulentwicklungsplan.md" not in browser.find_element(By.ID, "wissen-quellen").text


ABSCHLUESSE = "data/regionalstatistik/21111-02-06-4.csv"


def test_compute_an_indicator_with_validated_code(browser, shared_dir: Path, artifacts: Path) -> None:  # noqa: ANN001
    tab(browser, "Indikatoren")
    tab(browser, "Berechnen")
    browser.find_element(By.CSS_SELECTOR, "#code-tabelle input[type='file']").send_keys(
        str(shared_dir / ABSCHLUESSE))
    wait_for(lambda: "21111" in browser.find_element(By.ID, "code-tabelle").text, 30, "die Tabelle")
    choose(browser, "code-indikator", "D15.1")
    textarea(browser, "code-regionen").send_keys("14511")
    browser.find_element(By.ID, "code-los").click()
    wait_for(lambda: "geprüft" in browser.find_element(By.ID, "code-status").text, 240,
             "das Prüfergebnis")
    status = browser.find_element(By.ID, "code-status").text
    browser.save_screenshot(str(artifacts / "indikatoren.png"))
    assert status.count("✔ geprüft") == 2, status  # pandas and R
    rows = browser.find_element(By.ID, "code-ergebnis").text
    assert "14511" in rows and "11,79" in rows.replace(".", ",") or "11.79" in rows, rows


def test_draft_a_report_and_download_the_docx(browser, shared_dir: Path, artifacts: Path) -> None:  # noqa: ANN001
    tab(browser, "Bericht")
    browser.find_element(By.CSS_SELECTOR, "#bericht-tabelle input[type='file']").send_keys(
        str(shared_dir / ABSCHLUESSE))
    wait_for(lambda: "21111" in browser.find_element(By.ID, "bericht-tabelle").text, 30, "die Tabelle")
    choose(browser, "bericht-indikator", "D15.1")
    textarea(browser, "bericht-region").send_keys("14511")
    textarea(browser, "bericht-vergleich").send_keys("14713, 14612")
    browser.find_element(By.ID, "bericht-los").click()
    wait_for(lambda: "Chemnitz" in browser.find_element(By.ID, "bericht-text").text, 240, "den Berichtstext")
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "#bericht-diagramm img"), 60, "das Diagramm")
    links = wait_for(lambda: [a for a in browser.find_elements(By.CSS_SELECTOR, "#bericht-datei a")
                              if ".docx" in (a.get_attribute("href") or "")], 60, "den Download")
    browser.execute_script("arguments[0].scrollIntoView();",
                           browser.find_element(By.ID, "bericht-text"))
    browser.save_screenshot(str(artifacts / "bericht.png"))
    import httpx
    from docx import Document

    response = httpx.get(links[0].get_attribute("href"))
    assert response.status_code == 200
    target = artifacts / "bericht.docx"
    target.write_bytes(response.content)
    doc = Document(str(target))
    assert any("Chemnitz" in p.text for p in doc.paragraphs)
    assert doc.inline_shapes, "the chart is missing from the DOCX"


def choose(driver, elem_id: str, value_prefix: str) -> None:  # noqa: ANN001
    """Pick an entry of a Gradio dropdown: open it and click the option that starts so."""
    driver.find_element(By.CSS_SELECTOR, f"#{elem_id} input").click()
    option = wait_for(lambda: [o for o in driver.find_elements(By.CSS_SELECTOR, "[role='option']")
                               if o.text.strip().startswith(value_prefix)], 30,
                      f"die Auswahl {value_prefix}")
    driver.execute_script("arguments[0].scrollIntoView();", option[0])
    option[0].click()


def test_check_a_table_and_download_the_safe_file(browser, tmp_path: Path, artifacts: Path) -> None:  # noqa: ANN001
    table = tmp_path / "klassenliste.csv"
    table.write_text("Name;Geburtsdatum;Klasse;Fehltage\nLeonie Brandt;12.03.2012;7b;4\n"
                     "Murat Aydin;30.11.2011;7b;11\nSofia Lehmann;02.07.2012;7a;0\n", encoding="utf-8")
    tab(browser, "Datenschutz")
    tab(browser, "Tabelle")
    browser.find_element(By.CSS_SELECTOR, "#schutz-tabelle input[type='file']").send_keys(str(table))
    wait_for(lambda: "klassenliste" in browser.find_element(By.ID, "schutz-tabelle").text, 30,
             "die Tabelle")
    browser.find_element(By.ID, "schutz-tabelle-los").click()
    report = wait_for(lambda: browser.find_element(By.ID, "schutz-tabelle-bericht").text, 90,
                      "den Prüfbericht")
    browser.save_screenshot(str(artifacts / "datenschutz-tabelle.png"))
    assert "Personenbezogene Spalten" in report and "'Name'" in report
    assert "Brandt" not in browser.page_source and "Aydin" not in browser.page_source
