# A4.1 Kommunale Schulden je Einwohner – Referenzimplementierung (base R).
# Zähler und Nenner je Gruppe summieren, dann teilen (nie Quoten mitteln).
# Keine Rundung; Nenner 0 ergibt NA.

compute <- function(df) {
  out <- aggregate(cbind(schulden_eur, einwohner) ~ region + jahr, data = df, FUN = sum)
  out$schulden_je_einwohner <- ifelse(out$einwohner != 0, out$schulden_eur / out$einwohner, NA_real_)
  out[, c("region", "jahr", "schulden_je_einwohner")]
}
