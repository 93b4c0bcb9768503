import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Import and export routes")
struct ImportRoutesTests {
    @Test(
        "a dry run answers the report; a real run with a bad row is a 422 writing nothing; an unknown column is a 422 problem"
    )
    func importFile() async throws {
        try await CalendarRoutesTests().withCenter { client, center in
            let csv = "\u{FEFF}名称,类型,座位数\r\n会议室A,房间,20\r\n工位B,工位池,六\r\n"
            let dry = try await client.execute(
                uri: "/centers/\(center)/imports/resources?dryRun=true", method: .post, body: ByteBuffer(string: csv))
            #expect(dry.status == .ok)
            let text = String(buffer: dry.body)
            #expect(text.contains(#""column":"seats""#) && text.contains(#""row":3"#) && text.contains(#""created":1"#))
            let real = try await client.execute(
                uri: "/centers/\(center)/imports/resources", method: .post, body: ByteBuffer(string: csv))
            #expect(real.status == .unprocessableContent)
            #expect(String(buffer: real.body).contains(#""written":false"#))
            let listed = try await client.execute(uri: "/centers/\(center)/resources", method: .get)
            #expect(!String(buffer: listed.body).contains("会议室A"))
            let fixed = csv.replacingOccurrences(of: "六", with: "6")
            let written = try await client.execute(
                uri: "/centers/\(center)/imports/resources", method: .post, body: ByteBuffer(string: fixed))
            #expect(written.status == .ok && String(buffer: written.body).contains(#""created":2"#))
            let unknown = try await client.execute(
                uri: "/centers/\(center)/imports/resources", method: .post, body: ByteBuffer(string: "名称,颜色\nA,红\n"))
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.headers[.contentType] == "application/problem+json")
            #expect(String(buffer: unknown.body).contains(#""rule":"unknownColumn""#))
            let kind = try await client.execute(
                uri: "/centers/\(center)/imports/planets", method: .post, body: ByteBuffer(string: csv))
            #expect(kind.status == .notFound)
        }
    }

    @Test("exports and templates are CSV for Excel: a BOM, CRLF, the import's header")
    func export() async throws {
        try await CalendarRoutesTests().withCenter { client, center in
            let body = "name,kind,seats,capabilities\r\n\"会议室,大\",room,20,\r\n"
            #expect(
                try await client.execute(
                    uri: "/centers/\(center)/imports/resources", method: .post, body: ByteBuffer(string: body)
                ).status == .ok)
            let export = try await client.execute(uri: "/centers/\(center)/exports/resources.csv", method: .get)
            #expect(export.status == .ok)
            #expect(export.headers[.contentType] == "text/csv; charset=utf-8")
            let bytes = Array(export.body.readableBytesView)
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
            #expect(
                String(decoding: bytes.dropFirst(3), as: UTF8.self)
                    == "name,kind,seats,capabilities,parent\r\n\"会议室,大\",room,20,,\r\n")
            let template = try await client.execute(uri: "/imports/templates/classes.csv", method: .get)
            #expect(
                String(decoding: Array(template.body.readableBytesView).dropFirst(3), as: UTF8.self)
                    == "school,name,size,free_times,travel_minutes\r\n")
            let timetable = try await client.execute(
                uri: "/centers/\(center)/exports/timetable.csv?subject=planet", method: .get)
            #expect(timetable.status == .unprocessableContent)
        }
    }

    @Test("bookings as an Excel workbook; an unknown kind or a backward period is a 422 naming the field and rule")
    func workbook() async throws {
        try await CalendarRoutesTests().withCenter { client, center in
            let period = "from=2026-03-02T00:00:00%2B08:00&to=2026-03-09T00:00:00%2B08:00"
            let workbook = try await client.execute(
                uri: "/centers/\(center)/exports/bookings.xlsx?\(period)", method: .get)
            #expect(workbook.status == .ok)
            #expect(
                workbook.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(workbook.headers[.contentDisposition] == "attachment; filename=\"praxis-bookings.xlsx\"")
            #expect(Array(workbook.body.readableBytesView.prefix(2)) == [0x50, 0x4B])  // a ZIP file
            for (uri, field, rule) in [
                ("exports/planets.csv", "file", "enum"), ("exports/bookings.pdf", "format", "enum"),
                ("exports/bookings.csv?from=2026-03-09T00:00:00Z&to=2026-03-02T00:00:00Z", "to", "range"),
                ("exports/attendance.xlsx", "from", "required"), ("exports/roster.csv", "session", "required"),
            ] {
                let answer = try await client.execute(uri: "/centers/\(center)/\(uri)", method: .get)
                #expect(answer.status == .unprocessableContent, "\(uri)")
                let problem = String(buffer: answer.body)
                #expect(problem.contains(#""field":"\#(field)""#) && problem.contains(#""rule":"\#(rule)""#), "\(uri)")
            }
        }
    }
}
