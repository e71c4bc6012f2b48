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

    static func make(study: Study, clusterCount: Int, replicates: BootstrapReplicates, roi: ROIAnalysis) -> [String] {
        var warnings: [String] = []
        if clusterCount < fewClusters {
            warnings.append(
                "Only \(clusterCount) clusters (\(study.panel.cluster)): the pairs cluster bootstrap may undercover; "
                    + "a wild cluster bootstrap or CR2/CR3 standard errors are better choices with few clusters.")
        }
        if replicates.replicates < minimumReplicates {
            warnings.append(
                "Only \(replicates.replicates) bootstrap replicates: interval endpoints are imprecise; use at least 999.")
        }
        if replicates.failed > 0 {
            warnings.append(
                "\(replicates.failed) of \(replicates.replicates) bootstrap replicates failed (a resample that "
                    + "cannot identify the effect, e.g. one without comparison clusters) and were left out of the intervals.")
        }
        if roi.roiInterval.usesExtremes {
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
        if roi.point.paybackMonths.isInfinite {
            warnings.append("Monthly benefits are not positive at the point estimate: the program does not pay back.")
        }
        return warnings
    }
}
