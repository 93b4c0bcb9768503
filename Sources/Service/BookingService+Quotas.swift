import Access
import Database
import Domain
import Foundation
import Repositories

extension BookingService {
    /// What `check_quotas`'s refusal of a booking starting at `start` means to the caller: 409 naming
    /// the quota and what is left of it in the window (read after the refused write was undone);
    /// `nil` for any other error.
    static func quotaRefusal(_ error: DatabaseError, at start: Date, on connection: Connection) throws -> ServiceError?
    {
        let quotas = QuotaRepository()
        guard error.sqlState == .quotaExceeded, let id = error.detail.flatMap(UUID.init(uuidString:)),
            let quota = try quotas.find(id: id, on: connection)
        else { return nil }
        return .quotaExceeded(try quotas.use(of: quota, at: start, on: connection))
    }
}
