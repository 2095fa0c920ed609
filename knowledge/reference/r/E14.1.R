# E14.1 Vertragslösungsquote (Schichtenmodell) – Referenzimplementierung (base R).
# Teilquoten Lösungen / Neuabschlüsse für die Beginnjahre t, t-1, t-2, t-3 des Berichtsjahres t
# addieren; ältere Beginnjahre fallen weg. Keine Rundung; fehlende Neuabschlüsse -> NA.

compute <- function(df) {
  df <- df[df$beginnjahr <= df$jahr & df$beginnjahr >= df$jahr - 3, ]
  layers <- aggregate(cbind(loesungen, neuabschluesse) ~ region + jahr + beginnjahr,
                      data = df, FUN = sum)
  layers$quote <- ifelse(layers$neuabschluesse != 0,
                         layers$loesungen / layers$neuabschluesse * 100, NA_real_)
  out <- aggregate(quote ~ region + jahr, data = layers, FUN = sum, na.action = na.pass)
  names(out)[names(out) == "quote"] <- "vertragsloesungsquote"
  out
}
