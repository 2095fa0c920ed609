# A1.2 Jugend- und Altenquotient – Referenzimplementierung (base R).
# Abgrenzung der NRW-Sozialindikatoren: unter 20 | 20 bis unter 65 | 65 und älter.
# Keine Rundung; ohne Personen im Erwerbsalter NA.
# Fehlt ein Summand (NA), sind die Summe und alles, was daraus folgt, NA (na.action = na.pass).

compute <- function(df) {
  df$jung <- ifelse(df$alter < 20, df$bevoelkerung, 0)
  df$mitte <- ifelse(df$alter >= 20 & df$alter < 65, df$bevoelkerung, 0)
  df$alt <- ifelse(df$alter >= 65, df$bevoelkerung, 0)
  out <- aggregate(cbind(jung, mitte, alt) ~ region + jahr, data = df, FUN = sum, na.action = na.pass)
  mitte <- ifelse(out$mitte != 0, out$mitte, NA_real_)
  out$jugendquotient <- out$jung / mitte * 100
  out$altenquotient <- out$alt / mitte * 100
  out$gesamtquotient <- out$jugendquotient + out$altenquotient
  out[, c("region", "jahr", "jugendquotient", "altenquotient", "gesamtquotient")]
}
