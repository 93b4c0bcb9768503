import Access
import Database
import Domain
import Repositories

extension DemoCenter {
    /// The demo instructor subscribes to their own timetable and the demo school coordinator to
    /// their school's, as each would on the calendar feeds page; once (a later load finds them).
    /// The secrets are dropped: a person makes a feed of their own to subscribe with.
    func subscribeFeeds() async throws {
        let feeds = FeedService(database: database)
        for (username, kind) in [("demo.instructor", "mine"), ("demo.school", "organization")] {
            let found = try await database.withConnection { connection in
                try UserRepository().find(username: username, on: connection)
            }
            guard let user = found?.user else { continue }
            let owner = Principal(
                userId: user.id, username: user.username, organizationId: user.organizationId, grants: user.roles)
            guard try await feeds.subscriptions(page: Page(limit: 1), as: owner).isEmpty else { continue }
            _ = try await feeds.create(
                NewFeedSubscription(kind: kind, subjectId: kind == "mine" ? nil : user.organizationId), as: owner)
        }
    }
}
