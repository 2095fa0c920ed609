# D7.6 Inklusionsanteil – Referenzimplementierung (base R).
# Eingabe wie D7.3 bis D7.6; Förderquote = Inklusionsquote + Exklusionsquote.
# Keine Rundung; Nenner 0 ergibt NA.
# Fehlt ein Summand (NA), sind die Summe und alles, was daraus folgt, NA (na.action = na.pass).

compute <- function(df) {
  out <- aggregate(cbind(schueler_primar_sek1, foerder_regelschule, foerder_foerderschule) ~
                     region + jahr, data = df, FUN = sum, na.action = na.pass)
  num <- out$foerder_regelschule
  den <- out$foerder_regelschule + out$foerder_foerderschule
  out$inklusionsanteil <- ifelse(den != 0, num / den * 100, NA_real_)
  out[, c("region", "jahr", "inklusionsanteil")]
}
