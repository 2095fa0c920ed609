# A3.1 SGB-II-Quote der unter 15-Jährigen – Referenzimplementierung (base R).
# Zähler und Nenner je Gruppe summieren, dann teilen (nie Quoten mitteln).
# Keine Rundung; Nenner 0 ergibt NA.
# Fehlt ein Summand (NA), sind die Summe und alles, was daraus folgt, NA (na.action = na.pass).

compute <- function(df) {
  out <- aggregate(cbind(nef_unter_15, bevoelkerung_unter_15) ~ region + jahr, data = df, FUN = sum, na.action = na.pass)
  out$sgb2_quote_u15 <- ifelse(out$bevoelkerung_unter_15 != 0, out$nef_unter_15 / out$bevoelkerung_unter_15 * 100, NA_real_)
  out[, c("region", "jahr", "sgb2_quote_u15")]
}
