import Yams

extension StudyNode {
    /// The value of the top-level `key` of the YAML `text` as a node of `file` (nil when the key is
    /// absent or null), for reading one section on its own: tests, and sections parsed apart from
    /// the whole study.
    /// - Throws: `StudyError.malformedYAML` for text that is not YAML; `.unknownKey` for another key.
    static func section(_ key: String, yaml text: String, file: String) throws -> StudyNode? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw StudyError.malformedYAML(file: file, line: nil, column: nil, problem: "\(error)")
        }
        guard let root else { return nil }
        return try StudyNode(node: root, file: file, keyPath: "").mapping(allowed: [key]).optional(key)
    }
}
