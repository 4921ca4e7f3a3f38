import Crypto
import Foundation
import Testing
import XianjieMessages
import XianjieTrust

@Suite("Message signatures")
struct MessageSignatureTests {
    @Test("the signing input is the label, then header and data each after a UInt32 big-endian length")
    func signingInputLayout() {
        let input = MessageSignature.signingInput(header: Data(#"{"id":"m1"}"#.utf8), data: Data(#"{"x":1}"#.utf8))
        var expected = Data("xianjie/1 signature\n".utf8)
        expected += [0, 0, 0, 11] + Data(#"{"id":"m1"}"#.utf8)
        expected += [0, 0, 0, 7] + Data(#"{"x":1}"#.utf8)
        #expect(input == expected)
        #expect(input.count == 20 + 4 + 11 + 4 + 7)
    }

    @Test("the message hash is the hex SHA-256 of the signing input (known answer) and ignores the signature")
    func knownAnswerHash() throws {
        let header = try Sample.document().header
        var message = WireMessage(header: header, headerBytes: Data(#"{"id":"m1"}"#.utf8), data: Data(#"{"x":1}"#.utf8))
        // Computed independently: hashlib.sha256(b"xianjie/1 signature\n\0\0\0\x0b{\"id\":\"m1\"}\0\0\0\x07{\"x\":1}").
        let known = "26e07945e2dbe4f4f598d86a8d5700ad4c54129da97d176468f25bdcfcc2f3be"
        #expect(MessageSignature.hash(message) == known)
        message.signature = Data(repeating: 7, count: 64)
        #expect(MessageSignature.hash(message) == known)
        // Moving a byte from the header to the data changes the hash: the lengths are part of the input.
        let moved = WireMessage(header: header, headerBytes: Data(#"{"id":"m1"}{"#.utf8), data: Data(#""x":1}"#.utf8))
        #expect(MessageSignature.hash(moved) != known)
    }

    @Test("a signed message verifies, also after crossing the wire as frames")
    func roundTrip() throws {
        let key = Curve25519.Signing.PrivateKey()
        let signed = try MessageSignature.sign(try Sample.document(), with: key)
        #expect(signed.signature.count == 64)
        #expect(MessageSignature.isValid(signed, publicKey: key.publicKey))
        let received = try WireMessage.decode(frames: signed.frames)
        #expect(MessageSignature.isValid(received, publicKey: key.publicKey))
        #expect(MessageSignature.hash(received) == MessageSignature.hash(signed))
    }

    enum Frame: String, CaseIterable { case header, data, signature }

    @Test("changing any single byte of header, data or signature fails verification", arguments: Frame.allCases)
    func tamperedByte(frame: Frame) throws {
        let key = Curve25519.Signing.PrivateKey()
        let signed = try MessageSignature.sign(try Sample.document(), with: key)
        let length =
            switch frame {
            case .header: signed.headerBytes.count
            case .data: signed.data.count
            case .signature: signed.signature.count
            }
        for position in [0, length / 2, length - 1] {
            var tampered = signed
            switch frame {
            case .header: tampered.headerBytes[position] ^= 0x01
            case .data: tampered.data[position] ^= 0x01
            case .signature: tampered.signature[position] ^= 0x01
            }
            #expect(!MessageSignature.isValid(tampered, publicKey: key.publicKey), "\(frame) byte \(position)")
        }
    }

    @Test("another agency's key does not verify the signature")
    func otherKey() throws {
        let signed = try MessageSignature.sign(try Sample.document(), with: Curve25519.Signing.PrivateKey())
        #expect(!MessageSignature.isValid(signed, publicKey: Curve25519.Signing.PrivateKey().publicKey))
    }

    @Test("an empty, short or long signature is invalid", arguments: [0, 1, 63, 65, 128])
    func wrongLength(count: Int) throws {
        let key = Curve25519.Signing.PrivateKey()
        var message = try MessageSignature.sign(try Sample.document(), with: key)
        if count <= 64 {
            message.signature = message.signature.prefix(count)
        } else {
            message.signature += Data(repeating: 0, count: count - 64)
        }
        #expect(!MessageSignature.isValid(message, publicKey: key.publicKey))
    }

    @Test("an unsigned message is invalid")
    func unsigned() throws {
        #expect(!MessageSignature.isValid(try Sample.document(), publicKey: Curve25519.Signing.PrivateKey().publicKey))
    }
}
