# A1.3 Durchschnittsalter der Bevölkerung – Referenzimplementierung (base R).
# Wer a Jahre alt ist, geht mit a + 0,5 Jahren ein (Klassenmitte); gewichtet mit der Einwohnerzahl.
# Keine Rundung; ohne Einwohner NA.
# Fehlt ein Summand (NA), sind die Summe und alles, was daraus folgt, NA (na.action = na.pass).

compute <- function(df) {
  df$lebensjahre <- (df$alter + 0.5) * df$bevoelkerung
  out <- aggregate(cbind(lebensjahre, bevoelkerung) ~ region + jahr, data = df, FUN = sum, na.action = na.pass)
  out$durchschnittsalter <- ifelse(out$bevoelkerung != 0, out$lebensjahre / out$bevoelkerung, NA_real_)
  out[, c("region", "jahr", "durchschnittsalter")]
}
