import Foundation

/// 专题询问选题: the congress sets the topic of a special inquiry and the units whose heads will answer; it
/// opens the inquiry (DOMAIN.md §4 I). A second inquiry after a look-back names the first.
package struct SpecialInquiryTopic: MessagePayload {
    package static let messageType: MessageType = "xianjie.inquiryTopic"
    package static let schemaName = "inquiry-topic.v1"
    package static let delivery = DeliveryClass.durable

    /// Unique on the bus: every later document of the inquiry names it.
    package var inquiryId: String
    package var title: String
    /// What is asked about.
    package var topic: String
    /// The agencies whose heads will answer; at least one, no repeats.
    package var units: [AgencyID]
    /// When the council of chairpersons (主任会议) decided the topic.
    package var decidedAt: Date
    /// The inquiry looked back on (回头看) when this is a second inquiry (再次询问) on the same topic.
    package var previousInquiryId: String?
    package var attachments: [AttachmentRef]?

    package init(
        inquiryId: String, title: String, topic: String, units: [AgencyID], decidedAt: Date,
        previousInquiryId: String? = nil, attachments: [AttachmentRef]? = nil
    ) {
        self.inquiryId = inquiryId
        self.title = title
        self.topic = topic
        self.units = units
        self.decidedAt = decidedAt
        self.previousInquiryId = previousInquiryId
        self.attachments = attachments
    }
}
