import Crypto
import Foundation
import XianjieMessages

/// Ed25519 signatures over a message's exact header and data bytes.
///
/// The signing input is
///
/// ```
/// "xianjie/1 signature\n"                (20 ASCII bytes)
/// UInt32 big-endian byte count of header, header bytes (the first frame, exactly as sent)
/// UInt32 big-endian byte count of data,   data bytes   (the second frame, exactly as sent)
/// ```
///
/// The signature frame holds the 64 raw bytes of the Ed25519 signature of that input by the source agency's
/// signing key. The bytes are signed, not a re-encoding of the JSON, so the coordinator stores and forwards
/// them untouched and every recipient can verify; the header carries `source`, `id`, `type`, `recipients`,
/// `sequence` and `time`, so none of them can be changed or replayed under another identity unnoticed.
///
/// The message hash (``hash(_:)``) is the lowercase hex SHA-256 of the same input: receipts and the audit log
/// bind to it. It does not cover the signature, so it names the document, not one signature of it.
///
/// In Python: `inp = b"xianjie/1 signature\n" + struct.pack(">I", len(h)) + h + struct.pack(">I", len(d)) + d`,
/// `hashlib.sha256(inp).hexdigest()`, `Ed25519PublicKey.from_public_bytes(pk).verify(sig, inp)`.
package enum MessageSignature {
    /// The label that starts every signing input, so a signature cannot be taken for one of another protocol.
    package static let label = "xianjie/1 signature\n"

    /// The bytes that are signed and hashed: the label, then header and data, each after its UInt32 big-endian length.
    package static func signingInput(header: Data, data: Data) -> Data {
        var encoding = CanonicalEncoding(label: label)
        encoding.append(header)
        encoding.append(data)
        return encoding.bytes
    }

    /// Lowercase hex SHA-256 of the signing input: the message hash receipts and the audit log bind to.
    package static func hash(_ message: WireMessage) -> String {
        hash(header: message.headerBytes, data: message.data)
    }

    /// Lowercase hex SHA-256 of the signing input of these frames.
    package static func hash(header: Data, data: Data) -> String {
        Data(SHA256.hash(data: signingInput(header: header, data: data))).lowercaseHex
    }

    /// Returns the message with `signature` set to the 64-byte Ed25519 signature of its signing input.
    package static func sign(_ message: WireMessage, with key: Curve25519.Signing.PrivateKey) throws -> WireMessage {
        guard message.headerBytes.count < Int(UInt32.max), message.data.count < Int(UInt32.max) else {
            throw SignatureError.tooLarge(messageId: message.header.id)
        }
        var signed = message
        do {
            signed.signature = try key.signature(for: signingInput(header: message.headerBytes, data: message.data))
        } catch {
            throw SignatureError.signingFailed(messageId: message.header.id, reason: "\(error)")
        }
        return signed
    }

    /// Whether `message.signature` is a valid Ed25519 signature of its header and data by `publicKey`.
    /// False for an empty or wrong-length signature.
    package static func isValid(_ message: WireMessage, publicKey: Curve25519.Signing.PublicKey) -> Bool {
        isValid(signature: message.signature, header: message.headerBytes, data: message.data, publicKey: publicKey)
    }

    /// Whether `signature` is a valid Ed25519 signature of these frames by `publicKey`.
    package static func isValid(
        signature: Data, header: Data, data: Data, publicKey: Curve25519.Signing.PublicKey
    ) -> Bool {
        guard signature.count == 64, header.count < Int(UInt32.max), data.count < Int(UInt32.max) else {
            return false
        }
        return publicKey.isValidSignature(signature, for: signingInput(header: header, data: data))
    }
}
