# E7.1 Ausbildungsanfängerquote (AAQ) – Referenzimplementierung (base R).
# Quotensumme über die Alter 16 bis 24; Anfänger mit 16 und jünger werden auf die 16-Jährigen,
# Anfänger mit 24 und älter auf die 24-Jährigen bezogen. Keine Rundung; fehlende Bevölkerung -> NA.
# Fehlt ein Summand (NA), sind die Summe und alles, was daraus folgt, NA (na.action = na.pass).

compute <- function(df) {
  df$alter_rand <- pmin(pmax(df$alter, 16), 24)
  anf <- aggregate(ausbildungsanfaenger ~ region + jahr + alter_rand, data = df, FUN = sum, na.action = na.pass)
  inside <- df[df$alter >= 16 & df$alter <= 24, ]
  bev <- aggregate(bevoelkerung ~ region + jahr + alter, data = inside, FUN = sum, na.action = na.pass)
  names(bev)[names(bev) == "alter"] <- "alter_rand"
  by_age <- merge(anf, bev, all = TRUE)
  by_age$quote <- ifelse(!is.na(by_age$bevoelkerung) & by_age$bevoelkerung != 0,
                         by_age$ausbildungsanfaenger / by_age$bevoelkerung * 100, NA_real_)
  # Neun Summanden (16 bis 24); fehlt ein Altersjahr ganz oder ist ein Glied NA, ist die Summe NA.
  out <- aggregate(quote ~ region + jahr, data = by_age, na.action = na.pass,
                   FUN = function(q) if (length(q) == 9) sum(q) else NA_real_)
  names(out)[names(out) == "quote"] <- "ausbildungsanfaengerquote"
  out
}
