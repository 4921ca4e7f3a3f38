import Foundation
import Synchronization

/// A real headless chromium, driven through `Browser/browser.py` (the Chrome DevTools Protocol), one
/// JSON command per line: what a clerk or a coordinator would see and do, checked from the page itself.
final class Browser: Sendable {
    private let process: Process
    private let input: FileHandle
    private let output: FileHandle
    private let buffer = Mutex(Data())

    init() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("browser.py")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.standardError
        try process.run()
        input = stdin.fileHandleForWriting
        output = stdout.fileHandleForReading
    }

    /// One command; the driver's answer (`ok`, and `value`, `elapsedMs` or `error`).
    @discardableResult
    func command(_ object: [String: Any]) throws -> [String: Any] {
        var line = try JSONSerialization.data(withJSONObject: object)
        line.append(0x0A)
        try input.write(contentsOf: line)
        while true {
            if let reply = buffer.withLock({ buffered -> Data? in
                guard let newline = buffered.firstIndex(of: 0x0A) else { return nil }
                let reply = buffered[buffered.startIndex..<newline]
                buffered.removeSubrange(buffered.startIndex...newline)
                return Data(reply)
            }) {
                return (try JSONSerialization.jsonObject(with: reply) as? [String: Any]) ?? [:]
            }
            // availableData returns what the pipe holds now (read(upToCount:) waits for the whole count).
            let chunk = output.availableData
            guard !chunk.isEmpty else {
                throw ClusterError("the browser driver exited")
            }
            buffer.withLock { $0.append(chunk) }
        }
    }

    func open(_ url: String) throws { try expectOK(command(["op": "open", "url": url]), "open \(url)") }
    func type(_ selector: String, _ text: String) throws {
        try expectOK(command(["op": "type", "selector": selector, "text": text]), "type into \(selector)")
    }
    func click(_ selector: String) throws { try expectOK(command(["op": "click", "selector": selector]), "click \(selector)") }
    func submit(_ selector: String) throws { try expectOK(command(["op": "submit", "selector": selector]), "submit \(selector)") }
    func screenshot(_ path: String) throws { try expectOK(command(["op": "screenshot", "path": path]), "screenshot") }
    func eval(_ js: String) throws -> Any? {
        let reply = try command(["op": "eval", "js": js])
        try expectOK(reply, "eval \(js)")
        return reply["value"]
    }

    /// Milliseconds until `js` became true, or nil when it did not within `timeoutMs`.
    func waitFor(_ js: String, timeoutMs: Int) throws -> Int? {
        let reply = try command(["op": "waitFor", "js": js, "timeoutMs": timeoutMs])
        guard reply["ok"] as? Bool == true else { return nil }
        return (reply["elapsedMs"] as? NSNumber)?.intValue
    }

    func quit() {
        _ = try? command(["op": "quit"])
        try? input.close()
        process.waitUntilExit()
    }

    private func expectOK(_ reply: [String: Any], _ what: String) throws {
        guard reply["ok"] as? Bool == true else {
            throw ClusterError("browser: \(what): \(reply["error"] ?? "failed")")
        }
    }

    deinit {
        if process.isRunning { process.terminate() }
    }
}
