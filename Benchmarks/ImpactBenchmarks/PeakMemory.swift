import Foundation

/// The process's peak resident set (Linux `VmHWM`), resettable through `/proc/self/clear_refs`
/// (writing 5 resets the high-water mark, Linux ≥ 4.0), so a benchmark can measure the peak of one
/// step — a fit — apart from the data loading before it.
enum PeakMemory {
    /// Resets the high-water mark to the current resident set; false where the kernel refuses.
    @discardableResult
    static func reset() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        return (try? handle.write(contentsOf: Data("5".utf8))) != nil
    }

    /// Peak resident set in bytes since the last reset (or process start).
    static func peakBytes() -> Double { field("VmHWM:") }

    /// Current resident set in bytes.
    static func residentBytes() -> Double { field("VmRSS:") }

    private static func field(_ name: String) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) }),
            let kB = Double(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        else { return .nan }
        return kB * 1024
    }
}

/// glibc's `mallopt` (malloc.h is not part of the Glibc module map, so it is declared here).
@_silgen_name("mallopt")
func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
