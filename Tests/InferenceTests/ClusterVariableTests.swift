import Testing

@testable import Inference

@Suite("ClusterVariable: dense codes and intersections")
struct ClusterVariableTests {
    @Test("sparse codes are renumbered densely in code order")
    func densify() throws {
        let c = try ClusterVariable(name: "team", codes: [7, 3, 7, 10, 3])
        #expect(c.codes == [1, 0, 1, 2, 0])
        #expect(c.count == 3)
        let dense = try ClusterVariable(name: "team", codes: [0, 1, 1, 2])
        #expect(dense.codes == [0, 1, 1, 2] && dense.count == 3)
    }

    @Test("intersection counts the non-empty cells")
    func intersection() throws {
        let a = try ClusterVariable(name: "firm", codes: [0, 0, 1, 1, 2, 2])
        let b = try ClusterVariable(name: "year", codes: [0, 1, 0, 0, 1, 1])
        let ab = ClusterVariable.intersection(a, b)
        #expect(ab.count == 4)
        #expect(ab.codes == [0, 1, 2, 2, 3, 3])
        #expect(ab.name == "firm ∩ year")
    }
}
