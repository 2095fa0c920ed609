# C7.3 Ganztagsbetreuungsquote – Referenzimplementierung (base R).
# Zähler und Nenner je Gruppe summieren, dann teilen (nie Quoten mitteln).
# Keine Rundung; Nenner 0 ergibt NA.
# Fehlt ein Summand (NA), sind die Summe und alles, was daraus folgt, NA (na.action = na.pass).

compute <- function(df) {
  out <- aggregate(cbind(kinder_ganztag, kinder_bevoelkerung) ~ region + jahr + altersgruppe, data = df, FUN = sum, na.action = na.pass)
  out$ganztagsquote <- ifelse(out$kinder_bevoelkerung != 0, out$kinder_ganztag / out$kinder_bevoelkerung * 100, NA_real_)
  out[, c("region", "jahr", "altersgruppe", "ganztagsquote")]
}
