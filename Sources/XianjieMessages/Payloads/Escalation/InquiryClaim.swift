import Foundation

/// 认领: a unit claims the problems of a special inquiry assigned to it, naming who leads their handling
/// (DOMAIN.md §4 I). Sent by the agency.
package struct InquiryClaim: MessagePayload {
    package static let messageType: MessageType = "xianjie.inquiryClaim"
    package static let schemaName = "inquiry-claim.v1"
    package static let delivery = DeliveryClass.durable

    /// The inquiry of the assignment (问题交办会).
    package var inquiryId: String
    /// The problems claimed, as the assignment numbered them; at least one, no repeats.
    package var problemIds: [String]
    /// 牵头负责人: the person in the unit answerable for them.
    package var leadPerson: Person
    package var claimedAt: Date

    package init(inquiryId: String, problemIds: [String], leadPerson: Person, claimedAt: Date) {
        self.inquiryId = inquiryId
        self.problemIds = problemIds
        self.leadPerson = leadPerson
        self.claimedAt = claimedAt
    }
}
