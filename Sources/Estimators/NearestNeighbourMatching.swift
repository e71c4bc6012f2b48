/// One treated unit and the controls matched to it, nearest first.
public struct MatchedSet: Sendable, Equatable, Hashable {
    /// Used-row index of the treated unit.
    public let treatedRow: Int
    /// Used-row indices of its controls, in the order they were picked (nearest first).
    public let controlRows: [Int]

    /// A matched set.
    public init(treatedRow: Int, controlRows: [Int]) {
        self.treatedRow = treatedRow
        self.controlRows = controlRows
    }
}

/// Greedy 1:k nearest-neighbour matching on a scalar distance (the engine behind
/// ``ControlGroupComparison/nearestNeighbourMatching(_:)``), by exhaustive search.
///
/// Without replacement, matching runs in `k` rounds as MatchIt's `nn_matchC`: in each round every
/// still-active treated unit, in the chosen order, takes the nearest unused control within the
/// caliper; a unit that finds none stops (the pool only shrinks, so it could not match later).
/// With replacement, each treated unit takes its `k` nearest controls within the caliper.
/// Exact ties go to the lowest row (controls scanned in ascending row order, strict `<`).
/// Cost `O(n₁ n₀ k)` either way (exhaustive search over the controls for every treated unit).
enum NearestNeighbourMatcher {
    /// The matched sets (treated units with at least one control), in ascending treated row.
    ///
    /// - Parameters:
    ///   - distance: one distance value per row (score or linear score).
    ///   - width: caliper width in distance units (pairs with `|dᵢ − dⱼ| > width` are inadmissible).
    static func match(
        distance: [Double], treated: [Bool], ratio: Int, replacement: Bool,
        order: NearestNeighbourMatchingSpecification.Order, width: Double?
    ) -> [MatchedSet] {
        precondition(distance.count == treated.count, "One distance per row")
        precondition(ratio >= 1, "The matching ratio must be at least 1")
        let controls = treated.indices.filter { !treated[$0] }
        var treatedRows = treated.indices.filter { treated[$0] }
        if order == .largestFirst {
            // Explicit row tie-break: Swift's sort is not documented as stable.
            treatedRows.sort { distance[$0] != distance[$1] ? distance[$0] > distance[$1] : $0 < $1 }
        }
        var picks = [[Int]](repeating: [], count: treatedRows.count)
        if replacement {
            for (position, t) in treatedRows.enumerated() {
                // The k smallest (gap, row) pairs, kept sorted; scanning rows upwards and inserting after
                // equal gaps keeps the lower row first, so this equals sorting all candidates.
                var nearest: [(gap: Double, row: Int)] = []
                nearest.reserveCapacity(ratio + 1)
                for c in controls {
                    let gap = abs(distance[t] - distance[c])
                    if let width, gap > width { continue }
                    if nearest.count == ratio, gap >= nearest[ratio - 1].gap { continue }
                    let slot = nearest.firstIndex { $0.gap > gap } ?? nearest.count
                    nearest.insert((gap, c), at: slot)
                    if nearest.count > ratio { nearest.removeLast() }
                }
                picks[position] = nearest.map(\.row)
            }
        } else {
            var used = [Bool](repeating: false, count: treated.count)
            var active = [Bool](repeating: true, count: treatedRows.count)
            for _ in 0..<ratio {
                for (position, t) in treatedRows.enumerated() where active[position] {
                    var best: Int?
                    var bestGap = Double.infinity
                    for c in controls where !used[c] {
                        let gap = abs(distance[t] - distance[c])
                        if let width, gap > width { continue }
                        // Strict `<` over ascending rows: an exact tie keeps the lower row.
                        if gap < bestGap {
                            best = c
                            bestGap = gap
                        }
                    }
                    if let best {
                        picks[position].append(best)
                        used[best] = true
                    } else {
                        active[position] = false
                    }
                }
            }
        }
        return zip(treatedRows, picks).filter { !$0.1.isEmpty }
            .map { MatchedSet(treatedRow: $0.0, controlRows: $0.1) }
            .sorted { $0.treatedRow < $1.treatedRow }
    }

    /// MatchIt's ATT matching weights (`get_weights_from_mm` / `get_weights_from_subclass`).
    ///
    /// Matched treated units weigh 1; control `j` weighs `Σ_{sets s ∋ j} 1/|controls of s|`, then all
    /// control weights are rescaled to sum to the number of distinct matched controls. Unmatched units
    /// weigh 0. The rescaling leaves the ATT and its SE unchanged (it is constant within the arm).
    static func weights(_ sets: [MatchedSet], rows: Int) -> [Double] {
        var weights = [Double](repeating: 0, count: rows)
        var isControl = [Bool](repeating: false, count: rows)
        for set in sets {
            weights[set.treatedRow] = 1
            let share = 1 / Double(set.controlRows.count)
            for c in set.controlRows {
                weights[c] += share
                isControl[c] = true
            }
        }
        let distinct = isControl.filter { $0 }.count
        let total = weights.indices.reduce(0.0) { isControl[$1] ? $0 + weights[$1] : $0 }
        if total > 0 {
            let scale = Double(distinct) / total
            for i in weights.indices where isControl[i] { weights[i] *= scale }
        }
        return weights
    }
}
