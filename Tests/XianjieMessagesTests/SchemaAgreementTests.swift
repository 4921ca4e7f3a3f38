import Foundation
import JSONSchema
import Testing
import XianjieMessages

/// The Swift types and the JSON Schemas in `schemas/` describe the same messages, in both directions.
@Suite struct SchemaAgreementTests {
    let registry: SchemaRegistry

    init() throws { registry = try SchemaFiles.registry() }

    @Test func everyCatalogTypeHasASchemaFileAndASample() throws {
        let sampled = Set(Samples.all.map { type(of: $0).messageType })
        for descriptor in MessageCatalog.all {
            #expect(registry.contains(id: descriptor.schemaID), "no schema file for \(descriptor.type)")
            #expect(sampled.contains(descriptor.type), "no Swift sample for \(descriptor.type)")
        }
    }

    @Test func swiftOutputValidatesAgainstTheSchemas() throws {
        for sample in Samples.all {
            let payloadType = type(of: sample)
            let json = try XianjieJSON.encode(sample)
            let errors = try registry.validate(try JSONValue.parse(json), against: payloadType.schemaID)
            #expect(errors.isEmpty, "\(payloadType.messageType): \(errors.map { $0.description })")
        }
    }

    @Test(arguments: MessageCatalog.all.map(\.type.rawValue))
    func schemaValidDocumentsDecodeInSwift(type: String) throws {
        let descriptor = try #require(MessageCatalog.descriptor(for: MessageType(rawValue: type)))
        let sampler = JSONSchemaSampler(registry: registry)
        for instance in [try sampler.minimalInstance(of: descriptor.schemaID), try sampler.maximalInstance(of: descriptor.schemaID)] {
            #expect(try registry.validate(instance, against: descriptor.schemaID).isEmpty)
            let data = Data(instance.serialized().utf8)
            let decoded = try Self.roundTrip(descriptor.payload, data)
            // What Swift writes back must still be valid.
            let errors = try registry.validate(try JSONValue.parse(decoded), against: descriptor.schemaID)
            #expect(errors.isEmpty, "\(type) re-encoded: \(errors.map { $0.description })")
        }
    }

    @Test func envelopeHeadersAgreeBothWays() throws {
        let header = EnvelopeHeader(
            source: "hutubi.congress", type: Clue.messageType, subject: "case-1", dataschema: Clue.schemaID,
            recipients: ["hutubi.procuratorate"], sequence: 3, correlationid: "a", causationid: "b")
        let errors = try registry.validate(try JSONValue.parse(XianjieJSON.encode(header)), against: SchemaID.envelope)
        #expect(errors.isEmpty, "\(errors)")
        let sampler = JSONSchemaSampler(registry: registry)
        for instance in [try sampler.minimalInstance(of: SchemaID.envelope), try sampler.maximalInstance(of: SchemaID.envelope)] {
            let decoded = try XianjieJSON.decode(EnvelopeHeader.self, from: Data(instance.serialized().utf8))
            let again = try registry.validate(try JSONValue.parse(XianjieJSON.encode(decoded)), against: SchemaID.envelope)
            #expect(again.isEmpty, "\(again)")
        }
    }

    @Test func swiftRejectsWhatTheSchemaRejects() throws {
        // A payload missing a required field fails both the schema and Swift decoding.
        let json = Data(#"{"clueId":"c","channel":"phone","place":"p","description":"d","confidential":false}"#.utf8)
        #expect(!(try registry.validate(try JSONValue.parse(json), against: Clue.schemaID)).isEmpty)
        #expect(throws: (any Error).self) { try XianjieJSON.decode(Clue.self, from: json) }
    }

    static func roundTrip<P: MessagePayload>(_ type: P.Type, _ data: Data) throws -> Data {
        try XianjieJSON.encode(try XianjieJSON.decode(P.self, from: data))
    }
}

/// The schema files as an integrator reads them, straight from `schemas/`.
enum SchemaFiles {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("schemas")

    static func all() throws -> [String: String] {
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.lastPathComponent.hasSuffix(".schema.json") else { continue }
            let relative = String(url.path.dropFirst(directory.path.count + 1))
            files[relative] = try String(contentsOf: url, encoding: .utf8)
        }
        return files
    }

    static func registry() throws -> SchemaRegistry {
        try SchemaRegistry(documents: try all().values.map { try JSONValue.parse($0) })
    }
}
