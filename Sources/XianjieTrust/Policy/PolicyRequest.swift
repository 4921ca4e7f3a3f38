import XianjieMessages

/// A message to decide on: who sends which type to whom (or on which topic).
package struct PolicyRequest: Sendable {
    package var sender: AgencyID
    /// The sender's registered kind (``AgencyKind`` raw value).
    package var senderKind: String
    package var type: MessageType
    /// Each recipient with its registered kind.
    package var recipients: [(agency: AgencyID, kind: String)]
    /// The broadcast topic, if the message is a broadcast.
    package var topic: String?

    package init(
        sender: AgencyID, senderKind: String, type: MessageType, recipients: [(agency: AgencyID, kind: String)],
        topic: String? = nil
    ) {
        self.sender = sender
        self.senderKind = senderKind
        self.type = type
        self.recipients = recipients
        self.topic = topic
    }
}

/// The policy's answer. A denial names the rule or reason in a sentence an operator understands, e.g.
/// `a station (hutubi.station.erdaohe) may not send xianjie.procuratorialSuggestion (policy: only procuratorate may send it)`.
package enum PolicyDecision: Sendable, Equatable {
    case allowed
    case denied(String)

    package var isAllowed: Bool { self == .allowed }
}
