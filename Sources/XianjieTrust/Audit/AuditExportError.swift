import XianjieMessages

/// An audit export that cannot be made or read. Compare with `==` on the kind (the factories' arguments are ignored).
package struct AuditExportError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Sendable, Equatable { case coordinatorKeyMissing, signingFailed, unreadableMessage }

    private let code: Code
    /// What happened, to what, and what to do.
    package let message: String

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    package var description: String { message }

    package static func == (lhs: AuditExportError, rhs: AuditExportError) -> Bool { lhs.code == rhs.code }

    /// The coordinator's signing key is not among the export's public keys, so nobody could verify the export.
    package static func coordinatorKeyMissing(_ coordinator: AgencyID) -> AuditExportError {
        AuditExportError(
            .coordinatorKeyMissing,
            "the export's public keys do not include the signing key of \(coordinator) that signs it; "
                + "include the coordinator's current PublicKeys")
    }

    package static func signingFailed(_ reason: String) -> AuditExportError {
        AuditExportError(.signingFailed, "the export could not be signed (\(reason)); check the coordinator's key file")
    }

    package static func unreadableMessage(_ reason: String) -> AuditExportError {
        AuditExportError(.unreadableMessage, "an exported message cannot be read: \(reason)")
    }
}
