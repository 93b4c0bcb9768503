public import Foundation

/// An SME's seats in a shared-employee course, one named person a seat: the seat request and the
/// participants it names.
public struct SeatPurchase: Sendable, Encodable {
    public var request: Request
    public var participants: [Participant]

    public init(request: Request, participants: [Participant]) {
        self.request = request
        self.participants = participants
    }
}

/// What an SME's coordinator sends to buy seats: the people who take them (1–200).
public struct NamedSeats: Sendable, Decodable {
    public var participants: [NewParticipant]

    public init(participants: [NewParticipant]) {
        self.participants = participants
    }
}
