import Dates
import Domain
import Foundation
import Service

extension EnterprisePages {
    /// The pilot-run request the form describes: line, days and window, working pattern (the center's
    /// day, 2×12, 3×8 from a first start, or up to two custom shifts), changeovers, the resources taken
    /// beside the line and the exclusive hall.
    /// - Throws: ``ServiceError/invalid(_:)`` naming `details/…` for a number, date or time that does not read.
    static func pilotDetails(_ form: Form) throws -> PilotProductionDetails {
        PilotProductionDetails(
            resourceId: UUID(uuidString: form.text("line")),
            capability: form["line"]?.isEmpty == false ? nil : "pilot.line",
            days: try BookingForm.number(form.text("days"), field: "details/days") ?? 0,
            earliestStart: try form.date("earliestStart", field: "details/earliestStart"),
            latestStart: try form.date("latestStart", field: "details/latestStart"),
            changeoverBeforeMinutes: try BookingForm.number(
                form.text("changeoverBeforeMinutes"), field: "details/changeoverBeforeMinutes"),
            changeoverAfterMinutes: try BookingForm.number(
                form.text("changeoverAfterMinutes"), field: "details/changeoverAfterMinutes"),
            shifts: try shifts(form),
            extraResources: form.all("extras").compactMap(UUID.init(uuidString:)).map {
                PilotProductionDetails.ExtraResource(resourceId: $0)
            },
            exclusiveHall: form["exclusiveHall"] == "on")
    }

    /// The working pattern chosen; `nil` for the center's day.
    private static func shifts(_ form: Form) throws -> PilotShifts? {
        let pattern = PilotShifts.Pattern(rawValue: form.text("pattern")) ?? .dayHours
        switch pattern {
        case .dayHours: return nil
        case .twoTwelve, .threeEight:
            return PilotShifts(
                pattern: pattern, firstStart: try form.time("firstStart", field: "details/shifts/firstStart"))
        case .custom:
            let rows = (1...2).filter {
                !form.text("shift\($0)Start").isEmpty || !form.text("shift\($0)Minutes").isEmpty
            }
            return PilotShifts(
                pattern: .custom,
                custom: try rows.enumerated().map { index, row in
                    PilotShifts.Shift(
                        start: try form.time("shift\(row)Start", field: "details/shifts/custom/\(index)/start"),
                        minutes: try BookingForm.number(
                            form.text("shift\(row)Minutes"), field: "details/shifts/custom/\(index)/minutes") ?? 0)
                })
        }
    }

    /// The form field of an error on the pilot form's `details/…` field `name` (without `details/`).
    static func pilotField(_ name: String) -> String {
        let parts = name.split(separator: "/").map(String.init)
        switch parts.first {
        case "resourceId": return "line"
        case "extraResources": return "extras"
        case "shifts" where parts.count > 3:
            return "shift\((Int(parts[2]) ?? 0) + 1)" + (parts[3] == "minutes" ? "Minutes" : "Start")
        case "shifts" where parts.count > 1 && parts[1] == "custom": return "shift1Start"
        case "shifts" where parts.count > 1: return parts[1]
        default: return name
        }
    }

    /// What the pilot form shows: the working patterns, the resources to take beside the line.
    static func pilotValues(_ form: Form, resources: [Resource], text: (String) -> String) -> [String: Any] {
        let chosen = Set(form.all("extras").map { $0.lowercased() })
        return [
            "patterns": PilotShifts.Pattern.allCases.map {
                [
                    "value": $0.rawValue, "label": text("enterprise_shift_\($0.rawValue)"),
                    "selected": $0.rawValue == (form["pattern"] ?? PilotShifts.Pattern.dayHours.rawValue),
                ]
            },
            "extras": resources.filter { $0.status == .active && $0.kind != .workshop }.map {
                let id = $0.id.uuidString.lowercased()
                return ["value": id, "label": $0.name, "checked": chosen.contains(id)]
            },
            "exclusiveHall": form["exclusiveHall"] == "on",
        ]
    }
}
