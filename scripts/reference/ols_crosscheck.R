# Cross-check of the OLS reference fixtures with base R lm() and sandwich.
#
# Called by ols_reference.py (one fit per call); prints tab-separated lines
#   key <TAB> value <TAB> value ...
# with every number in %.17g (full double precision). Not run by `swift test`.
#
# Usage: Rscript scripts/reference/ols_crosscheck.R <csv> <formula> <weights or ""> \
#          <cluster columns, comma-separated, or ""> <columns that must be non-missing>
suppressPackageStartupMessages(library(sandwich))

args <- commandArgs(trailingOnly = TRUE)
csv <- args[1]
formula <- as.formula(args[2])
weights_col <- args[3]
clusters <- if (nchar(args[4]) > 0) strsplit(args[4], ",")[[1]] else character(0)
required <- strsplit(args[5], ",")[[1]]

df <- read.csv(csv, na.strings = c("", "NA"), stringsAsFactors = FALSE)
# The same rows as the Python side: drop rows missing any used column, cluster ids included.
d <- df[complete.cases(df[, required, drop = FALSE]), , drop = FALSE]
if (nchar(weights_col) > 0) {
  d$.w <- d[[weights_col]]
  fit <- lm(formula, data = d, weights = .w)
} else {
  fit <- lm(formula, data = d)
}

num <- function(x) paste(sprintf("%.17g", x), collapse = "\t")
emit <- function(key, x) cat(key, "\t", num(x), "\n", sep = "")

s <- summary(fit)
cf <- coef(fit)
cat("r_version\t", R.version.string, "\n", sep = "")
cat("sandwich_version\t", as.character(packageVersion("sandwich")), "\n", sep = "")
cat("names\t", paste(names(cf), collapse = "\t"), "\n", sep = "")
cat("aliased\t", paste(names(cf)[is.na(cf)], collapse = "\t"), "\n", sep = "")
emit("coefficients", cf)
emit("rank", fit$rank)
emit("n", nobs(fit))
emit("r_squared", s$r.squared)
emit("adj_r_squared", s$adj.r.squared)
if (!is.null(s$fstatistic)) emit("f_statistic", s$fstatistic)
emit("sigma", s$sigma)
# Covariances over the non-aliased coefficients, row-major.
emit("vcov:classical", t(vcov(fit, complete = FALSE)))
for (type in c("HC0", "HC1", "HC2", "HC3")) emit(paste0("vcov:", type), t(vcovHC(fit, type = type)))
if (length(clusters) >= 1) {
  f1 <- as.formula(paste("~", clusters[1]))
  emit(paste0("vcov:CR1:", clusters[1]), t(vcovCL(fit, cluster = f1, type = "HC1", cadjust = TRUE)))
}
if (length(clusters) == 2) {
  f2 <- as.formula(paste("~", clusters[1], "+", clusters[2]))
  emit(paste0("vcov:CR1:", clusters[1], "+", clusters[2]),
       t(vcovCL(fit, cluster = f2, type = "HC1", cadjust = TRUE, multi0 = FALSE)))
}
