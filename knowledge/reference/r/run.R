# Generic runner for the R reference implementations.
#
#   Rscript run.R <ID.R> <eingabe.csv> <ausgabe.csv> [textspalten]
#
# Reads the UTF-8 input CSV, keeps `region` and the optional comma-separated text columns as
# character (Regionalschlüssel keep their leading zeros), converts all other columns with
# type.convert(), calls compute(df) from <ID.R> and writes the result as UTF-8 CSV (NA -> empty).
args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 3) {
  message("Aufruf: Rscript run.R <ID.R> <eingabe.csv> <ausgabe.csv> [textspalten]")
  quit(status = 2)
}
text_cols <- "region"
if (length(args) >= 4 && nzchar(args[4])) text_cols <- union(text_cols, strsplit(args[4], ",")[[1]])

source(args[1], encoding = "UTF-8")
df <- read.csv(args[2], colClasses = "character", fileEncoding = "UTF-8",
               check.names = FALSE, na.strings = "")
for (col in names(df)) {
  if (!(col %in% text_cols)) df[[col]] <- type.convert(df[[col]], as.is = TRUE)
}
out <- compute(df)
if (!is.data.frame(out)) stop("compute() muss einen data.frame liefern")
write.csv(out, args[3], row.names = FALSE, na = "", fileEncoding = "UTF-8")
