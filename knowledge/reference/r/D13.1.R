# D13.1 Wiederholerquote – Referenzimplementierung (base R).
# Klassenstufen 1 und 2 fallen aus Zähler und Nenner heraus; übrige Wiederholer und Schüler je
# Region, Jahr und Geschlecht summieren, dann teilen. Keine Rundung; Nenner 0 ergibt NA.
# Fehlt ein Summand (NA), sind die Summe und alles, was daraus folgt, NA (na.action = na.pass).

compute <- function(df) {
  df <- df[df$klassenstufe >= 3, ]
  out <- aggregate(cbind(wiederholer, schueler) ~ region + jahr + geschlecht, data = df, FUN = sum, na.action = na.pass)
  out$wiederholerquote <- ifelse(out$schueler != 0, out$wiederholer / out$schueler * 100, NA_real_)
  out
}
