import XianjieMessages

extension AccessPolicy {
    /// Decides on one message; see ``AccessPolicy`` for the rules of the decision. Control types are always allowed.
    package func check(_ request: PolicyRequest) -> PolicyDecision {
        let type = request.type
        if type.isBusControl { return .allowed }
        let sender = Self.party(request.sender, kind: request.senderKind)
        let typeRules = rules.filter { $0.types.contains(type) }
        guard !typeRules.isEmpty else {
            return .denied(
                "\(sender) may not send \(type) (policy: no rule allows \(type); documents are denied unless a rule allows them)"
            )
        }
        let senderRules = typeRules.filter { $0.senders.matches(agency: request.sender, kind: request.senderKind) }
        guard !senderRules.isEmpty else {
            let allowed = orList(PartySelector.names(typeRules.map(\.senders)))
            return .denied("\(sender) may not send \(type) (policy: only \(allowed) may send it)")
        }
        if let topic = request.topic {
            guard senderRules.contains(where: { $0.topics?.contains(topic) == true }) else {
                let topics = senderRules.flatMap { $0.topics ?? [] }
                let policy =
                    topics.isEmpty
                    ? "\(type) is not broadcast; address it to its recipients"
                    : "only on topic \(orList(unique(topics).map { "\"\($0)\"" }))"
                return .denied("\(sender) may not broadcast \(type) on topic \"\(topic)\" (policy: \(policy))")
            }
        }
        for recipient in request.recipients {
            let allowed = senderRules.contains { rule in
                rule.recipients?.matches(agency: recipient.agency, kind: recipient.kind) == true
            }
            guard allowed else {
                let selectors = senderRules.compactMap(\.recipients)
                let policy =
                    selectors.isEmpty
                    ? "\(type) is only broadcast, not addressed"
                    : "\(Self.kindName(request.senderKind)) may send it only to \(orList(PartySelector.names(selectors)))"
                return .denied(
                    "\(sender) may not send \(type) to \(Self.party(recipient.agency, kind: recipient.kind)) (policy: \(policy))"
                )
            }
        }
        if request.topic == nil, request.recipients.isEmpty {
            return .denied("\(sender) sent \(type) with neither recipients nor a topic; a document must be addressed")
        }
        return .allowed
    }

    /// "a station (hutubi.station.erdaohe)", "an audit (hutubi.audit)".
    static func party(_ agency: AgencyID, kind: String) -> String {
        "\(kindName(kind)) (\(agency))"
    }

    static func kindName(_ kind: String) -> String {
        let kind = AgencyKind(kind)
        return kind.isWellFormed ? kind.withArticle : "a party of unknown kind \"\(kind)\""
    }
}

private func unique(_ items: [String]) -> [String] {
    var seen: [String] = []
    for item in items where !seen.contains(item) { seen.append(item) }
    return seen
}
