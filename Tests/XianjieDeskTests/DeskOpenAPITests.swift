import Foundation
import Hummingbird
import Logging
import Testing
import XianjieMessages
import XianjieNode

@testable import XianjieDesk

/// The contract an integrator codes against (`schemas/openapi/`) is the code's, and every kind's API
/// can be served.
@Suite struct DeskOpenAPITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test(arguments: DeskKind.allCases)
    func theCommittedDocumentIsTheGeneratedOne(kind: DeskKind) throws {
        let file = Self.root.appendingPathComponent("schemas/openapi/\(kind.rawValue).openapi.json")
        let committed = try String(contentsOf: file, encoding: .utf8)
        #expect(committed == (try DeskOpenAPI.text(for: kind)), "run scripts/openapi and commit schemas/openapi/")
    }

    @Test(arguments: DeskKind.allCases)
    func everyActionIsDescribedWithItsDocumentSchema(kind: DeskKind) throws {
        let document = DeskOpenAPI.document(for: kind)
        let paths = try #require(document["paths"]?.objectValue)
        for action in kind.actions {
            let post = try #require(paths["/api/v1/" + action.path]?["post"], "\(action.name)")
            #expect(post["operationId"]?.stringValue == action.name)
            let reference = try #require(
                post["requestBody"]?["content"]?["application/json"]?["schema"]?["properties"]?["data"]?["$ref"]?.stringValue)
            let schemaFile = Self.root.appendingPathComponent("schemas/openapi").appendingPathComponent(reference).standardized
            #expect(FileManager.default.fileExists(atPath: schemaFile.path), "\(reference)")
            #expect(MessageCatalog.descriptor(for: action.type)?.delivery == .durable, "\(action.type)")
        }
        let names = kind.actions.map(\.name)
        #expect(Set(names).count == names.count, "operationIds are unique")
    }

    /// Hummingbird refuses (at start) two routes whose parameters differ in name at the same place.
    @Test(arguments: DeskKind.allCases)
    func everyKindsRoutesCanBeServed(kind: DeskKind) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("desk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var node = NodeConfiguration(
            agency: "hutubi.test", kind: kind.rawValue, coordinator: "tcp://127.0.0.1:1", coordinatorPublish: nil,
            storePath: directory.appendingPathComponent("node.sqlite").path)
        node.allowInsecure = true
        let service = try DeskService(configuration: DeskConfiguration(kind: kind, node: node), logger: Logger(label: "test"))
        let api = DeskAPI(
            configuration: service.configuration, runtime: service.runtime, store: service.store, imports: service.imports,
            logger: Logger(label: "test"))
        _ = api.router().buildResponder()
    }
}
