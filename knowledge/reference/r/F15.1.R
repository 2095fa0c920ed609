# F15.1 Bestandene Prüfungen an Hochschulen – Referenzimplementierung (base R).
# Zählgröße: Summe über die Einheiten (z. B. Hochschulen) je Gruppe.
# Keine Rundung; Nenner 0 ergibt NA.

compute <- function(df) {
  aggregate(pruefungen ~ region + jahr + pruefungsgruppe, data = df, FUN = sum)
}
