import Domain
import Foundation
import Hummingbird
import Service
import WebUI

/// `POST /feeds` (the secret and the subscribe address are in this answer only), `GET /feeds`,
/// `DELETE /feeds/{feed}`, and the public feed itself, `GET /feeds/{secret}.ics`, whose secret is
/// its credential: 304 when `If-None-Match` holds its `ETag`, 404 once revoked.
struct FeedsController: Sendable {
    let feeds: FeedService

    /// A feed just made: the subscription, its secret, and where calendar apps fetch it.
    struct Created: Encodable, Sendable {
        let subscription: FeedSubscription
        let secret: String
        let url: String
        let webcal: String
    }

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.post("feeds") { request, context in
            let principal = try context.requirePrincipal()
            let issued = try await feeds.create(
                try await request.decodeJSON(as: NewFeedSubscription.self, context: context), as: principal)
            let address = FeedAddress(of: issued, from: request)
            let created = Created(
                subscription: issued.subscription, secret: issued.secret, url: address.url, webcal: address.webcal)
            var response = try JSONResponse(
                status: .created, value: created, location: "/feeds/\(issued.subscription.id)"
            ).response(from: request, context: context)
            response.headers[.cacheControl] = "no-store"
            return response
        }
        api.get("feeds") { request, context in
            let principal = try context.requirePrincipal()
            let page = try request.queryPage()
            let items = try await feeds.subscriptions(page: page, as: principal)
            return JSONResponse(value: Listing(items: items, limit: page.limit, offset: page.offset))
        }
        api.delete("feeds/:feed") { _, context in
            let principal = try context.requirePrincipal()
            return JSONResponse(value: try await feeds.revoke(try context.uuidParameter("feed"), as: principal))
        }
    }

    /// The feed itself, for anyone holding its secret.
    func addPublicRoutes(to anyone: RouterGroup<AppRequestContext>) {
        anyone.get("feeds/:feed") { request, context in
            guard let file = context.parameters.get("feed"), file.hasSuffix(".ics") else {
                throw ProblemDetails.notFound()
            }
            let document = try await feeds.feed(secret: String(file.dropLast(4)), host: FeedAddress.host(of: request))
            var headers: HTTPFields = [
                .eTag: document.etag, .cacheControl: "private, max-age=300",
                .contentType: "text/calendar; charset=utf-8",
            ]
            if Self.matches(request.headers[.ifNoneMatch], document.etag) {
                headers[.contentType] = nil
                return Response(status: .notModified, headers: headers)
            }
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: document.text)))
        }
    }

    /// Whether an `If-None-Match` value lists `etag` (or is `*`).
    static func matches(_ header: String?, _ etag: String) -> Bool {
        guard let header else { return false }
        return header.split(separator: ",").contains { tag in
            let tag = tag.trimmingCharacters(in: .whitespaces)
            return tag == "*" || tag == etag || tag == "W/" + etag
        }
    }
}
