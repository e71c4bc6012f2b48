import DataFrameModule
import Foundation
import Yams

/// A YAML node together with its place in the study file, so that every typed read can report the
/// file, key path, line and column of a problem.
struct StudyNode {
    let node: Node
    let file: String
    let keyPath: String

    /// Where this node sits.
    var location: StudyLocation {
        StudyLocation(file: file, keyPath: keyPath, line: node.mark?.line, column: node.mark?.column)
    }

    /// A child location that does not exist in the file (a missing key), placed at this node.
    func missingChild(_ key: String) -> StudyLocation {
        StudyLocation(file: file, keyPath: join(key), line: node.mark?.line, column: node.mark?.column)
    }

    /// The key path of a child key.
    func join(_ key: String) -> String { keyPath.isEmpty ? key : "\(keyPath).\(key)" }

    /// Whether the node is YAML null (`key:` with nothing after it, or `~`): treated as absent.
    var isNull: Bool {
        guard case .scalar(let s) = node else { return false }
        // Only plain scalars can be null: a quoted "" or "null" is text.
        return s.style == .plain && node.tag.description == Tag.Name.null.rawValue
    }

    /// A short description of what the node is, for "expected X, found Y" messages.
    var kindDescription: String {
        switch node {
        case .mapping: return "a mapping (key: value pairs)"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let s):
            if isNull { return "an empty value" }
            switch node.tag.description {
            case Tag.Name.int.rawValue, Tag.Name.float.rawValue: return "the number \(s.string)"
            case Tag.Name.bool.rawValue: return "the yes/no value '\(s.string)'"
            default: return "the text '\(s.string)'"
            }
        }
    }

    /// The node as a mapping whose keys must all be in `allowed` (unknown keys get a suggestion).
    func mapping(allowed: [String]) throws -> StudyMapping {
        guard case .mapping(let m) = node else {
            throw StudyError.wrongType(location, expected: "a mapping (key: value pairs)", found: kindDescription)
        }
        var entries: [String: StudyNode] = [:]
        for (keyNode, valueNode) in m {
            guard case .scalar(let keyScalar) = keyNode else {
                throw StudyError.wrongType(location, expected: "text keys", found: "a key that is not text")
            }
            let key = keyScalar.string
            guard allowed.contains(key) else {
                let here = StudyLocation(
                    file: file, keyPath: join(key), line: keyNode.mark?.line, column: keyNode.mark?.column)
                throw StudyError.unknownKey(
                    here, key: key, suggestion: closestName(to: key, among: allowed), allowed: allowed)
            }
            entries[key] = StudyNode(node: valueNode, file: file, keyPath: join(key))
        }
        return StudyMapping(owner: self, entries: entries)
    }

    /// The node as a list of nodes (`key[0]`, `key[1]`, …).
    func sequence() throws -> [StudyNode] {
        guard case .sequence(let s) = node else {
            throw StudyError.wrongType(location, expected: "a list (lines starting with '- ')", found: kindDescription)
        }
        return s.enumerated().map { StudyNode(node: $1, file: file, keyPath: "\(keyPath)[\($0)]") }
    }

    /// Any non-empty scalar as text. YAML's implicit typing turns `yes` or `2024` into non-strings;
    /// names and sources are read back as written so that such values still work.
    func text() throws -> String {
        guard case .scalar(let s) = node, !isNull else {
            throw StudyError.wrongType(location, expected: "text", found: kindDescription)
        }
        return s.string
    }

    /// A finite number (YAML int or float).
    func number() throws -> Double {
        let tag = node.tag.description
        guard case .scalar = node, tag == Tag.Name.int.rawValue || tag == Tag.Name.float.rawValue,
            let value = node.float
        else {
            throw StudyError.wrongType(location, expected: "a number", found: kindDescription)
        }
        guard value.isFinite else {
            throw StudyError.invalidValue(location, value: "\(value)", advice: "Give a finite number.")
        }
        return value
    }

    /// A whole number (YAML int).
    func integer() throws -> Int {
        guard case .scalar = node, node.tag.description == Tag.Name.int.rawValue, let value = node.int else {
            throw StudyError.wrongType(location, expected: "a whole number", found: kindDescription)
        }
        return value
    }

    /// A non-negative whole number up to 2⁶⁴ − 1 (seeds).
    func unsignedInteger() throws -> UInt64 {
        guard case .scalar(let s) = node, node.tag.description == Tag.Name.int.rawValue else {
            throw StudyError.wrongType(location, expected: "a whole number", found: kindDescription)
        }
        let digits = s.string.replacingOccurrences(of: "_", with: "")
        guard let value = UInt64(digits) else {
            throw StudyError.invalidValue(
                location, value: s.string, advice: "Give a whole number between 0 and 18446744073709551615.")
        }
        return value
    }
}

/// The entries of a YAML mapping, keyed by name, with typed access to required and optional keys.
struct StudyMapping {
    let owner: StudyNode
    let entries: [String: StudyNode]

    /// The value of `key`, or `nil` if the key is absent or null.
    func optional(_ key: String) -> StudyNode? {
        guard let node = entries[key], !node.isNull else { return nil }
        return node
    }

    /// The value of `key`; throws `missingKey` with `advice` if it is absent or null.
    func required(_ key: String, advice: String) throws -> StudyNode {
        guard let node = optional(key) else {
            throw StudyError.missingKey(owner.missingChild(key), advice: advice)
        }
        return node
    }
}
