# D15.3 Studienberechtigtenquote – Referenzimplementierung (base R).
# Quotensumme: je Altersjahr Zähler / Bevölkerung, dann die Einzelquoten addieren;
# fehlt die Bevölkerung eines Altersjahres (0), ist die Summe NA.
# Keine Rundung; Nenner 0 ergibt NA.
# Fehlt ein Summand (NA), sind die Summe und alles, was daraus folgt, NA (na.action = na.pass).

compute <- function(df) {
  by_age <- aggregate(cbind(studienberechtigte, bevoelkerung) ~ region + jahr + alter, data = df, FUN = sum, na.action = na.pass)
  by_age$quote <- ifelse(by_age$bevoelkerung != 0, by_age$studienberechtigte / by_age$bevoelkerung * 100, NA_real_)
  out <- aggregate(quote ~ region + jahr, data = by_age, FUN = sum, na.action = na.pass)
  # Fehlt innerhalb der gelieferten Altersspanne ein Altersjahr, fehlt ein Summand: NA.
  span <- aggregate(alter ~ region + jahr, data = by_age, na.action = na.pass,
                    FUN = function(a) max(a) - min(a) + 1 == length(a))
  out <- merge(out, span)
  out$studienberechtigtenquote <- ifelse(out$alter, out$quote, NA_real_)
  out[, c("region", "jahr", "studienberechtigtenquote")]
}
