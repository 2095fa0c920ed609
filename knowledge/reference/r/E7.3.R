# E7.3 Ausbildungsquote – Referenzimplementierung (base R).
# Zähler und Nenner je Gruppe summieren, dann teilen (nie Quoten mitteln).
# Keine Rundung; Nenner 0 ergibt NA.
# Fehlt ein Summand (NA), sind die Summe und alles, was daraus folgt, NA (na.action = na.pass).

compute <- function(df) {
  out <- aggregate(cbind(auszubildende, beschaeftigte) ~ region + jahr, data = df, FUN = sum, na.action = na.pass)
  out$ausbildungsquote <- ifelse(out$beschaeftigte != 0, out$auszubildende / out$beschaeftigte * 100, NA_real_)
  out[, c("region", "jahr", "ausbildungsquote")]
}
