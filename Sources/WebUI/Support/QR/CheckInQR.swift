import Hummingbird

/// The QR code shown beside a session's check-in code: it encodes the self check-in page's
/// address with the code filled in (`https://host/ui/check-in?code=123456`), so a phone's camera
/// opens the page ready for the participant's number.
enum CheckInQR {
    /// The inline SVG for `code` as reached from `request`'s host; `label` is its accessible name.
    static func svg(code: String, from request: Request, label: String) -> String {
        let address = FeedAddress.origin(of: request) + "/ui/check-in?code=" + code
        // a six-digit code and a host name fit version 10 by far; a host too long to fit shows no code
        return QRCode(text: address)?.svg(pixels: 192, label: label) ?? ""
    }
}
