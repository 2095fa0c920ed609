# A1.4 Ausländeranteil an der Bevölkerung – Referenzimplementierung (base R).
# Zähler und Nenner je Gruppe summieren, dann teilen (nie Quoten mitteln).
# Keine Rundung; Nenner 0 ergibt NA.
# Fehlt ein Summand (NA), sind die Summe und alles, was daraus folgt, NA (na.action = na.pass).

compute <- function(df) {
  out <- aggregate(cbind(auslaender, bevoelkerung) ~ region + jahr, data = df, FUN = sum, na.action = na.pass)
  out$auslaenderanteil <- ifelse(out$bevoelkerung != 0, out$auslaender / out$bevoelkerung * 100, NA_real_)
  out[, c("region", "jahr", "auslaenderanteil")]
}
