public import Domain

/// What an import did, or on a dry run would do.
public struct ImportReport: Sendable, Equatable, Codable {
    /// A row that cannot be imported: the file's row number (the header is row 1), the column (its
    /// key, `row` for the row as a whole, `file` for the file), the rule and a sentence in both languages.
    public struct RowError: Sendable, Equatable, Codable {
        public var row: Int
        public var column: String
        public var rule: String
        public var message: LocalizedText

        public init(row: Int, column: String, rule: String, message: LocalizedText) {
            self.row = row
            self.column = column
            self.rule = rule
            self.message = message
        }
    }

    public var kind: ImportKind
    public var dryRun: Bool
    /// The file's encoding as detected.
    public var encoding: CSVFile.Encoding
    /// Rows read (the header not counted).
    public var rows: Int
    public var created: Int
    public var updated: Int
    public var unchanged: Int
    /// Every bad row; when there is one a real run writes nothing.
    public var errors: [RowError]
    /// Whether the rows were written (a real run without errors).
    public var written: Bool

    public init(kind: ImportKind, dryRun: Bool, encoding: CSVFile.Encoding, rows: Int) {
        self.kind = kind
        self.dryRun = dryRun
        self.encoding = encoding
        self.rows = rows
        (created, updated, unchanged, errors, written) = (0, 0, 0, [], false)
    }
}
