/// A fitted linear regression as plain, Codable values: the JSON of `impact regress --json` and the
/// input of the Markdown regression table.
///
/// Coefficients of columns dropped as collinear have `nil` estimates (keys absent from the JSON) and
/// `dropped = true`, as R prints `NA`. The F test is the model Wald test under the fit's covariance
/// (statsmodels reports the robust Wald F with a robust covariance); `nil` when the model has only
/// an intercept.
public struct RegressionReport: Codable, Sendable, Equatable {
    /// Schema identifier written into every report.
    public static let formatIdentifier = "impact-regression-report/1"

    /// One row of the coefficient table.
    public struct Coefficient: Codable, Sendable, Equatable {
        /// Column (term) name, e.g. "trained_team:post".
        public let name: String
        /// Point estimate; `nil` when dropped.
        public let estimate: Double?
        /// Standard error; `nil` when dropped.
        public let standardError: Double?
        /// t statistic.
        public let statistic: Double?
        /// Two-sided p-value.
        public let pValue: Double?
        /// Lower end of the interval.
        public let lower: Double?
        /// Upper end of the interval.
        public let upper: Double?
        /// Dropped as collinear with other regressors.
        public let dropped: Bool

        /// A value from its parts.
        public init(
            name: String, estimate: Double?, standardError: Double?, statistic: Double?, pValue: Double?,
            lower: Double?, upper: Double?, dropped: Bool
        ) {
            self.name = name
            self.estimate = estimate
            self.standardError = standardError
            self.statistic = statistic
            self.pValue = pValue
            self.lower = lower
            self.upper = upper
            self.dropped = dropped
        }
    }

    /// The model F test.
    public struct FTest: Codable, Sendable, Equatable {
        /// The F statistic.
        public let statistic: Double
        /// Numerator degrees of freedom (restrictions).
        public let numeratorDF: Double
        /// Denominator degrees of freedom.
        public let denominatorDF: Double
        /// Upper-tail p-value of the F statistic.
        public let pValue: Double

        /// A value from its parts.
        public init(statistic: Double, numeratorDF: Double, denominatorDF: Double, pValue: Double) {
            self.statistic = statistic
            self.numeratorDF = numeratorDF
            self.denominatorDF = denominatorDF
            self.pValue = pValue
        }
    }

    /// Schema identifier (`formatIdentifier`).
    public let format: String
    /// The formula as written.
    public let formula: String
    /// Weight column, if WLS.
    public let weights: String?
    /// Rows in the data.
    public let totalRows: Int
    /// Rows used in the fit.
    public let usedRows: Int
    /// Rows dropped, by reason, in reason order.
    public let dropped: [DroppedRowCount]
    /// Covariance label, e.g. "HC1 (heteroskedasticity-robust)" or "Clustered (firm), G = 15, CR1".
    public let covariance: String
    /// Degrees of freedom of the t and F reference distributions (N − K, or G − 1 when clustered).
    public let inferenceDF: Double
    /// Clusters per clustering variable (empty unless clustered).
    public let clusters: [String: Int]
    /// Rank of the design (columns kept).
    public let rank: Int
    /// Residual degrees of freedom N − rank.
    public let dfResidual: Int
    /// R² (uncentered without an intercept, as R and statsmodels report it).
    public let rSquared: Double
    /// Adjusted R².
    public let adjustedRSquared: Double
    /// Model F test; `nil` for an intercept-only model.
    public let fTest: FTest?
    /// Confidence level of `lower`/`upper`.
    public let level: Double
    /// Coefficient table rows in design-column order.
    public let coefficients: [Coefficient]
    /// Warnings carried from the fit.
    public let warnings: [String]

    /// A value from its parts.
    public init(
        formula: String, weights: String?, totalRows: Int, usedRows: Int, dropped: [DroppedRowCount],
        covariance: String, inferenceDF: Double, clusters: [String: Int], rank: Int, dfResidual: Int,
        rSquared: Double, adjustedRSquared: Double, fTest: FTest?, level: Double, coefficients: [Coefficient],
        warnings: [String]
    ) {
        self.format = Self.formatIdentifier
        self.formula = formula
        self.weights = weights
        self.totalRows = totalRows
        self.usedRows = usedRows
        self.dropped = dropped
        self.covariance = covariance
        self.inferenceDF = inferenceDF
        self.clusters = clusters
        self.rank = rank
        self.dfResidual = dfResidual
        self.rSquared = rSquared
        self.adjustedRSquared = adjustedRSquared
        self.fTest = fTest
        self.level = level
        self.coefficients = coefficients
        self.warnings = warnings
    }
}
