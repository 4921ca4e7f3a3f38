import Foundation

/// 办理情况报告: a unit reports how it handled the problems of a special inquiry it claimed, one status per
/// problem (DOMAIN.md §4 I). Sent by the agency.
package struct InquiryHandlingReport: MessagePayload {
    package static let messageType: MessageType = "xianjie.inquiryHandlingReport"
    package static let schemaName = "inquiry-handling-report.v1"
    package static let delivery = DeliveryClass.durable

    /// Where a problem stands.
    package enum Status: String, Codable, Sendable, CaseIterable {
        /// 已解决.
        case resolved
        /// 正在解决.
        case inProgress
        /// 未解决: with the reason in the measures.
        case unresolved
    }

    /// One problem reported on.
    package struct ProblemReport: Codable, Sendable, Equatable {
        /// As the assignment (问题交办会) numbered it.
        package var problemId: String
        package var status: Status
        /// What the unit did, and for an unresolved problem why and what next.
        package var measures: String

        package init(problemId: String, status: Status, measures: String) {
            self.problemId = problemId
            self.status = status
            self.measures = measures
        }
    }

    /// The inquiry of the opinions (审议意见).
    package var inquiryId: String
    /// At least one.
    package var problems: [ProblemReport]
    package var reportedAt: Date

    package init(inquiryId: String, problems: [ProblemReport], reportedAt: Date) {
        self.inquiryId = inquiryId
        self.problems = problems
        self.reportedAt = reportedAt
    }
}
