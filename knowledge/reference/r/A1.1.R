# A1.1 Bevölkerung nach Altersgruppen – Referenzimplementierung (base R).
# Anteil jeder Kategorie an der Summe aller Kategorien derselben Gruppe (ergibt 100 %).
# Keine Rundung; Nenner 0 ergibt NA.
# Fehlt ein Summand (NA), sind die Summe und alles, was daraus folgt, NA (na.action = na.pass).

compute <- function(df) {
  out <- aggregate(bevoelkerung ~ region + jahr + altersgruppe, data = df, FUN = sum, na.action = na.pass)
  total <- ave(out$bevoelkerung, out$region, out$jahr, FUN = sum)
  out$anteil <- ifelse(total != 0, out$bevoelkerung / total * 100, NA_real_)
  out
}
