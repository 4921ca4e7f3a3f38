import XianjieMessages

/// 范围研判: whether a deputy suggestion may be transferred to the procuratorate (DOMAIN.md §3).
///
/// Transferable when the domain is in the configured list AND it may harm national or public
/// interest (可能损害国家利益或社会公共利益) AND it has wide social impact (社会影响大、群众关注度高).
package struct ScopeScreening: Codable, Sendable, Hashable {
    package enum Outcome: Sendable, Hashable {
        case inScope
        case outOfScope(reason: String)
    }

    /// The public-interest domains in scope in this jurisdiction.
    package var domains: Set<PublicInterestDomain>

    /// The six domains of [000]'s rules plus the two statutory ones (国有土地使用权出让, 英烈权益).
    package static let defaultDomains: Set<PublicInterestDomain> = [
        .ecologyAndResources, .foodAndDrugSafety, .stateProperty, .minorsProtection, .workSafety,
        .personalInformation, .stateLandTransfer, .heroesAndMartyrs,
    ]

    package init(domains: Set<PublicInterestDomain> = ScopeScreening.defaultDomains) {
        self.domains = domains
    }

    private enum CodingKeys: String, CodingKey { case domains }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(domains: try c.decodeIfPresent(Set<PublicInterestDomain>.self, forKey: .domains) ?? Self.defaultDomains)
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(domains.map(\.rawValue).sorted(), forKey: .domains)
    }

    package func screen(domain: PublicInterestDomain?, impact: ImpactFlags?) -> Outcome {
        guard let domain else {
            return .outOfScope(reason: "the suggestion has no public-interest domain")
        }
        guard domains.contains(domain) else {
            return .outOfScope(reason: "domain \(domain.rawValue) is not in the configured public-interest list")
        }
        guard let impact, impact.harmsPublicInterest else {
            return .outOfScope(reason: "the registering clerk did not flag harm to national or public interest")
        }
        guard impact.wideSocialImpact else {
            return .outOfScope(reason: "the registering clerk did not flag wide social impact or public attention")
        }
        return .inScope
    }
}
