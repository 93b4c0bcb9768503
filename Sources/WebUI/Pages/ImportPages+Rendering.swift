import Access
import Domain
import Foundation
import Hummingbird
import Service

extension ImportPages {
    /// The page: the upload form, the report of the last check (with the confirm form when it is
    /// clean), the templates, and the exports of what the reader may read.
    func page(
        _ request: Request, _ context: some PageContext, kind: ImportKind, report: ImportReport?, checked: String?
    ) async throws -> Response {
        let principal = try context.reader()
        let frame = PageFrame(request, context: context)
        let text = { (key: String) in renderer.strings.text(key, frame.language) }
        let manager = principal.has(.admin) || !principal.managedCenters.isEmpty
        let kinds = ImportKind.allCases.filter { kind in
            switch kind {
            case .classes: principal.has(.admin) || principal.has(.schoolCoordinator)
            case .requests: manager || principal.has(.schoolCoordinator)
            case .upskilling, .seats, .pilotRuns, .participants: manager || principal.has(.enterpriseCoordinator)
            case .resources, .instructors, .holidays: manager
            }
        }
        var values: [String: Any] = [
            "kinds": kinds.map {
                ["value": $0.rawValue, "label": text("import_kind_\($0.rawValue)"), "selected": $0 == kind]
            },
            "templates": ImportKind.allCases.map {
                ["kind": $0.rawValue, "label": text("import_kind_\($0.rawValue)")]
            },
            "manager": manager,
            "school": principal.has(.schoolCoordinator) ? principal.organizationId.uuidString.lowercased() : "",
        ]
        if let report {
            values["report"] =
                [
                    "kind": report.kind.rawValue, "kindLabel": text("import_kind_\(report.kind.rawValue)"),
                    "rows": report.rows, "encoding": report.encoding.rawValue, "created": report.created,
                    "updated": report.updated, "unchanged": report.unchanged, "clean": report.errors.isEmpty,
                    "checked": checked ?? "",
                    "errors": report.errors.map {
                        [
                            "row": $0.row, "column": $0.column, "rule": $0.rule,
                            "message": $0.message.text(in: frame.language.rawValue),
                        ]
                    },
                ] as [String: Any]
        }
        let bad = report.map { !$0.errors.isEmpty } ?? false
        return renderer.page("imports", frame, values, status: bad ? .unprocessableContent : .ok)
    }
}
