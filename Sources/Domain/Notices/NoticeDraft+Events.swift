public import Foundation

extension NoticeDraft {
    /// The notice a request's move into a new state tells: to its organization's coordinators, or
    /// (submitted) to the center's managers; `nil` for a move nobody is told of.
    public static func request(_ request: Request, movedTo state: RequestState) -> NoticeDraft? {
        guard let event = NoticeEvent(movingTo: state) else { return nil }
        let (en, zh) = Self.stateWords(state)
        var body = LocalizedText(en: "“\(request.title)” is now \(en).", zh: "“\(request.title)”现已\(zh)。")
        if let reason = request.reason, [.rejected, .waitListed, .cancelled].contains(state) {
            body = LocalizedText(en: body.en + " Reason: \(reason)", zh: body.zh + "原因：\(reason)")
        }
        return NoticeDraft(
            event: event, centerId: request.centerId, organizationId: request.organizationId, entity: "request",
            entityId: request.id.uuidString.lowercased(),
            title: LocalizedText(en: "Request \(en): \(request.title)", zh: "申请\(zh)：\(request.title)"), body: body,
            link: "/requests/\(request.id.uuidString.lowercased())")
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

    /// The notice of a booking cancelled, to the organization it was for and the center's managers.
    public static func bookingCancelled(_ booking: Booking) -> NoticeDraft {
        var format = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!)
        format = format.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false)
            .timeSeparator(.colon)
        let start = booking.start.formatted(format) + " UTC"
        return NoticeDraft(
            event: .bookingCancelled, centerId: booking.centerId, organizationId: booking.organizationId,
            entity: "booking", entityId: booking.id.uuidString.lowercased(),
            title: LocalizedText(en: "Session cancelled: \(booking.title)", zh: "课次已取消：\(booking.title)"),
            body: LocalizedText(
                en: "The session “\(booking.title)” starting \(start) was cancelled.",
                zh: "\(start) 开始的课次“\(booking.title)”已取消。"),
            link: "/")
    }

    private static func stateWords(_ state: RequestState) -> (en: String, zh: String) {
        switch state {
        case .submitted: ("submitted", "提交")
        case .confirmed: ("approved", "批准")
        case .rejected: ("rejected", "驳回")
        case .waitListed: ("wait-listed", "列入候补")
        case .planned: ("planned", "排入计划")
        case .partlyPlanned: ("partly planned", "部分排入计划")
        case .cancelled: ("cancelled", "取消")
        case .draft: ("a draft", "草稿")
        case .done: ("done", "完成")
        }
    }
}
