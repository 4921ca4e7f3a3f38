import Foundation

/// 办案进展: a procedural step of the procuratorate in a public-interest case (DOMAIN.md §4 B), from the
/// investigation to the review of an objection, the follow-up, litigation and closing.
package struct CaseProgress: MessagePayload {
    package static let messageType: MessageType = "xianjie.caseProgress"
    package static let schemaName = "case-progress.v1"
    package static let delivery = DeliveryClass.durable

    package enum Step: String, Codable, Sendable, CaseIterable {
        /// 调查核实.
        case investigationStarted
        /// 报上一级人民检察院备案 (within 5 days of delivering a suggestion).
        case filedWithSuperior
        /// 复查 of an objection.
        case reviewStarted, reviewDecided
        /// 跟进调查 (mandatory after the reply period).
        case followUpStarted, followUpConcluded
        case closed
        /// 诉前审查: the agency did not perform; litigation is considered.
        case litigationReviewStarted
        /// 判决.
        case judgment
        /// 撤回起诉: the agency complied during litigation.
        case withdrawnOnCompliance
    }

    package enum ReviewOutcome: String, Codable, Sendable { case modified, withdrawn, upheld }

    package var caseId: String
    package var step: Step
    package var at: Date
    /// For `investigationStarted`: a hearing (听证) is planned.
    package var hearing: Bool?
    /// Required when `step` is `reviewDecided`.
    package var reviewOutcome: ReviewOutcome?
    /// Whether the agency performed its duty; required when `step` is `followUpConcluded`.
    package var performed: Bool?
    /// The judgment's gist; required when `step` is `judgment`.
    package var summary: String?
    package var note: String?

    package init(
        caseId: String, step: Step, at: Date, hearing: Bool? = nil, reviewOutcome: ReviewOutcome? = nil,
        performed: Bool? = nil, summary: String? = nil, note: String? = nil
    ) {
        self.caseId = caseId
        self.step = step
        self.at = at
        self.hearing = hearing
        self.reviewOutcome = reviewOutcome
        self.performed = performed
        self.summary = summary
        self.note = note
    }
}
