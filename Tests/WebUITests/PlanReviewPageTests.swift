import Access
import Database
import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Planning
import Testing

@Suite("A planner run's results for people")
struct PlanReviewPageTests {
    @Test("a run reads as one sentence per language, lists weeks outside the horizon apart, and publishing asks first")
    func review() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.manager")
            let queued = try await client.execute(
                uri: "/ui/planner", method: .post, headers: session.form,
                body: UIFixture.form([
                    ("csrf", session.csrf), ("from", "2026-03-02"), ("to", "2026-03-08"), ("seconds", "2"),
                ]))
            let location = try #require(queued.headers[.location]?.split(separator: "?").first.map(String.init))
            let id = try #require(UUID(uuidString: String(location.split(separator: "/").last ?? "")))
            let worker = PlanWorker(database: fixture.db, logger: Logger(label: "test.worker"))
            while try await PlanService(database: fixture.db).plan(id, as: .system).status.isSettled == false {
                if try await worker.runOnce() == nil { await Task.yield() }
            }
            let result = try #require(try await PlanService(database: fixture.db).plan(id, as: .system).result)
            let outside = try #require(result.outsideHorizon)
            #expect(!outside.isEmpty, "the demo's term-long requests have weeks after the first")
            #expect(result.placed + result.unplaced.count + outside.count == result.sessions)

            func page(_ uri: String, _ language: String) async throws -> String {
                String(
                    buffer: try await client.execute(
                        uri: uri, method: .get, headers: [.cookie: "\(session.cookie); praxis_lang=\(language)"]
                    ).body)
            }
            let chinese = try await page(location, "zh-CN")
            let within = result.sessionsWithinHorizon
            #expect(
                chinese.contains(
                    result.unplaced.isEmpty
                        ? "\(within) 个课次全部排定" : "\(within) 个课次中排定 \(result.placed) 个，\(result.unplaced.count) 个未能排入"))
            #expect(chinese.contains("另有 \(outside.count) 个课次在本次排课的周次之外"))
            #expect(chinese.contains("本次排课周次之外") && chinese.contains("第\(outside[0].week)周"))
            // a short search on a loaded machine may end infeasible: then the page offers no publishing
            #expect(
                chinese.contains("href=\"\(location)/publish\"") == result.score.feasible
                    && chinese.contains("方案违反硬性规则，不能发布") != result.score.feasible)
            #expect(!chinese.contains("sessions placed") && !chinese.contains("lies outside"))
            let english = try await page(location, "en")
            #expect(
                english.contains(
                    result.unplaced.isEmpty
                        ? "All \(within) sessions placed"
                        : "\(result.placed) of \(within) sessions placed, \(result.unplaced.count) did not fit"))
            #expect(english.contains("\(outside.count) more lie outside this run"))
            #expect(!english.contains("个课次"))

            let changes = PlanChanges(result) { _ in nil }.total
            let confirm = try await page("\(location)/publish", "zh-CN")
            let confirmEnglish = try await page("\(location)/publish", "en")
            #expect(confirm.contains("发布此方案？") && confirmEnglish.contains("Publish this proposal?"))
            if result.score.feasible {
                #expect(confirm.contains("新增 \(changes.added) 个课次，移动 \(changes.moved) 个，移除 \(changes.removed) 个"))
                #expect(confirm.contains("action=\"\(location)/publish\""))
                #expect(confirmEnglish.contains("\(changes.added) sessions added, \(changes.moved) moved"))
                #expect(confirmEnglish.contains("Publish now") && confirmEnglish.contains("Instructors affected"))
            } else {
                // a short search on a loaded machine may end infeasible: then there is nothing to confirm
                #expect(confirm.contains("本次排课不能发布") && !confirm.contains("action=\"\(location)/publish\""))
                #expect(confirmEnglish.contains("This run cannot be published"))
            }
            #expect(
                try await PlanService(database: fixture.db).plan(id, as: .system).status == .succeeded,
                "viewing the confirmation publishes nothing")

            let week = Date(timeIntervalSince1970: 1_772_380_800)..<Date(timeIntervalSince1970: 1_772_985_600)
            let addedThisWeek = result.assignments.filter {
                result.diff.added.contains($0.key) && week.contains($0.start)
            }
            #expect(!addedThisWeek.isEmpty)
            let timetable = try await page("\(location)/timetable?week=2026-03-02", "zh-CN")
            #expect(timetable.contains("方案课表") && timetable.contains("id=\"proposal-timetable\""))
            #expect(timetable.components(separatedBy: "class=\"session diff-added\"").count - 1 == addedThisWeek.count)
            #expect(!timetable.contains(" · week "), "session names in the reader's language")
            let byInstructor = try await page("\(location)/timetable?week=2026-03-02&rows=instructors", "en")
            #expect(byInstructor.contains("The proposal as a timetable") && byInstructor.contains("Added"))

            // dates are written by the server in the page's language, whatever the browser's
            let englishNames = #"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b"#
            let chineseNames = #"周[一二三四五六日]|\d+月\d+日"#
            #expect(Self.visibleText(timetable).range(of: chineseNames, options: .regularExpression) != nil)
            #expect(Self.visibleText(timetable).range(of: englishNames, options: .regularExpression) == nil)
            let englishTimetable = Self.visibleText(try await page("\(location)/timetable?week=2026-03-02", "en"))
            #expect(englishTimetable.contains("Mon") && englishTimetable.contains("Mar"))
            #expect(englishTimetable.range(of: chineseNames, options: .regularExpression) == nil)
        }
    }

    /// The text of a page without its tags, scripts and styles.
    static func visibleText(_ html: String) -> String {
        html.replacingOccurrences(of: #"<script[\s\S]*?</script>|<[^>]+>"#, with: " ", options: .regularExpression)
    }
}
