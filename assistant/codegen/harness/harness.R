# Runs one snippet inside the sandbox, once per input set, and writes each `ergebnis` to a pipe.
#   Rscript --vanilla harness.R SNIPPET RESULT_PATH WORK_BASE N
# Same protocol and status codes as harness.py. The snippet runs in the global environment, which
# is emptied before each set; the harness keeps its own state inside main().
main <- function(args) {
  snippet <- args[[1]]
  con <- file(args[[2]], open = "wb", raw = TRUE)
  count <- as.integer(args[[4]])
  exprs <- tryCatch(parse(snippet, encoding = "UTF-8"), error = function(e) {
    cat("Fehler: ", conditionMessage(e), "\n", sep = "", file = stderr())
    NULL
  })
  for (i in seq_len(count) - 1L) {
    cat(sprintf("<<lotse-set %d>>\n", i))
    cat(sprintf("<<lotse-set %d>>\n", i), file = stderr())
    setwd(file.path(args[[3]], i))
    rm(list = ls(envir = globalenv(), all.names = TRUE), envir = globalenv())
    status <- if (is.null(exprs)) 2L else tryCatch({
      for (e in exprs) eval(e, envir = globalenv())
      0L
    }, error = function(e) {
      msg <- conditionMessage(e)
      cat("Fehler: ", msg, "\n", sep = "", file = stderr())
      if (grepl("cannot allocate|memory exhausted", msg)) 5L else 2L
    })
    payload <- raw(0)
    if (status == 0L) {
      if (!exists("ergebnis", envir = globalenv(), inherits = FALSE)) {
        status <- 3L
      } else {
        x <- get("ergebnis", envir = globalenv())
        if (!is.data.frame(x)) {
          cat("ergebnis ist ", class(x)[[1]], "\n", sep = "", file = stderr())
          status <- 4L
        } else {
          x <- as.data.frame(x, stringsAsFactors = FALSE)
          mask <- vapply(x, function(col) if (is.numeric(col)) "0" else "1", character(1))
          buffer <- rawConnection(raw(0), "w")
          writeLines(paste(mask, collapse = ","), buffer)
          write.csv(x, buffer, row.names = FALSE, na = "")
          payload <- rawConnectionValue(buffer)
          close(buffer)
        }
      }
    }
    writeBin(charToRaw(sprintf("%d %d %d\n", i, status, length(payload))), con)
    writeBin(payload, con)
    flush(con)
  }
  close(con)
}
main(commandArgs(trailingOnly = TRUE))
quit(save = "no", status = 0)
