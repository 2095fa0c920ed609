# F7.1 Studierende nach Hochschulstandort – Referenzimplementierung (base R).
# Zählgröße: Summe über die Einheiten (z. B. Hochschulen) je Gruppe.
# Keine Rundung; Nenner 0 ergibt NA.
# Fehlt ein Summand (NA), sind die Summe und alles, was daraus folgt, NA (na.action = na.pass).

compute <- function(df) {
  aggregate(studierende ~ region + jahr, data = df, FUN = sum, na.action = na.pass)
}
