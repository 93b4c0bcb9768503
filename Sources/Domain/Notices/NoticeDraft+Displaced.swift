public import Foundation

extension NoticeDraft {
    /// The notice of a booking someone outside its organization moved, to that organization and
    /// the center's managers: the old and the new time in the center's zone, and why (as the mover
    /// wrote it, or in each language).
    public static func bookingDisplaced(
        from old: Booking, to new: Booking, reason: LocalizedText, timeZone: TimeZone
    ) -> NoticeDraft {
        let (was, now) = (Self.span(old, timeZone), Self.span(new, timeZone))
        return NoticeDraft(
            event: .bookingDisplaced, centerId: new.centerId, organizationId: new.organizationId,
            entity: "booking", entityId: new.id.uuidString.lowercased(),
            title: LocalizedText(en: "Session moved: \(new.title)", zh: "课次已调整：\(new.title)"),
            body: LocalizedText(
                en: "The session “\(new.title)” was moved from \(was) to \(now). Reason: \(reason.en)",
                zh: "课次“\(new.title)”已从 \(was) 调整到 \(now)。原因：\(reason.zh)"),
            link: "/ui/bookings/\(new.id.uuidString.lowercased())")
    }

    /// `2026-03-02 08:00–10:00` in `timeZone` (the end's date added when it differs).
    private static func span(_ booking: Booking, _ timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        let (start, end) = (formatter.string(from: booking.start), formatter.string(from: booking.end))
        return start + "–" + (start.prefix(10) == end.prefix(10) ? String(end.dropFirst(11)) : end)
    }
}
