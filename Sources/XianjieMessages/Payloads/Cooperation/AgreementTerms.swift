/// The modules of a cross-region cooperation agreement (跨区域协作机制, DOMAIN.md §4 E): what the
/// parties agree to do together.
package enum CooperationModule: String, Codable, Sendable, CaseIterable {
    /// 管辖协作: settling which party has jurisdiction.
    case jurisdiction
    /// 线索移送: passing clues found outside one's own jurisdiction.
    case clueTransfer
    /// 联合办案.
    case jointCaseHandling
    /// 信息共享.
    case informationSharing
    /// 联席会议.
    case jointMeetings
    /// 委托调查取证: collecting evidence for another party.
    case entrustedEvidence
    /// 交流互访.
    case exchangeVisits
}

/// The area a cooperation agreement covers: a road such as S101, a river basin such as the Luan and
/// its tributaries, or administrative divisions (DOMAIN.md §4 E).
package struct AgreementArea: Codable, Sendable, Equatable {
    package enum Kind: String, Codable, Sendable, CaseIterable {
        case road, riverBasin, divisions
    }

    package var kind: Kind
    /// e.g. S101公路昌吉州段, 滦河流域.
    package var name: String
    /// A road's sections, a basin's main stream and tributaries, or the administrative divisions; empty:
    /// the whole area. Transfers and shared information name one of them (their `segment`).
    package var segments: [String]

    package init(kind: Kind, name: String, segments: [String]) {
        self.kind = kind
        self.name = name
        self.segments = segments
    }
}
