public import Access
public import Hummingbird
public import Service

/// What the pages need of the application's request context: the signed-in principal and its
/// browser session (set by the pages' own session middleware), and the peer's address for
/// login throttling, and the reader's workplace (the center they work in, set by the same
/// middleware). The API's context conforms to it where the UI is mounted.
public protocol PageContext: RequestContext {
    var principal: Principal? { get set }
    var session: Authenticator.Session? { get set }
    var workplace: Workplace? { get set }
    var peerAddress: String? { get }
}
