public import HTTPTypes

/// The security header fields the service sends (see `docs/security.md`).
public enum SecurityHeaders {
    /// On every answer, JSON and HTML alike: no content-type sniffing.
    public static let everyAnswer: HTTPFields = [.xContentTypeOptions: "nosniff"]

    /// On every HTML answer (pages, error pages, redirects, static files): scripts, styles and
    /// images only from this site and never inline, no framing, no `<base>`, forms posted only
    /// here, no referrer to other sites.
    public static let html: HTTPFields = [
        .contentSecurityPolicy:
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
        .xContentTypeOptions: "nosniff",
        .referrerPolicy: "same-origin",
        .xFrameOptions: "DENY",
    ]
}

extension HTTPField.Name {
    static let contentSecurityPolicy = HTTPField.Name("Content-Security-Policy")!
    static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
}
