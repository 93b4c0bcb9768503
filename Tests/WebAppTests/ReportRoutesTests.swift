import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import WebApp

@Suite("Report routes")
struct ReportRoutesTests {
    @Test("a report as JSON and as CSV (BOM, CRLF); bad report, period, organization and format are 422 naming them")
    func reports() async throws {
        try await APICenter.run { client, fixture, _ in
            let base = "/centers/\(fixture.center)/reports"
            let json = try await client.execute(uri: "\(base)/people?from=2026-03-01&to=2026-03-31", method: .get)
            #expect(json.status == .ok)
            #expect(String(buffer: json.body).contains(#""report":"people""#))
            let csv = try await client.execute(
                uri: "\(base)/no-shows?from=2026-03-01&to=2026-03-31&format=csv", method: .get)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(Array(csv.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF])
            #expect(
                String(buffer: csv.body).contains("section,key,label,marks,absent,late,corrected,absentPercent\r\n"))
            let published = try await client.execute(
                uri: "\(base)/public?from=2026-03-01&to=2026-03-31&edition=public", method: .get)
            #expect(String(buffer: published.body).contains(#""key":"graduatesEmployed""#))

            for (query, field, rule) in [
                ("utilisation-per-week?from=2026-03-01&to=2026-03-31", "report", "oneOf"),
                ("people?from=2020-01-01&to=2025-12-31", "to", "period"),
                ("people?from=2026-03-31&to=2026-03-01", "to", "afterFrom"),
                ("public?from=0001-01-01&to=0001-01-01", "from", "range"),
                ("utilisation?from=2999-12-01&to=3000-01-31", "to", "range"),
                ("people?from=2026-03-01&to=2026-02-30", "to", "date"),
                ("people?to=2026-03-01", "from", "required"),
                ("people?from=2026-03-01&to=2026-03-31&organization=acme", "organization", "format"),
                ("people?from=2026-03-01&to=2026-03-31&organization=\(UUID())", "organization", "unknown"),
                ("people?from=2026-03-01&to=2026-03-31&category=gardening", "category", "oneOf"),
                ("pilot?from=2026-03-01&to=2026-03-31&format=xlsx", "format", "oneOf"),
                ("public?from=2026-03-01&to=2026-03-31&edition=secret", "edition", "oneOf"),
            ] {
                let bad = try await client.execute(uri: "\(base)/\(query)", method: .get)
                #expect(bad.status == .unprocessableContent, "\(query)")
                #expect(bad.headers[.contentType] == "application/problem+json")
                let body = String(buffer: bad.body)
                #expect(
                    body.contains(#""field":"\#(field)""#) && body.contains(#""rule":"\#(rule)""#), "\(query): \(body)")
            }
        }
    }
}
