import Foundation

/// 管辖争议: the parties dispute who has jurisdiction over a transferred clue, settle it by negotiation,
/// or refer it to their common superior procuratorate (DOMAIN.md §4 E).
package struct JurisdictionDispute: MessagePayload {
    package static let messageType: MessageType = "xianjie.jurisdictionDispute"
    package static let schemaName = "jurisdiction-dispute.v1"
    package static let delivery = DeliveryClass.durable

    package enum Action: String, Codable, Sendable, CaseIterable {
        /// 提出管辖异议.
        case raised
        /// 协商解决.
        case negotiated
        /// 报请共同上级指定管辖.
        case referredToCommonSuperior
    }

    package var transferId: String
    package var action: Action
    package var reason: String
    /// The common superior procuratorate; required when `action` is `referredToCommonSuperior`.
    package var commonSuperior: AgencyID?
    package var at: Date

    package init(transferId: String, action: Action, reason: String, commonSuperior: AgencyID? = nil, at: Date) {
        self.transferId = transferId
        self.action = action
        self.reason = reason
        self.commonSuperior = commonSuperior
        self.at = at
    }
}
