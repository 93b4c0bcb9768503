public import Database
public import Hummingbird
public import NIOCore

/// An error that knows the problem document it should become at the HTTP edge.
public protocol ProblemConvertible: Error {
    /// The problem to send; `nil` when this instance is an internal failure (sent as a generic 500).
    var problem: ProblemDetails? { get }
}

extension ProblemDetails: ProblemConvertible {
    public var problem: ProblemDetails? { self }
}

extension HTTPError: ProblemConvertible {
    /// Hummingbird's own errors: unknown route, body too large, undecodable body…
    public var problem: ProblemDetails? {
        switch status {
        case .notFound:
            .notFound()
        case .contentTooLarge:
            ProblemDetails(
                status: .contentTooLarge, type: "/problems/body-too-large", title: "Request body too large",
                detail: body ?? "The request body is larger than the server accepts.")
        case .badRequest:
            .malformedBody(body ?? "The request could not be read.")
        default:
            ProblemDetails(status: status, type: "/problems/http", title: status.reasonPhrase, detail: body)
        }
    }
}

extension DatabaseError: ProblemConvertible {
    /// Database failures reaching the edge unhandled: an outage is a 503, a transaction that kept
    /// losing to concurrent ones (after its retries) a 409, a NUL in a text (refused before it was
    /// sent) a 422; integrity errors have to be mapped by the use case that knows what they mean,
    /// so anything else is internal.
    public var problem: ProblemDetails? {
        switch code {
        case .connectionFailure, .poolClosed:
            .unavailable("The database is unreachable. Try again shortly.")
        case .server where isRetryableTransactionFailure:
            ProblemDetails(
                status: .conflict, type: "/problems/concurrent-update", title: "Concurrent update",
                detail: "Other requests kept changing the same data; nothing was written. Try again.")
        case .invalidParameter:
            // a text the field checks let through (names reject it themselves, naming the field)
            ProblemDetails(
                status: .unprocessableContent, type: "/problems/validation", title: "Invalid request",
                detail:
                    "A text of the request contains the NUL character, which cannot be stored; nothing was written.",
                rule: "characters")
        default:
            nil
        }
    }
}

extension NIOTooManyBytesError: ProblemConvertible {
    /// A request body collected past the route's size limit.
    public var problem: ProblemDetails? {
        ProblemDetails(
            status: .contentTooLarge, type: "/problems/body-too-large", title: "Request body too large",
            detail:
                "The request body is larger than the \(maxBytes.map { "\($0 / 1024) KiB" } ?? "") this endpoint accepts."
        )
    }
}
