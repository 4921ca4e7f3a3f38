import Foundation

/// 承办 / 延期申请: the host unit accepts an assigned deputy suggestion, or asks for the extended reply period
/// (DOMAIN.md §4 A: 3 months, up to 6 with an explanation).
package struct SuggestionHandling: MessagePayload {
    package static let messageType: MessageType = "xianjie.suggestionHandling"
    package static let schemaName = "suggestion-handling.v1"
    package static let delivery = DeliveryClass.durable

    package enum Action: String, Codable, Sendable { case accepted, extensionRequested }

    package var suggestionId: String
    package var action: Action
    /// Why the unit needs the extended period; required when `action` is `extensionRequested`.
    package var explanation: String?
    package var at: Date

    package init(suggestionId: String, action: Action, explanation: String? = nil, at: Date) {
        self.suggestionId = suggestionId
        self.action = action
        self.explanation = explanation
        self.at = at
    }
}
