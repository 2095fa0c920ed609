# F12.1 Übergangsquote von der Schule in die Hochschule – Referenzimplementierung (base R).
# Zähler und Nenner je Gruppe summieren, dann teilen (nie Quoten mitteln).
# Keine Rundung; Nenner 0 ergibt NA.
# Fehlt ein Summand (NA), sind die Summe und alles, was daraus folgt, NA (na.action = na.pass).

compute <- function(df) {
  out <- aggregate(cbind(studienanfaenger, studienberechtigte) ~ region + jahr, data = df, FUN = sum, na.action = na.pass)
  out$uebergangsquote <- ifelse(out$studienberechtigte != 0, out$studienanfaenger / out$studienberechtigte * 100, NA_real_)
  out[, c("region", "jahr", "uebergangsquote")]
}
