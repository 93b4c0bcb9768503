import Access
import Dates
import Domain
import Foundation
import Service

/// The move-or-edit form as typed: kept as text so that a refused move shows it again.
struct BookingEditForm: Sendable {
    /// The resource and stations; both empty for a booking of several resources, which keeps them.
    var resource, stations: String
    var title, date, from, to, participants, reason, version: String

    init(_ form: Form) {
        resource = form.text("resource")
        stations = form.text("stations")
        title = form.text("title")
        date = form.text("date")
        from = form.text("from")
        to = form.text("to")
        participants = form.text("participants")
        reason = form.text("reason")
        version = form.text("version")
    }

    /// The form filled in with the booking as it stands.
    init(_ booking: Booking, dates: DateText) {
        let single = booking.resources.count == 1 ? booking.resources.first : nil
        resource = single?.resourceId.uuidString.lowercased() ?? ""
        stations = single?.stations.map(String.init) ?? ""
        title = booking.title
        date = dates.date(of: booking.start).description
        from = dates.time(booking.start)
        to = dates.time(booking.end)
        participants = String(booking.participants)
        reason = ""
        version = String(booking.version)
    }

    /// The change to ask for.
    /// - Throws: ``ServiceError/invalid(_:)`` naming the form's field when a value is not readable.
    func change(dates: DateText) throws -> BookingChange {
        let resourceId = UUID(uuidString: resource)
        guard resource.isEmpty || resourceId != nil else {
            throw ServiceError.invalid(
                DomainError(field: "resources/0/resourceId", rule: "required", message: "Choose a resource."))
        }
        let stations = try BookingForm.number(stations, field: "resources/0/stations")
        let (start, end) = try BookingForm.interval(date: date, from: from, to: to, dates: dates)
        return BookingChange(
            start: start, end: end, resources: resourceId.map { [Booking.Use(resourceId: $0, stations: stations)] },
            title: title,
            participants: try BookingForm.number(participants, field: "participants"), reason: reason)
    }

    /// The fields as typed, by name: what a one-click alternative sends again.
    var fields: [String: String] {
        [
            "resource": resource, "stations": stations, "title": title, "date": date, "from": from, "to": to,
            "participants": participants, "reason": reason, "version": version,
        ]
    }

    /// The form field a service's field belongs to.
    static func field(for serviceField: String) -> String? {
        serviceField == "reason" ? "reason" : BookingForm.field(for: serviceField)
    }

    /// The template's values: what was typed, the resources to choose from, the chosen one selected.
    func values(resources: [Resource]) -> [String: Any] {
        [
            "title": title, "date": date, "from": from, "to": to, "participants": participants, "reason": reason,
            "version": version, "stations": stations, "chooseResource": !resource.isEmpty,
            "resources": resources.map {
                let value = $0.id.uuidString.lowercased()
                return ["value": value, "label": $0.name, "selected": value == resource.lowercased()] as [String: Any]
            },
        ]
    }
}
