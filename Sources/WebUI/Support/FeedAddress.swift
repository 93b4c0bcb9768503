public import Domain
import HTTPTypes
public import Hummingbird

/// Where a feed is fetched from: the host the request came to (`Host`), with `https` when a proxy
/// says the request came over TLS (`X-Forwarded-Proto`). A calendar app subscribes to the
/// `webcal://` form of the same address.
public struct FeedAddress: Sendable, Encodable {
    /// `https://praxis.example/feeds/pxf_….ics`
    public let url: String
    /// `webcal://praxis.example/feeds/pxf_….ics`
    public let webcal: String

    /// The addresses of `feed` as seen from `request`.
    public init(of feed: IssuedFeed, from request: Request) {
        url = Self.origin(of: request) + feed.path
        webcal = "webcal://\(Self.host(of: request))\(feed.path)"
    }

    /// `scheme://host` of `request`: `https` when a proxy says it came over TLS.
    public static func origin(of request: Request) -> String {
        let scheme = request.headers[HTTPField.Name("X-Forwarded-Proto")!] == "https" ? "https" : "http"
        return "\(scheme)://\(host(of: request))"
    }

    /// The request's host (and port), `localhost` when it names none: the right-hand side of a feed's UIDs.
    public static func host(of request: Request) -> String {
        let host = request.head.authority ?? "localhost"
        return host.isEmpty ? "localhost" : host
    }
}
