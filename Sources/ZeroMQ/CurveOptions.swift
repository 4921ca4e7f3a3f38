/// CURVE settings for one socket (`ZMQ_CURVE_SERVER`, `_PUBLICKEY`, `_SECRETKEY`, `_SERVERKEY`).
///
/// A server needs only its secret key; a client needs its own key pair and the server's
/// public key. Without a ZAP handler libzmq 4.3.4 accepts any client that knows the
/// server's public key, so servers that authenticate clients run one (DESIGN.md, Trust).
package struct CurveOptions: Sendable, Equatable {
    /// Which side of the handshake this socket plays.
    package enum Role: Sendable, Equatable {
        case server(secretKey: CurveKey)
        case client(publicKey: CurveKey, secretKey: CurveKey, serverKey: CurveKey)
    }

    package var role: Role

    package init(role: Role) { self.role = role }

    /// A CURVE server (the side that binds, usually): `ZMQ_CURVE_SERVER` + its secret key.
    package static func server(secretKey: CurveKey) -> CurveOptions {
        CurveOptions(role: .server(secretKey: secretKey))
    }

    /// A CURVE client with its own key pair and the server's public key.
    package static func client(publicKey: CurveKey, secretKey: CurveKey, serverKey: CurveKey) -> CurveOptions {
        CurveOptions(role: .client(publicKey: publicKey, secretKey: secretKey, serverKey: serverKey))
    }
}

/// A 32-byte CURVE key, given as 40 Z85 characters or as raw bytes.
package struct CurveKey: Sendable, Hashable, CustomStringConvertible {
    /// The 32 raw key bytes.
    package let bytes: [UInt8]

    /// Accepts exactly 32 raw bytes.
    package init(raw bytes: [UInt8]) throws(ZMQError) {
        guard bytes.count == 32 else {
            throw .invalidArgument("CurveKey", "a CURVE key has 32 bytes, got \(bytes.count)")
        }
        self.bytes = bytes
    }

    /// Accepts the 40-character Z85 text form (as printed by `zmq_curve_keypair`).
    package init(z85 text: String) throws(ZMQError) {
        guard let bytes = Z85.decode(text), bytes.count == 32 else {
            throw .invalidArgument("CurveKey", "a CURVE key in Z85 has 40 characters of the Z85 alphabet")
        }
        self.bytes = bytes
    }

    /// The 40-character Z85 form.
    package var z85: String { Z85.encode(bytes) ?? "" }

    /// Only the first 8 Z85 characters, so that logging a secret key does not reveal it.
    package var description: String { "CurveKey(\(z85.prefix(8))…)" }
}
