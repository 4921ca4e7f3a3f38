import Foundation
import Testing
import XianjieMessages

@Suite struct SchemaFilesTests {
    @Test func theEmbeddedCopyIsTheFilesInSchemas() throws {
        let files = try SchemaFiles.all()
        #expect(!files.isEmpty)
        #expect(
            Set(files.keys) == Set(EmbeddedSchemas.documents.keys),
            "schemas/ and the embedded copy list different files: run scripts/embed-schemas")
        for (path, text) in files {
            #expect(
                EmbeddedSchemas.documents[path] == text.trimmingTrailingNewline,
                "\(path) differs from its embedded copy: run scripts/embed-schemas")
        }
    }

    @Test func everyMessageSchemaIsNamedForItsType() throws {
        let files = try SchemaFiles.all()
        for descriptor in MessageCatalog.all {
            let name = String(descriptor.schemaID.dropFirst(SchemaID.base.count))
            let text = try #require(files[name], "missing schemas/\(name)")
            #expect(text.contains("\"title\": \"\(descriptor.type.rawValue)"), "\(name) title should start with the type")
        }
    }
}

extension String {
    var trimmingTrailingNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
}
