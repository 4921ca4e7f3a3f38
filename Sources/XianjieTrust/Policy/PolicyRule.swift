import XianjieMessages

/// One rule of an ``AccessPolicy``: these message types, from these senders, to these recipients or on these topics.
package struct PolicyRule: Codable, Sendable, Equatable {
    /// The document types the rule covers (never `xianjie.bus.*`: control types are always allowed).
    package var types: [MessageType]
    /// Who may send them.
    package var senders: PartySelector
    /// Whom they may be addressed to; `nil`: the rule does not allow addressed messages.
    package var recipients: PartySelector?
    /// The topics they may be broadcast on; `nil`: the rule does not allow broadcasts.
    package var topics: [String]?
    /// Why the rule exists, for people reading the policy (e.g. the regulation it encodes).
    package var note: String?

    package init(
        types: [MessageType], senders: PartySelector, recipients: PartySelector? = nil, topics: [String]? = nil,
        note: String? = nil
    ) {
        self.types = types
        self.senders = senders
        self.recipients = recipients
        self.topics = topics
        self.note = note
    }
}

/// A set of parties: those of the listed kinds, and the listed agencies. A party matches when its kind is in
/// `kinds` or its id is in `agencies`.
package struct PartySelector: Codable, Sendable, Equatable {
    package var kinds: [AgencyKind]?
    package var agencies: [AgencyID]?

    package init(kinds: [AgencyKind]? = nil, agencies: [AgencyID]? = nil) {
        self.kinds = kinds
        self.agencies = agencies
    }

    /// Parties of these kinds.
    package static func kinds(_ kinds: AgencyKind...) -> PartySelector { PartySelector(kinds: kinds) }

    package func matches(agency: AgencyID, kind: String) -> Bool {
        if let kinds, kinds.contains(where: { $0.rawValue == kind }) { return true }
        if let agencies, agencies.contains(agency) { return true }
        return false
    }

    var isEmpty: Bool { (kinds ?? []).isEmpty && (agencies ?? []).isEmpty }

    /// The names in several selectors: kinds first, in ``AgencyKind`` order, then agency ids.
    static func names(_ selectors: [PartySelector]) -> [String] {
        var agencies: [String] = []
        for selector in selectors {
            for agency in selector.agencies ?? [] where !agencies.contains(agency.rawValue) {
                agencies.append(agency.rawValue)
            }
        }
        return AgencyKind.list(selectors.flatMap { $0.kinds ?? [] }) + agencies
    }
}
