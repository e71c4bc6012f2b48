import DataFrameModule
import Estimators
import ModelSpec

/// The rows of a 2×2 DiD fit prepared for the cluster bootstrap: per-cluster sufficient statistics
/// over the same rows and columns as the fit, dense cluster codes, and the treated units observed
/// in the post period (the default benefiting population).
struct BootstrapSample {
    let statistics: ClusterSufficientStatistics
    let clusterCount: Int
    let treatedUnitsObservedPost: Int

    /// Rebuilds the fit's design (same formula, same required columns, hence the same rows) and
    /// checks that it reproduces the fitted effect.
    init(study: Study, data: DataFrame, did: DiD2x2Result) throws {
        let spec = did.specification
        let (frame, postName) = try Self.framePeriod(spec, data: data)
        let formula = try Formula.parse(
            "\(Self.quoted(spec.outcome)) ~ \(Self.quoted(spec.treatedGroup)) + \(Self.quoted(postName)) + "
                + "\(Self.quoted(spec.treatedGroup)):\(Self.quoted(postName))")
        // The same required columns as DiD2x2 (unit, then cluster), so exactly the fit's rows are used.
        var required = [spec.unit]
        if spec.clusterVariable != spec.unit { required.append(spec.clusterVariable) }
        let design = try DesignMatrix.build(formula, data: frame, options: DesignOptions(requiredColumns: required))
        precondition(design.rowIndices.count == did.observations.usedRows, "Bootstrap design must use the fit's rows")

        let clusters = Self.denseCodes(try frame.column(named: spec.clusterVariable), rows: design.rowIndices)
        statistics = ClusterSufficientStatistics(
            design: design, clusterCodes: clusters.codes, columns: did.regression.keptColumns)
        clusterCount = clusters.count
        // Every cluster drawn once is the original sample: it must give back the fitted effect
        // (normal equations vs the fit's QR agree to far better than 1e-6 on a full-rank design).
        let all = try statistics.coefficients(clusterWeights: [Double](repeating: 1, count: clusterCount))
        let effect = all[statistics.columnNames.firstIndex(of: did.interactionName)!]
        precondition(
            abs(effect - did.effect) <= 1e-6 * max(1, abs(did.effect)),
            "Sufficient statistics give \(effect), the fit \(did.effect)")

        let units = Self.denseCodes(try frame.column(named: spec.unit), rows: design.rowIndices)
        var seen = [Bool](repeating: false, count: units.count)
        for i in 0..<design.rowCount where design.x[i, 1] == 1 && design.x[i, 2] == 1 {
            seen[Int(units.codes[i])] = true
        }
        treatedUnitsObservedPost = seen.filter { $0 }.count
    }

    /// Dense codes `0..<count` for the values of `column` at `rows`, numbered in order of first
    /// appearance among `rows`, so that values absent from `rows` get no code. Rows are the design's, so no id is missing
    /// (rows with a missing id were dropped as required columns).
    static func denseCodes(_ column: Column, rows: [Int]) -> (codes: [Int32], count: Int) {
        let all = column.groupCodes()
        var renumbered = [Int32](repeating: -1, count: all.count)
        var next: Int32 = 0
        var codes = [Int32](repeating: 0, count: rows.count)
        for (k, i) in rows.enumerated() {
            let code = Int(all.codes[i])
            precondition(code >= 0, "design rows must have an id")
            if renumbered[code] < 0 {
                renumbered[code] = next
                next += 1
            }
            codes[k] = renumbered[code]
        }
        return (codes, Int(next))
    }

    /// The data with the post indicator the specification implies, and its name. For a treatment
    /// start, post = 1 when time ≥ start, as `DiD2x2` defines it (missing time stays missing).
    static func framePeriod(_ spec: DiD2x2Specification, data: DataFrame) throws -> (DataFrame, String) {
        switch spec.post {
        case .column(let name):
            return (data, name)
        case .treatmentStart(let start):
            guard let values = try data.column(named: spec.time).numericValues() else {
                preconditionFailure("DiD2x2 accepted a non-numeric time column")
            }
            var name = "post"
            var suffix = 1
            while data[name] != nil {
                name = "post_\(suffix)"
                suffix += 1
            }
            let post = values.map { $0.isNaN ? 0 : ($0 >= start ? 1.0 : 0.0) }
            let column = Column(name: name, values: .double(post, missing: values.map(\.isNaN)))
            return (try DataFrame(columns: data.columns + [column]), name)
        }
    }

    /// A formula identifier, backquoted unless it is a plain name (the formula grammar's rule).
    static func quoted(_ name: String) -> String {
        let plain =
            name.first.map { $0.isLetter || $0 == "_" } == true
            && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
        return plain ? name : "`\(name)`"
    }
}
