import XianjieMessages

/// Who sends an event or owes a deadline: a role, and where it matters the agency or person.
package struct ProtocolActor: Codable, Sendable, Hashable, CustomStringConvertible {
    package enum Role: String, Codable, Sendable, Hashable, CaseIterable {
        /// 人大常委会 (and its committees: 代表工委, 监察和司法委员会).
        case congress
        /// 人民检察院.
        case procuratorate
        /// 上一级人民检察院.
        case superiorProcuratorate
        /// 行政机关: 主办/协办单位, 被建议单位, 责任单位.
        case agency
        /// 人大代表 (领衔代表).
        case deputy
        /// 联络站.
        case station
        /// 衔接工作领导小组办公室.
        case coordinator
    }

    package var role: Role
    /// The agency's node, for ``Role/agency`` (and optionally for the others).
    package var agency: AgencyID?
    /// A person's roster id, e.g. a deputy number.
    package var person: String?

    package init(role: Role, agency: AgencyID? = nil, person: String? = nil) {
        self.role = role
        self.agency = agency
        self.person = person
    }

    package static let congress = ProtocolActor(role: .congress)
    package static let procuratorate = ProtocolActor(role: .procuratorate)
    package static let superiorProcuratorate = ProtocolActor(role: .superiorProcuratorate)
    package static let coordinator = ProtocolActor(role: .coordinator)
    package static let station = ProtocolActor(role: .station)
    package static func agency(_ id: AgencyID) -> ProtocolActor { ProtocolActor(role: .agency, agency: id) }
    package static func deputy(_ personId: String) -> ProtocolActor { ProtocolActor(role: .deputy, person: personId) }

    package var description: String {
        var text = role.rawValue
        if let agency { text += "(\(agency))" }
        if let person { text += "[\(person)]" }
        return text
    }
}
