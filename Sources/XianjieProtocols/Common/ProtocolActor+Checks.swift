extension ProtocolActor {
    /// Throws `wrongParty` unless this actor has one of `roles`.
    func require(
        _ roles: Set<Role>, for event: String, subject: String
    ) throws(ProtocolViolation) {
        guard roles.contains(role) else {
            let expected = roles.map(\.rawValue).sorted().joined(separator: " or ")
            throw .wrongParty(self, event, expected: expected, subject: subject)
        }
    }
}

extension String {
    /// Whether the text says something (not empty or blank).
    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
