/// The public-interest domains of DOMAIN.md §3. The list that decides what is transferable is
/// configuration; this enum is what the schemas accept on the wire.
package enum PublicInterestDomain: String, Codable, Sendable, CaseIterable {
    case ecologyAndResources, foodAndDrugSafety, stateProperty, minorsProtection, workSafety
    case personalInformation, stateLandTransfer, heroesAndMartyrs, womensRights, accessibility
    case culturalRelics, antiFraud, agriculturalProductQuality, other
}

/// A person named in a document (a deputy, a reporter, a prosecutor).
package struct Person: Codable, Sendable, Equatable {
    package var name: String
    /// An identifier in the agency's own roster, e.g. a deputy number.
    package var personId: String?
    package var role: String?

    package init(name: String, personId: String? = nil, role: String? = nil) {
        self.name = name
        self.personId = personId
        self.role = role
    }
}

/// A file that travels with a document: identified by its SHA-256 and size, never truncated.
package struct AttachmentRef: Codable, Sendable, Equatable {
    package var name: String
    package var mediaType: String
    /// Lower-case hex SHA-256 of the whole file.
    package var sha256: String
    package var size: Int64

    package init(name: String, mediaType: String, sha256: String, size: Int64) {
        self.name = name
        self.mediaType = mediaType
        self.sha256 = sha256
        self.size = size
    }
}

/// The two flags that, with an in-scope domain, make a suggestion transferable (DOMAIN.md §3).
package struct ImpactFlags: Codable, Sendable, Equatable {
    /// 可能损害国家利益或社会公共利益.
    package var harmsPublicInterest: Bool
    /// 社会影响大、群众关注度高.
    package var wideSocialImpact: Bool

    package init(harmsPublicInterest: Bool, wideSocialImpact: Bool) {
        self.harmsPublicInterest = harmsPublicInterest
        self.wideSocialImpact = wideSocialImpact
    }
}
