import Database
import Foundation
import Service
import TestSupport
import Testing

@Suite("The generated city term")
struct CityTermTests {
    @Test("loads 123 resources, 110 instructors and 140 classes with a request each, once")
    func load() async throws {
        try await TestDatabase.withEmptyDatabase { db, _ in
            try await Migrator(database: db, migrations: try Migration.load(from: TestDatabase.migrationsDirectory))
                .migrate()
            let first = try await CityTerm(database: db).load()
            #expect(first.created)
            let second = try await CityTerm(database: db).load()
            #expect(!second.created && second.centerId == first.centerId)
            let counts = try await db.query(
                """
                SELECT (SELECT count(*) FROM resources WHERE center_id = \(first.centerId))::int AS resources,
                       (SELECT count(*) FROM instructors)::int AS instructors,
                       (SELECT count(*) FROM cohorts)::int AS classes,
                       (SELECT count(*) FROM requests WHERE state = 'submitted'
                          AND category = 'student_training')::int AS training
                """
            ).first!
            #expect(try counts.decode("resources", as: Int.self) == 123)
            #expect(try counts.decode("instructors", as: Int.self) == 110)
            #expect(try counts.decode("classes", as: Int.self) == 140)
            #expect(try counts.decode("training", as: Int.self) == 140)
        }
    }
}
