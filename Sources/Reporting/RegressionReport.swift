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
        public let name: String
        public let estimate: Double?
        public let standardError: Double?
        /// t statistic.
        public let statistic: Double?
        public let pValue: Double?
        public let lower: Double?
        public let upper: Double?
        /// Dropped as collinear with other regressors.
        public let dropped: Bool

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
        public let statistic: Double
        public let numeratorDF: Double
        public let denominatorDF: Double
        public let pValue: Double

        public init(statistic: Double, numeratorDF: Double, denominatorDF: Double, pValue: Double) {
            self.statistic = statistic
            self.numeratorDF = numeratorDF
            self.denominatorDF = denominatorDF
            self.pValue = pValue
        }
    }

    public let format: String
    /// The formula as written.
    public let formula: String
    /// Weight column, if WLS.
    public let weights: String?
    public let totalRows: Int
    public let usedRows: Int
    public let dropped: [DroppedRowCount]
    /// Covariance label, e.g. "HC1 (heteroskedasticity-robust)" or "Clustered (firm), G = 15, CR1".
    public let covariance: String
    /// Degrees of freedom of the t and F reference distributions (N − K, or G − 1 when clustered).
    public let inferenceDF: Double
    /// Clusters per clustering variable (empty unless clustered).
    public let clusters: [String: Int]
    public let rank: Int
    public let dfResidual: Int
    public let rSquared: Double
    public let adjustedRSquared: Double
    public let fTest: FTest?
    /// Confidence level of `lower`/`upper`.
    public let level: Double
    public let coefficients: [Coefficient]
    public let warnings: [String]

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
