import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("The import page: upload, dry-run report, confirm")
struct ImportPageTests {
    static let boundary = "praxis-test-boundary"

    /// A multipart form with the CSRF token, the kind, an action and either a file or a checked file.
    static func multipart(_ fields: [(String, String)], file: [UInt8]? = nil) -> ByteBuffer {
        var buffer = ByteBuffer()
        for (name, value) in fields {
            buffer.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        if let file {
            buffer.writeString(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n")
            buffer.writeBytes(file)
            buffer.writeString("\r\n")
        }
        buffer.writeString("--\(boundary)--\r\n")
        return buffer
    }

    @Test("a manager checks a GB18030 file with a bad row (422, the row named), then a clean one, and confirms it")
    func checkAndConfirm() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.manager")
            let headers: HTTPFields = [
                .cookie: session.cookie, .contentType: "multipart/form-data; boundary=\(Self.boundary)",
            ]
            let page = try await client.execute(uri: "/ui/imports", method: .get, headers: session.headers)
            #expect(page.status == .ok)
            #expect(String(buffer: page.body).contains(#"href="/ui/imports""#))
            let name = "导入检查室 \(UUID().uuidString.prefix(6))"
            let bad = Array("名称,类型,座位数\r\n\(name),房间,二十\r\n".data(using: .init(rawValue: 0x8000_0632))!)
            let refused = try await client.execute(
                uri: "/ui/imports", method: .post, headers: headers,
                body: Self.multipart([("csrf", session.csrf), ("kind", "resources"), ("action", "check")], file: bad))
            #expect(refused.status == .unprocessableContent)
            let report = String(buffer: refused.body)
            #expect(
                report.contains("import-errors") && report.contains("<code>seats</code>") && report.contains("GB18030"))
            let good = Array("名称,类型,座位数\r\n\(name),房间,20\r\n".utf8)
            let checked = try await client.execute(
                uri: "/ui/imports", method: .post, headers: headers,
                body: Self.multipart([("csrf", session.csrf), ("kind", "resources"), ("action", "check")], file: good))
            #expect(checked.status == .ok)
            let html = String(buffer: checked.body)
            let encoded = Data(good).base64EncodedString()
            #expect(html.contains("import-confirm") && html.contains(encoded))
            let confirmed = try await client.execute(
                uri: "/ui/imports", method: .post, headers: headers,
                body: Self.multipart([
                    ("csrf", session.csrf), ("kind", "resources"), ("action", "import"), ("checked", encoded),
                ]))
            #expect(confirmed.status == .seeOther || confirmed.status == .found)
            let resources = String(
                buffer: try await client.execute(uri: "/ui/resources", method: .get, headers: session.headers).body)
            #expect(resources.contains(name))
            let link = try #require(resources.range(of: #"/ui/resources/[0-9a-f-]{36}"#, options: .regularExpression))
            let resource = String(
                buffer: try await client.execute(uri: String(resources[link]), method: .get, headers: session.headers)
                    .body)
            let export = try #require(
                resource.range(of: #"/ui/exports/timetable.csv\?resource=[0-9a-f-]{36}"#, options: .regularExpression))
            let timetable = try await client.execute(
                uri: String(resource[export]), method: .get, headers: session.headers)
            #expect(timetable.status == .ok && timetable.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(
                String(decoding: Array(timetable.body.readableBytesView).dropFirst(3), as: UTF8.self).hasPrefix(
                    "date,start,end"))
            let forged = try await client.execute(
                uri: "/ui/imports", method: .post, headers: headers,
                body: Self.multipart([("csrf", "forged"), ("kind", "resources"), ("action", "check")], file: good))
            #expect(forged.status == .forbidden)
        }
    }

    @Test(
        "templates download as CSV with a BOM; a school coordinator is offered classes and requests; the Excel link is a workbook"
    )
    func templates() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.school")
            let page = String(
                buffer: try await client.execute(uri: "/ui/imports", method: .get, headers: session.headers).body)
            #expect(page.contains(#"<option value="classes""#) && !page.contains(#"<option value="resources""#))
            #expect(page.contains(#"<option value="requests""#) && !page.contains(#"<option value="participants""#))
            #expect(page.contains(#"href="/ui/exports/requests.xlsx""#))
            let workbook = try await client.execute(
                uri: "/ui/exports/requests.xlsx", method: .get, headers: session.headers)
            #expect(workbook.status == .ok && Array(workbook.body.readableBytesView.prefix(2)) == [0x50, 0x4B])
            let template = try await client.execute(
                uri: "/ui/imports/templates/instructors.csv", method: .get, headers: session.headers)
            #expect(template.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(Array(template.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF])
        }
    }

    @Test(
        "an enterprise coordinator reaches the page from the navigation, is offered its request kinds, and sees a bad row"
    )
    func enterprise() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.enterprise")
            let page = String(
                buffer: try await client.execute(uri: "/ui/imports", method: .get, headers: session.headers).body)
            #expect(page.contains(#"href="/ui/imports""#) && !page.contains(#"<option value="requests""#))
            for kind in ["upskilling", "seats", "pilot_runs", "participants"] {
                #expect(page.contains(#"<option value="\#(kind)""#), "\(kind) is offered")
            }
            let bad = Array("课程,人数,技能,总学时,每次分钟,最早日期,最晚日期\r\n数控编程,8,cnc.lathe,二十,120,2026-03-01,2026-04-30\r\n".utf8)
            let headers: HTTPFields = [
                .cookie: session.cookie, .contentType: "multipart/form-data; boundary=\(Self.boundary)",
            ]
            let refused = try await client.execute(
                uri: "/ui/imports", method: .post, headers: headers,
                body: Self.multipart([("csrf", session.csrf), ("kind", "upskilling"), ("action", "check")], file: bad))
            #expect(refused.status == .unprocessableContent)
            #expect(String(buffer: refused.body).contains("<code>total_hours</code>"))
        }
    }
}
