# D7.2 Ausländeranteil an allgemeinbildenden Schulen – Referenzimplementierung (base R).
# Zähler und Nenner je Gruppe summieren, dann teilen (nie Quoten mitteln).
# Keine Rundung; Nenner 0 ergibt NA.
# Fehlt ein Summand (NA), sind die Summe und alles, was daraus folgt, NA (na.action = na.pass).

compute <- function(df) {
  out <- aggregate(cbind(schueler_auslaendisch, schueler) ~ region + jahr + schulart, data = df, FUN = sum, na.action = na.pass)
  out$auslaenderanteil <- ifelse(out$schueler != 0, out$schueler_auslaendisch / out$schueler * 100, NA_real_)
  out[, c("region", "jahr", "schulart", "auslaenderanteil")]
}
