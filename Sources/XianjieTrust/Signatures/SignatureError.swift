/// Signing failed. Compare with `==` on the kind (the factories' arguments are ignored).
package struct SignatureError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Sendable, Equatable { case tooLarge, signingFailed }

    private let code: Code
    /// What happened, to what, and what to do.
    package let message: String

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    package var description: String { message }

    package static func == (lhs: SignatureError, rhs: SignatureError) -> Bool { lhs.code == rhs.code }

    /// A frame too large for the 32-bit length of the signing input.
    package static func tooLarge(messageId: String) -> SignatureError {
        SignatureError(
            .tooLarge,
            "message \(messageId) cannot be signed: a frame exceeds 4 GiB; the bus limits messages to a few MiB")
    }

    /// The crypto library refused to sign.
    package static func signingFailed(messageId: String, reason: String) -> SignatureError {
        SignatureError(
            .signingFailed, "message \(messageId) could not be signed (\(reason)); check the agency's signing key file")
    }
}
