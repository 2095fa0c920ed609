# C9.1 Personalschlüssel in Kindertageseinrichtungen – Referenzimplementierung (base R).
# GTBÄ = Betreuungsstunden / 40, VZÄ = Arbeitsstunden / 39; x in 1 : x = GTBÄ / VZÄ aus den
# summierten Stunden (gepoolt, kein Median der Gruppen). Keine Rundung; ohne Personal NA.
# Fehlt ein Summand (NA), sind die Summe und alles, was daraus folgt, NA (na.action = na.pass).

compute <- function(df) {
  out <- aggregate(cbind(betreuungsstunden_woche, arbeitsstunden_woche) ~ region + jahr + gruppentyp,
                   data = df, FUN = sum, na.action = na.pass)
  out$ganztagsbetreuungsaequivalente <- out$betreuungsstunden_woche / 40
  out$vollzeitaequivalente <- out$arbeitsstunden_woche / 39
  out$personalschluessel <- ifelse(out$vollzeitaequivalente != 0,
                                   out$ganztagsbetreuungsaequivalente / out$vollzeitaequivalente,
                                   NA_real_)
  out[, c("region", "jahr", "gruppentyp", "ganztagsbetreuungsaequivalente",
          "vollzeitaequivalente", "personalschluessel")]
}
