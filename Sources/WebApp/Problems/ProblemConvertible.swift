import Access
public import Hummingbird
public import NIOCore
import Service

/// An error that knows the problem document it should become at the HTTP edge.
public protocol ProblemConvertible: Error {
    /// The problem to send; `nil` when this instance is an internal failure (sent as a generic 500).
    var problem: ProblemDetails? { get }
}

extension ProblemDetails: ProblemConvertible {
    public var problem: ProblemDetails? { self }
}

extension ProblemDetails {
    /// The problem an error becomes at either edge: its own when it is ``ProblemConvertible``,
    /// else that of the ``ServiceError`` a database failure stands for
    /// (``ServiceError/init(databaseFailure:)``); `nil` for an internal failure, sent as a generic 500.
    static func of(_ error: any Error) -> ProblemDetails? {
        if let known = error as? any ProblemConvertible { return known.problem }
        return ServiceError(databaseFailure: error)?.problem
    }
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
