import Foundation

/// 转交: the congress transfers an in-scope deputy suggestion to the procuratorate (DOMAIN.md §4 A).
package struct SuggestionTransfer: MessagePayload {
    package static let messageType: MessageType = "xianjie.suggestionTransfer"
    package static let schemaName = "suggestion-transfer.v1"
    package static let delivery = DeliveryClass.durable

    package var suggestionId: String
    package var title: String
    package var summary: String
    package var domain: PublicInterestDomain
    package var impact: ImpactFlags
    package var transferredAt: Date
    /// Agencies copied on the transfer (e.g. the supervision committee).
    package var copyTo: [AgencyID]?
    package var attachments: [AttachmentRef]?

    package init(
        suggestionId: String, title: String, summary: String, domain: PublicInterestDomain, impact: ImpactFlags,
        transferredAt: Date, copyTo: [AgencyID]? = nil, attachments: [AttachmentRef]? = nil
    ) {
        self.suggestionId = suggestionId
        self.title = title
        self.summary = summary
        self.domain = domain
        self.impact = impact
        self.transferredAt = transferredAt
        self.copyTo = copyTo
        self.attachments = attachments
    }
}
