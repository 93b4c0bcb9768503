public import Foundation

/// One numbered SQL file from `sql/`, e.g. `0002_centers.sql` → version 2, name `centers`.
public struct Migration: Sendable, Equatable {
    public var version: Int
    public var name: String
    public var sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// The file name this migration has (or had): `0002_centers.sql`.
    public var fileName: String { Self.fileName(version: version, name: name) }

    static func fileName(version: Int, name: String) -> String {
        let digits = String(version)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "_" + name + ".sql"
    }

    /// Reads every `NNNN_name.sql` file of a directory, ordered by version.
    /// - Throws: ``MigrationError`` when the folder is unreadable, a file name does not follow the
    ///   pattern, or two files share a version.
    public static func load(from directory: URL) throws -> [Migration] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw MigrationError(
                .folderUnreadable,
                "The migrations folder \(directory.path) cannot be read. Run from the repository root or pass --migrations."
            )
        }
        var migrations: [Migration] = []
        for file in names where file.hasSuffix(".sql") {
            let stem = file.dropLast(4)
            guard let underscore = stem.firstIndex(of: "_"), let version = Int(stem[..<underscore]), version > 0
            else {
                throw MigrationError(
                    .badFileName, "The migration file \(file) must be named NNNN_name.sql, e.g. 0003_resources.sql.")
            }
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            migrations.append(
                Migration(version: version, name: String(stem[stem.index(after: underscore)...]), sql: text))
        }
        migrations.sort { $0.version < $1.version }
        for (a, b) in zip(migrations, migrations.dropFirst()) where a.version == b.version {
            throw MigrationError(
                .duplicateVersion, "Two migrations have version \(a.version): \(a.name) and \(b.name).")
        }
        return migrations
    }
}

/// Why migrations cannot be applied; the message says which file and what to do.
public struct MigrationError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable {
        case folderUnreadable
        case badFileName
        case duplicateVersion
        /// An applied migration's file changed since it was applied.
        case checksumMismatch
        /// An applied migration has no file (or a different name) any more.
        case missingFile
        /// The database has migrations this build does not know.
        case unknownApplied
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
