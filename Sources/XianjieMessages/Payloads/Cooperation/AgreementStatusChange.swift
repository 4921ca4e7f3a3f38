import Foundation

/// 暂停 / 恢复 / 终止: a party suspends a cooperation agreement, resumes it or terminates it, with the
/// reason (DOMAIN.md §4 E).
package struct AgreementStatusChange: MessagePayload {
    package static let messageType: MessageType = "xianjie.agreementStatusChange"
    package static let schemaName = "agreement-status-change.v1"
    package static let delivery = DeliveryClass.durable

    package enum Action: String, Codable, Sendable, CaseIterable {
        /// 暂停.
        case suspend
        /// 恢复.
        case resume
        /// 终止.
        case terminate
    }

    package var agreementId: String
    package var action: Action
    package var reason: String
    package var at: Date

    package init(agreementId: String, action: Action, reason: String, at: Date) {
        self.agreementId = agreementId
        self.action = action
        self.reason = reason
        self.at = at
    }
}
