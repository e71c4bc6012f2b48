import Foundation

/// Equal-width bins of a sample, for an `SVGPlot` histogram.
///
/// Bins span [min, max] of the finite values; the bin count defaults to the square-root choice
/// k = ⌈√n⌉ clamped to 5…40 (as spreadsheet histograms use; with 999 bootstrap replicates this
/// gives 32 bins, fine enough to show the shape and coarse enough to be stable). A value equal to
/// the upper edge falls in the last bin, as in R's `hist(…, right = FALSE, include.lowest = TRUE)`.
public struct SVGHistogram: Sendable, Equatable {
    /// `counts.count + 1` increasing bin edges.
    public let edges: [Double]
    /// Values in each bin.
    public let counts: [Int]
    /// Values left out because they were NaN or infinite.
    public let excluded: Int

    /// Bins of the finite values in `values`; `binCount` overrides the square-root choice.
    public init(values: [Double], binCount: Int? = nil) {
        precondition(binCount == nil || binCount! >= 1, "a histogram needs at least one bin")
        let finite = values.filter(\.isFinite)
        excluded = values.count - finite.count
        guard var low = finite.min(), var high = finite.max() else {
            edges = [0, 1]
            counts = [0]
            return
        }
        if low == high {
            // One distinct value: a unit-wide bin around it (10 % of its size when that is larger).
            let pad = max(0.5, abs(low) * 0.05)
            low -= pad
            high += pad
        }
        let k = binCount ?? min(40, max(5, Int(Double(finite.count).squareRoot().rounded(.up))))
        let width = (high - low) / Double(k)
        edges = (0...k).map { $0 == k ? high : low + Double($0) * width }
        var counts = [Int](repeating: 0, count: k)
        for v in finite {
            counts[min(k - 1, Int((v - low) / width))] += 1
        }
        self.counts = counts
    }
}
