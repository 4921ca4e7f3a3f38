import Foundation

/// 质询案: members of the standing committee draft an interpellation of an agency, others co-sign it, it is
/// submitted once enough members signed, or withdrawn before the answer (DOMAIN.md §4 I).
package struct Interpellation: MessagePayload {
    package static let messageType: MessageType = "xianjie.interpellation"
    package static let schemaName = "interpellation.v1"
    package static let delivery = DeliveryClass.durable

    /// The step taken.
    package enum Action: String, Codable, Sendable, CaseIterable {
        /// 起草: the motion drafted, with the proposers so far.
        case draft
        /// 联名: more members sign it.
        case cosign
        /// 提出: submitted to the standing committee.
        case submit
        /// 撤回: withdrawn by the proposers, with the reason.
        case withdraw
    }

    /// Unique on the bus: the decision, the answers and the assessments name it.
    package var interpellationId: String
    package var action: Action
    /// 受质询机关: the agency that must answer.
    package var addressee: AgencyID
    /// 质询的问题和内容.
    package var question: String
    /// For `draft` the proposers so far and for `cosign` the new co-signers, at least one either way; for
    /// `submit` and `withdraw` may be empty. The schema requires each one's `personId`, which identifies them.
    package var signers: [Person]
    /// Why it is withdrawn; required by the schema when `action` is `withdraw`.
    package var reason: String?
    package var at: Date

    package init(
        interpellationId: String, action: Action, addressee: AgencyID, question: String, signers: [Person],
        reason: String? = nil, at: Date
    ) {
        self.interpellationId = interpellationId
        self.action = action
        self.addressee = addressee
        self.question = question
        self.signers = signers
        self.reason = reason
        self.at = at
    }
}
