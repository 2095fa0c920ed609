# Runs one snippet inside the sandbox and writes its `ergebnis` to file descriptor 3.
# Same protocol and exit codes as harness.py: line 1 a text/number mask, then UTF-8 CSV.
args <- commandArgs(trailingOnly = TRUE)
fail <- function(e) {
  msg <- conditionMessage(e)
  cat("Fehler: ", msg, "\n", sep = "", file = stderr())
  if (grepl("cannot allocate|memory exhausted|Speicher", msg)) quit(save = "no", status = 5)
  quit(save = "no", status = 2)
}
exprs <- tryCatch(parse(args[[1]], encoding = "UTF-8"), error = fail)
tryCatch(for (e in exprs) eval(e, envir = globalenv()), error = fail)
if (!exists("ergebnis", envir = globalenv(), inherits = FALSE)) quit(save = "no", status = 3)
x <- get("ergebnis", envir = globalenv())
if (!is.data.frame(x)) {
  cat("ergebnis ist ", class(x)[[1]], "\n", sep = "", file = stderr())
  quit(save = "no", status = 4)
}
x <- as.data.frame(x, stringsAsFactors = FALSE)
mask <- vapply(x, function(col) if (is.numeric(col)) "0" else "1", character(1))
con <- file(args[[2]], open = "w", raw = TRUE)
writeLines(paste(mask, collapse = ","), con)
write.csv(x, con, row.names = FALSE, na = "")
close(con)
quit(save = "no", status = 0)
