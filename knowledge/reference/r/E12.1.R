# E12.1 Angebots-Nachfrage-Relation (ANR) – Referenzimplementierung (base R).
# Angebot = neue Verträge + unbesetzte Stellen; Nachfrage = neue Verträge + unversorgte Bewerber;
# erweitert zusätzlich + Bewerber mit Alternative. Je 100 Nachfragende, keine Rundung.
# Fehlt ein Summand (NA), sind die Summe und alles, was daraus folgt, NA (na.action = na.pass).

compute <- function(df) {
  out <- aggregate(cbind(neue_vertraege, unbesetzte_stellen, unversorgte_bewerber,
                         bewerber_mit_alternative) ~ region + jahr, data = df, FUN = sum, na.action = na.pass)
  out$angebot <- out$neue_vertraege + out$unbesetzte_stellen
  out$nachfrage <- out$neue_vertraege + out$unversorgte_bewerber
  erweitert <- out$nachfrage + out$bewerber_mit_alternative
  out$anr <- ifelse(out$nachfrage != 0, out$angebot / out$nachfrage * 100, NA_real_)
  out$anr_erweitert <- ifelse(erweitert != 0, out$angebot / erweitert * 100, NA_real_)
  out[, c("region", "jahr", "angebot", "nachfrage", "anr", "anr_erweitert")]
}
