import Foundation
import Synchronization

/// Starts the county's services as child processes and stops them all on the way out.
final class ProcessSupervisor: Sendable {
    let binDirectory: URL
    let logDirectory: URL
    private let children = Mutex<[(name: String, process: Process)]>([])

    init(binDirectory: URL, logDirectory: URL) {
        self.binDirectory = binDirectory
        self.logDirectory = logDirectory
    }

    /// The directory holding this `xianjie` binary, where `swift build` also puts the services.
    static func ownDirectory() -> URL {
        let path = CommandLine.arguments[0]
        let url = path.contains("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return url.resolvingSymlinksInPath().deletingLastPathComponent()
    }

    @discardableResult
    func start(_ name: String, executable: String, arguments: [String]) throws -> Process {
        let url = binDirectory.appendingPathComponent(executable)
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw CLIError("cannot find \(url.path); build the package first (swift build) or pass --bin-dir")
        }
        let log = logDirectory.appendingPathComponent("\(name).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        children.withLock { $0.append((name, process)) }
        return process
    }

    /// SIGTERM to every child (nodes first, the coordinator last), then waits for them.
    func stopAll() {
        let all = children.withLock { list in
            defer { list = [] }
            return list
        }
        for child in all.reversed() where child.process.isRunning { child.process.terminate() }
        for child in all.reversed() { child.process.waitUntilExit() }
    }

    var running: [String] { children.withLock { $0.filter { $0.process.isRunning }.map(\.name) } }
}
