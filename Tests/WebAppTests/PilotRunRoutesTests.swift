import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import WebApp

@Suite("Pilot runs through the API: shifts, resources beside the line, exclusive hall, the closed-days rule")
struct PilotRunRoutesTests {
    @Test("a 3×8 run with an exclusive hall is created; bad shifts and resources are 422 naming field and rule")
    func shiftsAndBadInput() async throws {
        try await APICenter.run { client, fixture, db in
            let (center, enterprise) = (fixture.center, fixture.enterprise)
            try await TestDatabase.catalogue(["pilot.line"], in: center, on: db)
            func post(_ details: String) async throws -> (HTTPResponse.Status, String) {
                let response = try await client.execute(
                    uri: "/centers/\(center)/requests", method: .post,
                    body: ByteBuffer(
                        string: """
                            {"organizationId": "\(enterprise)", "category": "pilot_production", "title": "三班中试",
                             "details": {"capability": "pilot.line", "days": 5, "earliestStart": "2026-04-06",
                                         "latestStart": "2026-04-10", \(details)}}
                            """))
                return (response.status, String(buffer: response.body))
            }
            let created = try await post(
                #""shifts": {"pattern": "3x8", "firstStart": "06:00"}, "exclusiveHall": true, "changeoverAfterMinutes": 120"#
            )
            #expect(created.0 == .created)
            #expect(created.1.contains(#""pattern":"3x8""#) && created.1.contains(#""exclusiveHall":true"#))
            for (details, field, rule) in [
                (#""shifts": {"pattern": "3x8"}"#, "/details/shifts/firstStart", "required"),
                (#""shifts": {"pattern": "4x6"}"#, "/details/shifts/pattern", nil),
                (#""shifts": {"pattern": "2x12", "firstStart": "25:00"}"#, "/details/shifts/firstStart", nil),
                (
                    #""shifts": {"pattern": "custom", "custom": [{"start": "22:00", "minutes": 600}, {"start": "06:00", "minutes": 480}]}"#,
                    "/details/shifts/custom/0/minutes", "overlap"
                ),
                (
                    #""shifts": {"pattern": "dayHours", "firstStart": "06:00"}"#, "/details/shifts/firstStart",
                    "notForPattern"
                ),
                (#""extraResources": [{}]"#, "/details/extraResources/0/resourceId", "required"),
                (
                    #""extraResources": [{"resourceId": "\#(UUID())"}]"#, "/details/extraResources/0/resourceId",
                    "exists"
                ),
            ] as [(String, String, String?)] {
                let (status, body) = try await post(details)
                #expect(status == .unprocessableContent, "\(details)")
                #expect(body.contains(#""field":"\#(field)""#), "\(details): \(body)")
                if let rule { #expect(body.contains(#""rule":"\#(rule)""#), "\(details): \(body)") }
            }
        }
    }

    @Test("the policy keeps pilotRunsThroughClosures, false until set")
    func closedDaysRule() async throws {
        try await APICenter.run { client, fixture, _ in
            let read = try await client.execute(uri: "/centers/\(fixture.center)/policy", method: .get)
            #expect(String(buffer: read.body).contains(#""pilotRunsThroughClosures":false"#))
            let etag = try #require(read.headers[.eTag])
            let weights = SoftWeightNames.all.map { "\"\($0)\": 1" }.joined(separator: ", ")
            let replaced = try await client.execute(
                uri: "/centers/\(fixture.center)/policy", method: .put, headers: [.ifMatch: etag],
                body: ByteBuffer(
                    string:
                        #"{"shares": [], "changeovers": [], "weights": {\#(weights)}, "pilotRunsThroughClosures": true}"#
                ))
            #expect(replaced.status == .ok)
            #expect(String(buffer: replaced.body).contains(#""pilotRunsThroughClosures":true"#))
        }
    }
}

/// The names of the planner's soft weights, as the policy's JSON has them.
private enum SoftWeightNames {
    static let all = [
        "preferredTime", "seriesTimeStability", "roomStability", "minimumDays", "categoryShare",
        "organizationFairness", "roomSize", "isolatedSlot", "leastChange",
    ]
}
