import Testing

@testable import Inference

@Suite("ClusterMembership: rows grouped by cluster")
struct ClusterMembershipTests {
    @Test("each cluster's rows, ascending, by counting sort")
    func grouping() throws {
        let cluster = try ClusterVariable(name: "g", codes: [2, 0, 2, 1, 0, 2])
        let m = ClusterMembership(cluster)
        #expect(m.count == 3)
        #expect(m.rows(of: 0) == [1, 4] && m.rows(of: 1) == [3] && m.rows(of: 2) == [0, 2, 5])
        #expect((0..<3).map(m.size(of:)) == [2, 1, 3])
    }
}
