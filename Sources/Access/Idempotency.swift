/// The value types of `Idempotency-Key` handling: what a request is compared by, what is kept of
/// its answer, and what a later request with the same key should do.
public enum Idempotency {
    /// A request, as far as a key's reuse is compared.
    public struct Fingerprint: Sendable, Equatable {
        public let method: String
        public let path: String
        public let bodyHash: [UInt8]

        public init(method: String, path: String, body: [UInt8]) {
            self.init(method: method, path: path, bodyHash: Secret.sha256(body))
        }

        /// A request as stored: its body's SHA-256 rather than the body.
        public init(method: String, path: String, bodyHash: [UInt8]) {
            self.method = method
            self.path = path
            self.bodyHash = bodyHash
        }
    }

    /// A stored answer.
    public struct StoredResponse: Sendable, Equatable {
        public let status: Int
        /// Header names and values, in order.
        public let headers: [[String]]
        public let body: [UInt8]

        public init(status: Int, headers: [[String]], body: [UInt8]) {
            self.status = status
            self.headers = headers
            self.body = body
        }
    }

    /// What a request with a key should do.
    public enum Claim: Sendable, Equatable {
        /// Do the work, then store its answer or release the key.
        case claimed
        /// Answer this again.
        case replay(StoredResponse)
        /// The key was used for a different request.
        case mismatch
        /// The first request with this key is still being served.
        case inFlight
        /// The work was done, but its answer held a secret and was not kept.
        case notReplayable
    }
}
