import Inference

/// Carries an isolated effect and its bootstrap replicates through monetary conversion, the
/// benefit stream and the fully loaded cost ledger to ROI, BCR, payback and NPV with intervals.
///
/// This is the whole chain of METHODS.md: effect → money (conversion value, sampled per replicate
/// when uncertain) → benefits over the horizon (decay, discount, extrapolation choice) → costs
/// (fully loaded) → figures. The point figures use the point effect and the point value per unit.
public enum ROIChain {
    /// Settings of one ROI analysis.
    public struct Settings: Sendable, Equatable {
        public let stream: BenefitStream
        public let ledger: CostLedger
        public let level: Double
        public let method: BootstrapIntervalMethod
        public let hurdlePercent: Double?
        public let seed: UInt64
        public let scheme: String
        /// True when the horizon is the principle-9 default rather than the study's statement.
        public let horizonIsFirstYearDefault: Bool
        /// Principle applications made before the chain (the conversion table's choice, say).
        public let priorPrinciples: PrinciplesLog
        /// Levels 1–3 and the intangibles reported beside the ROI, when collected.
        public let chainOfImpact: ChainOfImpact?
        /// ISO currency code of the conversion value ("USD"); nil when not stated. A value in a
        /// currency other than the cost ledger's is refused.
        public let benefitCurrency: String?

        /// Settings with the percentile interval, no hurdle and a study-stated horizon by default.
        /// `seed` must be the seed of the isolation step's bootstrap, so replicate r's assumption
        /// draws pair with replicate r's resample.
        public init(
            stream: BenefitStream, ledger: CostLedger, level: Double = 0.95, method: BootstrapIntervalMethod = .percentile,
            hurdlePercent: Double? = nil, seed: UInt64, scheme: String, horizonIsFirstYearDefault: Bool = false,
            priorPrinciples: PrinciplesLog = PrinciplesLog(), chainOfImpact: ChainOfImpact? = nil,
            benefitCurrency: String? = nil
        ) {
            precondition(level > 0 && level < 1, "level must be in (0, 1)")
            self.stream = stream
            self.ledger = ledger
            self.level = level
            self.method = method
            self.hurdlePercent = hurdlePercent
            self.seed = seed
            self.scheme = scheme
            self.horizonIsFirstYearDefault = horizonIsFirstYearDefault
            self.priorPrinciples = priorPrinciples
            self.chainOfImpact = chainOfImpact
            self.benefitCurrency = benefitCurrency
        }
    }

    /// The chain for point effect `effect` and the bootstrap replicates `replicates` of the same
    /// estimator (replicate r at index r; a failed replicate is non-finite and is counted).
    ///
    /// - Throws: `AttributionError.intervalNotApplicable` for BCa and studentized intervals (they
    ///   need jackknife values or variances of every figure); `.nonFiniteEffect` for a
    ///   non-finite point effect; `.currencyMismatch` when `benefitCurrency` and the ledger
    ///   state different currencies; `.horizonBeyondData` when the horizon outruns the data and no
    ///   extrapolation is chosen; `.zeroTotalCost`; `.allReplicatesFailed`; and
    ///   `BootstrapIntervalError` when an interval is undefined for the replicates.
    public static func run(effect: EffectPath, replicates: [EffectPath], settings: Settings) throws -> ROIChainResult {
        guard settings.method == .percentile || settings.method == .basic || settings.method == .normal else {
            throw AttributionError.intervalNotApplicable(method: settings.method.label)
        }
        if !effect.isFinite {
            if case .eventTime(let values) = effect, !values.isEmpty {
                throw AttributionError.nonFiniteEffect(month: (values.firstIndex { !$0.isFinite } ?? 0) + 1)
            }
            if case .eventTime = effect { throw AttributionError.emptyEffectPath }
            throw AttributionError.nonFiniteEffect(month: 1)
        }
        let stream = settings.stream
        if let benefitCurrency = settings.benefitCurrency, let costCurrency = settings.ledger.currency,
            benefitCurrency != costCurrency
        {
            throw AttributionError.currencyMismatch(benefits: benefitCurrency, costs: costCurrency)
        }
        let costs = settings.ledger.total
        let pointValue = stream.conversion.valuePerUnit
        let pointSchedule = try stream.schedule(path: effect, valuePerUnit: pointValue)
        let point = try ROIChainFigures.compute(
            effect: summary(effect, stream), valuePerUnit: pointValue, schedule: pointSchedule, costs: costs)

        var draws: [ROIChainFigures] = []
        var failures: [ReplicateFailure] = []
        draws.reserveCapacity(replicates.count)
        for (r, path) in replicates.enumerated() {
            guard path.isFinite else {
                failures.append(ReplicateFailure(replicate: r, reason: "the isolation step gave no finite effect"))
                continue
            }
            guard path.estimatedMonths == effect.estimatedMonths else {
                failures.append(ReplicateFailure(replicate: r, reason: "the effect path has a different length from the estimate's"))
                continue
            }
            let value = stream.conversion.value(replicate: r, seed: settings.seed)
            let schedule = try stream.schedule(path: path, valuePerUnit: value)
            draws.append(try ROIChainFigures.compute(effect: summary(path, stream), valuePerUnit: value, schedule: schedule, costs: costs))
        }
        guard !draws.isEmpty else { throw AttributionError.allReplicatesFailed(count: replicates.count) }

        func estimate(_ key: KeyPath<ROIChainFigures, Double>) throws -> ROIEstimate {
            let values = draws.map { $0[keyPath: key] }
            // Basic and normal intervals are arithmetic on the replicates; an infinite payback breaks
            // them, while order statistics still place it (percentile).
            let anyInfinite = point[keyPath: key].isInfinite || values.contains { $0.isInfinite }
            let method = anyInfinite ? .percentile : settings.method
            let interval = try BootstrapInterval.interval(
                method, estimate: point[keyPath: key], replicates: values, level: settings.level)
            return ROIEstimate(point: point[keyPath: key], interval: interval)
        }
        let usable = Double(draws.count)
        let positive = Double(draws.filter { $0.roiPercent > 0 }.count) / usable
        let aboveHurdle = settings.hurdlePercent.map { h in Double(draws.filter { $0.roiPercent > h }.count) / usable }

        var principles = settings.priorPrinciples
        if let chain = settings.chainOfImpact { principles.append(contentsOf: chain.principlesLog) }
        principles.append(contentsOf: settings.ledger.principlesLog)
        principles.append(contentsOf: try stream.principlesLog(path: effect, firstYearDefault: settings.horizonIsFirstYearDefault))
        return ROIChainResult(
            effect: try estimate(\.effect), valuePerUnit: try estimate(\.valuePerUnit), benefits: try estimate(\.benefits),
            costs: try estimate(\.costs), netBenefits: try estimate(\.netBenefits), roiPercent: try estimate(\.roiPercent),
            benefitCostRatio: try estimate(\.benefitCostRatio), paybackMonths: try estimate(\.paybackMonths),
            netPresentValue: try estimate(\.netPresentValue), probabilityROIPositive: positive,
            hurdlePercent: settings.hurdlePercent, probabilityROIAboveHurdle: aboveHurdle, schedule: pointSchedule,
            replicatesUsed: draws.count, failures: failures, method: settings.method, level: settings.level,
            seed: settings.seed, scheme: settings.scheme, extrapolation: stream.extrapolation,
            extrapolatedMonths: pointSchedule.extrapolatedMonths, chainOfImpact: settings.chainOfImpact, principles: principles)
    }

    /// The effect reported for a path: a constant's value; for an event-time path, the mean of
    /// its estimated effects within the horizon.
    static func summary(_ path: EffectPath, _ stream: BenefitStream) -> Double {
        switch path {
        case .constant(let e): return e
        case .eventTime(let values):
            let inHorizon = values.prefix(stream.monthsCounted)
            return inHorizon.reduce(0, +) / Double(inHorizon.count)
        }
    }
}
