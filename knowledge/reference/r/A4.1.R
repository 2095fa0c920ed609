# A4.1 Kommunale Schulden je Einwohner – Referenzimplementierung (base R).
# Zähler und Nenner je Gruppe summieren, dann teilen (nie Quoten mitteln).
# Keine Rundung; Nenner 0 ergibt NA.
# Fehlt ein Summand (NA), sind die Summe und alles, was daraus folgt, NA (na.action = na.pass).

compute <- function(df) {
  out <- aggregate(cbind(schulden_eur, einwohner) ~ region + jahr, data = df, FUN = sum, na.action = na.pass)
  out$schulden_je_einwohner <- ifelse(out$einwohner != 0, out$schulden_eur / out$einwohner, NA_real_)
  out[, c("region", "jahr", "schulden_je_einwohner")]
}
