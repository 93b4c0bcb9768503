import Database
import Foundation
import Service
import TestSupport
import Testing

@Suite("The demo center")
struct DemoCenterTests {
    @Test("loads a term in all four categories once; a second load changes nothing")
    func load() async throws {
        try await TestDatabase.withEmptyDatabase { db, _ in
            try await Migrator(database: db, migrations: try Migration.load(from: TestDatabase.migrationsDirectory))
                .migrate()
            let first = try await DemoCenter(database: db).load()
            #expect(first.created)
            let second = try await DemoCenter(database: db).load()
            #expect(!second.created)
            #expect(second.centerId == first.centerId)
            let counts = try await db.query(
                """
                SELECT (SELECT count(*) FROM centers) AS centers, (SELECT count(*) FROM instructors) AS instructors,
                       (SELECT count(DISTINCT category) FROM requests WHERE state = 'submitted') AS categories,
                       (SELECT count(*) FROM organizations WHERE kind = 'sme') AS smes,
                       (SELECT count(*) FROM resources WHERE parent_id IS NOT NULL) AS contained
                """
            ).first!
            // the main center and the second one, where the schools also work (the center context)
            #expect(try counts.decode("centers", as: Int.self) == 2)
            #expect(try counts.decode("instructors", as: Int.self) == 24)
            #expect(try counts.decode("categories", as: Int.self) == 4)
            #expect(try counts.decode("smes", as: Int.self) == 6)
            #expect(try counts.decode("contained", as: Int.self) > 0)
            // a class that must be split into groups, with a mentor beside each group's teacher
            let grouped = try #require(
                try await db.query(
                    "SELECT details->'groups'->>'split' AS split, details->'mentorSkills'->>0 AS mentor FROM requests WHERE details ? 'groups'"
                ).first)
            #expect(try grouped.decode("split", as: String.self) == "stations")
            #expect(try grouped.decode("mentor", as: String.self) == "mentor.fitting")
            // the welding course is oversubscribed: SMEs ask for more seats than it has
            let welding = try #require(
                try await db.query(
                    """
                    SELECT (c.details->>'capacity')::int AS capacity, sum((s.details->>'seats')::int)::int AS asked
                    FROM requests c JOIN requests s ON (s.details->>'courseRequestId')::uuid = c.id
                    WHERE c.details->>'skill' = 'welding.robot' GROUP BY c.details
                    """
                ).first)
            #expect(try welding.decode("asked", as: Int.self) > (try welding.decode("capacity", as: Int.self)))
            // the college's courses, dated before sold: one on sale with named seats, one decided with a wait-list
            let products = try await db.query(
                """
                SELECT c.title,
                       (SELECT count(*) FROM bookings b WHERE b.request_id = c.id AND b.status = 'confirmed')::int AS sessions,
                       (SELECT count(*) FROM participants p JOIN requests s ON s.id = p.request_id
                        WHERE (s.details->>'courseRequestId')::uuid = c.id AND p.position IS NOT NULL)::int AS named,
                       (SELECT count(*) FROM requests s
                        WHERE (s.details->>'courseRequestId')::uuid = c.id AND s.state = 'wait_listed')::int AS waiting
                FROM requests c JOIN organizations o ON o.id = c.organization_id
                WHERE o.name = '潍坊职业学院' AND c.category = 'shared_employee' ORDER BY c.title
                """
            ).map {
                [
                    try $0.decode("title", as: String.self), "\(try $0.decode("sessions", as: Int.self))",
                    "\(try $0.decode("named", as: Int.self))", "\(try $0.decode("waiting", as: Int.self))",
                ]
            }
            #expect(products == [["PLC 编程入门（共享员工）", "2", "6", "1"], ["工业机器人运维（共享员工）", "4", "2", "0"]])
        }
    }
}
