import Estimators
import Foundation
import Inference

/// A pyfixest reference file `datasets/reference/fe_*.json` (schema written by
/// `scripts/reference/fe_reference.py`); only the keys the tests read are decoded.
struct FixedEffectsReferenceFile: Decodable {
    let tool: String
    let toolVersion: String
    let fits: [FixedEffectsReferenceFit]

    enum CodingKeys: String, CodingKey {
        case tool, fits
        case toolVersion = "tool_version"
    }

    static func load(_ name: String) throws -> FixedEffectsReferenceFile {
        let url = repositoryRoot.appendingPathComponent("datasets/reference/\(name)")
        return try JSONDecoder().decode(FixedEffectsReferenceFile.self, from: Data(contentsOf: url))
    }

    func fit(named name: String) -> FixedEffectsReferenceFit? { fits.first { $0.name == name } }
}

/// One pyfixest `feols` fit with absorbed fixed effects.
struct FixedEffectsReferenceFit: Decodable {
    let name: String
    let formula: String
    let weights: String?
    let fixefRm: String
    let data: String
    let nTotal: Int
    let nUsed: Int
    let fixedEffects: [String: Int]
    let coefficientNames: [String]
    let coefficients: [Double]
    let r2: Double
    let adjR2: Double
    let r2Within: Double
    let adjR2Within: Double
    let covariances: [String: FixedEffectsReferenceCovariance]

    enum CodingKeys: String, CodingKey {
        case name, formula, weights, data, coefficients, covariances
        case fixefRm = "fixef_rm"
        case nTotal = "n_total"
        case nUsed = "n_used"
        case fixedEffects = "fixed_effects"
        case coefficientNames = "coefficient_names"
        case r2
        case adjR2 = "adj_r2"
        case r2Within = "r2_within"
        case adjR2Within = "adj_r2_within"
    }

    var dataPath: String { repositoryRoot.appendingPathComponent(data).path }
}

/// pyfixest's `ssc()` dictionary.
struct ReferenceSSC: Decodable {
    let kAdj: Bool
    let kFixef: String
    let gAdj: Bool
    let gDf: String

    enum CodingKeys: String, CodingKey {
        case kAdj = "k_adj"
        case kFixef = "k_fixef"
        case gAdj = "G_adj"
        case gDf = "G_df"
    }

    /// The same convention in the workbench's terms (pyfixest's `t` df is always G − 1 with clusters).
    ///
    /// One corner differs (documented in `SmallSampleConvention`): pyfixest's HC1 factor is
    /// N/(N − K) with `k_adj` and 1 without, whatever `G_adj`; fixest (and the workbench) apply
    /// N/(N − 1) under `cluster.adj` even without `adj`. So a pyfixest hetero covariance without
    /// `k_adj` is the workbench's with both adjustments off.
    func convention(forKey key: String) -> SmallSampleConvention {
        var c = convention
        if key.hasPrefix("hetero") && !kAdj { c.adjustsForClusters = false }
        return c
    }

    /// The same convention in the workbench's terms, for the clustered and classical types.
    var convention: SmallSampleConvention {
        let count: SmallSampleConvention.FixedEffectCount
        switch kFixef {
        case "none": count = .none
        case "full": count = .full
        default: count = .nested
        }
        return SmallSampleConvention(
            adjustsForParameters: kAdj, fixedEffects: count, adjustsForClusters: gAdj,
            clusterCount: gDf == "min" ? .minimum : .conventional, clusteredDegrees: .minimumClusters)
    }
}

struct FixedEffectsReferenceCovariance: Decodable {
    let call: String
    let ssc: ReferenceSSC
    let se: [Double]
    let vcov: [[Double]]
    let dfT: Double
    let dfK: Int
    let nClusters: [String: Int]

    enum CodingKeys: String, CodingKey {
        case call, ssc, se, vcov
        case dfT = "df_t"
        case dfK = "df_k"
        case nClusters = "n_clusters"
    }
}

/// The covariance type of a pyfixest key: `iid`, `hetero`, `CRV1:a`, `CRV1:a+b`, with an optional
/// `@ssc-override` suffix (the convention comes from the record's `ssc`).
func covarianceType(forPyfixestKey key: String) -> CovarianceType {
    let kind = key.split(separator: "@")[0]
    switch kind {
    case "iid": return .classical
    case "hetero": return .hc1
    default:
        precondition(kind.hasPrefix("CRV1:"), "Unknown pyfixest covariance key \(key)")
        return .clustered(by: kind.dropFirst(5).split(separator: "+").map(String.init))
    }
}
