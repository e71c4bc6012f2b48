import Foundation

/// Whole-file input and output with the operating system's reason on failure.
enum FileBytes {
    /// The whole content of the file at `path`, read with POSIX `open`/`read` so that a failure
    /// carries the system's reason (`No such file or directory`, `Permission denied`, …).
    static func contents(path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw DataError.fileNotReadable(path: path, reason: systemReason()) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw DataError.fileNotReadable(path: path, reason: systemReason())
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            throw DataError.fileNotReadable(path: path, reason: "it is a directory, not a file")
        }
        // The size is a hint only: pipes report 0, and a file may change while it is read.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let got = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if got < 0 {
                if errno == EINTR { continue }
                throw DataError.fileNotReadable(path: path, reason: systemReason())
            }
            if got == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<got])
        }
    }

    /// `strerror(errno)`: the system's wording of the last failure.
    static func systemReason() -> String {
        String(cString: strerror(errno))
    }
}

extension FileBytes {
    /// Writes `bytes` to `path`, replacing any existing file (mode 0644 before the umask).
    static func save(_ bytes: [UInt8], path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw DataError.fileNotWritable(path: path, reason: systemReason()) }
        var written = 0
        while written < bytes.count {
            let done = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if done < 0 {
                if errno == EINTR { continue }
                let reason = systemReason()
                close(descriptor)
                throw DataError.fileNotWritable(path: path, reason: reason)
            }
            written += done
        }
        guard close(descriptor) == 0 else { throw DataError.fileNotWritable(path: path, reason: systemReason()) }
    }
}
