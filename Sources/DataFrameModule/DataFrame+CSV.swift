extension DataFrame {
    /// Reads the CSV file at `path` with `CSVReader` (RFC 4180, delimiter detection, type
    /// inference; see `CSVReader` for the rules and errors).
    public static func readCSV(path: String, options: CSVOptions = .init()) throws -> DataFrame {
        try CSVReader(options: options).read(path: path)
    }

    /// Reads CSV text held in memory with `CSVReader`; errors name the input `name`.
    public static func readCSV(text: String, name: String = "<text>", options: CSVOptions = .init()) throws -> DataFrame {
        try CSVReader(options: options).read(text: text, name: name)
    }
}
