/// Reads a whole listing one bounded page at a time, so that no statement reads an unbounded
/// number of rows and no caller invents a "large enough" limit.
public enum Paging {
    /// Rows per statement.
    public static let pageSize = 500

    /// Every row of a listing ordered by a unique key: pages of `pageSize` until a short one.
    /// - Parameter page: reads the rows at `offset`, at most `limit` of them.
    public static func all<Row>(
        pageSize: Int = pageSize, _ page: (_ limit: Int, _ offset: Int) throws -> [Row]
    ) rethrows -> [Row] {
        var rows: [Row] = []
        while true {
            let next = try page(pageSize, rows.count)
            rows += next
            if next.count < pageSize { return rows }
        }
    }
}
