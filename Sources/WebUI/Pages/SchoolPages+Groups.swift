import Domain
import Service

/// The groups and two-teachers part of the school's request form: how the class splits (none, by group size, by
/// group count, by stations), parallel or rotation (the stations' capabilities picked in order), together or one
/// after the other, a mentor's skills (双师, picked from the catalogue) and the most students per instructor.
extension SchoolPages {
    /// Fills the groups, the mentor and the ratio of `details` from the form.
    /// - Throws: `.invalid` naming `details/groups/…` or `details/studentsPerInstructor` for a number that is not one.
    static func readGroups(_ form: Form, into details: inout StudentTrainingDetails) throws {
        let mentor = Self.tags(form.all("mentorSkills"))
        details.mentorSkills = mentor.isEmpty ? nil : mentor
        details.studentsPerInstructor = try BookingForm.number(
            form.text("studentsPerInstructor"), field: "details/studentsPerInstructor")
        guard let split = TrainingGroups.Split(rawValue: form.text("groupSplit")) else { return }
        let number = try BookingForm.number(
            form.text("groupNumber"), field: split == .size ? "details/groups/groupSize" : "details/groups/groupCount")
        let rotation = Self.tags(form.all("rotation"))
        let mode = TrainingGroups.Mode(rawValue: form.text("groupMode")) ?? .parallel
        details.groups = TrainingGroups(
            split: split, groupSize: split == .size ? number : nil, groupCount: split == .count ? number : nil,
            mode: mode, together: !form.text("groupTogether").isEmpty, rotation: rotation.isEmpty ? nil : rotation)
    }

    /// The tags a field's values hold, in order: picked one per value, or typed into one value
    /// separated by spaces or commas; empty values (an unpicked select) left out.
    static func tags(_ values: [String]) -> [String] {
        values.flatMap { $0.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == " " }).map(String.init) }
    }

    /// The form's field for an error of `details/groups/…`, `details/mentorSkills/…` and the ratio.
    static func groupField(_ name: String) -> String? {
        if name.hasPrefix("groups/rotation") { return "rotation" }
        if name.hasPrefix("groups/") { return "groupNumber" }
        if name.hasPrefix("mentorSkills") { return "mentorSkills" }
        return name == "studentsPerInstructor" ? name : nil
    }

    /// The choices of the split and mode selects, the form's values selected.
    static func groupChoices(_ form: Form, text: (String) -> String) -> [String: [[String: String]]] {
        func options(_ values: [String], _ name: String, _ prefix: String) -> [[String: String]] {
            values.map { value in
                var option = ["value": value, "label": text(prefix + (value.isEmpty ? "none" : value))]
                if form.text(name) == value { option["selected"] = "selected" }
                return option
            }
        }
        return [
            "groupSplits": options([""] + TrainingGroups.Split.allCases.map(\.rawValue), "groupSplit", "groups_split_"),
            "groupModes": options(TrainingGroups.Mode.allCases.map(\.rawValue), "groupMode", "groups_mode_"),
        ]
    }
}
