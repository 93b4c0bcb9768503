import Foundation

/// The official holidays and make-up working days shipped with Praxis
/// (`Resources/calendars/cn-public-holidays.csv`, from the State Council's notices for 2025 and 2026).
public enum OfficialCalendar {
    /// The shipped CSV's text.
    /// - Throws: when the resource is missing from the build (a deployed binary needs its
    ///   `*_Service.resources` folder beside it).
    public static func csv() throws -> String {
        guard
            let url = Bundle.module.url(
                forResource: "cn-public-holidays", withExtension: "csv", subdirectory: "calendars")
        else { throw CocoaError(.fileNoSuchFile) }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
