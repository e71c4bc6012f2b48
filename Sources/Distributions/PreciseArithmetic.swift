import Foundation

/// Small building blocks that keep full double precision where the obvious formula loses it.
///
/// Each function documents the cancellation it avoids. They are internal: the distributions
/// and special functions build on them, and `PreciseArithmeticTests` checks them against
/// high-precision values.
enum PreciseArithmetic {
    /// `log(1 + x) − x`, accurate also where the two terms nearly cancel (small `|x|`).
    ///
    /// For `|x| ≤ 0.5` it uses `t = x / (2 + x)`, `log(1 + x) = 2 atanh t`, hence
    /// `log(1 + x) − x = −x·t + 2t³ (1/3 + t²/5 + t⁴/7 + …)` (`|t| ≤ 1/3`, no cancellation);
    /// this is the function DiDonato & Morris (1992, ACM TOMS 18:360) call `−rlog1(x)`.
    static func log1pmx(_ x: Double) -> Double {
        guard abs(x) <= 0.5 else { return log1p(x) - x }
        let t = x / (2 + x)
        let t2 = t * t
        var power = 1.0
        var sum = 0.0
        var denominator = 3.0
        while true {
            let term = power / denominator
            sum += term
            if term <= 1e-17 * sum { break }
            power *= t2
            denominator += 2
        }
        return -x * t + 2 * t * t2 * sum
    }

    /// `log(value / target)` for positive arguments, keeping relative precision when the two
    /// are close (the difference is then exact by Sterbenz's lemma and `log1p` keeps it).
    static func logRatio(_ value: Double, _ target: Double) -> Double {
        let difference = value - target
        if abs(difference) <= 0.5 * target { return log1p(difference / target) }
        return log(value) - log(target)
    }

    /// `exp(−z²/2)` with `z²` split exactly into head and tail (`fma`, Dekker 1971), so the
    /// result keeps full relative precision even where `z²/2 ≈ 700` (a rounded `z²` would
    /// cost `z²/2 · ε ≈ 1e−13` there).
    static func expMinusHalfSquare(_ z: Double) -> Double {
        let head = z * z
        let tail = fmaTail(z, z, head)
        return exp(-0.5 * head) * exp(-0.5 * tail)
    }

    /// The rounding error of the product `a·b` whose rounded value is `product`: `a·b − product`, exactly.
    static func fmaTail(_ a: Double, _ b: Double, _ product: Double) -> Double {
        // fma(a, b, −product) rounds only once, and the true error is representable.
        (-product).addingProduct(a, b)
    }

    /// `a + b` as an unevaluated sum `head + tail` with `head = fl(a + b)` (Knuth's TwoSum).
    static func twoSum(_ a: Double, _ b: Double) -> (head: Double, tail: Double) {
        let head = a + b
        let bVirtual = head - a
        let aVirtual = head - bVirtual
        return (head, (a - aVirtual) + (b - bVirtual))
    }
}
