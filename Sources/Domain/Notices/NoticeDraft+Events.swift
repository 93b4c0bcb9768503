public import Foundation

extension NoticeDraft {
    /// The notice a request's move from `previous` to its state tells (``NoticeEvent/init(moving:from:)``,
    /// or `event` when the caller names it); `nil` for a move nobody is told of.
    public static func request(
        _ request: Request, from previous: RequestState, event: NoticeEvent? = nil
    ) -> NoticeDraft? {
        guard let event = event ?? NoticeEvent(moving: request, from: previous) else { return nil }
        let (en, zh) = Self.words(event)
        var body = LocalizedText(en: "“\(request.title)”: \(en).", zh: "“\(request.title)”：\(zh)。")
        if let reason = request.reason, [.rejected, .waitListed, .cancelled].contains(request.state) {
            body = LocalizedText(en: body.en + " Reason: \(reason)", zh: body.zh + "原因：\(reason)")
        }
        return NoticeDraft(
            event: event, centerId: request.centerId, organizationId: request.organizationId, entity: "request",
            entityId: request.id.uuidString.lowercased(),
            title: LocalizedText(
                en: "\(en.prefix(1).uppercased() + en.dropFirst()): \(request.title)", zh: "\(zh)：\(request.title)"),
            body: body, link: "/requests/\(request.id.uuidString.lowercased())")
    }

    /// The notice of a plan published at a center, to its managers.
    public static func planPublished(planId: UUID, centerId: UUID, placed: Int) -> NoticeDraft {
        NoticeDraft(
            event: .planPublished, centerId: centerId, organizationId: nil, entity: "plan",
            entityId: planId.uuidString.lowercased(),
            title: LocalizedText(en: "Plan published", zh: "排程已发布"),
            body: LocalizedText(
                en: "A plan was published: \(placed) sessions are now in the timetable.",
                zh: "一个排程已发布：\(placed) 个课次已进入课表。"),
            link: "/plans/\(planId.uuidString.lowercased())")
    }

    /// The notice of a booking cancelled, to the organization it was for and the center's managers,
    /// its start told in the center's time zone (`zone`).
    public static func bookingCancelled(_ booking: Booking, zone: TimeZone) -> NoticeDraft {
        let start = NoticeTime.text(booking.start, in: zone)
        return NoticeDraft(
            event: .bookingCancelled, centerId: booking.centerId, organizationId: booking.organizationId,
            entity: "booking", entityId: booking.id.uuidString.lowercased(),
            title: LocalizedText(en: "Session cancelled: \(booking.title)", zh: "课次已取消：\(booking.title)"),
            body: LocalizedText(
                en: "The session “\(booking.title)” starting \(start.en) was cancelled.",
                zh: "\(start.zh) 开始的课次“\(booking.title)”已取消。"),
            link: "/")
    }

    private static func words(_ event: NoticeEvent) -> (en: String, zh: String) {
        switch event {
        case .requestSubmitted: ("request submitted", "申请提交")
        case .requestApproved: ("request approved", "申请批准")
        case .requestRejected: ("request rejected", "申请驳回")
        case .requestWaitListed: ("request wait-listed", "申请列入候补")
        case .requestPlanned: ("request planned", "申请排入计划")
        case .requestPartlyPlanned: ("request partly planned", "申请部分排入计划")
        case .requestCancelled: ("request cancelled", "申请取消")
        case .seatGranted: ("seats granted", "席位已分配")
        case .seatWaitListed: ("seats wait-listed", "席位列入候补")
        case .seatPromoted: ("seats promoted from the wait list", "候补席位已转正")
        case .courseCancelled: ("course cancelled", "课程取消开班")
        case .planPublished: ("plan published", "排程发布")
        case .bookingCancelled: ("session cancelled", "课次取消")
        case .bookingDisplaced: ("session moved", "课次调整")
        case .certificateExpiring: ("certificate expiring", "证书即将到期")
        }
    }
}
