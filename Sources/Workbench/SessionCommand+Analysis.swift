extension SessionCommand {
    /// The analysis commands: bootstrap a regression, carry it to ROI, write the session as a report.
    public static let analysis: [SessionCommand] = [
        SessionCommand(
            name: "bootstrap", usage: RegressionBootstrap.usage,
            summary: "Bootstrap a regression: resample rows or whole clusters, refit, print SEs and intervals.",
            details: """
                Resamples the estimation sample's rows (pairs), or whole clusters with
                cluster(COL), within the strata of strata(COL) if given; refits each
                replicate and prints per coefficient the estimate, the bootstrap SE and
                the intervals of type(): percentile (default), basic, normal, bca (jackknife
                acceleration, by cluster when clustered), studentized (each replicate's own
                SE from vcov()), or all. Failed replicates are counted with their reasons.
                The same seed gives the same output on any number of threads. reps
                defaults to 999; seed is required. The result is the session's last
                estimate, which roi carries to money. Example:
                  bootstrap, reps(999) seed(42) cluster(team_id) type(all): \\
                    regress sales ~ trained_team * post, vcov(cluster:team_id)
                """),
        SessionCommand(
            name: "roi", usage: "roi COEF, value(V) population(N) costs(FILE.csv | AMOUNT) [OPTIONS]",
            summary: "Carry the last bootstrap's coefficient through value, benefits and costs to ROI with intervals.",
            details: """
                COEF is the effect per unit per month. Benefits = effect × value(V) ×
                population(N) over horizon(MONTHS) (default 12: guiding principle 9),
                optionally with an annual decay() and discount() (0.2 or 20%). costs() is a
                CSV file (columns item, category, amount or hours and rate; optional share,
                source, currency, period) or one total. Prints ROI %, BCR, net benefits,
                payback and NPV with type() intervals (percentile, basic or normal) from
                every replicate, P(ROI > 0), P(ROI > hurdle()), failed replicates and the
                guiding-principles log. Other options: unit("…"), source("…"), currency(USD).
                Example:
                  roi trained_team:post, value(0.30) unit("USD of sales") population(300) \\
                    costs(costs.csv) hurdle(25)
                """),
        SessionCommand(
            name: "report", usage: "report FILE.html | FILE.md",
            summary: "Write the session so far (commands, output, plots) as an HTML or Markdown report.",
            details: """
                Each command as written and its output; plots inline (HTML); a footer with
                the tool version, each dataset's SHA-256, the seeds and the command list.
                No date, so rerunning the same commands gives the same file. Example:
                  report out/analysis.html
                """),
    ]
}
