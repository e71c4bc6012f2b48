import Attribution
import Inference

/// Warnings a study run adds to the estimator's own: bootstrap reliability, unsourced figures
/// (guiding principle 3) and a horizon beyond the first year (guiding principle 9).
enum StudyWarnings {
    /// Replicate counts below this make percentile endpoints rest on a handful of order statistics
    /// (Davison & Hinkley 1997, §5.2.3, recommend B ≥ 999 for 95 % percentile intervals; 199 is the floor).
    static let minimumReplicates = 199
    /// Below ~30 clusters a pairs cluster bootstrap and CR1 both tend to undercover
    /// (Cameron, Gelbach & Miller 2008; Cameron & Miller 2015, §VI).
    static let fewClusters = 30

    static func make(study: Study, clusterCount: Int, chain: ROIChainResult, headline: StudyMethodRun) -> [String] {
        var warnings: [String] = []
        let usesClusters = study.isolation.contains { $0.method != .participantEstimates }
        if usesClusters && clusterCount < fewClusters {
            warnings.append(
                "Only \(clusterCount) clusters (\(study.panel.cluster)): the pairs cluster bootstrap may undercover; "
                    + "a wild cluster bootstrap or CR2/CR3 standard errors are better choices with few clusters.")
        }
        if study.bootstrap.replicates < minimumReplicates {
            warnings.append(
                "Only \(study.bootstrap.replicates) bootstrap replicates: interval endpoints are imprecise; use at least 999.")
        }
        if chain.failedReplicates > 0 {
            warnings.append(
                "\(chain.failedReplicates) of \(study.bootstrap.replicates) bootstrap replicates of the headline method "
                    + "(\(headline.spec.method)) failed (a resample that cannot identify the effect, e.g. one without "
                    + "comparison clusters) and were left out of the ROI intervals.")
        }
        if chain.roiPercent.interval.usesExtremes {
            warnings.append(
                "Interval endpoints fell on extreme order statistics: too few successful replicates for a "
                    + "\(Int((study.bootstrap.level * 100).rounded())) % interval; add replicates.")
        }
        if study.conversion.source == nil {
            warnings.append("The conversion value has no source; state where it comes from (guiding principle 3).")
        }
        let unsourced = study.costs.filter { $0.source == nil }.map { "'\($0.item)'" }
        if !unsourced.isEmpty {
            warnings.append(
                "Cost item(s) without a source: \(unsourced.joined(separator: ", ")); state where each figure comes "
                    + "from (guiding principle 3).")
        }
        if study.benefits.horizonMonths > Study.defaultHorizonMonths {
            warnings.append(
                "Benefits are counted over \(study.benefits.horizonMonths) months; guiding principle 9 counts only the "
                    + "first year for short-term programs. Justify the longer horizon in the report.")
        }
        if chain.extrapolatedMonths > 0 {
            warnings.append(
                "The data support \(chain.schedule.monthly.count - chain.extrapolatedMonths) month(s) after training; the "
                    + "other \(chain.extrapolatedMonths) month(s) of the horizon follow the extrapolation choice "
                    + "(\(study.benefits.extrapolationName)).")
        }
        if chain.paybackMonths.point.isInfinite {
            warnings.append("Monthly benefits are not positive at the point estimate: the program does not pay back.")
        }
        return warnings
    }
}
