import HTTPTypes
import Logging
import NIOCore
import NIOEmbedded
import NIOHTTPTypes
import Testing
import WebApp

/// The deadline on a request's arrival, on an embedded channel whose clock the test moves.
@Suite("A request must arrive whole in time")
struct RequestDeadlineTests {
    static func connection() throws -> EmbeddedChannel {
        let channel = EmbeddedChannel(
            handler: RequestDeadline(timeout: .seconds(30), logger: Logger(label: "test.deadline")))
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 8080)).wait()
        return channel
    }

    static let head = HTTPRequestPart.head(HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/bookings"))

    @Test("a body trickled past the timeout closes the connection, however often a byte comes")
    func trickled() throws {
        let channel = try Self.connection()
        try channel.writeInbound(Self.head)
        for _ in 0..<29 {
            try channel.writeInbound(HTTPRequestPart.body(ByteBuffer(string: "{")))
            channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        }
        #expect(channel.isActive, "29 s in, the request may still arrive")
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        #expect(!channel.isActive, "30 s after its head the request had not arrived: closed")
        _ = try channel.finish(acceptAlreadyClosed: true)
    }

    @Test("a request that arrived whole is not cut off while it is answered, and the next gets its own time")
    func arrived() throws {
        let channel = try Self.connection()
        try channel.writeInbound(Self.head)
        channel.embeddedEventLoop.advanceTime(by: .seconds(20))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        channel.embeddedEventLoop.advanceTime(by: .seconds(60))
        #expect(channel.isActive)
        try channel.writeInbound(Self.head)
        channel.embeddedEventLoop.advanceTime(by: .seconds(29))
        #expect(channel.isActive)
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        #expect(!channel.isActive)
        _ = try channel.finish(acceptAlreadyClosed: true)
    }
}
