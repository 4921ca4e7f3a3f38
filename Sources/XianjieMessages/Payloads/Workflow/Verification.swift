import Foundation

/// 核查: the joint check of a rectified item, deputies with matching expertise taking part; passing
/// closes the item, failing sends it back to the unit (DOMAIN.md §4 G).
package struct Verification: MessagePayload {
    package static let messageType: MessageType = "xianjie.verification"
    package static let schemaName = "verification.v1"
    package static let delivery = DeliveryClass.durable

    package var itemId: String
    package var passed: Bool
    package var findings: String
    /// Who took part in the check (prosecutors, deputies, agency staff).
    package var participants: [Person]?
    package var verifiedAt: Date

    package init(itemId: String, passed: Bool, findings: String, participants: [Person]? = nil, verifiedAt: Date) {
        self.itemId = itemId
        self.passed = passed
        self.findings = findings
        self.participants = participants
        self.verifiedAt = verifiedAt
    }
}
