/// Several fitted models side by side, as plain Codable values: the content of a regression table
/// in the style of R `modelsummary`, fixest `etable` and Stata `esttab`.
///
/// One row per coefficient name, in the union of the models' names in order of first appearance
/// with the intercept first; one cell per model holding the estimate, its standard error, t, p,
/// the confidence limits at `level` and the significance stars, or `nil` when the model has no such
/// coefficient. Model-level facts (N, R², adjusted and within R², absorbed fixed effects, the
/// covariance label, cluster counts, warnings) live in `models`, from which the renderers draw the
/// footer rows. Every number is read from the fits' coefficient tables (presentation never computes).
///
/// Encoded with `ReportJSON` it is the `impact regress --formula … --formula … --json` output,
/// identified by `format` (`impact-model-comparison/1`). Decoding checks the format tag and that
/// every row has one cell per model, so a renderer never meets a ragged table.
public struct ModelComparison: Codable, Sendable, Equatable {
    /// Schema identifier written into every comparison.
    public static let formatIdentifier = "impact-model-comparison/1"

    /// One model (a column of the table).
    public struct Model: Codable, Sendable, Equatable {
        /// Column title, e.g. `(1)` or a title chosen by the caller.
        public let title: String
        /// The formula as written.
        public let formula: String
        /// Outcome (dependent variable).
        public let outcome: String
        /// Whether the fit is weighted least squares.
        public let weighted: Bool
        /// Weight column, when weighted and named.
        public let weights: String?
        /// Rows used in the fit, N.
        public let observations: Int
        /// Rows in the data.
        public let totalRows: Int
        /// R² (centered with a constant, uncentered without, as R and statsmodels).
        public let rSquared: Double
        /// Adjusted R².
        public let adjustedRSquared: Double
        /// Within R² of a model with absorbed fixed effects (fixest `wr2`); `nil` when the fit has none.
        public let withinRSquared: Double?
        /// Absorbed fixed effects (after `|` in the formula), in formula order.
        public let fixedEffects: [String]
        /// Covariance label with the cluster count, e.g. `Clustered (team_id), G = 30, CR1`.
        public let covariance: String
        /// Degrees of freedom of the t reference distribution (N − K, or G − 1 when clustered).
        public let inferenceDF: Double
        /// Clusters per cluster variable, in the covariance's order (empty unless clustered).
        public let clusters: [ClusterCount]
        /// Warnings carried from the fit (collinearity, few or unequal clusters, …).
        public let warnings: [String]

        /// A value from its parts.
        public init(
            title: String, formula: String, outcome: String, weighted: Bool, weights: String?, observations: Int,
            totalRows: Int, rSquared: Double, adjustedRSquared: Double, withinRSquared: Double?,
            fixedEffects: [String], covariance: String, inferenceDF: Double, clusters: [ClusterCount],
            warnings: [String]
        ) {
            precondition(weights == nil || weighted, "A weight column implies a weighted fit")
            self.title = title
            self.formula = formula
            self.outcome = outcome
            self.weighted = weighted
            self.weights = weights
            self.observations = observations
            self.totalRows = totalRows
            self.rSquared = rSquared
            self.adjustedRSquared = adjustedRSquared
            self.withinRSquared = withinRSquared
            self.fixedEffects = fixedEffects
            self.covariance = covariance
            self.inferenceDF = inferenceDF
            self.clusters = clusters
            self.warnings = warnings
        }

        /// The number of clusters of `variable`, if the model clusters by it.
        public func clusterCount(_ variable: String) -> Int? {
            clusters.first { $0.variable == variable }?.count
        }
    }

    /// The number of clusters of one cluster variable.
    public struct ClusterCount: Codable, Sendable, Equatable {
        /// Cluster variable (column) name.
        public let variable: String
        /// Number of clusters G among the rows used.
        public let count: Int

        /// A value from its parts.
        public init(variable: String, count: Int) {
            self.variable = variable
            self.count = count
        }
    }

    /// One model's entry for one coefficient.
    public struct Cell: Codable, Sendable, Equatable {
        /// Point estimate; `nil` when dropped.
        public let estimate: Double?
        /// Standard error; `nil` when dropped.
        public let standardError: Double?
        /// t statistic; `nil` when dropped.
        public let statistic: Double?
        /// Two-sided p-value; `nil` when dropped.
        public let pValue: Double?
        /// Lower confidence limit at the comparison's `level`.
        public let lower: Double?
        /// Upper confidence limit at the comparison's `level`.
        public let upper: Double?
        /// Significance stars for `pValue` under the comparison's `stars` (empty when none).
        public let stars: String
        /// Dropped as collinear with other regressors (R's `NA`).
        public let dropped: Bool

        /// A value from its parts.
        public init(
            estimate: Double?, standardError: Double?, statistic: Double?, pValue: Double?, lower: Double?,
            upper: Double?, stars: String, dropped: Bool
        ) {
            self.estimate = estimate
            self.standardError = standardError
            self.statistic = statistic
            self.pValue = pValue
            self.lower = lower
            self.upper = upper
            self.stars = stars
            self.dropped = dropped
        }

        /// The entry of a coefficient dropped as collinear (`dropped`, no numbers).
        public static let collinear = Cell(
            estimate: nil, standardError: nil, statistic: nil, pValue: nil, lower: nil, upper: nil, stars: "",
            dropped: true)
    }

    /// One coefficient (a row of the table).
    public struct Row: Codable, Sendable, Equatable {
        /// Coefficient (design column) name, e.g. `trained_team:post`.
        public let name: String
        /// One entry per model, in model order; `nil` when the model has no such coefficient.
        public let cells: [Cell?]

        /// A value from its parts.
        public init(name: String, cells: [Cell?]) {
            self.name = name
            self.cells = cells
        }
    }

    /// Schema identifier (`formatIdentifier`).
    public let format: String
    /// Confidence level of every cell's `lower`/`upper`.
    public let level: Double
    /// The significance thresholds behind every cell's `stars`.
    public let stars: SignificanceStars
    /// The models, in column order.
    public let models: [Model]
    /// The coefficients, intercept first, then in order of first appearance across the models.
    public let rows: [Row]

    /// A comparison from its parts: at least one model, and one cell per model in every row.
    public init(level: Double, stars: SignificanceStars, models: [Model], rows: [Row]) {
        precondition(!models.isEmpty, "A comparison needs at least one model")
        precondition(level > 0 && level < 1, "Confidence level must lie strictly between 0 and 1")
        precondition(rows.allSatisfy { $0.cells.count == models.count }, "Every row needs one cell per model")
        self.format = Self.formatIdentifier
        self.level = level
        self.stars = stars
        self.models = models
        self.rows = rows
    }

    private enum CodingKeys: String, CodingKey {
        case format, level, stars, models, rows
    }

    /// Decodes a comparison written by `ReportJSON`, checking the format tag and the table's shape.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let format = try container.decode(String.self, forKey: .format)
        guard format == Self.formatIdentifier else {
            throw DecodingError.dataCorruptedError(
                forKey: .format, in: container,
                debugDescription: "Expected format '\(Self.formatIdentifier)', found '\(format)'.")
        }
        let models = try container.decode([Model].self, forKey: .models)
        let rows = try container.decode([Row].self, forKey: .rows)
        guard !models.isEmpty else {
            throw DecodingError.dataCorruptedError(
                forKey: .models, in: container, debugDescription: "A model comparison needs at least one model.")
        }
        if let ragged = rows.first(where: { $0.cells.count != models.count }) {
            throw DecodingError.dataCorruptedError(
                forKey: .rows, in: container,
                debugDescription: "Row '\(ragged.name)' has \(ragged.cells.count) cells for \(models.count) models.")
        }
        let level = try container.decode(Double.self, forKey: .level)
        guard level > 0 && level < 1 else {
            throw DecodingError.dataCorruptedError(
                forKey: .level, in: container, debugDescription: "Confidence level \(level) is not in (0, 1).")
        }
        self.format = format
        self.level = level
        self.stars = try container.decode(SignificanceStars.self, forKey: .stars)
        self.models = models
        self.rows = rows
    }

    /// The row named `name`, if any.
    public subscript(name: String) -> Row? { rows.first { $0.name == name } }

    /// Absorbed fixed effects of all models, in order of first appearance (one footer row each).
    public var fixedEffects: [String] { Self.union(models.map(\.fixedEffects)) }

    /// Cluster variables of all models, in order of first appearance (one footer row each).
    public var clusterVariables: [String] { Self.union(models.map { $0.clusters.map(\.variable) }) }

    /// The legend of the stars, e.g. `* p < 0.10, ** p < 0.05, *** p < 0.01`.
    public var starsLegend: String { stars.legend }

    /// The names of `lists`, each once, in order of first appearance.
    static func union(_ lists: [[String]]) -> [String] {
        var seen = Set<String>()
        return lists.flatMap { $0 }.filter { seen.insert($0).inserted }
    }
}
