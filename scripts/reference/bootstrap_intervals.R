# Reference bootstrap intervals from R boot on fixed replicate sets: normal, basic, percentile,
# studentized and BCa (with jackknife empirical influence values), for the Swift tests of
# BootstrapInterval. The replicates, the statistic's leave-one-out (jackknife) values and every
# interval are written out, so the tests compare the interval rules alone.
# Run: Rscript scripts/reference/bootstrap_intervals.R   (writes datasets/reference/bootstrap_intervals.json)
suppressPackageStartupMessages(library(boot))
set.seed(20261124)
num <- function(x) sprintf("%.17g", x)
vec <- function(x) paste0("[", paste(num(x), collapse = ", "), "]")

# Statistics that also return their variance, for studentized intervals.
mean_var <- function(d, i) c(mean(d[i]), var(d[i]) / length(i))
ratio_var <- function(d, i) {
  x <- d[i, 1]; y <- d[i, 2]
  r <- sum(y) / sum(x)
  # Delta-method variance of the ratio of means, on the resample.
  res <- y - r * x
  c(r, sum(res^2) / (length(i)^2 * mean(x)^2))
}

cases <- list(
  list(name = "mean_lognormal_60", data = rlnorm(60), stat = mean_var, R = 999),
  list(name = "mean_exponential_25", data = rexp(25, 0.2), stat = mean_var, R = 1999),
  list(name = "ratio_bivariate_40", data = cbind(x = rexp(40, 1) + 1, y = rexp(40, 0.5) + 2), stat = ratio_var, R = 999)
)
levels <- c(0.95, 0.9)
out <- c()
for (case in cases) {
  b <- boot(case$data, case$stat, R = case$R)
  n <- NROW(case$data)
  # Leave-one-out estimates of the statistic, and boot's jackknife influence values from them.
  loo <- sapply(seq_len(n), function(i) case$stat(case$data, seq_len(n)[-i])[1])
  L <- empinf(b, index = 1, type = "jack")
  rows <- c()
  for (conf in levels) {
    ci <- boot.ci(b, conf = conf, type = c("norm", "basic", "perc", "stud", "bca"), L = L)
    rows <- c(rows, sprintf(paste0(
      '{"level": %s, "normal": [%s, %s], "basic": [%s, %s], "percentile": [%s, %s], ',
      '"studentized": [%s, %s], "bca": [%s, %s]}'),
      num(conf), num(ci$normal[2]), num(ci$normal[3]), num(ci$basic[4]), num(ci$basic[5]),
      num(ci$percent[4]), num(ci$percent[5]), num(ci$student[4]), num(ci$student[5]),
      num(ci$bca[4]), num(ci$bca[5])))
  }
  out <- c(out, sprintf(paste0(
    '{"name": "%s", "estimate": %s, "variance": %s, "replicates": %s, "replicate_variances": %s, ',
    '"leave_one_out": %s, "influence": %s, "intervals": [%s]}'),
    case$name, num(b$t0[1]), num(b$t0[2]), vec(b$t[, 1]), vec(b$t[, 2]), vec(loo), vec(L),
    paste(rows, collapse = ", ")))
}
json <- sprintf(paste0(
  '{"tool": "R boot", "tool_version": "%s", "r_version": "%s", ',
  '"generated_by": "scripts/reference/bootstrap_intervals.R", ',
  '"call": "b <- boot(data, statistic, R); L <- empinf(b, index = 1, type = \\"jack\\"); ',
  'boot.ci(b, conf = level, type = c(\\"norm\\", \\"basic\\", \\"perc\\", \\"stud\\", \\"bca\\"), L = L)", ',
  '"cases": [%s]}'),
  as.character(packageVersion("boot")), R.version.string, paste(out, collapse = ",\n"))
writeLines(json, "datasets/reference/bootstrap_intervals.json")
