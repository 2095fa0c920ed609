# D6.1 Allgemeinbildende Schulen nach Schularten – Referenzimplementierung (base R).
# Schulen und Schüler je Schulart summiert; Schulgröße = Schüler / Schulen. Ohne Schulen NA.
# Fehlt ein Summand (NA), sind die Summe und alles, was daraus folgt, NA (na.action = na.pass).

compute <- function(df) {
  out <- aggregate(cbind(schulen, schueler) ~ region + jahr + schulart, data = df, FUN = sum, na.action = na.pass)
  out$schueler_je_schule <- ifelse(out$schulen != 0, out$schueler / out$schulen, NA_real_)
  out
}
