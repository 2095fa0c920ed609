# C7.4 Migrationshintergrund und Familiensprache in Kitas – Referenzimplementierung (base R).
# Beide Merkmale als Anteil an allen Kindern in Einrichtungen. Keine Rundung; Nenner 0 ergibt NA.
# Fehlt ein Summand (NA), sind die Summe und alles, was daraus folgt, NA (na.action = na.pass).

compute <- function(df) {
  out <- aggregate(cbind(kinder_kita, kinder_migrationshintergrund,
                         kinder_familiensprache_nicht_deutsch) ~ region + jahr, data = df, FUN = sum, na.action = na.pass)
  den <- ifelse(out$kinder_kita != 0, out$kinder_kita, NA_real_)
  out$anteil_migrationshintergrund <- out$kinder_migrationshintergrund / den * 100
  out$anteil_familiensprache_nicht_deutsch <- out$kinder_familiensprache_nicht_deutsch / den * 100
  out[, c("region", "jahr", "anteil_migrationshintergrund", "anteil_familiensprache_nicht_deutsch")]
}
