import Foundation

/// 问题交办会: the problems a special inquiry found, assigned one by one, each to the unit that must claim
/// and handle it (DOMAIN.md §4 I).
package struct InquiryAssignment: MessagePayload {
    package static let messageType: MessageType = "xianjie.inquiryAssignment"
    package static let schemaName = "inquiry-assignment.v1"
    package static let delivery = DeliveryClass.durable

    /// One problem assigned (交办问题).
    package struct Problem: Codable, Sendable, Equatable {
        /// Unique in the inquiry: the claim (认领) and the handling report name it.
        package var problemId: String
        /// The kind of problem, as the congress groups them (e.g. 河道“四乱”).
        package var category: String
        package var title: String
        /// The unit it is assigned to: one of the inquiry's units.
        package var unit: AgencyID

        package init(problemId: String, category: String, title: String, unit: AgencyID) {
            self.problemId = problemId
            self.category = category
            self.title = title
            self.unit = unit
        }
    }

    /// The inquiry of the topic (专题询问选题).
    package var inquiryId: String
    /// When the assignment meeting (交办会) was held.
    package var meetingAt: Date
    /// At least one, each `problemId` once.
    package var problems: [Problem]

    package init(inquiryId: String, meetingAt: Date, problems: [Problem]) {
        self.inquiryId = inquiryId
        self.meetingAt = meetingAt
        self.problems = problems
    }
}
