# D11.2 Rückstellungsquote bei der Einschulung – Referenzimplementierung (base R).
# Zähler und Nenner je Gruppe summieren, dann teilen (nie Quoten mitteln).
# Keine Rundung; Nenner 0 ergibt NA.
# Fehlt ein Summand (NA), sind die Summe und alles, was daraus folgt, NA (na.action = na.pass).

compute <- function(df) {
  out <- aggregate(cbind(zurueckgestellt, schulpflichtige_erstmals) ~ region + jahr + geschlecht, data = df, FUN = sum, na.action = na.pass)
  out$rueckstellungsquote <- ifelse(out$schulpflichtige_erstmals != 0, out$zurueckgestellt / out$schulpflichtige_erstmals * 100, NA_real_)
  out[, c("region", "jahr", "geschlecht", "rueckstellungsquote")]
}
