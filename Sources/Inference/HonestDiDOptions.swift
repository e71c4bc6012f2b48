/// How the robust confidence set of a Rambachan–Roth sensitivity analysis is computed.
public enum HonestDiDMethod: Equatable, Sendable, CustomStringConvertible {
    /// The ARP conditional test alone (HonestDiD `method = "Conditional"`).
    case conditional
    /// The conditional / least-favourable hybrid (HonestDiD's default for relative magnitudes,
    /// `method = "C-LF"`): a first-stage least-favourable test of size `κ` (default `α/10`, the
    /// HonestDiD default), then the conditional test at `(α − κ)/(1 − κ)`.
    case leastFavorableHybrid(kappa: Double? = nil)

    /// HonestDiD's label: `"Conditional"` or `"C-LF"`.
    public var description: String {
        switch self {
        case .conditional: return "Conditional"
        case .leastFavorableHybrid: return "C-LF"
        }
    }
}

/// Settings of a relative-magnitudes sensitivity analysis; the defaults are HonestDiD's.
public struct HonestDiDOptions: Equatable, Sendable {
    /// Test size `α`: the robust sets have coverage `1 − α`.
    public var alpha: Double
    /// Conditional or hybrid test.
    public var method: HonestDiDMethod
    /// Points of the `θ` grid over which the test is inverted (HonestDiD `gridPoints = 1000`).
    public var gridPoints: Int
    /// Lower end of the `θ` grid; `nil`: `−20 sd(l'β̂_post)`, HonestDiD's default (centred at 0, not
    /// at the estimate: widen it when `|l'β̂_post|` exceeds ~15 standard errors).
    public var gridLower: Double?
    /// Upper end of the `θ` grid; `nil`: `+20 sd(l'β̂_post)`.
    public var gridUpper: Double?
    /// Normal draws for the least-favourable critical value (HonestDiD `sims = 1000`).
    public var simulations: Int
    /// Seed of those draws: draw `i` comes from `RandomStream(seed: seed, stream: i)`.
    public var seed: UInt64

    /// The defaults: `α = 0.05`, C-LF, 1000 grid points on `±20` standard errors, 1000 draws, seed 0.
    public init(
        alpha: Double = 0.05, method: HonestDiDMethod = .leastFavorableHybrid(), gridPoints: Int = 1000,
        gridLower: Double? = nil, gridUpper: Double? = nil, simulations: Int = 1000, seed: UInt64 = 0
    ) {
        precondition(alpha > 0 && alpha < 1, "alpha must be in (0, 1)")
        precondition(gridPoints >= 2, "the θ grid needs at least 2 points")
        precondition(simulations >= 10, "the least-favourable critical value needs at least 10 draws")
        if case .leastFavorableHybrid(let kappa?) = method {
            precondition(kappa > 0 && kappa < alpha, "kappa must be in (0, alpha)")
        }
        self.alpha = alpha
        self.method = method
        self.gridPoints = gridPoints
        self.gridLower = gridLower
        self.gridUpper = gridUpper
        self.simulations = simulations
        self.seed = seed
    }

    /// `κ` of the hybrid, or `nil` for the conditional test.
    var kappa: Double? {
        if case .leastFavorableHybrid(let kappa) = method { return kappa ?? alpha / 10 }
        return nil
    }
}
