import Foundation

/// 签收登记: the receiving party acknowledges a transferred clue and registers it (DOMAIN.md §4 E).
package struct ClueTransferAck: MessagePayload {
    package static let messageType: MessageType = "xianjie.clueTransferAck"
    package static let schemaName = "clue-transfer-ack.v1"
    package static let delivery = DeliveryClass.durable

    package var transferId: String
    /// The receiver's own clue or case number for it.
    package var registeredAs: String?
    package var at: Date

    package init(transferId: String, registeredAs: String? = nil, at: Date) {
        self.transferId = transferId
        self.registeredAs = registeredAs
        self.at = at
    }
}
