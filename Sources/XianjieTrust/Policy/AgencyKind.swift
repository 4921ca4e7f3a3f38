/// The kind of a node on the bus, as the registry records it and the access policy names it.
package enum AgencyKind: String, CaseIterable, Sendable, Codable {
    /// 人大常委会 and its committees.
    case congress
    /// 人民检察院.
    case procuratorate
    /// 行政机关: an administrative agency (被建议单位, host or co-unit of a suggestion).
    case agency
    /// 人大代表联络站 / 代表之家 / 公益诉讼检察联系点: a liaison station.
    case station
    /// 衔接工作领导小组办公室: the coordinator itself.
    case coordinator
    /// A person operating the bus through the CLI (`operator.*` identities).
    case `operator`

    /// "a station", "an agency": for sentences.
    var withArticle: String {
        switch self {
        case .agency, .operator: "an \(rawValue)"
        default: "a \(rawValue)"
        }
    }

    /// The kinds in the order this file lists them, as an English list: "congress, procuratorate or agency".
    static func list(_ kinds: some Sequence<AgencyKind>) -> [String] {
        let set = Set(kinds)
        return allCases.filter(set.contains).map(\.rawValue)
    }
}

/// "a", "a or b", "a, b or c".
func orList(_ items: [String]) -> String {
    switch items.count {
    case 0: return "nobody"
    case 1: return items[0]
    default: return items.dropLast().joined(separator: ", ") + " or " + items[items.count - 1]
    }
}
