import Foundation
import Testing

/// The README's main command, as a script runs it: `xianjie demo --exit-when-done` starts the coordinator and
/// the twelve agency services of the sample county as processes, plays the scenarios and checks each step.
@Suite struct SampleCountyTests {
    @Test("the sample county starts every service, plays its scenarios and exits cleanly", .timeLimit(.minutes(3)))
    func sampleCountyPlaysThrough() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xianjie-county-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: directory) }
        // The county binds 22 ports from its base (ROUTER, XPUB, console, twelve desks): take a base whose whole
        // range is free, so that the other tests' random ports do not land in it.
        var port = Cluster.freePortPair()
        for _ in 0..<200 where !(port..<(port + 22)).allSatisfy(Cluster.isFree) { port = Cluster.freePortPair() }
        let (status, output) = try runToEnd(
            Binaries.directory.appendingPathComponent("xianjie"),
            ["demo", "--fresh", "--exit-when-done", "--dir", directory.path, "--port", String(port), "--pace", "0.1"])
        #expect(status == 0, "\(output.suffix(3000))")
        #expect(output.contains("started 12 agency services"))
        for executable in ["xianjie-congress", "xianjie-procuratorate", "xianjie-agency", "xianjie-station"] {
            #expect(output.contains("\(executable)): clerks' page and API at http://127.0.0.1:"), "\(executable)")
        }
        #expect(output.contains("every node is connected"))
        #expect(output.contains("watch it live in a browser: http://127.0.0.1:\(port + 2)/"))
        #expect(output.contains("all scenario steps turned out as expected."), "\(output.suffix(3000))")
    }
}
