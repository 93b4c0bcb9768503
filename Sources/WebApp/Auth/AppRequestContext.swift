public import Access
public import Hummingbird
import NIOCore
public import Service

/// The request context of every route: Hummingbird's core storage, the client's address, and the
/// caller that ``AuthenticationMiddleware`` authenticated.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The caller, when the request carried a valid token or session cookie.
    public var principal: Principal?
    /// The browser session the request came with, if it was cookie-authenticated.
    public var session: Authenticator.Session?
    /// The signed-in reader's center and the centers they may switch to (pages only).
    public var workplace: Workplace?
    /// The peer's IP address (`nil` when there is no socket, as in router tests).
    public let peerAddress: String?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// The authenticated caller.
    /// - Throws: ``ServiceError/unauthenticated`` (401) when there is none.
    public func requirePrincipal() throws(ServiceError) -> Principal {
        guard let principal else { throw .unauthenticated }
        return principal
    }
}
