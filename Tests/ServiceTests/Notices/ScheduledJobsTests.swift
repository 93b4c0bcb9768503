import Access
import Database
import Dates
import Domain
import Foundation
import Logging
import Repositories
import Service
import TestSupport
import Testing

/// Scheduled work on the one job queue: two processes enqueue each due run once, one of them does
/// it, a run whose worker died is taken over after its lease, and certificate reminders are told
/// once per certificate and threshold. Each test works at its own instant decades ahead, so no
/// other test's jobs or certificates are due then; serialized, since they claim the same kinds.
@Suite("Scheduled jobs", .serialized)
struct ScheduledJobsTests {
    /// A center, an enterprise with a coordinator, and an instructor of the enterprise whose
    /// lathe certificate lapses 20 days after `now` (at the center).
    struct Setting {
        let db: Database
        let fixture: NoticeFixture
        let instructor: Instructor
        let now: Date

        init(_ db: Database) async throws {
            self.db = db
            fixture = try await NoticeFixture(db, email: false)
            // noon at the center on a day of its own in 2090–2099
            let day = CalendarDate(year: 2090, month: 1, day: 1)!.adding(days: Int.random(in: 0..<3_600))
            now = Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400 + 4 * 3600)
            instructor = try await OrganizationService(database: db).addInstructor(
                NewInstructor(
                    organizationId: fixture.setting.enterprise.id, name: "赵师傅", postType: .flexible,
                    weeklyHourCap: 20, skills: [Instructor.Skill(skill: "cnc.lathe", expiresOn: day.adding(days: 20))],
                    availability: []),
                to: fixture.setting.center.center.id, as: .system)
        }

        /// A process's scheduler and worker of certificate reminders only.
        func process(_ name: String) -> ScheduledJobs {
            ScheduledJobs(
                database: db,
                configuration: ScheduledJobs.Configuration(
                    workerId: name, schedules: [Schedule(kind: .certificateReminders, period: .seconds(86_400))],
                    lease: .seconds(300), heartbeat: .seconds(600)),
                logger: Logger(label: "test"))
        }

        /// The certificate reminders the enterprise's coordinator has of this instructor.
        func reminders() async throws -> [Notice] {
            try await NoticeService(database: db).notices(page: Page(limit: 100, offset: 0), as: fixture.chinese)
                .filter { $0.event == NoticeEvent.certificateExpiring.rawValue }
                .filter { $0.entityId == instructor.id.uuidString.lowercased() }
        }

        /// The reminder jobs due in the day of `now`, as (status, worker, attempts).
        func jobs() async throws -> [(String, String?, Int)] {
            try await db.query(
                """
                SELECT status::text AS status, worker, attempts FROM jobs
                WHERE kind = 'certificate_reminders' AND run_at >= \(now) - interval '1 day' AND run_at <= \(now)
                """
            ).map { row in
                (
                    try row.decode("status", as: String.self), try row.decode("worker", as: String?.self),
                    try row.decode("attempts", as: Int.self)
                )
            }
        }
    }

    @Test("two processes enqueue a due run once and exactly one of them does it; a second tick adds nothing")
    func twoProcesses() async throws {
        try await TestDatabase.withPool(maxConnections: 4) { db in
            let setting = try await Setting(db)
            let (a, b, now) = (setting.process("process-a"), setting.process("process-b"), setting.now)
            async let queuedByA = a.tick(now: now)
            async let queuedByB = b.tick(now: now)
            #expect(try await queuedByA + queuedByB == 1)
            async let ranByA = a.runOnce(now: now)
            async let ranByB = b.runOnce(now: now)
            // this day's run; any other due run (a test beside this one left it) may be worked too
            let due = Schedule(kind: .certificateReminders, period: .seconds(86_400)).dueTime(at: now)
            let ran = [try await ranByA, try await ranByB].compactMap { $0 }
            #expect(ran.filter { $0.runAt == due }.count == 1, "runs worked: \(ran.map { ($0.id, $0.runAt) })")
            #expect(try await a.tick(now: now.addingTimeInterval(3600)) == 0, "the same day's run exists")
            #expect(try await a.runOnce(now: now.addingTimeInterval(3600))?.runAt != due)
            #expect(try await b.runOnce(now: now.addingTimeInterval(3600))?.runAt != due)
            let jobs = try await setting.jobs()
            #expect(jobs.count == 1)
            #expect(jobs.first?.0 == "done")
            #expect(jobs.first?.2 == 1)
            let told = try await setting.reminders()
            #expect(told.count == 1)
            #expect(told.first?.title.contains("赵师傅") == true)
            #expect(told.first?.link == "/instructors/\(setting.instructor.id.uuidString.lowercased())")
        }
    }

    @Test("a worker that dies mid-run keeps its lease until it runs out; then another takes the run over")
    func takeOver() async throws {
        try await TestDatabase.withPool(maxConnections: 4) { db in
            let setting = try await Setting(db)
            let (a, b, now) = (setting.process("process-a"), setting.process("process-b"), setting.now)
            try await a.tick(now: now)
            let claimed = try #require(try await a.claim(now: now))  // process a dies holding it
            #expect(try await b.runOnce(now: now.addingTimeInterval(60)) == nil, "the lease still holds")
            let taken = try #require(try await b.runOnce(now: now.addingTimeInterval(301)))
            #expect(taken.id == claimed.id)
            let jobs = try await setting.jobs()
            #expect(jobs.map(\.0) == ["done"])
            #expect(jobs.map(\.1) == ["process-b"])
            #expect(jobs.map(\.2) == [2])
            #expect(try await setting.reminders().count == 1)
        }
    }

    @Test("a certificate is reminded of once at 30 days and once at 7, whatever the days in between")
    func oncePerThreshold() async throws {
        try await TestDatabase.withPool(maxConnections: 4) { db in
            let setting = try await Setting(db)
            let a = setting.process("process-a")
            var counts: [Int] = []
            for day in [0, 1, 12, 13, 14, 15] {  // 20, 19, 8, 7, 6 and 5 days left
                let now = setting.now.addingTimeInterval(Double(day) * 86_400)
                try await a.tick(now: now)
                while try await a.runOnce(now: now) != nil {}
                counts.append(try await setting.reminders().count)
            }
            #expect(counts == [1, 1, 1, 2, 2, 2])
            let bodies = try await setting.reminders().map(\.body)
            #expect(bodies.contains { $0.contains("还有 7 天") })
            #expect(bodies.contains { $0.contains("还有 20 天") })
        }
    }
}
