import Foundation
import Testing
import XianjieMessages

@Suite struct EnvelopeValidatorTests {
    let validator = EnvelopeValidator(maxMessageBytes: 4096)

    func message<P: MessagePayload>(_ payload: P, recipients: [AgencyID]? = ["hutubi.procuratorate"], sequence: Int64? = 1)
        throws -> WireMessage
    {
        let header = EnvelopeHeader(
            source: "hutubi.congress", type: P.messageType, dataschema: P.schemaID, recipients: recipients,
            sequence: sequence)
        return try WireMessage.make(payload, header: header)
    }

    var clue: Clue {
        Clue(clueId: "c", channel: .phone, receivedAt: Date(), place: "p", description: "d", confidential: false)
    }

    @Test func aValidMessagePasses() throws {
        #expect(validator.check(try message(clue)) == nil)
    }

    @Test func oversizeIsNamed() throws {
        var big = clue
        big.description = String(repeating: "长", count: 3000)
        let error = try #require(validator.check(try message(big)))
        #expect(error.reason == .oversize)
        #expect(error.detail.contains("limit is 4096"))
    }

    @Test func unknownTypeIsNamed() throws {
        var wire = try message(clue)
        wire.header.type = "xianjie.notAType"
        wire.headerBytes = try XianjieJSON.encode(wire.header)
        let error = try #require(validator.check(wire))
        #expect(error.reason == .unknownType)
        #expect(error.detail.contains("xianjie.notAType"))
    }

    @Test func aPayloadBreakingItsSchemaListsTheProblems() throws {
        var wire = try message(clue)
        wire.data = Data(#"{"clueId":"c","channel":"carrierPigeon","place":"p","description":"d","confidential":false}"#.utf8)
        let error = try #require(validator.check(wire))
        #expect(error.reason == .schemaViolation)
        #expect(error.errors.contains { $0.contains("/channel") && $0.contains("receivedAt") == false })
        #expect(error.errors.contains { $0.contains("receivedAt") })
    }

    @Test func aHeaderThatIsNotAnEnvelopeIsRefused() throws {
        #expect(throws: EnvelopeError.self) {
            try WireMessage.decode(frames: [Data("not json".utf8), Data("{}".utf8), Data()])
        }
        #expect(throws: EnvelopeError.self) { try WireMessage.decode(frames: [Data("{}".utf8)]) }
        var wire = try message(clue)
        wire.headerBytes = Data(String(decoding: wire.headerBytes, as: UTF8.self).replacingOccurrences(of: "\"1.0\"", with: "\"2.0\"").utf8)
        #expect(validator.check(wire)?.reason == .invalidEnvelope)
    }

    @Test func durableMessagesNeedASequenceAndAnAddress() throws {
        #expect(validator.check(try message(clue, sequence: nil))?.reason == .invalidEnvelope)
        #expect(validator.check(try message(clue, recipients: nil))?.reason == .invalidEnvelope)
    }

    @Test func dataschemaMustMatchTheType() throws {
        var wire = try message(clue)
        wire.header.dataschema = WorkBulletin.schemaID
        wire.headerBytes = try XianjieJSON.encode(wire.header)
        #expect(validator.check(wire)?.reason == .invalidEnvelope)
    }
}
