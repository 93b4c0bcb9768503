import NIOCore
import NIOSSL

/// TLS towards the SMTP server (swift-nio-ssl, on BoringSSL: the TLS package on the machine's list,
/// already built for the HTTP client): TLS 1.2 or later, the server's certificate verified against
/// the system's trust store, or only the configured CA file, and its name or IP address checked.
struct SMTPTLS: Sendable {
    let context: NIOSSLContext
    /// The name the certificate must carry, also sent as SNI; `nil` for an IP address, which the
    /// certificate must carry instead.
    let serverHostname: String?

    init(_ configuration: MailConfiguration) throws {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        if let caFile = configuration.caFile { tls.trustRoots = .file(caFile) }
        context = try NIOSSLContext(configuration: tls)
        let isAddress = (try? SocketAddress(ipAddress: configuration.host, port: 0)) != nil
        serverHostname = isAddress ? nil : configuration.host
    }

    /// Puts TLS in front of everything else on `channel`; on its event loop.
    func secure(_ channel: any Channel) throws {
        try channel.pipeline.syncOperations.addHandler(
            NIOSSLClientHandler(context: context, serverHostname: serverHostname), position: .first)
    }
}
