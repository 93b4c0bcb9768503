import HTTPTypes
public import Logging
public import NIOCore
public import NIOHTTPTypes

/// Closes a connection whose request has not arrived whole (head to the end of its body) within
/// `timeout` of its head: a client trickling its body byte by byte cannot keep a request open for
/// ever. Nothing of such a request has reached a use case (controllers read the whole body before
/// they call one), so no database connection waits on it. The time before a request's head (slow
/// headers, an idle keep-alive connection) is the HTTP server's idle timeout, set to the same value.
public final class RequestDeadline: ChannelInboundHandler, RemovableChannelHandler {
    public typealias InboundIn = HTTPRequestPart
    public typealias InboundOut = HTTPRequestPart

    let timeout: TimeAmount
    let logger: Logger
    private var deadline: Scheduled<Void>?

    public init(timeout: TimeAmount, logger: Logger) {
        self.timeout = timeout
        self.logger = logger
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            deadline?.cancel()
            let (logger, timeout, path) = (logger, timeout, head.path ?? "")
            deadline = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
                logger.notice(
                    "Request not received whole in time; connection closed",
                    metadata: ["path": "\(path)", "timeoutSeconds": "\(Double(timeout.nanoseconds) / 1e9)"])
                context.close(promise: nil)
            }
        case .end:
            deadline?.cancel()
            deadline = nil
        case .body:
            break
        }
        context.fireChannelRead(data)
    }

    public func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        context.fireChannelInactive()
    }

    public func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
    }
}
