# C7.1 Betreuungsquote der Kinder unter 3 Jahren – Referenzimplementierung (base R).
# Betreute Kinder (Einrichtung + Tagespflege ohne zusätzlichen Einrichtungsbesuch) und Kinder der
# Bevölkerung über die Altersjahre 0, 1 und 2 getrennt summieren, dann teilen; andere Alter ignorieren.
# Keine Rundung; Nenner 0 ergibt NA.
# Fehlt ein Summand (NA), sind die Summe und alles, was daraus folgt, NA (na.action = na.pass).

compute <- function(df) {
  df <- df[df$alter >= 0 & df$alter < 3, ]
  df$kinder_betreut <- df$kinder_kita + df$kinder_tagespflege
  out <- aggregate(cbind(kinder_betreut, kinder_bevoelkerung) ~ region + jahr, data = df, FUN = sum, na.action = na.pass)
  out$betreuungsquote <- ifelse(out$kinder_bevoelkerung != 0,
                                out$kinder_betreut / out$kinder_bevoelkerung * 100, NA_real_)
  out
}
