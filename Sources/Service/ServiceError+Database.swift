public import Access
import Database
import Domain

extension ServiceError {
    /// The refusal a database failure stands for when it reaches the edge without a use case
    /// having mapped it: an outage is ``unavailable(_:)``, a transaction that kept losing to
    /// concurrent ones past its retries ``concurrentUpdate``, a NUL in a text (refused before it
    /// was sent) ``invalid(_:)``. Integrity errors mean something only to the use case that caused
    /// them, so they (and every error that is not the database's) give `nil`: an internal error.
    /// A statement stopped by the statement timeout, a server out of disk, memory or connections,
    /// and a write sent to a read-only server are outages too.
    /// - Parameter error: any error a route or page caught.
    public init?(databaseFailure error: any Error) {
        guard let error = error as? DatabaseError else { return nil }
        switch error.code {
        case .connectionFailure, .poolClosed:
            self = .unavailable("The database is unreachable. Try again shortly.")
        case .server where error.isRetryableTransactionFailure:
            self = .concurrentUpdate
        case .server where error.sqlState == .queryCanceled:
            self = .unavailable(
                "The database took too long to answer and the work was stopped; nothing was written. Try again shortly."
            )
        case .server where error.sqlState?.isInsufficientResources == true || error.sqlState == .readOnlyTransaction:
            self = .unavailable(
                "The database cannot take writes at the moment; nothing was written. Try again shortly.")
        case .invalidParameter:
            // a text the field checks let through (names reject it themselves, naming the field)
            self = .invalid(
                DomainError(
                    field: "", rule: "characters",
                    message:
                        "A text of the request contains the NUL character, which cannot be stored; nothing was written."
                ))
        default:
            return nil
        }
    }
}
