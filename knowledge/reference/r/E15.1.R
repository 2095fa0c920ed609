# E15.1 Abschlüsse an beruflichen Schulen nach Abschlussart – Referenzimplementierung (base R).
# Anteil jeder Kategorie an der Summe aller Kategorien derselben Gruppe (ergibt 100 %).
# Keine Rundung; Nenner 0 ergibt NA.

compute <- function(df) {
  out <- aggregate(anzahl ~ region + jahr + abschlussart, data = df, FUN = sum)
  total <- ave(out$anzahl, out$region, out$jahr, FUN = sum)
  out$anteil <- ifelse(total != 0, out$anzahl / total * 100, NA_real_)
  out
}
