import Foundation

extension NoticeDraft {
    /// The notice to an SME of the seats its request holds in a shared-employee course that runs
    /// (`seat.granted` at the course's decision), naming how many.
    public static func seatsGranted(_ request: Request, seats: Int) -> NoticeDraft {
        var draft = Self.request(request, from: request.state, event: .seatGranted)!
        draft.body = LocalizedText(
            en: draft.body.en + " The course runs; your seats: \(seats).", zh: draft.body.zh + "课程开班，贵单位席位：\(seats) 个。")
        return draft
    }
}
