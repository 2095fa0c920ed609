# E14.1 Vertragslösungsquote (Schichtenmodell) – Referenzimplementierung (base R).
# Teilquoten Lösungen / Neuabschlüsse für die Beginnjahre t, t-1, t-2, t-3 des Berichtsjahres t
# addieren; ältere Beginnjahre fallen weg. Keine Rundung; fehlende Neuabschlüsse -> NA.
# Fehlt ein Summand (NA), sind die Summe und alles, was daraus folgt, NA (na.action = na.pass).

compute <- function(df) {
  df <- df[df$beginnjahr <= df$jahr & df$beginnjahr >= df$jahr - 3, ]
  layers <- aggregate(cbind(loesungen, neuabschluesse) ~ region + jahr + beginnjahr,
                      data = df, FUN = sum, na.action = na.pass)
  layers$quote <- ifelse(layers$neuabschluesse != 0,
                         layers$loesungen / layers$neuabschluesse * 100, NA_real_)
  # Vier Teilquoten; fehlt ein Beginnjahr ganz oder ist eine Teilquote NA, ist die Summe NA.
  out <- aggregate(quote ~ region + jahr, data = layers, na.action = na.pass,
                   FUN = function(q) if (length(q) == 4) sum(q) else NA_real_)
  names(out)[names(out) == "quote"] <- "vertragsloesungsquote"
  out
}
