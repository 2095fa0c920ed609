# B8.1 Bildungsstand der Bevölkerung – Referenzimplementierung (base R).
# Anteil jeder Kategorie an der Summe aller Kategorien derselben Gruppe (ergibt 100 %).
# Keine Rundung; Nenner 0 ergibt NA.
# Fehlt ein Summand (NA), sind die Summe und alles, was daraus folgt, NA (na.action = na.pass).

compute <- function(df) {
  out <- aggregate(personen ~ region + jahr + altersgruppe + abschluss, data = df, FUN = sum, na.action = na.pass)
  total <- ave(out$personen, out$region, out$jahr, out$altersgruppe, FUN = sum)
  out$anteil <- ifelse(total != 0, out$personen / total * 100, NA_real_)
  out
}
