import Access
import Domain
import Foundation
import Service

/// The upskilling course form (`courseform.mustache`) an enterprise's page and a school's
/// teacher-course page share: training type, up to three parts (kind, capability, instructor
/// skill, session length, sessions), the organization's own trainers, window and allowed times.
/// A post without part fields but with `skill`, `totalHours` and `sessionMinutes` asks for a course
/// of one practice part, as the form did before parts.
enum CourseForm {
    /// The part rows the form offers.
    static let partRows = 1...3

    /// The details the form asks for.
    /// - Throws: ``ServiceError/invalid(_:)`` naming the field of a number, date or time that does not parse.
    static func details(_ form: Form) throws -> EmployeeUpskillingDetails {
        let number = { (name: String, field: String) throws -> Int in
            try BookingForm.number(form.text(name), field: field) ?? 0
        }
        let rows = partRowsFilled(form)
        let legacy = rows.isEmpty && form["skill"] != nil
        let parts = try rows.enumerated().map { index, row in
            CoursePart(
                kind: CoursePart.Kind(rawValue: form.text("part\(row)Kind")) ?? .practice,
                capability: form["part\(row)Capability"].flatMap { $0.isEmpty ? nil : $0 },
                skill: form.text("part\(row)Skill"),
                sessionMinutes: try number("part\(row)Minutes", "details/parts/\(index)/sessionMinutes"),
                sessions: try number("part\(row)Sessions", "details/parts/\(index)/sessions"))
        }
        var details = EmployeeUpskillingDetails(
            participants: try number("participants", "details/participants"), course: form.text("course"),
            skill: form.text("skill"), totalHours: legacy ? try number("totalHours", "details/totalHours") : 0,
            sessionMinutes: legacy ? try number("sessionMinutes", "details/sessionMinutes") : 0,
            earliest: try form.date("earliest", field: "details/earliest"),
            latest: try form.date("latest", field: "details/latest"),
            allowedTimes: try EnterprisePages.allowedTimes(form).times, parts: legacy ? nil : parts,
            trainingType: TrainingType(rawValue: form.text("trainingType")),
            trainerIds: form.all("trainer").compactMap(UUID.init(uuidString:)))
        if details.trainerIds?.isEmpty == true { details.trainerIds = nil }
        return details
    }

    /// The part rows that were filled in (a skill or capability chosen).
    static func partRowsFilled(_ form: Form) -> [Int] {
        partRows.filter { !form.text("part\($0)Skill").isEmpty || !form.text("part\($0)Capability").isEmpty }
    }

    /// The form field showing an error on `details/<name>` (`name` without the prefix).
    static func field(_ name: String, form: Form) -> String {
        let pieces = name.split(separator: "/").map(String.init)
        switch pieces.first {
        case "parts":
            let rows = partRowsFilled(form)
            guard pieces.count > 2, let index = Int(pieces[1]), rows.indices.contains(index) else { return "parts" }
            let names = ["kind": "Kind", "capability": "Capability", "skill": "Skill", "sessionMinutes": "Minutes"]
            return "part\(rows[index])" + (names[pieces[2]] ?? "Sessions")
        case "trainerIds": return "trainers"
        case "allowedTimes": return EnterprisePages.allowedTimeField(name, rows: EnterprisePages.allowedTimeRows(form))
        case "title": return "course"
        default: return name
        }
    }

    /// The partial's values, under `course`: the training types offered, the part rows, the trainers
    /// to name, and where the form posts.
    static func values(
        _ form: Form, errors: FieldErrors, action: String, types: [TrainingType], picker: TagPicker,
        trainers: [Instructor], text: (String) -> String
    ) -> [String: Any] {
        let chosen = Set(form.all("trainer").map { $0.lowercased() })
        let messages = errors.values
        var values: [String: Any] = [
            "action": action,
            "types": types.map {
                [
                    "value": $0.rawValue, "label": text("course_type_\($0.rawValue)"),
                    "selected": form.text("trainingType") == $0.rawValue,
                ]
            },
            "parts": partRows.map { row -> [String: Any] in
                var part: [String: Any] = [
                    "n": row, "minutes": form.text("part\(row)Minutes"), "sessions": form.text("part\(row)Sessions"),
                    "kinds": CoursePart.Kind.allCases.map {
                        [
                            "value": $0.rawValue, "label": text("course_part_\($0.rawValue)"),
                            "selected": form.text("part\(row)Kind") == $0.rawValue,
                        ]
                    },
                    "capabilities": picker.options(chosen: [form.text("part\(row)Capability")]),
                    "skills": picker.options(chosen: [form.text("part\(row)Skill")]),
                ]
                let error = ["Kind", "Capability", "Skill", "Minutes", "Sessions"].lazy.compactMap {
                    messages["part\(row)\($0)"]
                }.first
                if let error = error ?? (row == 1 ? messages["parts"] : nil) { part["error"] = error }
                return part
            },
            "trainers": trainers.map { trainer -> [String: Any] in
                [
                    "value": trainer.id.uuidString.lowercased(), "label": trainer.name,
                    "skills": picker.labels(trainer.skills.map(\.skill)),
                    "checked": chosen.contains(trainer.id.uuidString.lowercased()),
                ]
            },
        ]
        for (key, field) in [("typeError", "trainingType"), ("trainersError", "trainers")] {
            if let message = messages[field] { values[key] = message }
        }
        return values
    }
}
