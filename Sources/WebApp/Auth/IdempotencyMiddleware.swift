import Access
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Service

/// Makes every POST of an authenticated caller that carries an `Idempotency-Key` safe to retry
/// (per user). An anonymous request (`POST /login`) is served as if it had no key: nothing is
/// stored for a caller nobody vouches for.
///
/// The first request claims the key and does the work; its answer (below 500, and not 429) is
/// stored with a hash of the body. A retry with the same key, method, path and body gets that
/// answer again, marked `Idempotent-Replayed: true`, without the work; another body is 422; a
/// retry while the first is still running is 409 with `Retry-After` (nothing waits, so duplicates
/// cannot tie up the database pool). An answer marked `Cache-Control: no-store` (it holds a secret,
/// such as a new token) is not kept: its retries are 409. Keys expire after 24 hours.
struct IdempotencyMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let store: IdempotencyStore

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard request.method == .post, let key = request.headers[.idempotencyKey], let principal = context.principal
        else {
            return try await next(request, context)
        }
        guard (1...255).contains(key.count), key.allSatisfy({ $0.isASCII && !$0.isWhitespace && !$0.isNewline }) else {
            throw ProblemDetails.validation(
                field: "Idempotency-Key", rule: "format",
                detail: "The Idempotency-Key must be 1–255 visible ASCII characters, e.g. a UUID.")
        }
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let owner = "user:\(principal.userId.uuidString.lowercased())"
        let fingerprint = IdempotencyStore.Fingerprint(
            method: request.method.rawValue, path: request.uri.description, body: Array(body.readableBytesView))
        switch try await store.claim(principal: owner, key: key, request: fingerprint) {
        case .claimed:
            return try await perform(request, context: context, owner: owner, key: key, next: next)
        case .replay(let stored):
            var headers = HTTPFields()
            for pair in stored.headers where pair.count == 2 {
                if let name = HTTPField.Name(pair[0]) { headers.append(HTTPField(name: name, value: pair[1])) }
            }
            headers[.idempotentReplayed] = "true"
            return Response(
                status: .init(code: stored.status), headers: headers,
                body: .init(byteBuffer: ByteBuffer(bytes: stored.body)))
        case .mismatch:
            throw ProblemDetails(
                status: .unprocessableContent, type: "/problems/idempotency-key-reused",
                title: "Idempotency key reused",
                detail: "This Idempotency-Key was used for a different request. Use a new key for a new request.",
                field: "Idempotency-Key", rule: "sameRequest")
        case .inFlight:
            throw ProblemDetails(
                status: .conflict, type: "/problems/idempotency-key-in-flight", title: "Request in progress",
                detail: "The first request with this Idempotency-Key is still being served. Retry shortly.",
                headers: [.retryAfter: "1"])
        case .notReplayable:
            throw ProblemDetails(
                status: .conflict, type: "/problems/idempotency-key-used", title: "Already done",
                detail:
                    "The request with this Idempotency-Key succeeded, and its answer held a secret that is shown only once."
            )
        }
    }

    /// Does the work of a claimed key and stores its answer; gives the key up when the work failed
    /// in a way a retry may fix.
    private func perform(
        _ request: Request, context: Context, owner: String, key: String,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any ProblemConvertible {
            guard let problem = error.problem, problem.statusCode < 500 else {
                try? await store.release(principal: owner, key: key)
                throw error
            }
            response = try problem.response(from: request, context: context)
        } catch {
            try? await store.release(principal: owner, key: key)
            throw error
        }
        guard response.status.code < 500, response.status != .tooManyRequests else {
            try await store.release(principal: owner, key: key)
            return response
        }
        let sink = BodySink()
        try await response.body.write(CollectingWriter(sink: sink))
        let headers = response.headers.filter { $0.name != .setCookie }.map { [$0.name.canonicalName, $0.value] }
        let stored = IdempotencyStore.StoredResponse(
            status: response.status.code, headers: headers, body: Array(sink.buffer.readableBytesView))
        try await store.complete(
            principal: owner, key: key, response: stored, replayable: response.headers[.cacheControl] != "no-store")
        response.body = .init(byteBuffer: sink.buffer)
        return response
    }
}

/// Where ``CollectingWriter`` puts a response body; used by one task at a time.
private final class BodySink: @unchecked Sendable {
    var buffer = ByteBuffer()
}

/// Collects a response body instead of sending it.
private struct CollectingWriter: ResponseBodyWriter {
    let sink: BodySink

    mutating func write(_ buffer: ByteBuffer) async throws {
        var buffer = buffer
        sink.buffer.writeBuffer(&buffer)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
