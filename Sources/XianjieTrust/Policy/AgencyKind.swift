/// The kind of a node on the bus, as the registry records it and the access policy names it.
///
/// The built-in kinds are the parties of DOMAIN.md; a region adds a kind of its own (an audit office, a
/// court…) by declaring it in its access policy's `kinds` (``AccessPolicy/kinds``) and writing rules for it.
package struct AgencyKind: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    package let rawValue: String
    package init(rawValue: String) { self.rawValue = rawValue }
    package init(_ rawValue: String) { self.rawValue = rawValue }

    /// 人大常委会 and its committees.
    package static let congress = AgencyKind("congress")
    /// 人民检察院.
    package static let procuratorate = AgencyKind("procuratorate")
    /// 行政机关: an administrative agency (被建议单位, host or co-unit of a suggestion).
    package static let agency = AgencyKind("agency")
    /// 人大代表联络站 / 代表之家 / 公益诉讼检察联系点: a liaison station.
    package static let station = AgencyKind("station")
    /// 衔接工作领导小组办公室: the coordinator itself.
    package static let coordinator = AgencyKind("coordinator")
    /// A person operating the bus through the CLI (`operator.*` identities).
    package static let `operator` = AgencyKind("operator")

    /// The kinds every policy knows, in this order.
    package static let builtIn: [AgencyKind] = [.congress, .procuratorate, .agency, .station, .coordinator, .operator]

    /// A kind's name: a lower-case ASCII letter, then letters (`audit`, `publicSecurity`), at most 32.
    package var isWellFormed: Bool {
        let bytes = Array(rawValue.utf8)
        guard let first = bytes.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first), bytes.count <= 32
        else { return false }
        return bytes.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0)
        }
    }

    package var description: String { rawValue }

    /// "a station", "an agency", "an audit": for sentences.
    var withArticle: String {
        let vowel = rawValue.first.map { "aeiou".contains($0) } ?? false
        return (vowel ? "an " : "a ") + rawValue
    }

    /// The kinds as an English list: built-in kinds in ``builtIn`` order, then the others in the order given.
    static func list(_ kinds: some Sequence<AgencyKind>) -> [String] {
        var others: [AgencyKind] = []
        for kind in kinds where !builtIn.contains(kind) && !others.contains(kind) { others.append(kind) }
        let set = Set(kinds)
        return (builtIn.filter(set.contains) + others).map(\.rawValue)
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
