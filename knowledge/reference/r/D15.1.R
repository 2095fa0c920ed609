# D15.1 Anteil der Schulabgänger ohne Hauptschulabschluss – Referenzimplementierung (base R).
# Zähler und Nenner je Gruppe summieren, dann teilen (nie Quoten mitteln).
# Keine Rundung; Nenner 0 ergibt NA.
# Fehlt ein Summand (NA), sind die Summe und alles, was daraus folgt, NA (na.action = na.pass).

compute <- function(df) {
  out <- aggregate(cbind(abgaenger_ohne_abschluss, absolventen_abgaenger) ~ region + jahr, data = df, FUN = sum, na.action = na.pass)
  out$anteil_ohne_abschluss <- ifelse(out$absolventen_abgaenger != 0, out$abgaenger_ohne_abschluss / out$absolventen_abgaenger * 100, NA_real_)
  out[, c("region", "jahr", "abgaenger_ohne_abschluss", "absolventen_abgaenger", "anteil_ohne_abschluss")]
}
