import Foundation

/// 回头看: the congress looks back on a special inquiry after the tracking, and closes it, opens a second
/// inquiry on what is still unresolved (再次询问), or moves to an interpellation (质询) (DOMAIN.md §4 I).
package struct InquiryLookBack: MessagePayload {
    package static let messageType: MessageType = "xianjie.inquiryLookBack"
    package static let schemaName = "inquiry-look-back.v1"
    package static let delivery = DeliveryClass.durable

    /// What the look-back decided.
    package enum Outcome: String, Codable, Sendable, CaseIterable {
        /// 办结: the inquiry is closed, even with problems left unresolved.
        case closed
        /// 再次询问: a second special inquiry, named by `followUpId`.
        case reinquiry
        /// 质询: an interpellation, named by `followUpId`.
        case interpellation
    }

    /// The inquiry looked back on.
    package var inquiryId: String
    /// The problems still unresolved; may be empty.
    package var unresolvedProblemIds: [String]
    package var outcome: Outcome
    /// The new inquiry's or the interpellation's id; required by the schema unless `outcome` is `closed`.
    package var followUpId: String?
    /// What the look-back found.
    package var summary: String
    package var at: Date

    package init(
        inquiryId: String, unresolvedProblemIds: [String], outcome: Outcome, followUpId: String? = nil,
        summary: String, at: Date
    ) {
        self.inquiryId = inquiryId
        self.unresolvedProblemIds = unresolvedProblemIds
        self.outcome = outcome
        self.followUpId = followUpId
        self.summary = summary
        self.at = at
    }
}
