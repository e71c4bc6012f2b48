import DataFrameModule
import Inference
import ModelSpec
import Testing

@testable import Estimators

@Suite("ClusterBootstrapFixedEffects: fast pairs cluster bootstrap of TWFE coefficients")
struct ClusterBootstrapFixedEffectsTests {
    /// A staggered team × unit × month panel, rows sorted by team (so a team's dense cluster code is
    /// its number): `teams` teams of 3 units over 6 months, teams trained from month 3, 4 or 5 or
    /// never; `y = unit effect + month effect + 2·d + 0.5·x + noise`; positive weights `w`.
    static func panel(teams: Int = 12, seed: UInt64 = 5) throws -> DataFrame {
        var rng = SeededGenerator(seed: seed)
        var (y, d, x, w) = ([Double](), [Double](), [Double](), [Double]())
        var (team, unit, month) = ([Int](), [Int](), [Int]())
        let monthEffect = (0..<6).map { _ in rng.normal() }
        for t in 0..<teams {
            let cohort = [0, 3, 4, 5][t % 4]
            for j in 0..<3 {
                let level = 10 * rng.normal()
                for m in 1...6 {
                    let treated = cohort > 0 && m >= cohort ? 1.0 : 0
                    let covariate = rng.normal()
                    team.append(t)
                    unit.append(10 * t + j)
                    month.append(m)
                    d.append(treated)
                    x.append(covariate)
                    w.append(0.5 + rng.uniform())
                    y.append(level + monthEffect[m - 1] + 2 * treated + 0.5 * covariate + rng.normal())
                }
            }
        }
        return try DataFrame(columns: [
            doubleColumn("y", y), doubleColumn("d", d), doubleColumn("x", x), doubleColumn("w", w),
            integerColumn("team", team), integerColumn("unit", unit), integerColumn("month", month),
        ])
    }

    /// The resampled panel of cluster draws `draws` (team numbers in draw order): the rows of each
    /// drawn team, its units renumbered per draw so that duplicated teams are distinct units.
    static func resampled(_ data: DataFrame, draws: [Int]) throws -> DataFrame {
        guard case .integer(let team, _) = data["team"]!.values, case .integer(let unit, _) = data["unit"]!.values
        else { return data }
        var rows: [Int] = []
        var newUnit: [Int] = []
        for (p, c) in draws.enumerated() {
            for i in team.indices where team[i] == c {
                rows.append(i)
                newUnit.append(100_000 * (p + 1) + unit[i])
            }
        }
        let taken = try takingRows(data, rows)
        return try DataFrame(columns: taken.columns.filter { $0.name != "unit" } + [integerColumn("unit", newUnit)])
    }

    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-10) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(b))
    }

    @Test("nested effects are absorbed, crossed ones become dummies; full-sample slopes equal the TWFE fit")
    func fullSample() throws {
        let data = try Self.panel()
        let boot = try ClusterBootstrapFixedEffects("y ~ d + x | unit + month", data: data, cluster: "team")
        #expect(boot.nestedEffects == ["unit"])
        #expect(boot.dummyEffects.map(\.name) == ["month"] && boot.dummyEffects.map(\.levels) == [6])
        #expect(boot.columnNames == ["d", "x"] + (2...6).map { "month[T.\($0)]" })
        #expect(boot.clusterCount == 12 && boot.observationCount == 216)
        #expect(boot.label.contains("team, G = 12") && boot.label.contains("unit absorbed within clusters"))
        let fit = try LinearRegression.fit("y ~ d + x | unit + month", data: data)
        let ones = try boot.coefficients(clusterWeights: [Double](repeating: 1, count: 12))
        for (j, name) in ["d", "x"].enumerated() {
            let reference = try #require(fit.coefficient(name))
            #expect(Self.close(boot.coefficients[j], reference))
            #expect(Self.close(ones[j], reference))
        }
    }

    @Test(
        "every replicate equals refitting the TWFE model on the resampled panel (1e-10)",
        arguments: ["y ~ d + x | unit + month", "y ~ d + x | month"], [nil, "w"] as [String?])
    func replicatesEqualRefits(formula: String, weights: String?) throws {
        let data = try Self.panel()
        let boot = try ClusterBootstrapFixedEffects(formula, data: data, cluster: "team", weights: weights)
        #expect(boot.regressorCount == 2)
        let seed: UInt64 = 2_026
        let replicates = boot.run(replicates: 25, seed: seed, threads: 2)
        #expect(replicates.statisticCount == 2 && replicates.failed == 0)
        for r in 0..<25 {
            let draws = ResamplingPlan.cluster(count: 12).indices(forReplicate: r, seed: seed)
            let refit = try LinearRegression.fit(formula, data: Self.resampled(data, draws: draws), weights: weights)
            for (j, name) in ["d", "x"].enumerated() {
                let value = replicates.values[r * replicates.statisticCount + j]
                #expect(Self.close(value, try #require(refit.coefficient(name))), "replicate \(r), \(name)")
            }
        }
    }

    @Test("a month that only one team has drops out of the replicates without it, as in the refit")
    func absentDummyLevel() throws {
        let base = try Self.panel()
        // Team 0's three units (rows 0–17) also have a month 7: copies of their month-6 rows.
        var data = try takingRows(base, Array(0..<base.rowCount) + [5, 11, 17])
        guard case .integer(var month, _) = data["month"]!.values else { return }
        for i in base.rowCount..<month.count { month[i] = 7 }
        data = try data.replacing(integerColumn("month", month))
        let formula = "y ~ d + x | unit + month"
        let boot = try ClusterBootstrapFixedEffects(formula, data: data, cluster: "team")
        #expect(boot.columnNames.last == "month[T.7]")
        let seed: UInt64 = 8
        var withoutTeam0 = 0
        for r in 0..<15 {
            let draws = ResamplingPlan.cluster(count: 12).indices(forReplicate: r, seed: seed)
            if !draws.contains(0) { withoutTeam0 += 1 }
            let f = ResamplingPlan.cluster(count: 12).weights(forReplicate: r, seed: seed)
            let beta = try boot.coefficients(clusterWeights: f)
            #expect(beta.last!.isNaN == !draws.contains(0))
            let refit = try LinearRegression.fit(formula, data: Self.resampled(data, draws: draws))
            #expect(Self.close(beta[0], try #require(refit.coefficient("d"))), "replicate \(r)")
        }
        #expect(withoutTeam0 > 0 && withoutTeam0 < 15)
    }

    @Test("a nested cluster-level effect is absorbed too; cluster draws are ClusterBootstrap's")
    func nestedTeamEffect() throws {
        let data = try Self.panel()
        let boot = try ClusterBootstrapFixedEffects("y ~ d | team + month", data: data, cluster: "team")
        #expect(boot.nestedEffects == ["team"])
        let seed: UInt64 = 7
        let fast = boot.run(replicates: 10, seed: seed, threads: 1)
        for r in 0..<10 {
            let weights = ClusterBootstrap.weights(forReplicate: r, clusterCount: 12, seed: seed)
            var draws: [Int] = []
            for (c, f) in weights.enumerated() { draws += [Int](repeating: c, count: Int(f)) }
            // Team ids must stay distinct per draw as well: they are the nested effect here.
            var resampled = try Self.resampled(data, draws: draws)
            guard case .integer(let units, _) = resampled["unit"]!.values else { return }
            resampled = try DataFrame(
                columns: resampled.columns.filter { $0.name != "team" } + [integerColumn("team", units.map { $0 / 10 })])
            let refit = try LinearRegression.fit("y ~ d | team + month", data: resampled)
            #expect(Self.close(fast.values[r * fast.statisticCount], try #require(refit.coefficient("d"))))
        }
    }

    @Test("replicates are bit-identical on 1 and 2 threads")
    func threadInvariance() throws {
        let boot = try ClusterBootstrapFixedEffects("y ~ d + x | unit + month", data: Self.panel(), cluster: "team")
        let one = boot.run(replicates: 200, seed: 99, threads: 1)
        let two = boot.run(replicates: 200, seed: 99, threads: 2)
        #expect(one == two)
        #expect(one.scheme == boot.label && one.seed == 99)
    }

    @Test("the chain statistic receives each replicate's coefficients and cluster frequencies")
    func chainStatistic() throws {
        let boot = try ClusterBootstrapFixedEffects("y ~ d | unit + month", data: Self.panel(), cluster: "team")
        let plain = boot.run(replicates: 30, seed: 3)
        let chain = boot.run(replicates: 30, seed: 3) { beta, f in [100 * beta[0], f.reduce(0, +)] }
        for r in 0..<30 {
            #expect(chain.values[2 * r] == 100 * plain.values[r * plain.statisticCount])
            #expect(chain.values[2 * r + 1] == 12)
        }
    }

    @Test("an effect that crosses the clusters with too many levels is refused with a typed error")
    func crossedEffectRefused() throws {
        let data = try Self.panel()
        #expect(throws: ClusterBootstrapFixedEffectsError.effectNotNested(effect: "month", levels: 6, cluster: "team", limit: 5)) {
            try ClusterBootstrapFixedEffects("y ~ d | unit + month", data: data, cluster: "team", maximumDummyLevels: 5)
        }
        // Clustering by month: the unit effect (36 levels) crosses the 6 month clusters.
        #expect(throws: ClusterBootstrapFixedEffectsError.effectNotNested(effect: "unit", levels: 36, cluster: "month", limit: 20)) {
            try ClusterBootstrapFixedEffects("y ~ d | unit + month", data: data, cluster: "month", maximumDummyLevels: 20)
        }
        let message = ClusterBootstrapFixedEffectsError.effectNotNested(effect: "unit", levels: 36, cluster: "month", limit: 20)
            .description
        #expect(message.contains("not nested") && message.contains("O(N) refit per replicate"))
    }

    @Test("fewer than two clusters is a typed error")
    func tooFewClusters() throws {
        let data = try Self.panel(teams: 1)
        #expect(throws: ClusterBootstrapFixedEffectsError.tooFewClusters(cluster: "team", count: 1)) {
            try ClusterBootstrapFixedEffects("y ~ d | unit + month", data: data, cluster: "team")
        }
    }

    @Test("a replicate that loses the treatment's variation fails and is counted")
    func singularReplicatesCounted() throws {
        // Only team 1 (cohort 3) is ever trained when the panel has 4 teams with cohorts 0, 3, 0, 0.
        let data = try Self.panel(teams: 4)
        guard case .double(var d, let missing) = data["d"]!.values, case .integer(let team, _) = data["team"]!.values
        else { return }
        for i in d.indices where team[i] != 1 { d[i] = 0 }
        let edited = try DataFrame(
            columns: data.columns.filter { $0.name != "d" } + [Column(name: "d", values: .double(d, missing: missing))])
        let boot = try ClusterBootstrapFixedEffects("y ~ d | unit + month", data: edited, cluster: "team")
        let result = boot.run(replicates: 100, seed: 1)
        let expected = (0..<100).filter {
            ClusterBootstrap.weights(forReplicate: $0, clusterCount: 4, seed: 1)[1] == 0
        }.count
        #expect(expected > 0 && result.failed == expected)
        #expect(throws: EstimationError.singularReplicate(parameters: boot.parameterCount)) {
            try boot.coefficients(clusterWeights: [2, 0, 1, 1])
        }
    }

    @Test("without absorbed effects the replicates equal the plain cluster sufficient statistics")
    func noAbsorbedEffects() throws {
        let data = try Self.panel()
        let boot = try ClusterBootstrapFixedEffects("y ~ d + x", data: data, cluster: "team")
        #expect(boot.columnNames == ["Intercept", "d", "x"] && boot.nestedEffects.isEmpty)
        let design = try DesignMatrix.build(Formula.parse("y ~ d + x"), data: data)
        guard case .integer(let team, _) = data["team"]!.values else { return }
        let plain = ClusterSufficientStatistics(design: design, clusterCodes: team.map { Int32($0) })
        let f = ClusterBootstrap.weights(forReplicate: 4, clusterCount: 12, seed: 11)
        let a = try boot.coefficients(clusterWeights: f)
        let b = try plain.coefficients(clusterWeights: f)
        for j in 0..<3 { #expect(Self.close(a[j], b[j], 1e-11)) }
    }
}
