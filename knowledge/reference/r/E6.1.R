# E6.1 Ausbildungsbetriebsquote – Referenzimplementierung (base R).
# Zähler und Nenner je Gruppe summieren, dann teilen (nie Quoten mitteln).
# Keine Rundung; Nenner 0 ergibt NA.
# Fehlt ein Summand (NA), sind die Summe und alles, was daraus folgt, NA (na.action = na.pass).

compute <- function(df) {
  out <- aggregate(cbind(ausbildungsbetriebe, betriebe) ~ region + jahr, data = df, FUN = sum, na.action = na.pass)
  out$ausbildungsbetriebsquote <- ifelse(out$betriebe != 0, out$ausbildungsbetriebe / out$betriebe * 100, NA_real_)
  out[, c("region", "jahr", "ausbildungsbetriebsquote")]
}
