# D9.1 Schüler-Lehrer-Relation – Referenzimplementierung (base R).
# Zähler und Nenner je Gruppe summieren, dann teilen (nie Quoten mitteln).
# Keine Rundung; Nenner 0 ergibt NA.
# Fehlt ein Summand (NA), sind die Summe und alles, was daraus folgt, NA (na.action = na.pass).

compute <- function(df) {
  out <- aggregate(cbind(schueler, lehrkraefte_vzae) ~ region + jahr + schulart, data = df, FUN = sum, na.action = na.pass)
  out$schueler_je_lehrkraft <- ifelse(out$lehrkraefte_vzae != 0, out$schueler / out$lehrkraefte_vzae, NA_real_)
  out[, c("region", "jahr", "schulart", "schueler_je_lehrkraft")]
}
