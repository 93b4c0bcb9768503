import Access
import Database
import Domain
import Foundation
import Repositories
import Service
import TestSupport
import Testing

@Suite("PostgreSQL's refusals of a booking, typed")
struct BookingRefusalTests {
    /// Writes `input` straight through `insert_booking` and says how PostgreSQL refused it.
    func refusal(_ input: NewBooking, in centerId: UUID, db: Database) async throws -> BookingRefusal? {
        let booking = BookingRepository.confirmed(input, title: input.title, centerId: centerId)
        return try await db.withConnection { connection in
            do {
                try connection.run(BookingRepository().insertion(of: booking))
                return nil
            } catch let error as DatabaseError {
                let refusal = BookingRefusal(error)
                #expect(refusal != nil, "\(error.debugDescription)")
                return refusal
            }
        }
    }

    @Test("each refusal of insert_booking is recognised by its kind")
    func kinds() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let cohort: UUID = try await db.query(
                "INSERT INTO cohorts (organization_id, name, size) VALUES (\(center.school.id), '机电2302班', 30) RETURNING id"
            ).first!.decode("id")
            let instructor = try await OrganizationService(database: db).addInstructor(
                NewInstructor(
                    organizationId: center.school.id, name: "李老师", postType: .fixed, weeklyHourCap: 20, skills: [],
                    availability: []),
                to: center.center.id, as: .system)
            _ = try await BookingService(database: db, now: TestClock.term).book(
                center.booking(
                    [.init(resourceId: center.lathe.id)], from: 8, to: 10, instructorId: instructor.id,
                    cohortIds: [cohort]), in: center.center.id, as: .system)
            let id = center.center.id
            #expect(
                try await refusal(center.booking([.init(resourceId: center.lathe.id)], from: 9, to: 11), in: id, db: db)
                    == .resourcesTaken)
            #expect(
                try await refusal(
                    center.booking([.init(resourceId: center.mill.id)], from: 9, to: 11, instructorId: instructor.id),
                    in: id, db: db) == .instructorTaken)
            #expect(
                try await refusal(
                    center.booking([.init(resourceId: center.pilotLine.id)], from: 9, to: 11, cohortIds: [cohort]),
                    in: id, db: db) == .cohortAlreadyBooked)
            var stranger = center.booking([.init(resourceId: center.pool.id, stations: 1)], from: 12, to: 13)
            stranger.organizationId = UUID()
            #expect(try await refusal(stranger, in: id, db: db) == .missingOrganization)
            _ = try await MaintenanceService(database: db).schedule(
                NewMaintenanceWindow(start: CenterFixture.time(14), end: CenterFixture.time(16), reason: "保养"),
                on: center.pilotLine.id, as: .system)
            #expect(
                try await refusal(
                    center.booking([.init(resourceId: center.pilotLine.id)], from: 15, to: 16), in: id, db: db)
                    == .underMaintenance)
            try await db.query("UPDATE resources SET status = 'retired' WHERE id = \(center.mill.id)")
            #expect(
                try await refusal(center.booking([.init(resourceId: center.mill.id)], from: 17, to: 18), in: id, db: db)
                    == .resourceRetired)
        }
    }

    @Test("the sentences name no constraint and no table; only clashes are 409s")
    func wording() {
        for refusal in BookingRefusal.allCases {
            #expect(!refusal.sentence.contains("_"), "\(refusal)")
            #expect(refusal.isClash == (refusal.field == nil), "\(refusal)")
        }
    }

    @Test("errors that are not refusals stay what they are")
    func others() {
        #expect(BookingRefusal(DatabaseError(code: .server, sqlState: .uniqueViolation, message: "x")) == nil)
        #expect(
            BookingRefusal(
                DatabaseError(
                    code: .server, sqlState: .foreignKeyViolation, message: "x", constraint: "bookings_center_id_fkey"))
                == nil)
    }
}
