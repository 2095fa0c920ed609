# B5.1 Ausgaben je Schülerin und Schüler – Referenzimplementierung (base R).
# Personalausgaben + Sachaufwand + Investitionen, geteilt durch die gewichtete Schülerzahl.
# Keine Rundung; Nenner 0 ergibt NA.
# Fehlt ein Summand (NA), sind die Summe und alles, was daraus folgt, NA (na.action = na.pass).

compute <- function(df) {
  df$ausgaben_eur <- df$personalausgaben_eur + df$sachaufwand_eur + df$investitionsausgaben_eur
  out <- aggregate(cbind(ausgaben_eur, schueler_gewichtet) ~ region + jahr + schulart,
                   data = df, FUN = sum, na.action = na.pass)
  out$ausgaben_je_schueler <- ifelse(out$schueler_gewichtet != 0,
                                     out$ausgaben_eur / out$schueler_gewichtet, NA_real_)
  out[, c("region", "jahr", "schulart", "ausgaben_eur", "ausgaben_je_schueler")]
}
