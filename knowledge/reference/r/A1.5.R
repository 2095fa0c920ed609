# A1.5 Wanderungssaldo je 1.000 Einwohner – Referenzimplementierung (base R).
# Saldo = Zuzüge - Fortzüge, je Gruppe summiert; bezogen auf die summierten Einwohner × 1.000.
# Keine Rundung; Nenner 0 ergibt NA.
# Fehlt ein Summand (NA), sind die Summe und alles, was daraus folgt, NA (na.action = na.pass).

compute <- function(df) {
  out <- aggregate(cbind(zuzuege, fortzuege, bevoelkerung) ~ region + jahr, data = df, FUN = sum, na.action = na.pass)
  out$wanderungssaldo <- out$zuzuege - out$fortzuege
  out$wanderungssaldo_je_1000 <- ifelse(out$bevoelkerung != 0,
                                        out$wanderungssaldo / out$bevoelkerung * 1000, NA_real_)
  out[, c("region", "jahr", "wanderungssaldo", "wanderungssaldo_je_1000")]
}
