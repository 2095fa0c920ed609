# E7.2 Neuzugänge nach Sektoren der iABE – Referenzimplementierung (base R).
# Anteil jeder Kategorie an der Summe aller Kategorien derselben Gruppe (ergibt 100 %).
# Keine Rundung; Nenner 0 ergibt NA.
# Fehlt ein Summand (NA), sind die Summe und alles, was daraus folgt, NA (na.action = na.pass).

compute <- function(df) {
  out <- aggregate(anfaenger ~ region + jahr + sektor, data = df, FUN = sum, na.action = na.pass)
  total <- ave(out$anfaenger, out$region, out$jahr, FUN = sum)
  out$anteil <- ifelse(total != 0, out$anfaenger / total * 100, NA_real_)
  out
}
