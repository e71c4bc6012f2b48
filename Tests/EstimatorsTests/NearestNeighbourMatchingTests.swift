import Testing

@testable import Estimators

/// The greedy matcher on hand-made distances chosen as exact binary fractions, so that planted ties
/// are exact: tie rule, matching order, caliper boundary, rounds for 1:k, and MatchIt's weights.
@Suite("Nearest-neighbour matcher rules")
struct NearestNeighbourMatchingTests {
    func match(
        _ distance: [Double], _ treated: [Bool], ratio: Int = 1, replacement: Bool = false,
        order: NearestNeighbourMatchingSpecification.Order = .largestFirst, width: Double? = nil
    ) -> [MatchedSet] {
        NearestNeighbourMatcher.match(
            distance: distance, treated: treated, ratio: ratio, replacement: replacement, order: order, width: width)
    }

    @Test(arguments: [false, true])
    func exactTiesGoToTheLowestRow(replacement: Bool) {
        // Controls at 0.75 and 0.25 are both exactly 0.25 from the treated unit at 0.5.
        #expect(
            match([0.75, 0.5, 0.25], [false, true, false], replacement: replacement)
                == [MatchedSet(treatedRow: 1, controlRows: [0])])
        #expect(
            match([0.25, 0.5, 0.75], [false, true, false], replacement: replacement)
                == [MatchedSet(treatedRow: 1, controlRows: [0])])
        // Duplicated controls (same distance): the first copy wins.
        #expect(
            match([0.5, 0.125, 0.125], [true, false, false], replacement: replacement)
                == [MatchedSet(treatedRow: 0, controlRows: [1])])
    }

    @Test func orderDecidesWhoGetsAContestedControl() {
        // Treated at 0.5 (row 0) and 0.75 (row 1) both sit 0.125 from the control at 0.625.
        let distance = [0.5, 0.75, 0.625, 0.0]
        let treated = [true, true, false, false]
        #expect(
            match(distance, treated, order: .largestFirst) == [
                MatchedSet(treatedRow: 0, controlRows: [3]), MatchedSet(treatedRow: 1, controlRows: [2]),
            ])
        #expect(
            match(distance, treated, order: .dataOrder) == [
                MatchedSet(treatedRow: 0, controlRows: [2]), MatchedSet(treatedRow: 1, controlRows: [3]),
            ])
        // Equal scores among treated: the lower row is matched first under "largest first" too.
        #expect(match([0.5, 0.5, 0.5, 0.0], treated, order: .largestFirst)[0] == MatchedSet(treatedRow: 0, controlRows: [2]))
        // With replacement both take the same nearest control.
        #expect(match(distance, treated, replacement: true).map(\.controlRows) == [[2], [2]])
    }

    @Test func theCaliperIsInclusiveAndDropsUnmatchedTreated() {
        let distance = [0.5, 0.25, 0.875]
        let treated = [true, false, true]
        // Gap 0.25 to the only control: admitted at width 0.25, refused just below.
        #expect(match(distance, treated, width: 0.25) == [MatchedSet(treatedRow: 0, controlRows: [1])])
        #expect(match(distance, treated, width: 0.25.nextDown).isEmpty)
        #expect(match(distance, treated, replacement: true, width: 0.625).count == 2)
    }

    @Test func ratioTwoMatchesInRoundsWithoutReplacement() {
        // Treated A = 0.5 (row 0) is first (largest), B = 0.25 (row 1). Round 1: A takes 0.5 (row 2),
        // B takes 0.375 (row 3). Round 2: A ties between 0.0 and 1.0 (0.5 each) and takes row 4;
        // B takes what is left. Taking two at once would have given A rows 2 and 3.
        let distance = [0.5, 0.25, 0.5, 0.375, 0.0, 1.0]
        let treated = [true, true, false, false, false, false]
        #expect(
            match(distance, treated, ratio: 2) == [
                MatchedSet(treatedRow: 0, controlRows: [2, 4]), MatchedSet(treatedRow: 1, controlRows: [3, 5]),
            ])
        // With replacement each takes its own two nearest: A rows 2, 3; B row 3, then the tie at 0.25
        // between rows 2 and 4 goes to row 2.
        #expect(
            match(distance, treated, ratio: 2, replacement: true) == [
                MatchedSet(treatedRow: 0, controlRows: [2, 3]), MatchedSet(treatedRow: 1, controlRows: [3, 2]),
            ])
    }

    @Test func weightsFollowMatchIt() {
        // A: two controls (½ each), B: one control shared with A → 1 + ½; rescaled to 2 distinct controls.
        let shared = NearestNeighbourMatcher.weights(
            [MatchedSet(treatedRow: 0, controlRows: [2, 3]), MatchedSet(treatedRow: 1, controlRows: [3])], rows: 5)
        #expect(shared == [1, 1, 0.5, 1.5, 0])
        // 1:2 without replacement: each control ½, rescaled so the four controls sum to 4.
        let pairs = NearestNeighbourMatcher.weights(
            [MatchedSet(treatedRow: 0, controlRows: [2, 3]), MatchedSet(treatedRow: 1, controlRows: [4, 5])], rows: 6)
        #expect(pairs == [1, 1, 1, 1, 1, 1])
        // Mixed 2 and 1 controls: ½, ½, 1 → rescaled by 3/2.
        let mixed = NearestNeighbourMatcher.weights(
            [MatchedSet(treatedRow: 0, controlRows: [2, 3]), MatchedSet(treatedRow: 1, controlRows: [4])], rows: 5)
        #expect(mixed == [1, 1, 0.75, 0.75, 1.5])
    }

    @Test(arguments: [1, 2, 3])
    func withReplacementEqualsSortingEveryCandidate(ratio: Int) {
        // Distances on a grid of eighths, so exact ties are common; the naive definition sorts all
        // admissible controls by (gap, row) and keeps the first k.
        var rng = SeededGenerator(seed: UInt64(100 + ratio))
        for _ in 0..<20 {
            let n = 30
            let distance = (0..<n).map { _ in Double(rng.integer(below: 9)) / 8 }
            let treated = (0..<n).map { _ in rng.uniform() < 0.3 }
            let width = rng.uniform() < 0.5 ? nil : Double(rng.integer(below: 3)) / 8
            var expected: [MatchedSet] = []
            for t in treated.indices where treated[t] {
                var candidates: [(gap: Double, row: Int)] = []
                for c in treated.indices where !treated[c] {
                    let gap = abs(distance[t] - distance[c])
                    if let width, gap > width { continue }
                    candidates.append((gap, c))
                }
                candidates.sort { $0.gap != $1.gap ? $0.gap < $1.gap : $0.row < $1.row }
                if !candidates.isEmpty {
                    expected.append(MatchedSet(treatedRow: t, controlRows: candidates.prefix(ratio).map(\.row)))
                }
            }
            #expect(match(distance, treated, ratio: ratio, replacement: true, width: width) == expected)
        }
    }

    @Test func specificationDescribesItself() {
        #expect(
            NearestNeighbourMatchingSpecification().description
                == "1:1 nearest-neighbour matching on the propensity score without replacement, largest score first")
        let spec = NearestNeighbourMatchingSpecification(
            ratio: 3, replacement: true, caliper: 0.2, distance: .linearPropensityScore)
        #expect(
            spec.description
                == "1:3 nearest-neighbour matching on the linear propensity score (logit) with replacement, caliper 0.2 SD")
        #expect(BalanceAdjustment.nearestNeighbourMatching(spec).description == spec.description)
        #expect(BalanceAdjustment.inverseProbabilityWeighting(.averageTreatmentEffectOnTreated).description == "IPW (ATT)")
    }
}
