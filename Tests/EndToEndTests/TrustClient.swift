import Crypto
import Foundation
import XianjieMessages
import XianjieTrust
import ZeroMQ

/// A hand-made client with real CURVE keys, for the attacks a node would never make itself.
final class TrustClient: Sendable {
    let conversation: ZMQConversation
    let agency: AgencyID
    let signing: Curve25519.Signing.PrivateKey

    /// Connects as `agency` with `keys`, trusting `serverKey` as the coordinator's.
    init(agency: AgencyID, keys: AgencyKeys, serverKey: String, endpoint: String) throws {
        self.agency = agency
        signing = keys.signing
        conversation = try ZMQConversation(
            options: ZMQSocketOptions(
                routingID: Array(agency.rawValue.utf8),
                curve: .client(
                    publicKey: try keys.curve.publicCurveKey, secretKey: try keys.curve.secretCurveKey,
                    serverKey: try CurveKey(z85: serverKey))),
            connect: endpoint, name: "trust-\(agency)")
    }

    /// A signed clue (or another document) with the given sequence.
    func document<P: MessagePayload>(
        _ payload: P, to recipients: [AgencyID], sequence: Int64, source: AgencyID? = nil, subject: String = "case-trust"
    ) throws -> WireMessage {
        let header = EnvelopeHeader(
            source: source ?? agency, type: P.messageType, subject: subject, dataschema: P.schemaID,
            recipients: recipients, sequence: sequence)
        return try MessageSignature.sign(try WireMessage.make(payload, header: header), with: signing)
    }

    func send(_ message: WireMessage) { conversation.send(message.frames) }

    /// Says hello, as a node does, so the coordinator delivers to this client.
    func hello(protocols: [String] = BusProtocol.supported) throws {
        let header = EnvelopeHeader(source: agency, type: Hello.messageType, dataschema: Hello.schemaID)
        let hello = Hello(nodeKind: "station", softwareVersion: "test", protocols: protocols, lastDelivery: 0)
        send(try MessageSignature.sign(try WireMessage.make(hello, header: header), with: signing))
    }

    /// The next message from the coordinator of `type` (others are skipped), or nil after `timeout`.
    func receive(_ type: MessageType, timeout: Duration = .seconds(3)) async -> WireMessage? {
        let message = await conversation.next(timeout: timeout) { message in
            guard message.frames.count == 4, let wire = try? WireMessage.decode(frames: Array(message.frames.dropFirst()))
            else { return false }
            return wire.header.type == type
        }
        return message.flatMap { try? WireMessage.decode(frames: Array($0.frames.dropFirst())) }
    }

    /// Any answer at all within `timeout` (to show a refused client hears nothing).
    func anything(timeout: Duration) async -> Bool { await conversation.next(timeout: timeout) != nil }

    func close() { conversation.close() }
}

extension Clue {
    static func sample(_ id: String) -> Clue {
        Clue(clueId: id, channel: .phone, receivedAt: Date(), place: "呼图壁县", description: "测试线索 \(id)", confidential: false)
    }
}
