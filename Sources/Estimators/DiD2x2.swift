import DataFrameModule
import Inference
import LinearAlgebra
import ModelSpec

/// The canonical 2×2 difference-in-differences: two groups, two periods.
///
/// Fits `y = α + β·treated + γ·post + δ·treated·post + ε` by OLS and reports δ with a
/// cluster-robust (CR1, by unit unless told otherwise) standard error, next to the 2×2 table of
/// means whose double difference equals δ. Identifying assumptions, stated in the summary:
/// parallel trends of the untreated outcome, no anticipation, fixed group membership
/// (Angrist & Pischke 2009, ch. 5; Card & Krueger 1994). Matches statsmodels
/// `ols("y ~ treated + post + treated:post").fit(cov_type="cluster", …)` and Stata `regress y i.treated##i.post, vce(cluster id)`.
public enum DiD2x2 {
    /// Estimates the specification on `data`.
    ///
    /// - Throws: `EstimationError` (column not found, outcome non-numeric, indicator not 0/1, no
    ///   treated or untreated units, no pre or post period, an empty cell), `ModelSpecError` (e.g.
    ///   no rows left), `InferenceError` (e.g. a single cluster), `LinearAlgebraError`.
    public static func estimate(_ spec: DiD2x2Specification, data: DataFrame) throws -> DiD2x2Result {
        let covariance = spec.resolvedCovariance
        for name in [spec.outcome, spec.unit, spec.time, spec.treatedGroup] + covariance.clusterVariables {
            _ = try requireColumn(name, in: data)
        }
        let outcome = try requireColumn(spec.outcome, in: data)
        guard outcome.type.isNumeric else {
            throw EstimationError.nonNumericOutcome(variable: spec.outcome, type: outcome.type.description)
        }
        try checkBinary(try requireColumn(spec.treatedGroup, in: data))
        let (frame, postName) = try framePeriod(spec, data: data)

        let formulaText =
            "\(quoted(spec.outcome)) ~ \(quoted(spec.treatedGroup)) + \(quoted(postName)) + "
            + "\(quoted(spec.treatedGroup)):\(quoted(postName))"
        var options = DesignOptions()
        var required = [spec.unit]
        for name in covariance.clusterVariables where !required.contains(name) { required.append(name) }
        options.requiredColumns = required
        let design = try DesignMatrix.build(Formula.parse(formulaText), data: frame, options: options)

        let cells = try checkCells(design, spec: spec)
        let unitCodes = ClusterCoding.codes(try frame.column(named: spec.unit), rows: design.rowIndices)
        let units = unitSummary(unitCodes: unitCodes, treated: design.x.column(1))
        if units.treated == 0 { throw EstimationError.noTreatedUnits(column: spec.treatedGroup) }
        if units.control == 0 { throw EstimationError.noUntreatedUnits(column: spec.treatedGroup) }

        let regression = try LinearRegression.estimate(
            design, clusterSource: .frame(frame, rows: design.rowIndices), covariance: covariance)
        let interaction = design.columnNames[3]
        let row = regression.coefficientTable(level: spec.level)[interaction]!
        let clusters = try ClusterVariable(
            name: spec.clusterVariable,
            codes: ClusterCoding.codes(try frame.column(named: spec.clusterVariable), rows: design.rowIndices))
        var warnings: [String] = []
        if units.switching > 0 {
            warnings.append(
                "'\(spec.treatedGroup)' changes within \(units.switching) unit(s); the 2×2 design assumes "
                    + "fixed group membership. Check the indicator, or use an event-study design.")
        }
        return DiD2x2Result(
            specification: spec, meansTable: cells, regression: regression, interactionName: interaction,
            effect: row.estimate, standardError: row.standardError, pValue: row.pValue,
            confidenceInterval: (row.lower, row.upper), treatedUnits: units.treated, controlUnits: units.control,
            treatedUnitsObservedPost: treatedUnitsObservedPost(unitCodes: unitCodes, design: design),
            design: design, clusters: clusters, warnings: warnings)
    }

    /// The column called `name`, or `columnNotFound` with the closest name as a suggestion.
    static func requireColumn(_ name: String, in data: DataFrame) throws -> Column {
        guard let column = data[name] else {
            throw EstimationError.columnNotFound(name: name, suggestion: closestName(to: name, among: data.columnNames))
        }
        return column
    }

    /// Throws `indicatorNotBinary` unless every non-missing value is 0 or 1.
    static func checkBinary(_ column: Column) throws {
        guard let values = column.numericValues() else {
            let example = (0..<column.count).first { !column.isMissing($0) }.map { column.text(at: $0) } ?? "text"
            throw EstimationError.indicatorNotBinary(column: column.name, value: "'\(example)'")
        }
        if let bad = values.first(where: { !$0.isNaN && $0 != 0 && $0 != 1 }) {
            throw EstimationError.indicatorNotBinary(column: column.name, value: StatisticsText.compact(bad))
        }
    }

    /// The data with a post column, and that column's name (derived from the time column when the
    /// specification gives a treatment start).
    static func framePeriod(_ spec: DiD2x2Specification, data: DataFrame) throws -> (DataFrame, String) {
        switch spec.post {
        case .column(let name):
            try checkBinary(try requireColumn(name, in: data))
            return (data, name)
        case .treatmentStart(let start):
            let time = try requireColumn(spec.time, in: data)
            guard time.type != .categorical, let values = time.numericValues() else {
                throw EstimationError.nonNumericColumn(name: spec.time, type: time.type.description)
            }
            var name = "post"
            var suffix = 1
            while data[name] != nil {
                name = "post_\(suffix)"
                suffix += 1
            }
            let missing = values.map(\.isNaN)
            let post = values.map { $0.isNaN ? 0 : ($0 >= start ? 1.0 : 0.0) }
            let column = Column(name: name, values: .double(post, missing: missing))
            return (try DataFrame(columns: data.columns + [column]), name)
        }
    }

    /// A formula identifier, backquoted unless it is a plain name.
    static func quoted(_ name: String) -> String {
        let plain =
            name.first.map { $0.isLetter || $0 == "_" } == true
            && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
        return plain ? name : "`\(name)`"
    }

    /// Cell means and counts from the design (columns: intercept, treated, post, interaction), after
    /// checking there is a pre and a post period and no empty cell.
    static func checkCells(_ design: DesignMatrix, spec: DiD2x2Specification) throws -> DiD2x2MeansTable {
        var sums = [Double](repeating: 0, count: 4)
        var counts = [Int](repeating: 0, count: 4)
        let n = design.y.count
        for i in 0..<n {
            let cell = Int(design.x[i, 1]) * 2 + Int(design.x[i, 2])
            sums[cell] += design.y[i]
            counts[cell] += 1
        }
        if counts[0] + counts[2] == 0 { throw EstimationError.noPrePeriod(definition: spec.post.description) }
        if counts[1] + counts[3] == 0 { throw EstimationError.noPostPeriod(definition: spec.post.description) }
        if counts[2] + counts[3] == 0 { throw EstimationError.noTreatedUnits(column: spec.treatedGroup) }
        if counts[0] + counts[1] == 0 { throw EstimationError.noUntreatedUnits(column: spec.treatedGroup) }
        let groups = ["comparison", "comparison", "treated", "treated"]
        let periods = ["pre", "post", "pre", "post"]
        for c in 0..<4 where counts[c] == 0 { throw EstimationError.emptyCell(group: groups[c], period: periods[c]) }
        func cell(_ c: Int) -> DiD2x2MeansTable.Cell { .init(mean: sums[c] / Double(counts[c]), count: counts[c]) }
        return DiD2x2MeansTable(
            outcome: spec.outcome, controlPre: cell(0), controlPost: cell(1),
            treatedPre: cell(2), treatedPost: cell(3))
    }

    /// Treated units with at least one row in the post period (columns 1 and 2 are treated and post).
    static func treatedUnitsObservedPost(unitCodes: [Int32], design: DesignMatrix) -> Int {
        var seen = Set<Int32>()
        for i in 0..<design.rowCount where design.x[i, 1] == 1 && design.x[i, 2] == 1 { seen.insert(unitCodes[i]) }
        return seen.count
    }

    /// Number of treated and comparison units, and of units whose group indicator changes.
    static func unitSummary(unitCodes: [Int32], treated: [Double]) -> (treated: Int, control: Int, switching: Int) {
        var state: [Int32: UInt8] = [:]  // bit 0: seen untreated, bit 1: seen treated
        for i in unitCodes.indices {
            state[unitCodes[i], default: 0] |= treated[i] == 1 ? 2 : 1
        }
        var t = 0
        var c = 0
        var s = 0
        for bits in state.values {
            if bits == 3 { s += 1 }
            if bits & 2 != 0 { t += 1 } else { c += 1 }
        }
        return (t, c, s)
    }
}
