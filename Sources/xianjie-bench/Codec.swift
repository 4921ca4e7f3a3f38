import ArgumentParser
import Foundation
import XianjieMessages
import XianjieTrust

/// Per-message costs of the codec steps every message goes through, in microseconds.
struct Codec: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Per-message cost of encoding, decoding and validating.")

    @Option(help: "Iterations per step.") var iterations = 20_000

    func run() async throws {
        let payload = BusBench.clue(1, size: 1024)
        let header = EnvelopeHeader(
            source: "bench.sender", type: Clue.messageType, subject: "s", dataschema: Clue.schemaID,
            recipients: ["bench.recipient"], sequence: 42)
        let wire = try WireMessage.make(header: header, data: payload)
        let validator = EnvelopeValidator()
        let receipt = Receipt(entries: [.init(messageId: "m", sequence: 1, status: .accepted, acceptedAt: Date(), recipients: ["a"])])
        func time(_ label: String, _ body: () throws -> Void) rethrows {
            let start = ContinuousClock.now
            for _ in 0..<iterations { try body() }
            let micros = (ContinuousClock.now - start).microseconds / Double(iterations)
            print(label.padding(toLength: 44, withPad: " ", startingAt: 0) + String(format: "%8.2f µs", micros))
        }
        try time("encode header (JSONEncoder)") { _ = try XianjieJSON.encode(header) }
        try time("decode header (JSONDecoder)") { _ = try XianjieJSON.decode(EnvelopeHeader.self, from: wire.headerBytes) }
        try time("WireMessage.decode (3 frames)") { _ = try WireMessage.decode(frames: wire.frames) }
        time("validate header + 1 KiB payload") { _ = validator.check(wire) }
        try time("make a receipt (header + payload)") {
            _ = try WireMessage.make(receipt, header: EnvelopeHeader(source: .coordinator, type: Receipt.messageType, dataschema: Receipt.schemaID))
        }
        try time("decode DeliveryMeta") { _ = try DeliveryMeta.decode(Data("{\"deliver\":123}".utf8)) }
        try time("decode a 1 KiB Clue payload") { _ = try wire.payload(Clue.self) }
        let keys = try AgencyKeys.generate(for: "bench.sender")
        let signed = try MessageSignature.sign(wire, with: keys.signing)
        let publicKey = keys.signing.publicKey
        try time("Ed25519 sign (header + 1 KiB payload)") { _ = try MessageSignature.sign(wire, with: keys.signing) }
        time("Ed25519 verify") { _ = MessageSignature.isValid(signed, publicKey: publicKey) }
        time("message hash (SHA-256)") { _ = MessageSignature.hash(wire) }
    }
}
