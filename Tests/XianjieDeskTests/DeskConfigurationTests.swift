import Foundation
import Testing
import XianjieNode

@testable import XianjieDesk

@Suite struct DeskConfigurationTests {
    @Test func theServiceOfAnotherKindIsRefusedWithTheFix() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("desk-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(#"{"agency": "hutubi.housing", "kind": "agency", "allowInsecure": true}"#.utf8).write(to: file)
        #expect(throws: NodeError.self) { try DeskConfiguration.load(from: file.path, kind: .station) }
        let loaded = try DeskConfiguration.load(from: file.path, kind: .agency)
        #expect(loaded.desk.listen == "127.0.0.1:7810")
    }
}
