import Foundation
import Testing
import XianjieNode

@testable import XianjieDesk

/// Each service starts from its example configuration in deploy/.
@Suite struct DeployExampleTests {
    @Test(arguments: DeskKind.allCases)
    func theExampleConfigurationLoads(kind: DeskKind) throws {
        let file = DeskOpenAPITests.root.appendingPathComponent("deploy/examples/\(kind.rawValue).json")
        let configuration = try DeskConfiguration.load(from: file.path, kind: kind)
        #expect(configuration.node.kind == kind.rawValue)
        #expect(configuration.desk.hostAndPort != nil)
        #expect(configuration.desk.displayName != nil)
        #expect(!configuration.desk.counterparts.isEmpty)
    }

    @Test func aWrongDeskBlockIsRefusedNamingTheKey() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("desk-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(#"{"agency": "hutubi.housing", "kind": "agency", "desk": {"listen": "nowhere"}}"#.utf8).write(to: file)
        let error = try #require(throws: NodeError.self) { try DeskConfiguration.load(from: file.path, kind: .agency) }
        #expect("\(error)".contains("desk.listen"))
    }
}
