# Cluster covariances of one lm fit: CR1 one-, two- and three-way (sandwich), CR2 and CR3
# (clubSandwich) with Satterthwaite degrees of freedom, and one linear contrast.
#
# Called by cov_reference.py (one fit per call); prints tab-separated lines
#   kind <TAB> key <TAB> value <TAB> value ...
# with every number in %.17g (full double precision). Not run by `swift test`.
#
# Usage: Rscript scripts/reference/cov_reference.R <csv> <formula> <weights or ""> \
#          <cluster columns, comma-separated> <columns that must be non-missing> \
#          <contrast as name=weight,name=weight (R coefficient names)>
suppressPackageStartupMessages({
  library(sandwich)
  library(clubSandwich)
})

args <- commandArgs(trailingOnly = TRUE)
csv <- args[1]
formula <- as.formula(args[2])
weights_col <- args[3]
clusters <- strsplit(args[4], ",")[[1]]
required <- strsplit(args[5], ",")[[1]]
contrast_spec <- strsplit(strsplit(args[6], ",")[[1]], "=")

df <- read.csv(csv, na.strings = c("", "NA"), stringsAsFactors = FALSE)
# The same rows as the Python side: drop rows missing any used column, cluster ids included.
d <- df[complete.cases(df[, required, drop = FALSE]), , drop = FALSE]
rownames(d) <- NULL
if (nchar(weights_col) > 0) {
  d$.w <- d[[weights_col]]
  fit <- lm(formula, data = d, weights = .w)
} else {
  fit <- lm(formula, data = d)
}

num <- function(x) paste(sprintf("%.17g", x), collapse = "\t")
emit <- function(kind, key, x) cat(kind, "\t", key, "\t", num(x), "\n", sep = "")
emit_text <- function(kind, key, text) cat(kind, "\t", key, "\t", gsub("[\t\n]", " ", text), "\n", sep = "")

cat("versions\tR\t", R.version.string, "\n", sep = "")
cat("versions\tsandwich\t", as.character(packageVersion("sandwich")), "\n", sep = "")
cat("versions\tclubSandwich\t", as.character(packageVersion("clubSandwich")), "\n", sep = "")
cf <- coef(fit)
cat("names\tcoefficients\t", paste(names(cf), collapse = "\t"), "\n", sep = "")
emit("coefficients", "lm", cf)
emit("n", "lm", nobs(fit))

contrast <- setNames(rep(0, length(cf)), names(cf))
for (term in contrast_spec) contrast[term[1]] <- as.numeric(term[2])
contrast_matrix <- matrix(contrast, nrow = 1, dimnames = list("contrast", names(cf)))

# Row-major covariance over the coefficients.
emit_vcov <- function(key, v) emit("vcov", key, t(as.matrix(v)))

for (cl in clusters) {
  g <- d[[cl]]
  emit("n_clusters", cl, length(unique(g)))
  emit_vcov(paste0("CR1:", cl), vcovCL(fit, cluster = as.formula(paste("~", cl)), type = "HC1", cadjust = TRUE))
  for (type in c("CR2", "CR3")) {
    key <- paste0(type, ":", cl)
    v <- tryCatch(vcovCR(fit, cluster = g, type = type), error = function(e) e)
    if (inherits(v, "error")) {
      emit_text("error", key, conditionMessage(v))
      next
    }
    emit_vcov(key, v)
    satt <- coef_test(fit, vcov = v, test = c("naive-t", "Satterthwaite"))
    emit("df_naive", key, satt$df_t)
    emit("df_satterthwaite", key, satt$df_Satt)
    emit("p_satterthwaite", key, satt$p_Satt)
    # For one constraint the HTZ test's denominator df is the Satterthwaite df (nu_Z = E^2 / sum P^2).
    # linear_contrast(test = "Satterthwaite") gives the same df for OLS but fails for weighted fits in
    # clubSandwich 0.5.8 (it uses an undefined `q` when inverse_var = FALSE), so the HTZ df is recorded
    # for every fit and the linear_contrast df where it runs.
    htz <- Wald_test(fit, constraints = contrast_matrix, vcov = v, test = "HTZ")
    est <- drop(contrast_matrix %*% coef(fit))
    se <- sqrt(drop(contrast_matrix %*% v %*% t(contrast_matrix)))
    df_c <- htz$df_denom
    crit <- qt(0.975, df = df_c)
    emit("contrast_satterthwaite", key, c(est, se, df_c, est - crit * se, est + crit * se,
                                          2 * pt(abs(est / se), df = df_c, lower.tail = FALSE)))
    lc <- tryCatch(linear_contrast(fit, vcov = v, contrasts = contrast_matrix, test = "Satterthwaite"),
                   error = function(e) e)
    if (inherits(lc, "error")) emit_text("error", paste0("linear_contrast:", key), conditionMessage(lc))
    else emit("contrast_linear_contrast_df", key, lc$df)
  }
  # sandwich's clustered HC2/HC3 (the g/(g-1) factor is cancelled inside meatCL): equal to CR2/CR3
  # for OLS, a different adjustment for WLS.
  for (type in c("HC2", "HC3")) {
    key <- paste0("sandwich_", type, ":", cl)
    v <- tryCatch(vcovCL(fit, cluster = as.formula(paste("~", cl)), type = type, cadjust = TRUE),
                  error = function(e) e)
    if (inherits(v, "error")) emit_text("error", key, conditionMessage(v)) else emit_vcov(key, v)
  }
}

multiway <- function(cols) {
  key <- paste0("CR1:", paste(cols, collapse = "+"))
  f <- as.formula(paste("~", paste(cols, collapse = " + ")))
  emit_vcov(key, vcovCL(fit, cluster = f, type = "HC1", cadjust = TRUE, multi0 = FALSE))
}
if (length(clusters) >= 2) multiway(clusters[1:2])
if (length(clusters) >= 3) multiway(clusters[1:3])
