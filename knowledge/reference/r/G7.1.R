# G7.1 Volkshochschul-Belegungen je 1.000 Einwohner – Referenzimplementierung (base R).
# Zähler und Nenner je Gruppe summieren, dann teilen (nie Quoten mitteln).
# Keine Rundung; Nenner 0 ergibt NA.
# Fehlt ein Summand (NA), sind die Summe und alles, was daraus folgt, NA (na.action = na.pass).

compute <- function(df) {
  out <- aggregate(cbind(belegungen, einwohner) ~ region + jahr, data = df, FUN = sum, na.action = na.pass)
  out$belegungen_je_1000_einwohner <- ifelse(out$einwohner != 0, out$belegungen / out$einwohner * 1000, NA_real_)
  out[, c("region", "jahr", "belegungen_je_1000_einwohner")]
}
