import Foundation
import Testing
import XianjieCoordinator
import XianjieMessages

/// Bad input never crashes the coordinator: the sender gets a typed rejection naming the reason, the
/// frames are quarantined with it, a counter rises, and the next good message is accepted.
@Suite(.serialized) struct BadInputTests {
    static let sender: AgencyID = "hutubi.congress"

    func header<P: MessagePayload>(_ type: P.Type, sequence: Int64?, source: AgencyID = sender) -> EnvelopeHeader {
        EnvelopeHeader(
            source: source, type: P.messageType, dataschema: P.schemaID, recipients: ["hutubi.procuratorate"],
            sequence: sequence)
    }

    var clue: Clue {
        Clue(clueId: "c-1", channel: .phone, receivedAt: Date(), place: "红柳滩", description: "开垦", confidential: false)
    }

    func rejection(_ peer: RawPeer, _ reason: Rejection.Reason) async throws -> Rejection {
        let wire = try #require(
            await peer.receive { wire in
                wire.header.type == Rejection.messageType && (try? wire.payload(Rejection.self))?.reason == reason
            }, "expected a \(reason) rejection")
        return try wire.payload(Rejection.self)
    }

    @Test func everyKindOfBadInputIsRejectedQuarantinedAndCounted() async throws {
        let bus = try TestBus { $0.maxMessageBytes = 8192 }
        try await withServices([bus.coordinator]) {
            let peer = try RawPeer(identity: Self.sender.rawValue, endpoint: bus.coordinator.routerEndpoint)
            defer { peer.close() }

            peer.send([Data("just one frame".utf8)])
            let malformed = try await rejection(peer, .malformedFrames)
            #expect(malformed.detail.contains("expected 3 frames"))

            peer.send([Data("{not json".utf8), Data("{}".utf8), Data()])
            _ = try await rejection(peer, .invalidEnvelope)

            var unknown = header(Clue.self, sequence: 1)
            unknown.type = "xianjie.notAType"
            peer.send(try WireMessage.make(header: unknown, data: XianjieJSON.encode(clue)).frames)
            let unknownType = try await rejection(peer, .unknownType)
            #expect(unknownType.detail.contains("xianjie.notAType"))
            #expect(unknownType.sequence == 1)

            let broken = Data(#"{"clueId":"c-2","channel":"pigeon","place":"p","description":"d","confidential":"no"}"#.utf8)
            peer.send(try WireMessage.make(header: header(Clue.self, sequence: 2), data: broken).frames)
            let schema = try await rejection(peer, .schemaViolation)
            #expect(schema.errors?.contains { $0.contains("/channel") } == true)
            #expect(schema.errors?.contains { $0.contains("/confidential") } == true)
            #expect(schema.quarantineId != nil)

            var big = clue
            big.description = String(repeating: "大", count: 4000)
            peer.send(try WireMessage.make(big, header: header(Clue.self, sequence: 3)).frames)
            let oversize = try await rejection(peer, .oversize)
            #expect(oversize.detail.contains("limit is 8192"))

            let impostor = header(Clue.self, sequence: 1, source: "hutubi.procuratorate")
            peer.send(try WireMessage.make(clue, header: impostor).frames)
            _ = try await rejection(peer, .sourceMismatch)

            // Still running: the next good message is accepted.
            peer.send(try WireMessage.make(clue, header: header(Clue.self, sequence: 4)).frames)
            let receipt = try #require(await peer.receive { $0.header.type == Receipt.messageType })
            #expect(try receipt.payload(Receipt.self).entries.first?.status == .accepted)

            // Quarantined with the reason, in the store.
            let quarantined = try #require(try bus.coordinator.store.quarantinedFrames(id: schema.quarantineId!))
            #expect(quarantined.reason == "schemaViolation")
            #expect(quarantined.frames.count == 3)
            #expect(quarantined.frames[1] == broken)

            let report = try #require(await statusReport(bus))
            #expect(report.quarantined == 6)
            #expect(report.messagesStored == 1)
            for reason in ["malformedFrames", "invalidEnvelope", "unknownType", "schemaViolation", "oversize", "sourceMismatch"] {
                #expect(report.rejectionsByReason[reason] == 1, "counter for \(reason)")
            }
        }
    }

    @Test func aResendIsAnsweredAsTheFirstTimeAndStoredOnce() async throws {
        let bus = try TestBus()
        try await withServices([bus.coordinator]) {
            let peer = try RawPeer(identity: Self.sender.rawValue, endpoint: bus.coordinator.routerEndpoint)
            defer { peer.close() }
            let message = try WireMessage.make(clue, header: header(Clue.self, sequence: 1))
            peer.send(message.frames)
            let first = try #require(await peer.receive { $0.header.type == Receipt.messageType })
            #expect(try first.payload(Receipt.self).entries.first?.status == .accepted)
            peer.send(message.frames)
            let second = try #require(await peer.receive { $0.header.type == Receipt.messageType })
            #expect(try second.payload(Receipt.self).entries.first?.status == .duplicate)

            // A rejected message resent gets its rejection again, from the quarantine.
            let broken = try WireMessage.make(header: header(Clue.self, sequence: 2), data: Data("{}".utf8))
            peer.send(broken.frames)
            _ = try await rejection(peer, .schemaViolation)
            peer.send(broken.frames)
            _ = try await rejection(peer, .schemaViolation)

            // A message ahead of its turn is not taken: the coordinator says where the stream stands.
            peer.send(try WireMessage.make(clue, header: header(Clue.self, sequence: 7)).frames)
            let welcome = try #require(await peer.receive { $0.header.type == Welcome.messageType })
            #expect(try welcome.payload(Welcome.self).lastAcceptedSequence == 2)

            let report = try #require(await statusReport(bus))
            #expect(report.messagesStored == 1)
        }
    }

    func statusReport(_ bus: TestBus) async -> StatusReport? {
        guard let peer = try? RawPeer(identity: "operator.test", endpoint: bus.coordinator.routerEndpoint) else {
            return nil
        }
        defer { peer.close() }
        let header = EnvelopeHeader(source: "operator.test", type: StatusRequest.messageType, dataschema: StatusRequest.schemaID)
        guard let request = try? WireMessage.make(StatusRequest(), header: header) else { return nil }
        peer.send(request.frames)
        return try? await peer.receive { $0.header.correlationid == header.id }?.payload(StatusReport.self)
    }
}
