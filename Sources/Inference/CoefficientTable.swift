import Distributions
import LinearAlgebra

/// Estimates with standard errors, t statistics, p-values and confidence intervals.
///
/// For kept coefficient j: `se = √V_jj`, `t = b_j / se`, `p = 2·P(T_df > |t|)`,
/// `CI = b_j ± t_{df, (1+level)/2} · se`, with df the covariance's inference degrees of freedom
/// (N − K, or G − 1 for clusters). This is statsmodels `summary()` with `use_t=True` and R
/// `lmtest::coeftest(fit, vcov, df = ...)` / `confint`. Columns dropped as collinear keep their row
/// with NaN entries, as R prints `NA` for aliased coefficients.
public struct CoefficientTable: Sendable, CustomStringConvertible {
    /// One coefficient.
    public struct Row: Sendable, Equatable {
        public let name: String
        public let estimate: Double
        public let standardError: Double
        /// `estimate / standardError`.
        public let statistic: Double
        /// Two-sided p-value from Student's t with the table's df.
        public let pValue: Double
        /// Lower confidence limit at the table's level.
        public let lower: Double
        /// Upper confidence limit at the table's level.
        public let upper: Double
        /// Whether the column was dropped as collinear (all numbers NaN).
        public let isDropped: Bool
    }

    /// Rows in design-column order, dropped columns included.
    public let rows: [Row]
    /// Confidence level of `lower`/`upper`, e.g. 0.95.
    public let level: Double
    /// Degrees of freedom of the reference t distribution (`.infinity` gives the normal).
    public let degreesOfFreedom: Double
    /// Covariance label, e.g. `"HC1 (heteroskedasticity-robust)"`.
    public let covarianceLabel: String

    /// Builds the table.
    ///
    /// - Parameters:
    ///   - names: all design column names.
    ///   - estimates: one per name, NaN for dropped columns.
    ///   - keptColumns: indices into `names` of the kept columns, in the order of `covariance`.
    ///   - covariance: `k_kept × k_kept`.
    ///   - level: confidence level in (0, 1) (programmer error otherwise).
    public init(
        names: [String], estimates: [Double], keptColumns: [Int], covariance: Matrix,
        degreesOfFreedom: Double, level: Double = 0.95, covarianceLabel: String = ""
    ) {
        precondition(names.count == estimates.count, "One estimate per name is required")
        precondition(keptColumns.count == covariance.rows && covariance.isSquare, "Covariance must be k_kept × k_kept")
        precondition(level > 0 && level < 1, "Confidence level must lie strictly between 0 and 1")
        precondition(degreesOfFreedom > 0, "Degrees of freedom must be positive")
        let t = StudentT(degreesOfFreedom: degreesOfFreedom)
        // Two-sided interval: the (1 + level)/2 quantile, computed as the upper-tail inverse for accuracy.
        let critical = t.inverseSurvival((1 - level) / 2)
        var position = [Int?](repeating: nil, count: names.count)
        for (p, j) in keptColumns.enumerated() { position[j] = p }
        rows = names.indices.map { j in
            guard let p = position[j] else {
                return Row(
                    name: names[j], estimate: .nan, standardError: .nan, statistic: .nan, pValue: .nan,
                    lower: .nan, upper: .nan, isDropped: true)
            }
            let b = estimates[j]
            let se = covariance[p, p].squareRoot()
            let stat = b / se
            return Row(
                name: names[j], estimate: b, standardError: se, statistic: stat,
                pValue: t.twoSidedPValue(stat), lower: b - critical * se, upper: b + critical * se,
                isDropped: false)
        }
        self.level = level
        self.degreesOfFreedom = degreesOfFreedom
        self.covarianceLabel = covarianceLabel
    }

    /// The row named `name`, if any.
    public subscript(name: String) -> Row? { rows.first { $0.name == name } }

    /// Names of the columns dropped as collinear.
    public var droppedNames: [String] { rows.filter(\.isDropped).map(\.name) }

    /// Aligned text table: name, estimate, std. error, t, p and the interval limits, numbers of a
    /// column sharing their decimals; dropped rows read "dropped (collinear)". The interval header
    /// gives the tail probabilities, as statsmodels prints `[0.025  0.975]`.
    public var description: String {
        let tail = (1 - level) / 2
        let header = [
            "", "estimate", "std. error", "t", "p",
            "[" + StatisticsText.compact((tail * 1e6).rounded() / 1e6),
            StatisticsText.compact(((1 - tail) * 1e6).rounded() / 1e6) + "]",
        ]
        let kept = rows.filter { !$0.isDropped }
        let estimates = StatisticsText.column(kept.map(\.estimate), significant: 6)
        let errors = StatisticsText.column(kept.map(\.standardError), significant: 6)
        let statistics = StatisticsText.column(kept.map(\.statistic), significant: 4)
        let limits = StatisticsText.column(kept.map(\.lower) + kept.map(\.upper), significant: 6)
        var body: [[String]] = []
        var p = 0
        for row in rows {
            if row.isDropped {
                body.append([row.name, "dropped (collinear)", "", "", "", "", ""])
                continue
            }
            body.append([
                row.name, estimates[p], errors[p], statistics[p], formatPValue(row.pValue),
                limits[p], limits[kept.count + p],
            ])
            p += 1
        }
        return StatisticsText.alignedTable(header: header, rows: body)
    }
}
