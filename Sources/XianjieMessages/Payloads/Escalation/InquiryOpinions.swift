import Foundation

/// 审议意见: after the inquiry session the congress sends its deliberation opinions to the units, with the
/// day their handling reports are due (DOMAIN.md §4 I).
package struct InquiryOpinions: MessagePayload {
    package static let messageType: MessageType = "xianjie.inquiryOpinions"
    package static let schemaName = "inquiry-opinions.v1"
    package static let delivery = DeliveryClass.durable

    /// The inquiry of the session (询问会议).
    package var inquiryId: String
    /// The opinions of the standing committee's deliberation.
    package var opinions: String
    /// When the units' handling reports (办理情况报告) are due.
    package var reportDue: Date
    package var sentAt: Date

    package init(inquiryId: String, opinions: String, reportDue: Date, sentAt: Date) {
        self.inquiryId = inquiryId
        self.opinions = opinions
        self.reportDue = reportDue
        self.sentAt = sentAt
    }
}
