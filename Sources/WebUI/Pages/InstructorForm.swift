import Access
import Dates
import Domain
import Foundation

/// The instructor edit form's fields: rows of skills, availability and leave as repeated fields
/// (`skill`/`expires`, `weekday`/`from`/`to`, `leaveFirst`/`leaveLast`/`leaveNote`), read into an
/// ``InstructorChange`` and filled from an ``Instructor``.
struct InstructorForm {
    let form: Form

    init(_ form: Form) {
        self.form = form
    }

    /// The change the form asks for; every list replaces the stored one.
    /// - Throws: ``ServiceError/invalid(_:)`` naming the field of a value that does not parse.
    func change() throws -> InstructorChange {
        guard let organizationId = UUID(uuidString: form.text("organization")) else {
            throw ServiceError.invalid(
                DomainError(field: "organizationId", rule: "required", message: "Choose the school or enterprise."))
        }
        return InstructorChange(
            organizationId: organizationId, name: form.text("name"),
            postType: Instructor.PostType(rawValue: form.text("postType")),
            weeklyHourCap: try BookingForm.number(form.text("cap"), field: "weeklyHourCap") ?? 0,
            skills: try skills(), availability: try availability(), leave: try leave())
    }

    private func rows(_ names: [String]) -> [[String]] {
        let columns = names.map { form.all($0).map { $0.trimmingCharacters(in: .whitespaces) } }
        let count = columns.map(\.count).max() ?? 0
        return (0..<count).map { row in columns.map { row < $0.count ? $0[row] : "" } }
            .filter { $0.contains { !$0.isEmpty } }
    }

    private func skills() throws -> [Instructor.Skill] {
        try rows(["skill", "expires"]).enumerated().map { index, row in
            Instructor.Skill(
                skill: row[0], expiresOn: try row[1].isEmpty ? nil : date(row[1], "skills/\(index)/expiresOn"))
        }
    }

    private func availability() throws -> [Instructor.Availability] {
        try rows(["weekday", "from", "to"]).enumerated().map { index, row in
            Instructor.Availability(
                weekday: try BookingForm.number(row[0], field: "availability/\(index)/weekday") ?? 0,
                from: try time(row[1], "availability/\(index)/from"), to: try time(row[2], "availability/\(index)/to"))
        }
    }

    private func leave() throws -> [Leave] {
        try rows(["leaveFirst", "leaveLast", "leaveNote"]).enumerated().map { index, row in
            Leave(
                first: try date(row[0], "leave/\(index)/first"),
                last: try date(row[1].isEmpty ? row[0] : row[1], "leave/\(index)/last"), note: row[2])
        }
    }

    private func date(_ text: String, _ field: String) throws -> CalendarDate {
        do { return try Validate.date(text, field: field) } catch { throw ServiceError.invalid(error) }
    }

    private func time(_ text: String, _ field: String) throws -> ClockTime {
        do { return try Validate.time(text, field: field) } catch { throw ServiceError.invalid(error) }
    }

    /// The form field (or row group) a service's field belongs to.
    static func field(for serviceField: String) -> String? {
        for group in ["skills", "availability", "leave"] where serviceField.hasPrefix(group) { return group }
        return ["name": "name", "weeklyHourCap": "cap", "organizationId": "organization", "postType": "postType"][
            serviceField]
    }

    /// The form as it shows a stored instructor.
    static func filled(from instructor: Instructor) -> Form {
        var pairs: [(String, String)] = [
            ("name", instructor.name), ("organization", instructor.organizationId.uuidString.lowercased()),
            ("postType", instructor.postType.rawValue), ("cap", "\(instructor.weeklyHourCap)"),
            ("version", "\(instructor.version)"),
        ]
        for skill in instructor.skills {
            pairs += [("skill", skill.skill), ("expires", skill.expiresOn?.description ?? "")]
        }
        for slot in instructor.availability {
            pairs += [("weekday", "\(slot.weekday)"), ("from", slot.from.description), ("to", slot.to.description)]
        }
        for leave in instructor.leave {
            pairs += [
                ("leaveFirst", leave.first.description), ("leaveLast", leave.last.description),
                ("leaveNote", leave.note),
            ]
        }
        let encoded = pairs.map { name, value in
            "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        }
        return Form(encoded: encoded.joined(separator: "&"))
    }

    /// The rows a template shows: those of the form and one empty row more of each (two skills).
    static func rows(of form: Form, weekdayLabels: [String]) -> [String: Any] {
        let reader = InstructorForm(form)
        let skills = reader.rows(["skill", "expires"]) + [["", ""], ["", ""]]
        let slots = reader.rows(["weekday", "from", "to"]) + [["", "", ""]]
        let leave = reader.rows(["leaveFirst", "leaveLast", "leaveNote"]) + [["", "", ""]]
        return [
            "skillRows": skills.map { ["skill": $0[0], "expires": $0[1]] },
            "slotRows": slots.map { row in
                [
                    "from": row[1], "to": row[2],
                    "weekdays": weekdayLabels.enumerated().map { index, label in
                        ["value": "\(index + 1)", "label": label, "selected": row[0] == "\(index + 1)"]
                    },
                ] as [String: Any]
            },
            "leaveRows": leave.map { ["first": $0[0], "last": $0[1], "note": $0[2]] },
        ]
    }
}
