import Foundation

/// 代表建议、批评和意见: a deputy's suggestion as the congress registers it (DOMAIN.md §4 A).
package struct DeputySuggestion: MessagePayload {
    package static let messageType: MessageType = "xianjie.deputySuggestion"
    package static let schemaName = "deputy-suggestion.v1"
    package static let delivery = DeliveryClass.durable

    package enum Session: String, Codable, Sendable { case duringSession, betweenSessions }

    package var suggestionId: String
    package var title: String
    package var content: String
    package var leadDeputy: Person
    package var coSigners: [Person]?
    package var session: Session
    package var submittedAt: Date
    package var domain: PublicInterestDomain?
    package var impact: ImpactFlags?
    /// Set when the suggestion came from a procuratorial suggestion (reverse conversion, §4 C).
    package var originCaseId: String?
    package var attachments: [AttachmentRef]?

    package init(
        suggestionId: String, title: String, content: String, leadDeputy: Person, coSigners: [Person]? = nil,
        session: Session, submittedAt: Date, domain: PublicInterestDomain? = nil, impact: ImpactFlags? = nil,
        originCaseId: String? = nil, attachments: [AttachmentRef]? = nil
    ) {
        self.suggestionId = suggestionId
        self.title = title
        self.content = content
        self.leadDeputy = leadDeputy
        self.coSigners = coSigners
        self.session = session
        self.submittedAt = submittedAt
        self.domain = domain
        self.impact = impact
        self.originCaseId = originCaseId
        self.attachments = attachments
    }
}
