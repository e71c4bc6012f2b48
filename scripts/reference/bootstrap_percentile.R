# Reference percentile intervals from R boot (boot:::perc.ci, the function boot.ci(type = "perc")
# calls), on fixed replicate vectors stored in the output, so the Swift test compares the interval
# rule alone. Run: Rscript scripts/reference/bootstrap_percentile.R
# Writes datasets/reference/bootstrap_percentile.json.
suppressPackageStartupMessages(library(boot))
set.seed(20261123)
num <- function(x) sprintf("%.17g", x)
vec <- function(x) paste0("[", paste(num(x), collapse = ", "), "]")
cases <- list(
  list(name = "normal_999", t = rnorm(999, 10, 2)),
  list(name = "skewed_1000", t = rexp(1000, 0.5)),
  list(name = "lognormal_2000", t = rlnorm(2000)),
  list(name = "tiny_19", t = rnorm(19)),
  list(name = "small_40", t = runif(40))
)
levels <- c(0.95, 0.9, 0.8, 0.99)
out <- c()
for (case in cases) {
  rows <- c()
  for (conf in levels) {
    ci <- suppressWarnings(boot:::perc.ci(case$t, conf = conf))
    rows <- c(rows, sprintf('{"level": %s, "lower": %s, "upper": %s, "call": "boot:::perc.ci(t, conf = %s)"}',
                            num(conf), num(ci[1, 4]), num(ci[1, 5]), format(conf)))
  }
  out <- c(out, sprintf('{"name": "%s", "replicates": %s, "intervals": [%s]}',
                        case$name, vec(case$t), paste(rows, collapse = ", ")))
}
json <- sprintf(paste0('{"tool": "R boot", "tool_version": "%s", "r_version": "%s", ',
                       '"generated_by": "scripts/reference/bootstrap_percentile.R", ',
                       '"note": "boot.ci(type = \\"perc\\") calls boot:::perc.ci, which interpolates order statistics on the normal scale (Davison & Hinkley 1997, eq. 5.8)", ',
                       '"cases": [%s]}'),
                as.character(packageVersion("boot")), R.version.string, paste(out, collapse = ",\n"))
writeLines(json, "datasets/reference/bootstrap_percentile.json")
