import Foundation
import JSONSchema
import Testing
import XianjieMessages

/// Files travel as chunks small enough for the coordinator's message limit, and put back together whole.
@Suite struct AttachmentChunkTests {
    @Test func aFileIsCutIntoChunksThatFitTheBusAndJoinBackWhole() throws {
        let bytes = Data((0..<1_300_000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        let chunks = AttachmentChunk.chunks(of: bytes, name: "证据.pdf", mediaType: "application/pdf", sha256: String(repeating: "0", count: 64))
        #expect(chunks.count == 3)
        #expect(chunks.map(\.offset) == [0, 524_288, 1_048_576])
        #expect(chunks.allSatisfy { $0.count == 3 && $0.size == 1_300_000 })
        #expect(chunks.map(\.index) == [0, 1, 2])
        #expect(chunks.map(\.data.count) == [524_288, 524_288, 1_300_000 - 1_048_576])
        #expect(Data(chunks.flatMap(\.data)) == bytes)
        let validator = EnvelopeValidator()
        var received = Data()
        for chunk in chunks {
            let header = EnvelopeHeader(
                source: "hutubi.procuratorate", type: AttachmentChunk.messageType, dataschema: AttachmentChunk.schemaID,
                recipients: ["hutubi.housing"], sequence: 1)
            let wire = try WireMessage.make(chunk, header: header)
            #expect(wire.byteCount < 1 << 20)
            #expect(validator.check(wire) == nil)
            // What the receiver decodes is what was sent: base64 in JSON, bytes again in Swift.
            let decoded = try wire.payload(AttachmentChunk.self)
            #expect(decoded.offset == Int64(received.count))
            received.append(decoded.data)
        }
        #expect(received == bytes)
        #expect(
            chunks[2].reference
                == AttachmentRef(
                    name: "证据.pdf", mediaType: "application/pdf", sha256: String(repeating: "0", count: 64),
                    size: 1_300_000))
    }

    @Test func anEmptyFileIsOneEmptyChunk() throws {
        let chunks = AttachmentChunk.chunks(
            of: Data(), name: "空.txt", mediaType: "text/plain", sha256: String(repeating: "0", count: 64))
        #expect(chunks.count == 1)
        #expect(chunks[0].index == 0 && chunks[0].count == 1 && chunks[0].offset == 0 && chunks[0].size == 0)
        #expect(chunks[0].data.isEmpty)
        let schema = try #require(EnvelopeValidator.compiledSchemas[AttachmentChunk.schemaID])
        #expect(schema.validate(try JSONValue.parse(XianjieJSON.encode(chunks[0]))).isEmpty)
    }

    @Test func aChunkWithABadDigestOrPlaceIsRefused() throws {
        let schema = try #require(EnvelopeValidator.compiledSchemas[AttachmentChunk.schemaID])
        var chunk = AttachmentChunk(
            sha256: "XYZ", name: "a.pdf", mediaType: "application/pdf", size: 1, index: 0, count: 1, offset: 0, data: Data([1]))
        #expect(schema.validate(try JSONValue.parse(XianjieJSON.encode(chunk))).map(\.instancePath) == ["/sha256"])
        chunk.sha256 = String(repeating: "a", count: 64)
        chunk.index = -1
        #expect(schema.validate(try JSONValue.parse(XianjieJSON.encode(chunk))).map(\.instancePath) == ["/index"])
    }
}
