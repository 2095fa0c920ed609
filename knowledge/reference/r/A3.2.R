# A3.2 Verfügbares Einkommen je Einwohner – Referenzimplementierung (base R).
# Zähler und Nenner je Gruppe summieren, dann teilen (nie Quoten mitteln).
# Keine Rundung; Nenner 0 ergibt NA.
# Fehlt ein Summand (NA), sind die Summe und alles, was daraus folgt, NA (na.action = na.pass).

compute <- function(df) {
  out <- aggregate(cbind(einkommen_tsd_eur, einwohner) ~ region + jahr, data = df, FUN = sum, na.action = na.pass)
  out$einkommen_je_einwohner <- ifelse(out$einwohner != 0, out$einkommen_tsd_eur / out$einwohner * 1000, NA_real_)
  out[, c("region", "jahr", "einkommen_je_einwohner")]
}
