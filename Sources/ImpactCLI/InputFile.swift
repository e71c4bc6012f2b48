import ArgumentParser
import Foundation

/// Checks that `path` names a readable regular file; otherwise a usage error saying what to do.
func validateInputFile(_ path: String, kind: String) throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw ValidationError("No \(kind) at '\(path)'. Check the path (relative paths start from the current directory).")
    }
    guard !isDirectory.boolValue else {
        throw ValidationError("'\(path)' is a directory; give the path of a \(kind).")
    }
    guard FileManager.default.isReadableFile(atPath: path) else {
        throw ValidationError("The \(kind) '\(path)' is not readable; check its permissions.")
    }
}

/// Writes `text` to standard error (warnings, so that stdout stays parseable).
func printToStandardError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
