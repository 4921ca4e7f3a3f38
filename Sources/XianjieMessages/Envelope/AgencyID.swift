/// The identifier of an agency's node on the bus, e.g. `hutubi.congress` or `hutubi.station.erdaohe`.
///
/// Lower-case ASCII letters, digits, `.`, `-` and `_`; 2 to 64 characters; starts with a letter or digit.
/// The coordinator's own identity is ``AgencyID/coordinator``.
package struct AgencyID: RawRepresentable, Hashable, Sendable, Codable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    package let rawValue: String

    package init(rawValue: String) { self.rawValue = rawValue }
    package init(_ rawValue: String) { self.rawValue = rawValue }
    package init(stringLiteral value: String) { self.rawValue = value }

    package init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    package var description: String { rawValue }

    package static func < (lhs: AgencyID, rhs: AgencyID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The coordinator, as the addressee of bus control messages.
    package static let coordinator: AgencyID = "coordinator"

    /// Whether the identifier has the documented shape (`schemas/common.schema.json#/$defs/agencyId`).
    package var isWellFormed: Bool {
        let bytes = Array(rawValue.utf8)
        guard (2...64).contains(bytes.count) else { return false }
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): continue
            case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"): if index == 0 { return false }
            default: return false
            }
        }
        return true
    }
}
