import Foundation
import GRDB
import Testing

/// `xianjie audit verify` finds any single change to the chain: an entry changed, removed, or two swapped.
@Suite(.serialized) struct AuditTamperTests {
    @Test(.timeLimit(.minutes(2)))
    func tamperingWithAnyEntryIsDetected() async throws {
        let cluster = try Cluster()
        for agency in ["hutubi.station.a", "hutubi.station.b"] { try cluster.register(agency, kind: "station") }
        try cluster.register("hutubi.congress", kind: "congress")
        let config = cluster.path("coordinator.json")
        #expect(try cluster.cli(["audit", "verify", "--config", config]).contains("intact"))

        func tampered(_ sql: String) throws -> String {
            let copy = cluster.path("tampered-\(UUID().uuidString.prefix(6)).sqlite")
            try FileManager.default.copyItem(atPath: cluster.path("coordinator.sqlite"), toPath: copy)
            try DatabaseQueue(path: copy).write { db in try db.execute(sql: sql) }
            var configuration = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: config))) as! [String: Any]
            configuration["storePath"] = copy
            let tamperedConfig = copy + ".json"
            try JSONSerialization.data(withJSONObject: configuration).write(to: URL(fileURLWithPath: tamperedConfig))
            do {
                _ = try cluster.cli(["audit", "verify", "--config", tamperedConfig])
                return "not detected"
            } catch {
                return "\(error)"
            }
        }
        let changed = try tampered("UPDATE audit SET detail = detail || ' (edited)' WHERE sequence = 2")
        #expect(changed.contains("entry 2"), "\(changed)")
        let removed = try tampered("DELETE FROM audit WHERE sequence = 2")
        #expect(removed.contains("broken"), "\(removed)")
        let swapped = try tampered(
            """
            UPDATE audit SET sequence = -1 WHERE sequence = 1;
            UPDATE audit SET sequence = 1 WHERE sequence = 2;
            UPDATE audit SET sequence = 2 WHERE sequence = -1;
            """)
        #expect(swapped.contains("broken"), "\(swapped)")
    }
}
