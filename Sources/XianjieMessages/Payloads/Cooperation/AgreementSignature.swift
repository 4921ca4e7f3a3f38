import Foundation

/// 会签: one party signs a version of a cooperation agreement; when every party has signed it, that
/// version is in force (DOMAIN.md §4 E).
package struct AgreementSignature: MessagePayload {
    package static let messageType: MessageType = "xianjie.agreementSignature"
    package static let schemaName = "agreement-signature.v1"
    package static let delivery = DeliveryClass.durable

    package var agreementId: String
    /// The version signed.
    package var version: Int
    /// Who signed for the sending party, e.g. its chief procurator.
    package var signedBy: Person
    package var signedAt: Date

    package init(agreementId: String, version: Int, signedBy: Person, signedAt: Date) {
        self.agreementId = agreementId
        self.version = version
        self.signedBy = signedBy
        self.signedAt = signedAt
    }
}
