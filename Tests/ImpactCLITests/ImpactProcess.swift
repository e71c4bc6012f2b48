import Foundation
import Testing

/// Runs the built `impact` executable as a subprocess, as a user would.
///
/// The binary is found next to the test bundle (SwiftPM puts every product of a build in one
/// products directory): on Linux the test runner is itself an executable in that directory
/// (`Bundle.main`); on macOS it is the `.xctest` bundle's parent.
struct ImpactProcess {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The products directory of the current build.
    static var productsDirectory: URL {
        #if os(macOS)
            if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
                return bundle.bundleURL.deletingLastPathComponent()
            }
        #endif
        return Bundle.main.bundleURL
    }

    /// The `impact` executable.
    static var executable: URL { productsDirectory.appendingPathComponent("impact") }

    /// Runs `impact arguments…` in `directory` (default: the repository root), with standard input
    /// read from `input` when given, and waits for it.
    static func run(_ arguments: [String], in directory: URL = repositoryRoot(), input: URL? = nil) throws -> Output {
        let binary = executable
        try #require(
            FileManager.default.isExecutableFile(atPath: binary.path),
            "impact not found at \(binary.path); build the package first (swift build)")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_NUM_THREADS"] = "1"
        process.environment = environment
        if let input { process.standardInput = try FileHandle(forReadingFrom: input) }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting so that a full pipe cannot block the child.
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }
}

/// The repository root, from this source file's path.
func repositoryRoot(filePath: String = #filePath) -> URL {
    URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

/// A fresh temporary directory.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("impact-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// ArgumentParser's exit status for usage errors (`EX_USAGE` from sysexits.h).
let usageErrorStatus: Int32 = 64
