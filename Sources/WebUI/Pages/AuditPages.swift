import Access
import Dates
import Domain
import Foundation
import Hummingbird
import Service

/// `GET /ui/audit`: the audit trail for auditors and admins, read-only: filtered by who (an
/// account), what (action, kind of object), when (dates in the workplace center's time zone) and
/// center, newest first, 50 rows a page. A filter the service refuses shows beside its field (422).
struct AuditPages: Sendable {
    let services: PageServices
    let renderer: PageRenderer
    static let pageSize = 50

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("audit") { request, context in
            let principal = try context.reader()
            let frame = PageFrame(request, context: context)
            let query = Form(encoded: request.uri.query ?? "")
            let dates = DateText(language: frame.language, timeZone: try await services.center(for: principal).zone)
            let offset = max(0, Int(query.text("offset")) ?? 0)
            var values = try await choices(query, as: principal)
            var errors = FieldErrors()
            do {
                let filter = try Self.filter(query, dates: dates)
                let entries = try await services.auditTrail.entries(
                    filter, limit: Self.pageSize + 1, offset: offset, as: principal)
                values["rows"] = entries.prefix(Self.pageSize).map { row(of: $0, dates: dates, frame: frame) }
                values["empty"] = entries.isEmpty
                let link = { (at: Int) in "/ui/audit?" + Self.query(query, offset: at) }
                if offset > 0 { values["previous"] = link(max(0, offset - Self.pageSize)) }
                if entries.count > Self.pageSize { values["next"] = link(offset + Self.pageSize) }
            } catch ServiceError.invalid(let error) {
                errors.add(error, strings: renderer.strings, language: frame.language) {
                    ["action", "entity", "from", "to"].contains($0) ? $0 : nil
                }
            }
            values["errors"] = errors.values
            return renderer.page("audit", frame, values, status: errors.isEmpty ? .ok : .unprocessableContent)
        }
    }

    /// The filter the form asks for; dates are whole days, `to` included.
    /// - Throws: `.invalid` (`from`, `to` `date`) for a date that does not parse.
    static func filter(_ query: Form, dates: DateText) throws -> AuditFilter {
        func day(_ name: String) throws -> CalendarDate? {
            guard let text = query[name], !text.isEmpty else { return nil }
            guard let date = CalendarDate(iso: text) else {
                throw ServiceError.invalid(
                    DomainError(field: name, rule: "date", message: "'\(text.prefix(40))' is not a date (YYYY-MM-DD)."))
            }
            return date
        }
        func word(_ name: String) -> String? { query[name].flatMap { $0.isEmpty ? nil : $0 } }
        return AuditFilter(
            entity: word("entity"), userId: word("user").flatMap(UUID.init(uuidString:)), action: word("action"),
            from: try day("from").map(dates.midnight), to: try day("to").map { dates.midnight($0.adding(days: 1)) },
            centerId: word("center").flatMap(UUID.init(uuidString:)))
    }

    /// The form's own values and its choices of accounts and centers.
    private func choices(_ query: Form, as principal: Principal) async throws -> [String: Any] {
        let users = try await services.users.users(organizationId: nil, limit: 500, offset: 0, as: principal)
        let centers = try await services.centers.centers(page: try Page(limit: 500), as: principal)
        return [
            "action": query.text("action"), "entity": query.text("entity"), "from": query.text("from"),
            "to": query.text("to"),
            "users": users.map {
                ["id": $0.id.uuidString, "name": $0.username, "selected": query["user"] == $0.id.uuidString]
            },
            "centers": centers.map {
                ["id": $0.id.uuidString, "name": $0.name, "selected": query["center"] == $0.id.uuidString]
            },
        ]
    }

    /// One row of the table: when, who, what, which object, and the changed fields.
    private func row(of entry: AuditEntry, dates: DateText, frame: PageFrame) -> [String: Any] {
        let json = { (value: JSONValue?) -> String in
            guard let value, let data = try? JSONEncoder.sorted.encode(value) else { return "" }
            let text = String(decoding: data, as: UTF8.self)
            return text.count > 300 ? String(text.prefix(300)) + "…" : text
        }
        return [
            "at": "\(dates.shortDay(entry.at)) \(dates.time(entry.at))",
            "who": entry.username ?? renderer.strings.text("audit_system", frame.language),
            "action": entry.action, "entity": entry.entity, "entityId": entry.entityId,
            "before": json(entry.before), "after": json(entry.after),
        ]
    }

    /// The query string of the current filter at another `offset`.
    private static func query(_ query: Form, offset: Int) -> String {
        var parts = URLComponents()
        parts.queryItems =
            ["user", "action", "entity", "center", "from", "to"].compactMap { name in
                query[name].flatMap { $0.isEmpty ? nil : URLQueryItem(name: name, value: $0) }
            } + [URLQueryItem(name: "offset", value: "\(offset)")]
        return parts.percentEncodedQuery ?? ""
    }
}

extension JSONEncoder {
    /// Keys in order, so the same change reads the same way every time.
    fileprivate static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
