import Foundation

/// 办理结果反馈: the receiving party tells the sender what became of a transferred clue (DOMAIN.md §4 E).
package struct ClueTransferFeedback: MessagePayload {
    package static let messageType: MessageType = "xianjie.clueTransferFeedback"
    package static let schemaName = "clue-transfer-feedback.v1"
    package static let delivery = DeliveryClass.durable

    package enum Outcome: String, Codable, Sendable, CaseIterable {
        /// 立案: a case was filed on it.
        case filed
        /// 已处理: handled without filing a case.
        case handled
        /// 不予立案: not taken up; the summary says why.
        case declined
    }

    package var transferId: String
    package var outcome: Outcome
    /// The case filed on it, if any.
    package var caseId: String?
    package var summary: String
    package var at: Date

    package init(transferId: String, outcome: Outcome, caseId: String? = nil, summary: String, at: Date) {
        self.transferId = transferId
        self.outcome = outcome
        self.caseId = caseId
        self.summary = summary
        self.at = at
    }
}
