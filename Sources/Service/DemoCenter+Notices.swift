import Database
import Domain
import Foundation
import Repositories

extension DemoCenter {
    /// Tells the demo's managers, once their accounts exist, of the requests that were submitted
    /// before them (the seed submits requests before it creates accounts): their notice list and
    /// the header's unread count then show what a manager sees after a morning of submissions.
    func tellManagersOfSubmissions(centerId: UUID) async throws {
        try await database.withTransaction { connection in
            let submitted = try RequestRepository().list(
                centerId: centerId, state: .submitted, category: nil, limit: 6, offset: 0, on: connection)
            for request in submitted {
                if let notice = NoticeDraft.request(request, from: .draft) {
                    try NoticeRepository().write(notice, on: connection)
                }
            }
        }
    }
}
