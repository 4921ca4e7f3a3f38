import Foundation

/// 质询答复满意度: the proposers' verdict on an answer to their interpellation: which of them are not
/// satisfied (more than half not satisfied calls for the answer again) (DOMAIN.md §4 I).
package struct InterpellationAssessment: MessagePayload {
    package static let messageType: MessageType = "xianjie.interpellationAssessment"
    package static let schemaName = "interpellation-assessment.v1"
    package static let delivery = DeliveryClass.durable

    /// The interpellation answered (质询案).
    package var interpellationId: String
    /// The round of the answer assessed: 1, or 2 for the answer again.
    package var round: Int
    /// The `personId`s of the proposers who are not satisfied; may be empty, no repeats.
    package var unsatisfied: [String]
    package var assessedAt: Date

    package init(interpellationId: String, round: Int, unsatisfied: [String], assessedAt: Date) {
        self.interpellationId = interpellationId
        self.round = round
        self.unsatisfied = unsatisfied
        self.assessedAt = assessedAt
    }
}
