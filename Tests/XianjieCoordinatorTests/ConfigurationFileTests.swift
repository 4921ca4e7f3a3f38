import Foundation
import Testing
import XianjieCoordinator
import XianjieMessages

/// A wrong coordinator configuration stops the start with a sentence naming the key; the deployed
/// example loads.
@Suite struct ConfigurationFileTests {
    func load(_ json: String) throws -> CoordinatorConfiguration {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("xj-config-\(UUID().uuidString).json").path
        try Data(json.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try CoordinatorConfiguration.load(from: path)
    }

    func refusal(_ json: String) -> String {
        do {
            _ = try load(json)
            return "accepted"
        } catch {
            return "\(error)"
        }
    }

    @Test func theDeployedExampleLoads() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let configuration = try CoordinatorConfiguration.load(from: root.appendingPathComponent("deploy/examples/coordinator.json").path)
        #expect(configuration.region == "呼图壁县")
        #expect(configuration.console?.listen == "127.0.0.1:7780")
    }

    @Test func consoleAddressAndSessionsAreChecked() {
        #expect(refusal(#"{"console": {"listen": "7780"}}"#).contains("console.listen must be host:port"))
        #expect(refusal(#"{"console": {"listen": "127.0.0.1:99999"}}"#).contains("console.listen must be host:port"))
        #expect(refusal(#"{"console": {"sessionHours": 0}}"#).contains("console.sessionHours must be 1 … 720"))
        #expect((try? load(#"{"console": {}}"#))?.console?.listen == "127.0.0.1:7780")
    }

    @Test func federationLinksNeedARegionAndOneLinkPerOtherRegion() {
        let link = { (region: String) in
            #"{"region": "\#(region)", "endpoint": "tcp://10.0.0.2:7700", "agency": "link.hutubi", "keysPath": "k", "coordinatorKeysPath": "c", "storePath": "s"}"#
        }
        #expect(refusal(#"{"federation": {"links": [\#(link("玛纳斯县"))]}}"#).contains("need this coordinator's own \"region\""))
        #expect(refusal(#"{"region": "呼图壁县", "federation": {"links": [\#(link("呼图壁县"))]}}"#).contains("this coordinator's own region"))
        #expect(
            refusal(#"{"region": "呼图壁县", "federation": {"links": [\#(link("玛纳斯县")), \#(link("玛纳斯县"))]}}"#)
                .contains("two federation links to region 玛纳斯县"))
        #expect((try? load(#"{"region": "呼图壁县", "federation": {"links": [\#(link("玛纳斯县"))]}}"#))?.federation.links.count == 1)
    }
}
