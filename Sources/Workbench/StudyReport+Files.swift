import Attribution
import Foundation
import Reporting

/// Paths of the files a study run writes.
public struct StudyReportFiles: Sendable, Equatable {
    /// `report.md`.
    public let markdown: String
    /// `report.json`.
    public let json: String
    /// `report.html`: the self-contained report with inline SVG plots.
    public let html: String
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

    /// Writes `report.md`, `report.json` and `report.html` into `directory` (created if needed).
    ///
    /// - Parameter supplement: the ROI replicates and reproducibility details for the HTML report
    ///   (`StudyResult.htmlSupplement(command:)`); without it the HTML omits the ROI histogram.
    public func write(to directory: String, supplement: HTMLSupplement? = nil) throws -> StudyReportFiles {
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw ReportOutputError.cannotWrite(path: directory, reason: "the directory cannot be created")
        }
        // Paths are printed as the user wrote the directory (relative stays relative).
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        let files = StudyReportFiles(markdown: base + "report.md", json: base + "report.json", html: base + "report.html")
        let texts = [(files.markdown, markdown), (files.json, try ReportJSON.text(self)), (files.html, html(supplement: supplement))]
        for (path, text) in texts {
            do {
                try text.write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                throw ReportOutputError.cannotWrite(path: path, reason: "the file cannot be written")
            }
        }
        return files
    }
}

extension StudyResult {
    /// The tool name and version printed in report footers; `impact --version` prints the same number.
    public static let toolVersion = "impact \(version)"
    /// The workbench's version number (also the CLI's `--version`).
    public static let version = "0.1.0"

    /// What the HTML report needs beyond `report`: the ROI of each successful bootstrap replicate
    /// (`roiReplicates`: the replicate effect and conversion draw carried through the same benefit
    /// stream and costs as the chain), the SHA-256 of the data file, the tool version and `command`.
    public func htmlSupplement(command: String) -> StudyReport.HTMLSupplement {
        let rois = roiReplicates
        let digest = FileManager.default.contents(atPath: study.dataPath).map(StudyReport.sha256Hex)
        return StudyReport.HTMLSupplement(
            roiReplicates: rois, toolVersion: Self.toolVersion, dataSHA256: digest, command: command)
    }
}
