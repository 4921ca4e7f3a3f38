import CLibZMQ

/// A CURVE key pair in Z85 text form (40 characters each).
package struct CurveKeyPair: Sendable, Equatable {
    /// The public key, safe to publish.
    package let publicKey: String
    /// The secret key; keep it out of logs and version control.
    package let secretKey: String

    /// Pairs a known secret key with the public key derived from it (`zmq_curve_public`).
    package init(secretKey: String) throws(ZMQError) {
        self.publicKey = try Self.publicKey(forSecretKey: secretKey)
        self.secretKey = secretKey
    }

    private init(publicKey: String, secretKey: String) {
        self.publicKey = publicKey
        self.secretKey = secretKey
    }

    /// Generates a fresh key pair (`zmq_curve_keypair`, backed by libsodium).
    package static func generate() throws(ZMQError) -> CurveKeyPair {
        var publicText = [CChar](repeating: 0, count: 41)
        var secretText = [CChar](repeating: 0, count: 41)
        guard zmq_curve_keypair(&publicText, &secretText) == 0 else {
            throw .last("zmq_curve_keypair")
        }
        return CurveKeyPair(publicKey: string(publicText), secretKey: string(secretText))
    }

    /// Derives the public key of a Z85 secret key (`zmq_curve_public`).
    package static func publicKey(forSecretKey secretKey: String) throws(ZMQError) -> String {
        _ = try CurveKey(z85: secretKey)
        var publicText = [CChar](repeating: 0, count: 41)
        let rc = secretKey.withCString { zmq_curve_public(&publicText, $0) }
        guard rc == 0 else { throw .last("zmq_curve_public") }
        return string(publicText)
    }

    /// The public key as a ``CurveKey``.
    package var publicCurveKey: CurveKey { get throws(ZMQError) { try CurveKey(z85: publicKey) } }
    /// The secret key as a ``CurveKey``.
    package var secretCurveKey: CurveKey { get throws(ZMQError) { try CurveKey(z85: secretKey) } }

    private static func string(_ text: [CChar]) -> String {
        String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
