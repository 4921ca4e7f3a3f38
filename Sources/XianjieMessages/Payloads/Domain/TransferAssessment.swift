import Foundation

/// 研判结果: the procuratorate's answer to a transfer: a case filed, or declined with the reason.
package struct TransferAssessment: MessagePayload {
    package static let messageType: MessageType = "xianjie.transferAssessment"
    package static let schemaName = "transfer-assessment.v1"
    package static let delivery = DeliveryClass.durable

    package enum Outcome: String, Codable, Sendable { case filed, declined }

    package var suggestionId: String
    package var outcome: Outcome
    /// The case opened, when `outcome` is `filed`.
    package var caseId: String?
    /// Why the transfer was declined; required when `outcome` is `declined`.
    package var reason: String?
    package var assessedAt: Date

    package init(suggestionId: String, outcome: Outcome, caseId: String? = nil, reason: String? = nil, assessedAt: Date) {
        self.suggestionId = suggestionId
        self.outcome = outcome
        self.caseId = caseId
        self.reason = reason
        self.assessedAt = assessedAt
    }
}
