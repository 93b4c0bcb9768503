import Access
import Hummingbird

extension WebUI.Options {
    /// The client's address for throttling (logins, self check-ins): the peer, or behind a trusted
    /// proxy the last `X-Forwarded-For` entry.
    func client(of request: Request, _ context: some PageContext) -> String {
        ClientAddress.of(
            peer: context.peerAddress, forwardedFor: request.headers[.init("X-Forwarded-For")!],
            trustForwardedFor: trustForwardedFor)
    }
}
