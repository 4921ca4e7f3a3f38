import Foundation
import Synchronization
import XianjieMessages
import XianjieNode
import ZeroMQ

/// A bus of real OS processes on this machine: `xianjie-coordinator` and `xianjie-node`s built by this
/// package, each with its own SQLite file, talking over TCP on loopback; driven through the nodes'
/// control endpoints as an agency's systems would.
final class Cluster: Sendable {
    let directory: URL
    let routerPort: Int
    private let processes = Mutex<[String: Process]>([:])

    var routerEndpoint: String { "tcp://127.0.0.1:\(routerPort)" }
    var publishEndpoint: String { "tcp://127.0.0.1:\(routerPort + 1)" }

    /// The region its agencies are registered in.
    let region: String

    /// - Parameter settings: extra keys of the coordinator's configuration file (e.g. `clock`, `workflow`).
    init(coordinator settings: [String: Any] = [:], region: String = "呼图壁县") throws {
        self.region = region
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("xianjie-e2e-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        routerPort = Cluster.freePortPair()
        let coordinator: [String: Any] = [
            "routerEndpoint": routerEndpoint, "publishEndpoint": publishEndpoint,
            "storePath": path("coordinator.sqlite"), "heartbeatIntervalMs": 500, "presenceTimeoutMs": 2000,
            "redeliveryTimeoutMs": 1000, "synchronousFull": false, "keysPath": keyFile("coordinator"),
        ].merging(settings) { $1 }
        try write(coordinator, to: path("coordinator.json"))
        try cli(["keygen", "--agency", "coordinator", "--dir", path("keys")])
    }

    func keyFile(_ agency: String) -> String { path("keys/\(agency).keys.json") }
    func publicKeyFile(_ agency: String) -> String { path("keys/\(agency).public.json") }

    /// Runs the operator CLI, as an operator would; throws with its output when it fails.
    @discardableResult
    func cli(_ arguments: [String]) throws -> String {
        let (status, output) = try runToEnd(Binaries.directory.appendingPathComponent("xianjie"), arguments)
        guard status == 0 else {
            throw ClusterError("xianjie \(arguments.joined(separator: " ")) exited \(status): \(output)")
        }
        return output
    }

    /// Creates an agency's keys and registers it with the coordinator (xianjie keygen + agency add).
    func register(_ agency: String, kind: String) throws {
        try cli(["keygen", "--agency", agency, "--dir", path("keys")])
        try admit(agency, kind: kind, region: region, publicKeys: publicKeyFile(agency))
    }

    /// `xianjie agency add` with keys made elsewhere (another region's agency, or its link).
    func admit(_ agency: String, kind: String, region: String, publicKeys: String) throws {
        try cli([
            "agency", "add", "--config", path("coordinator.json"), "--public-keys", publicKeys, "--kind", kind,
            "--region", region, "--name", agency,
        ])
    }

    /// Adds keys to the coordinator's configuration file (before it starts).
    func configure(_ settings: [String: Any]) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path("coordinator.json")))
        var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        object.merge(settings) { $1 }
        try write(object, to: path("coordinator.json"))
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
    func control(_ agency: String) -> String { "ipc://" + path("\(agency).control") }

    func addNode(_ agency: String, kind: String = "agency", subscriptions: [String] = []) throws {
        try register(agency, kind: kind)
        let node: [String: Any] = [
            "keysPath": keyFile(agency), "coordinatorKeysPath": publicKeyFile("coordinator"),
            "trustedKeysDirectory": path("keys"),
            "agency": agency, "kind": kind, "coordinator": routerEndpoint, "coordinatorPublish": publishEndpoint,
            "storePath": path("\(agency).sqlite"), "controlEndpoint": control(agency), "subscriptions": subscriptions,
            "heartbeatIntervalMs": 500, "retransmitTimeoutMs": 1000, "synchronousFull": false,
        ]
        try write(node, to: path("\(agency).json"))
    }

    // MARK: Processes

    func startCoordinator() throws {
        try start("coordinator", "xianjie-coordinator", ["--config", path("coordinator.json"), "--log-level", "notice"])
    }

    /// Starts the node of this build, or the executable at `binary` (e.g. a previous release's).
    func startNode(_ agency: String, binary: URL? = nil) throws {
        try start(agency, binary?.path ?? "xianjie-node", ["--config", path("\(agency).json"), "--log-level", "notice"])
    }

    /// Starts `executable` (a name beside the tests, or an absolute path) as process `name`, logging to `name.log`.
    func start(_ name: String, _ executable: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL =
            executable.hasPrefix("/")
            ? URL(fileURLWithPath: executable) : Binaries.directory.appendingPathComponent(executable)
        process.arguments = arguments
        let log = path("\(name).log")
        if !FileManager.default.fileExists(atPath: log) { _ = FileManager.default.createFile(atPath: log, contents: nil) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        handle.seekToEndOfFile()
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        processes.withLock { $0[name] = process }
    }

    /// `kill -9`: no chance to flush or say goodbye.
    func kill(_ name: String) {
        guard let process = processes.withLock({ $0.removeValue(forKey: name) }) else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// SIGTERM, and wait for a graceful exit.
    func stop(_ name: String) {
        guard let process = processes.withLock({ $0.removeValue(forKey: name) }) else { return }
        process.terminate()
        process.waitUntilExit()
    }

    func stopAll() {
        let all = processes.withLock { all in
            defer { all = [:] }
            return all
        }
        for process in all.values { process.terminate() }
        for process in all.values { process.waitUntilExit() }
    }

    func log(_ name: String) -> String {
        (try? String(contentsOfFile: path("\(name).log"), encoding: .utf8)) ?? ""
    }

    // MARK: Control

    /// One control request to a node; nil when it does not answer in time (e.g. it is down).
    func call(_ agency: String, _ request: ControlRequest, timeout: Duration = .seconds(10)) async -> ControlResponse? {
        guard let client = try? ZMQConversation(connect: control(agency), name: "e2e-control"),
            let body = try? XianjieJSON.encode(request)
        else { return nil }
        defer { client.close() }
        client.send([Data(), body])
        guard let reply = await client.next(timeout: timeout), let data = reply.frames.last else { return nil }
        return try? XianjieJSON.decode(ControlResponse.self, from: data)
    }

    private func write(_ object: [String: Any], to path: String) throws {
        try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted]).write(to: URL(fileURLWithPath: path))
    }

    /// Two consecutive free TCP ports on loopback (the ROUTER's and the XPUB's).
    static func freePortPair() -> Int {
        for _ in 0..<100 {
            let port = Int.random(in: 20_000...60_000)
            if isFree(port), isFree(port + 1) { return port }
        }
        return 47_700
    }

    static func isFree(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    deinit {
        stopAll()
        if ProcessInfo.processInfo.environment["XIANJIE_KEEP_TEST_DATA"] == nil {
            try? FileManager.default.removeItem(at: directory)
        }
    }
}

/// Runs `executable` to its end; its exit status and everything it printed (standard output and error).
func runToEnd(_ executable: URL, _ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, output)
}

struct ClusterError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Where `swift build` put the package's executables: beside the test bundle.
enum Binaries {
    static let directory: URL = {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var candidate = exe.deletingLastPathComponent()
        // The test runner may be inside an .xctest bundle directory.
        while candidate.path != "/" {
            if FileManager.default.isExecutableFile(atPath: candidate.appendingPathComponent("xianjie-coordinator").path) {
                return candidate
            }
            candidate = candidate.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug")
    }()
}
