import Foundation

/// 专题询问进展: a stage of a special inquiry reached: the research before it, the inquiry session, the work
/// bulletin after it, the tracking of what was promised (DOMAIN.md §4 I).
package struct InquiryProgress: MessagePayload {
    package static let messageType: MessageType = "xianjie.inquiryProgress"
    package static let schemaName = "inquiry-progress.v1"
    package static let delivery = DeliveryClass.durable

    /// The stage reached.
    package enum Stage: String, Codable, Sendable, CaseIterable {
        /// 调研: members and deputies look into the topic before the session.
        case research
        /// 询问会议: members ask, the heads of the units answer.
        case session
        /// 工作专报: the inquiry reported to the Party committee and the government.
        case bulletin
        /// 跟踪督办: the congress follows up what the units promised.
        case tracking
    }

    /// The inquiry of the topic (专题询问选题).
    package var inquiryId: String
    package var stage: Stage
    package var at: Date
    /// What was done or found at this stage.
    package var summary: String
    /// The members present at the session (0 or more); for the other stages, usually absent.
    package var attendance: Int?
    package var attachments: [AttachmentRef]?

    package init(
        inquiryId: String, stage: Stage, at: Date, summary: String, attendance: Int? = nil,
        attachments: [AttachmentRef]? = nil
    ) {
        self.inquiryId = inquiryId
        self.stage = stage
        self.at = at
        self.summary = summary
        self.attendance = attendance
        self.attachments = attachments
    }
}
