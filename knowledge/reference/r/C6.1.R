# C6.1 Kindertageseinrichtungen und genehmigte Plätze – Referenzimplementierung (base R).
# Einrichtungen und Plätze summiert; Plätze je 100 Kinder der Altersgruppe.
# Keine Rundung; Nenner 0 ergibt NA.
# Fehlt ein Summand (NA), sind die Summe und alles, was daraus folgt, NA (na.action = na.pass).

compute <- function(df) {
  out <- aggregate(cbind(einrichtungen, plaetze, kinder_bevoelkerung) ~ region + jahr,
                   data = df, FUN = sum, na.action = na.pass)
  out$plaetze_je_100_kinder <- ifelse(out$kinder_bevoelkerung != 0,
                                      out$plaetze / out$kinder_bevoelkerung * 100, NA_real_)
  out[, c("region", "jahr", "einrichtungen", "plaetze", "plaetze_je_100_kinder")]
}
