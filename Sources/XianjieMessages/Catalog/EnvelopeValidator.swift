import Foundation
import JSONSchema

/// Checks a message against the contract: size, the envelope schema, a known type whose `dataschema`
/// matches, and the payload against its schema. The coordinator runs it on every message it receives.
package struct EnvelopeValidator: Sendable {
    package let maxMessageBytes: Int
    /// The compiled schema of the envelope and of every catalogued type, by `$id`.
    let schemas: [String: JSONSchema]

    /// Every schema in `schemas/` (embedded at build time), compiled once.
    package static let compiledSchemas: [String: JSONSchema] = {
        do {
            let registry = try SchemaRegistry.embedded()
            var schemas = [SchemaID.envelope: try registry.validator(for: SchemaID.envelope)]
            for descriptor in MessageCatalog.all {
                schemas[descriptor.schemaID] = try registry.validator(for: descriptor.schemaID)
            }
            return schemas
        } catch {
            fatalError("the embedded schemas do not compile: \(error). Run scripts/embed-schemas and the tests.")
        }
    }()

    package init(maxMessageBytes: Int = 1 << 20) {
        self.maxMessageBytes = maxMessageBytes
        self.schemas = Self.compiledSchemas
    }

    /// The first problem found, or nil when the message keeps the contract.
    package func check(_ message: WireMessage) -> EnvelopeError? {
        if message.byteCount > maxMessageBytes {
            return EnvelopeError(
                .oversize,
                "message is \(message.byteCount) bytes; the limit is \(maxMessageBytes). Send large files as attachments in chunks."
            )
        }
        if let problem = checkJSON(message.parsedHeader, message.headerBytes, against: SchemaID.envelope, what: "header") {
            return EnvelopeError(.invalidEnvelope, problem.detail, errors: problem.errors)
        }
        let header = message.header
        guard let descriptor = MessageCatalog.descriptor(for: header.type) else {
            return EnvelopeError(.unknownType, "unknown message type \"\(header.type)\"; see schemas/ for the types this bus carries")
        }
        guard header.dataschema == descriptor.schemaID else {
            return EnvelopeError(
                .invalidEnvelope,
                "dataschema \"\(header.dataschema)\" does not match type \(header.type), which uses \(descriptor.schemaID)")
        }
        if let problem = checkJSON(nil, message.data, against: descriptor.schemaID, what: "payload") {
            return EnvelopeError(.schemaViolation, problem.detail, errors: problem.errors)
        }
        if descriptor.delivery == .durable {
            if header.sequence == nil {
                return EnvelopeError(.invalidEnvelope, "durable type \(header.type) needs a sequence")
            }
            let hasRecipients = !(header.recipients ?? []).isEmpty
            if hasRecipients == (header.topic != nil) {
                return EnvelopeError(
                    .invalidEnvelope, "a durable message needs either recipients or a topic, not both and not neither")
            }
        }
        return nil
    }

    /// `parsed`: the bytes already parsed, when the caller has them.
    private func checkJSON(_ parsed: JSONValue?, _ bytes: Data, against schemaID: String, what: String) -> (
        detail: String, errors: [String]
    )? {
        let value: JSONValue
        do {
            value = try parsed ?? JSONValue.parse(bytes)
        } catch {
            return ("\(what) is not JSON: \(error)", [])
        }
        guard let schema = schemas[schemaID] else { return ("no schema \(schemaID) is known", []) }
        let errors = schema.validate(value)
        guard !errors.isEmpty else { return nil }
        let lines = errors.map(\.description)
        let more = lines.count > 1 ? " (and \(lines.count - 1) more)" : ""
        return ("\(what) breaks \(schemaID): \(lines[0])\(more)", lines)
    }
}

extension SchemaRegistry {
    /// Every schema of `schemas/`, as embedded in the build.
    package static func embedded() throws -> SchemaRegistry {
        var documents: [JSONValue] = []
        for (_, text) in EmbeddedSchemas.documents.sorted(by: { $0.key < $1.key }) {
            documents.append(try JSONValue.parse(Data(text.utf8)))
        }
        return try SchemaRegistry(documents: documents)
    }
}
