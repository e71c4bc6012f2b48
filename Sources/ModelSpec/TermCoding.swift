/// Chooses, for every term, which categorical factors get a full dummy set and which drop their
/// reference level, so that the design has no redundancy built in.
///
/// This is patsy's rule (patsy/redundancy.py, `pick_contrasts_for_term`; patsy/build.py,
/// `_make_subterm_infos`). A term with categorical factors `a, b` spans the subterms
/// `1, a-, b-, a-:b-` ("-" = reference dropped). Terms are visited grouped by their numeric factors
/// (the group without numeric factors first, holding the intercept) and by degree; subterms
/// already spanned by earlier terms of the same group are skipped, and what is left is simplified
/// with `1 + a- = a+` ("+" = full dummy set). Consequences, matching R and patsy:
/// - with an intercept, `C(g)` drops its reference level; `C(g):x` after `x` does too;
/// - without an intercept, the first categorical main effect gets every level;
/// - `g:x` without `x`, or `a:b` without `a`, gets the levels needed to span the whole term
///   (patsy's `y ~ a:b` gives `b[T.b2]`, `a[T.a2]:b[b1]`, `a[T.a2]:b[b2]`).
/// Columns are then written in formula order (intercept first), which the choice does not depend on.
enum TermCoding {
    /// One block of columns of a term: each categorical factor in the block maps to `true` (every
    /// level) or `false` (reference left out); numeric factors of the term enter every block, and
    /// categorical factors absent from the map are left out of the block.
    typealias Subterm = [Factor: Bool]

    private struct Coded: Hashable {
        let factor: Factor
        let full: Bool
    }

    /// Subterms for each term of `terms` (same order), in the order their columns are written.
    static func subterms(for terms: [Term], hasIntercept: Bool, isCategorical: (Factor) -> Bool) -> [[Subterm]] {
        // Group term indices by their set of numeric factors; -1 stands for the intercept.
        var groupOrder: [Set<Factor>] = []
        var groups: [Set<Factor>: [Int]] = [:]
        func add(_ k: Int, _ key: Set<Factor>) {
            if groups[key] == nil { groupOrder.append(key) }
            groups[key, default: []].append(k)
        }
        if hasIntercept { add(-1, []) }
        for (k, term) in terms.enumerated() {
            add(k, Set(term.factors.filter { !isCategorical($0) }))
        }
        // patsy: the group without numeric factors always comes first.
        if let k = groupOrder.firstIndex(of: []) { groupOrder.insert(groupOrder.remove(at: k), at: 0) }

        var result = [[Subterm]](repeating: [], count: terms.count)
        for key in groupOrder {
            let degree = { (k: Int) in k < 0 ? 0 : terms[k].degree }
            let members = groups[key]!.sorted { (degree($0), $0) < (degree($1), $1) }
            var used = Set<Set<Coded>>()
            for k in members {
                let categorical = k < 0 ? [] : terms[k].factors.filter(isCategorical)
                var blocks = orderedSubsets(categorical)
                    .map { Set($0.map { Coded(factor: $0, full: false) }) }
                    .filter { !used.contains($0) }
                used.formUnion(blocks)
                simplify(&blocks)
                if k >= 0 {
                    result[k] = blocks.map { block in Dictionary(uniqueKeysWithValues: block.map { ($0.factor, $0.full) }) }
                }
            }
        }
        return result
    }

    /// All subsets of `items`, shorter first, ties in the order of the items' positions
    /// (patsy's `_subsets_sorted`).
    static func orderedSubsets<T>(_ items: [T]) -> [[T]] {
        precondition(items.count < 20, "Interaction of \(items.count) categorical factors is too large")
        let masks = (0..<(1 << items.count)).map { mask in items.indices.filter { mask & (1 << $0) != 0 } }
        let sorted = masks.sorted { a, b in a.count != b.count ? a.count < b.count : a.lexicographicallyPrecedes(b) }
        return sorted.map { $0.map { items[$0] } }
    }

    /// Repeatedly merges a block with a later block that has exactly one more factor coded "-":
    /// `s + s:f- = s:f+`, greedily from the left (patsy's `_simplify_subterms`).
    private static func simplify(_ blocks: inout [Set<Coded>]) {
        var merged = true
        while merged {
            merged = false
            search: for i in blocks.indices {
                for j in (i + 1)..<blocks.count
                where blocks[j].count == blocks[i].count + 1 && blocks[j].isSuperset(of: blocks[i]) {
                    let extra = blocks[j].subtracting(blocks[i]).first!
                    blocks[j] = blocks[i].union([Coded(factor: extra.factor, full: true)])
                    blocks.remove(at: i)
                    merged = true
                    break search
                }
            }
        }
    }
}
