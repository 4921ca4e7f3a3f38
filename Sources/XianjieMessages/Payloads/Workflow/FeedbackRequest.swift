import Foundation

/// 征询意见: the congress sends the reply to the lead deputy and asks for the rating (DOMAIN.md §4 A:
/// feedbackPending, 20 working days).
package struct FeedbackRequest: MessagePayload {
    package static let messageType: MessageType = "xianjie.feedbackRequest"
    package static let schemaName = "feedback-request.v1"
    package static let delivery = DeliveryClass.durable

    package var suggestionId: String
    /// The deputy asked (the lead deputy, 领衔代表).
    package var deputy: Person
    package var sentAt: Date

    package init(suggestionId: String, deputy: Person, sentAt: Date) {
        self.suggestionId = suggestionId
        self.deputy = deputy
        self.sentAt = sentAt
    }
}
