import Foundation
import JSONSchema
import Testing
import XianjieMessages

@Suite("AsyncAPI document")
struct AsyncAPIDocumentTests {
    static let schemas = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("schemas")

    @Test("the committed schemas/asyncapi.json is the one generated from the catalog")
    func committedIsGenerated() throws {
        let committed = try String(contentsOf: Self.schemas.appendingPathComponent("asyncapi.json"), encoding: .utf8)
        #expect(committed == (try AsyncAPIDocument.text()), "run scripts/asyncapi and commit schemas/asyncapi.json")
    }

    @Test("every message type is a message whose payload and header are schema files that exist")
    func everyTypeReferencesItsSchema() throws {
        let document = AsyncAPIDocument.document()
        let messages = try #require(document["components"]?["messages"]?.objectValue)
        #expect(messages.count == MessageCatalog.all.count)
        for descriptor in MessageCatalog.all {
            let message = try #require(messages[AsyncAPIDocument.messageName(descriptor.type)], "\(descriptor.type)")
            for part in ["payload", "headers"] {
                let reference = try #require(message[part]?["schema"]?["$ref"]?.stringValue)
                let file = Self.schemas.appendingPathComponent(reference).standardized
                #expect(FileManager.default.fileExists(atPath: file.path), "\(descriptor.type): \(reference)")
            }
            #expect(message["x-xianjie-dataschema"]?.stringValue == descriptor.schemaID)
        }
    }

    @Test("every reference inside the document resolves, and every operation's messages are its channel's")
    func referencesResolve() throws {
        let document = AsyncAPIDocument.document()
        func resolve(_ pointer: String) -> JSONValue? {
            var node: JSONValue? = document
            for token in pointer.dropFirst(2).split(separator: "/") { node = node?[String(token)] }
            return node
        }
        var references: [String] = []
        func walk(_ value: JSONValue) {
            switch value {
            case .object(let object):
                if let ref = object["$ref"]?.stringValue, ref.hasPrefix("#/") { references.append(ref) }
                object.values.forEach(walk)
            case .array(let items): items.forEach(walk)
            default: break
            }
        }
        walk(document)
        #expect(references.count > 100)
        for reference in references { #expect(resolve(reference) != nil, "\(reference) does not resolve") }
        for (name, operation) in try #require(document["operations"]?.objectValue) {
            let channel = try #require(operation["channel"]?["$ref"]?.stringValue)
            for message in operation["messages"]?.arrayValue ?? [] {
                #expect(message["$ref"]?.stringValue?.hasPrefix(channel + "/messages/") == true, "\(name)")
            }
        }
    }
}
