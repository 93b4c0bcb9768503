import Dates
import Domain
import Foundation
import Testing

@Suite("Typed dates and clock times in request details")
struct RequestDetailsDatesTests {
    static func decode(_ json: String) throws -> NewRequest {
        try JSONDecoder().decode(NewRequest.self, from: Data(json.utf8))
    }

    static func upskilling(_ details: String) -> String {
        """
        {"organizationId": "\(UUID())", "category": "employee_upskilling", "title": "PLC",
         "details": {"participants": 5, "course": "PLC", "skill": "plc", "totalHours": 4, "sessionMinutes": 120, \(details)}}
        """
    }

    @Test("clock times parse HH:MM from 00:00 to 24:00 and print as they were written")
    func clockTimes() {
        #expect(ClockTime(text: "08:00")?.minutes == 480)
        #expect(ClockTime(text: "24:00")?.minutes == 1440)
        #expect(ClockTime(text: "18:30")?.description == "18:30")
        for bad in ["6pm", "8:00", "24:01", "12:60", "-1:00", "", "12:3x", "０８:００"] {
            #expect(ClockTime(text: bad) == nil, "\(bad)")
        }
        #expect(ClockTime(text: "09:35")! < ClockTime(text: "10:00")!)
    }

    @Test("the JSON of every category stays exactly as it was: dates YYYY-MM-DD, times HH:MM")
    func jsonUnchanged() throws {
        let input = try Self.decode(
            Self.upskilling(
                #""earliest": "2026-03-02", "latest": "2026-06-19", "allowedTimes": [{"weekdays": [1], "from": "18:00", "to": "21:30"}]"#
            ))
        guard case .employeeUpskilling(let details) = input.details else {
            Issue.record("expected upskilling")
            return
        }
        #expect(details.earliest == CalendarDate(year: 2026, month: 3, day: 2))
        #expect(details.allowedTimes?.first?.to == ClockTime(minutes: 21 * 60 + 30))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(details), as: UTF8.self)
        #expect(json.contains(#""earliest":"2026-03-02""#) && json.contains(#""latest":"2026-06-19""#))
        #expect(json.contains(#""from":"18:00""#) && json.contains(#""to":"21:30""#))
        let pilot = PilotProductionDetails(
            capability: "line", days: 2, earliestStart: CalendarDate(iso: "2026-04-06")!,
            latestStart: CalendarDate(iso: "2026-04-08")!)
        let pilotJSON = String(decoding: try encoder.encode(pilot), as: UTF8.self)
        #expect(pilotJSON.contains(#""earliestStart":"2026-04-06""#))
        let offering = SharedEmployeeDetails(capacity: 12, decisionDate: CalendarDate(iso: "2026-03-20"))
        #expect(String(decoding: try encoder.encode(offering), as: UTF8.self).contains(#""decisionDate":"2026-03-20""#))
    }

    @Test(
        "a date or time that does not parse fails decoding at its own field (the API answers 422 naming it)",
        arguments: [
            (#""earliest": "2026-02-30", "latest": "2026-03-06""#, ["details", "earliest"]),
            (#""earliest": "2026-03-02", "latest": "20260306""#, ["details", "latest"]),
            (
                #""earliest": "2026-03-02", "latest": "2026-03-06", "allowedTimes": [{"weekdays": [1], "from": "18:00", "to": "9pm"}]"#,
                ["details", "allowedTimes", "0", "to"]
            ),
        ])
    func refusedAtItsField(_ details: String, _ path: [String]) {
        do {
            _ = try Self.decode(Self.upskilling(details))
            Issue.record("decoded \(details)")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue } == path)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("a window whose last date is before its first is refused naming the last field")
    func window() {
        let details = EmployeeUpskillingDetails(
            participants: 5, course: "PLC", skill: "plc", totalHours: 4, sessionMinutes: 120,
            earliest: CalendarDate(iso: "2026-03-06")!, latest: CalendarDate(iso: "2026-03-02")!)
        #expect(
            throws: DomainError(
                field: "details/latest", rule: "notBeforeStart",
                message: "The details/latest (2026-03-02) must not be before 2026-03-06.")
        ) {
            try RequestDetails.employeeUpskilling(details).validate()
        }
    }
}
