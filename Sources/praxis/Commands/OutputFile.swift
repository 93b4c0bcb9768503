import Foundation

/// A file a command writes its result to (`--out`, `--output`).
struct OutputFile {
    var path: String

    /// Writes `data`: atomically (a temporary file renamed over the path) when the path is absent or a regular
    /// file, so that a reader never sees half a result; in place otherwise, so that a symbolic link keeps
    /// pointing where it did and a device or pipe such as `/dev/null` stays one (a rename would replace either
    /// with a regular file).
    func write(_ data: Data) throws {
        let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
        let replaceable = type == nil || type == .typeRegular
        try data.write(to: URL(fileURLWithPath: path), options: replaceable ? .atomic : [])
    }
}
