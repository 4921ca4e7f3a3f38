import Foundation

/// 异议: the addressed agency objects to a procuratorial suggestion and asks the procuratorate to review it
/// (DOMAIN.md §4 B: objection → review → modified | withdrawn | upheld).
package struct Objection: MessagePayload {
    package static let messageType: MessageType = "xianjie.objection"
    package static let schemaName = "objection.v1"
    package static let delivery = DeliveryClass.durable

    package var caseId: String
    /// The suggestion objected to (its 文号).
    package var documentNumber: String
    /// 异议理由.
    package var grounds: String
    package var raisedAt: Date
    package var attachments: [AttachmentRef]?

    package init(
        caseId: String, documentNumber: String, grounds: String, raisedAt: Date, attachments: [AttachmentRef]? = nil
    ) {
        self.caseId = caseId
        self.documentNumber = documentNumber
        self.grounds = grounds
        self.raisedAt = raisedAt
        self.attachments = attachments
    }
}
