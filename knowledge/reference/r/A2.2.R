# A2.2 Jugendarbeitslosenquote – Referenzimplementierung (base R).
# Zähler und Nenner je Gruppe summieren, dann teilen (nie Quoten mitteln).
# Keine Rundung; Nenner 0 ergibt NA.
# Fehlt ein Summand (NA), sind die Summe und alles, was daraus folgt, NA (na.action = na.pass).

compute <- function(df) {
  out <- aggregate(cbind(arbeitslose_15_25, erwerbspersonen_15_25) ~ region + jahr, data = df, FUN = sum, na.action = na.pass)
  out$jugendarbeitslosenquote <- ifelse(out$erwerbspersonen_15_25 != 0, out$arbeitslose_15_25 / out$erwerbspersonen_15_25 * 100, NA_real_)
  out[, c("region", "jahr", "jugendarbeitslosenquote")]
}
