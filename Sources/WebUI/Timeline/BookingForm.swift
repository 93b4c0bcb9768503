import Access
import Dates
import Domain
import Foundation
import Service

/// The direct-booking form as typed: kept as text so that a refused booking shows it again.
struct BookingForm: Sendable {
    var resource, organization, category, title, date, from, to, stations, instructor, participants: String
    /// A weekly series: for how many weeks, or until which date (both empty: one booking).
    var weeks, until: String

    /// The form's field names, in the order a form lists them.
    static let fields = [
        "resource", "organization", "category", "title", "date", "from", "to", "stations", "instructor",
        "participants", "weeks", "until",
    ]

    init(_ form: Form) {
        resource = form.text("resource")
        organization = form.text("organization")
        category = form.text("category")
        title = form.text("title")
        date = form.text("date")
        from = form.text("from")
        to = form.text("to")
        stations = form.text("stations")
        instructor = form.text("instructor")
        participants = form.text("participants")
        weeks = form.text("weeks")
        until = form.text("until")
    }

    /// The booking to ask for.
    /// - Throws: ``ServiceError/invalid(_:)`` naming the form's field when a value is not readable.
    func newBooking(dates: DateText) throws -> NewBooking {
        func invalid(_ field: String, _ rule: String, _ message: String) -> ServiceError {
            .invalid(DomainError(field: field, rule: rule, message: message))
        }
        guard let resourceId = UUID(uuidString: resource) else {
            throw invalid("resources/0/resourceId", "required", "Choose a resource.")
        }
        guard let organizationId = UUID(uuidString: organization) else {
            throw invalid("organizationId", "required", "Choose the organization.")
        }
        guard let category = Domain.Category(rawValue: category) else {
            throw invalid("category", "required", "Choose a category.")
        }
        let (start, end) = try Self.interval(date: date, from: from, to: to, dates: dates)
        let stations = try Self.number(stations, field: "resources/0/stations")
        return NewBooking(
            organizationId: organizationId, category: category, title: title, start: start, end: end,
            resources: [Booking.Use(resourceId: resourceId, stations: stations)],
            instructorId: instructor.isEmpty ? nil : UUID(uuidString: instructor),
            participants: try Self.number(participants, field: "participants"))
    }

    /// The start and end a form's date and clock times name, in the center's zone.
    /// - Throws: ``ServiceError/invalid(_:)`` naming `date`, `start` or `end` when one is not readable.
    static func interval(date: String, from: String, to: String, dates: DateText) throws -> (start: Date, end: Date) {
        func invalid(_ field: String, _ rule: String, _ message: String) -> ServiceError {
            .invalid(DomainError(field: field, rule: rule, message: message))
        }
        guard let day = CalendarDate(iso: date) else {
            throw invalid("date", "date", "The date ('\(date)') is not a date like 2026-03-02.")
        }
        guard let start = ClockTime(text: from).map({ dates.instant(day, $0) }) else {
            throw invalid("start", "time", "The start ('\(from)') is not a time like 08:00.")
        }
        guard let end = ClockTime(text: to).map({ dates.instant(day, $0) }) else {
            throw invalid("end", "time", "The end ('\(to)') is not a time like 11:00.")
        }
        return (start, end)
    }

    /// An optional whole number typed into a field.
    static func number(_ text: String, field: String) throws -> Int? {
        guard !text.isEmpty else { return nil }
        guard let value = Int(text) else {
            throw ServiceError.invalid(
                DomainError(field: field, rule: "type", message: "The \(field) ('\(text)') must be a whole number."))
        }
        return value
    }

    /// The form field a service's field belongs to.
    static func field(for serviceField: String) -> String? {
        switch serviceField {
        case "title": "title"
        case "start", "date": serviceField == "date" ? "date" : "from"
        case "end": "to"
        case "organizationId": "organization"
        case "category": "category"
        case "instructorId": "instructor"
        case "participants": "participants"
        case let field where field.hasSuffix("stations"): "stations"
        case let field where field.hasPrefix("resources"): "resource"
        default: nil
        }
    }

    /// The template's values: what was typed and the choices, the chosen ones selected.
    func values(
        open: Bool, resources: [Resource], organizations: [Organization], instructors: [Instructor],
        strings: Strings,
        language: Language
    ) -> [String: Any] {
        func option(_ value: String, _ label: String, _ chosen: String) -> [String: Any] {
            ["value": value, "label": label, "selected": value == chosen]
        }
        return [
            "open": open, "title": title, "date": date, "from": from, "to": to, "stations": stations,
            "participants": participants, "weeks": weeks, "until": until,
            "resources": resources.map { option($0.id.uuidString.lowercased(), $0.name, resource.lowercased()) },
            "organizations": organizations.map {
                option($0.id.uuidString.lowercased(), $0.name, organization.lowercased())
            },
            "categories": Domain.Category.allCases.map {
                option($0.rawValue, strings.text("category_\($0.rawValue)", language), category)
            },
            "instructors": instructors.map { option($0.id.uuidString.lowercased(), $0.name, instructor.lowercased()) },
        ]
    }
}
