import Foundation
import Inference
import LinearAlgebra

/// A relative-magnitudes fixture `datasets/reference/honest_<case>.json`, written by
/// `scripts/reference/honest_reference.py` (honestdid 0.1.1).
struct HonestDiDReferenceFixture: Decodable {
    struct Row: Decodable {
        let mbar: Double
        let lb: Double?
        let ub: Double?
    }

    struct Interval: Decodable {
        let lb: Double
        let ub: Double
    }

    let tool: String
    let toolVersion: String
    let alpha: Double
    let gridPoints: Int
    let numPrePeriods: Int
    let numPostPeriods: Int
    let betahat: [Double]
    let sigma: [[Double]]
    let lVec: [Double]
    let mbar: [Double]
    let original: Interval
    let conditional: [Row]?
    let cLf: [String: [Row]]

    enum CodingKeys: String, CodingKey {
        case tool, alpha, betahat, sigma, mbar, original, conditional
        case toolVersion = "tool_version"
        case gridPoints = "grid_points"
        case numPrePeriods = "num_pre_periods"
        case numPostPeriods = "num_post_periods"
        case lVec = "l_vec"
        case cLf = "c_lf"
    }

    static func load(_ name: String) throws -> HonestDiDReferenceFixture {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent("datasets/reference/honest_\(name).json")
        return try JSONDecoder().decode(HonestDiDReferenceFixture.self, from: Data(contentsOf: url))
    }

    func study() throws -> HonestDiDEventStudy {
        try HonestDiDEventStudy(
            estimates: betahat, covariance: Matrix(rowMajor: sigma),
            prePeriods: numPrePeriods, postPeriods: numPostPeriods)
    }

    func analysis(_ method: HonestDiDMethod, seed: UInt64 = 0) throws -> HonestDiDRelativeMagnitudes {
        try HonestDiDRelativeMagnitudes(
            study: study(), weights: lVec,
            options: HonestDiDOptions(alpha: alpha, method: method, gridPoints: gridPoints, seed: seed))
    }
}
