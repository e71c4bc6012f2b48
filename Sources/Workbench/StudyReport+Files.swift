import Foundation
import Reporting

/// Paths of the files a study run writes.
public struct StudyReportFiles: Sendable, Equatable {
    /// `report.md`.
    public let markdown: String
    /// `report.json`.
    public let json: String
}

/// Problems writing report files.
public enum ReportOutputError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason):
            return "Cannot write '\(path)': \(reason). Choose another output directory with --out, or check its permissions."
        }
    }
}

extension StudyReport {
    /// The default output directory for a study file: `out/<study-file-stem>` (relative to the
    /// current directory), so that runs of different studies never overwrite each other.
    public static func defaultOutputDirectory(forStudyFile path: String) -> String {
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return "out/\(stem)"
    }

    /// Writes `report.md` and `report.json` into `directory` (created if needed).
    public func write(to directory: String) throws -> StudyReportFiles {
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw ReportOutputError.cannotWrite(path: directory, reason: "the directory cannot be created")
        }
        // Paths are printed as the user wrote the directory (relative stays relative).
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        let files = StudyReportFiles(markdown: base + "report.md", json: base + "report.json")
        for (path, text) in [(files.markdown, markdown), (files.json, try ReportJSON.text(self))] {
            do {
                try text.write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                throw ReportOutputError.cannotWrite(path: path, reason: "the file cannot be written")
            }
        }
        return files
    }
}
