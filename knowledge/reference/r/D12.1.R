# D12.1 Übergangsquoten Grundschule – weiterführende Schulen – Referenzimplementierung (base R).
# Anteil jeder Kategorie an der Summe aller Kategorien derselben Gruppe (ergibt 100 %).
# Keine Rundung; Nenner 0 ergibt NA.
# Fehlt ein Summand (NA), sind die Summe und alles, was daraus folgt, NA (na.action = na.pass).

compute <- function(df) {
  out <- aggregate(uebergaenge ~ region + jahr + schulart_ziel, data = df, FUN = sum, na.action = na.pass)
  total <- ave(out$uebergaenge, out$region, out$jahr, FUN = sum)
  out$uebergangsquote <- ifelse(total != 0, out$uebergaenge / total * 100, NA_real_)
  out
}
