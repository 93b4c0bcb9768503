public import Access
public import Database
import Domain
public import Foundation
import Repositories

/// Tells a center's managers and each instructor's organization of certificates about to lapse:
/// once per certificate and threshold (30 days ahead, then 7), whoever runs it and however often.
public struct CertificateReminderService: Sendable {
    let database: Database
    let centers = CenterRepository()
    let reminders = CertificateReminderRepository()

    public init(database: Database) {
        self.database = database
    }

    /// Writes the reminders due at a center as of `now` (its today in its time zone), each recorded
    /// with its notice in one transaction.
    /// - Parameter caller: a manager of the center (``Principal/system`` for the daily job).
    /// - Returns: how many certificates were reminded of now.
    /// - Throws: `.notFound` for an unknown center, `.forbidden` for a caller who may not change it.
    @discardableResult
    public func remind(at centerId: UUID, now: Date, as caller: Principal) async throws -> Int {
        let (centers, reminders) = (centers, reminders)
        return try await database.withTransaction { connection in
            guard let center = try centers.find(id: centerId, on: connection) else {
                throw ServiceError.notFound(entity: "center")
            }
            try Policy(caller).authorize(.change, .center(centerId), entity: "center")
            let today = center.today(now: now)
            let horizon = ExpiringCertificate.thresholds.max() ?? 0
            var reminded = 0
            for certificate in try reminders.expiring(centerId: centerId, from: today, within: horizon, on: connection)
            {
                guard let threshold = certificate.threshold(on: today),
                    try reminders.record(certificate, threshold: threshold, on: connection)
                else { continue }
                try NoticeRepository().write(.certificateExpiring(certificate, today: today), on: connection)
                reminded += 1
            }
            return reminded
        }
    }
}
