import Foundation

/// Month-by-month monetary benefits of one effect path: the benefit stream made concrete.
///
/// `total` = Σ benefit_m (undiscounted, the Phillips ROI convention for first-year benefits);
/// `presentValue` = Σ benefit_m (1 + r)^(−m/12) (for the NPV). Payback follows METHODS.md
/// (costs ÷ monthly benefits) generalised to a varying stream: the month at which cumulative
/// benefits reach the costs, interpolated linearly within that month; beyond the horizon, benefits
/// continue at the last month's rate (for a constant stream this is exactly costs ÷ monthly
/// benefits); ∞ when they never reach the costs.
public struct BenefitSchedule: Sendable, Equatable, Codable {
    /// Money in months 1…⌈H⌉ since training, undiscounted.
    public let monthly: [Double]
    /// The same months discounted to the training date.
    public let discounted: [Double]
    /// Months whose effect was extrapolated beyond the data (0 when the data cover the horizon).
    public let extrapolatedMonths: Int
    /// The horizon H in months (the last month may be partial).
    public let horizonMonths: Double

    public var total: Double { monthly.reduce(0, +) }
    public var presentValue: Double { discounted.reduce(0, +) }

    /// Months until cumulative benefits reach `costs` (see the type's comment).
    public func paybackMonths(costs: Double) -> Double {
        if costs <= 0 { return 0 }
        var cumulative = 0.0
        for (index, amount) in monthly.enumerated() {
            // Month index+1 lasts w ≤ 1 months (a partial last month), so its rate is amount ÷ w.
            let length = min(1, horizonMonths - Double(index))
            if amount > 0 && cumulative + amount >= costs {
                return Double(index) + length * (costs - cumulative) / amount
            }
            cumulative += amount
        }
        guard let last = monthly.last, last > 0 else { return .infinity }
        let lastLength = min(1, horizonMonths - Double(monthly.count - 1))
        return horizonMonths + (costs - cumulative) / (last / lastLength)
    }
}

extension BenefitStream {
    /// The months of the horizon the data do not estimate for `path`: 0 when covered.
    public func monthsBeyondData(for path: EffectPath) -> Int {
        guard let supported = path.estimatedMonths ?? dataSupportMonths else { return 0 }
        return max(0, monthsCounted - supported)
    }

    /// The benefit schedule of `path` at `valuePerUnit` (the point value, or a replicate's draw).
    ///
    /// - Throws: `AttributionError.horizonBeyondData` when the horizon outruns the data and the
    ///   extrapolation choice is `.refuse`; `.emptyEffectPath` for an empty path.
    public func schedule(path: EffectPath, valuePerUnit: Double) throws -> BenefitSchedule {
        if case .eventTime(let values) = path, values.isEmpty { throw AttributionError.emptyEffectPath }
        let beyond = monthsBeyondData(for: path)
        let supported = path.estimatedMonths ?? dataSupportMonths ?? monthsCounted
        if beyond > 0 && extrapolation == .refuse {
            throw AttributionError.horizonBeyondData(horizonMonths: monthsCounted, supportedMonths: supported)
        }
        var monthly: [Double] = []
        var discounted: [Double] = []
        monthly.reserveCapacity(monthsCounted)
        for m in 1...monthsCounted {
            let effect = effect(month: m, path: path, supported: supported)
            let weight = min(1, horizonMonths - Double(m - 1))
            let amount = effect * valuePerUnit * population * weight
            monthly.append(amount)
            discounted.append(discountRate == 0 ? amount : amount * pow(1 + discountRate, -Double(m) / 12))
        }
        return BenefitSchedule(
            monthly: monthly, discounted: discounted, extrapolatedMonths: beyond, horizonMonths: horizonMonths)
    }

    /// e_m: the path's effect, decayed for a constant, extrapolated past the supported months.
    func effect(month m: Int, path: EffectPath, supported: Int) -> Double {
        let retained = { (months: Int) in decayRate == 0 ? 1 : pow(1 - decayRate, Double(months) / 12) }
        if m > supported {
            switch extrapolation {
            case .refuse, .assumeNoEffect: return 0
            case .carryLastEffectForward:
                switch path {
                case .constant(let e): return e * retained(m - 1)
                case .eventTime(let values): return values[values.count - 1] * retained(m - values.count)
                }
            }
        }
        switch path {
        case .constant(let e): return e * retained(m - 1)
        case .eventTime(let values): return values[m - 1]
        }
    }
}
