# D15.3 Studienberechtigtenquote – Referenzimplementierung (base R).
# Quotensumme: je Altersjahr Zähler / Bevölkerung, dann die Einzelquoten addieren;
# fehlt die Bevölkerung eines Altersjahres (0), ist die Summe NA.
# Keine Rundung; Nenner 0 ergibt NA.

compute <- function(df) {
  by_age <- aggregate(cbind(studienberechtigte, bevoelkerung) ~ region + jahr + alter, data = df, FUN = sum)
  by_age$quote <- ifelse(by_age$bevoelkerung != 0, by_age$studienberechtigte / by_age$bevoelkerung * 100, NA_real_)
  out <- aggregate(quote ~ region + jahr, data = by_age, FUN = sum, na.action = na.pass)
  names(out)[names(out) == "quote"] <- "studienberechtigtenquote"
  out
}
