# E7.3 Ausbildungsquote – Referenzimplementierung (base R).
# Zähler und Nenner je Gruppe summieren, dann teilen (nie Quoten mitteln).
# Keine Rundung; Nenner 0 ergibt NA.

compute <- function(df) {
  out <- aggregate(cbind(auszubildende, beschaeftigte) ~ region + jahr, data = df, FUN = sum)
  out$ausbildungsquote <- ifelse(out$beschaeftigte != 0, out$auszubildende / out$beschaeftigte * 100, NA_real_)
  out[, c("region", "jahr", "ausbildungsquote")]
}
