import Foundation

/// 征询意见表: the deputy rates the reply to their suggestion, relayed by the congress or a liaison station
/// (DOMAIN.md §4 A). `unsatisfied` sends the suggestion back for a second handling.
package struct DeputyFeedback: MessagePayload {
    package static let messageType: MessageType = "xianjie.deputyFeedback"
    package static let schemaName = "deputy-feedback.v1"
    package static let delivery = DeliveryClass.durable

    /// 满意 / 基本满意 / 不满意.
    package enum Rating: String, Codable, Sendable, CaseIterable { case satisfied, basicallySatisfied, unsatisfied }

    package var suggestionId: String
    /// The deputy who rates; the schema requires `personId` (the deputy number), which identifies them.
    package var deputy: Person
    package var rating: Rating
    package var comments: String?
    package var ratedAt: Date

    package init(suggestionId: String, deputy: Person, rating: Rating, comments: String? = nil, ratedAt: Date) {
        self.suggestionId = suggestionId
        self.deputy = deputy
        self.rating = rating
        self.comments = comments
        self.ratedAt = ratedAt
    }
}
