# A2.1 Arbeitslosenquote – Referenzimplementierung (base R).
# Zähler und Nenner je Gruppe summieren, dann teilen (nie Quoten mitteln).
# Keine Rundung; Nenner 0 ergibt NA.
# Fehlt ein Summand (NA), sind die Summe und alles, was daraus folgt, NA (na.action = na.pass).

compute <- function(df) {
  out <- aggregate(cbind(arbeitslose, zivile_erwerbspersonen) ~ region + jahr, data = df, FUN = sum, na.action = na.pass)
  out$arbeitslosenquote <- ifelse(out$zivile_erwerbspersonen != 0, out$arbeitslose / out$zivile_erwerbspersonen * 100, NA_real_)
  out[, c("region", "jahr", "arbeitslosenquote")]
}
