# F12.1 Übergangsquote von der Schule in die Hochschule – Referenzimplementierung (base R).
# Zähler und Nenner je Gruppe summieren, dann teilen (nie Quoten mitteln).
# Keine Rundung; Nenner 0 ergibt NA.

compute <- function(df) {
  out <- aggregate(cbind(studienanfaenger, studienberechtigte) ~ region + jahr, data = df, FUN = sum)
  out$uebergangsquote <- ifelse(out$studienberechtigte != 0, out$studienanfaenger / out$studienberechtigte * 100, NA_real_)
  out[, c("region", "jahr", "uebergangsquote")]
}
