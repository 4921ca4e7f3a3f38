import Foundation

/// 质询答复: the agency addressed answers an interpellation; round 2 is the answer again (再次答复) after
/// more than half of the proposers were not satisfied (DOMAIN.md §4 I). Sent by the agency.
package struct InterpellationAnswer: MessagePayload {
    package static let messageType: MessageType = "xianjie.interpellationAnswer"
    package static let schemaName = "interpellation-answer.v1"
    package static let delivery = DeliveryClass.durable

    /// The interpellation answered (质询案).
    package var interpellationId: String
    /// 1, or 2 for the answer again.
    package var round: Int
    package var answer: String
    /// Who answered: the agency's head for an oral answer.
    package var answeredBy: Person
    package var answeredAt: Date

    package init(interpellationId: String, round: Int, answer: String, answeredBy: Person, answeredAt: Date) {
        self.interpellationId = interpellationId
        self.round = round
        self.answer = answer
        self.answeredBy = answeredBy
        self.answeredAt = answeredAt
    }
}
