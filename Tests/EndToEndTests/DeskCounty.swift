import Foundation
import Testing
import XianjieMessages

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The agency services (`xianjie-congress`, `xianjie-procuratorate`, `xianjie-agency`, `xianjie-station`)
/// of a county on a ``Cluster``: each its own process with its own SQLite file, keys and HTTP port, driven
/// only through its HTTP API as an agency's systems would.
extension Cluster {
    /// Writes a service's configuration: the node's keys, as for `xianjie-node`, and a `desk` block.
    func addService(_ agency: String, kind: String, counterparts: [String: String] = [:], displayName: String? = nil) throws {
        try addNode(agency, kind: kind)
        let file = URL(fileURLWithPath: path("\(agency).json"))
        var object = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any] ?? [:]
        var desk: [String: Any] = [
            "listen": "127.0.0.1:\(Cluster.freePortPair())", "counterparts": counterparts, "verdictTimeoutMs": 5000,
        ]
        if let displayName { desk["displayName"] = displayName }
        object["desk"] = desk
        try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted]).write(to: file)
    }

    func startService(_ agency: String, kind: String) throws {
        try start(agency, "xianjie-\(kind)", ["--config", path("\(agency).json"), "--log-level", "notice"])
    }

    /// The base URL of a service's desk, from its configuration.
    func desk(_ agency: String) throws -> DeskClient {
        let file = URL(fileURLWithPath: path("\(agency).json"))
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any] ?? [:]
        guard let desk = object["desk"] as? [String: Any], let listen = desk["listen"] as? String else {
            throw ClusterError("\(agency) has no desk")
        }
        return DeskClient(base: "http://\(listen)", agency: agency)
    }
}

/// What an agency's own system does with its desk: JSON over HTTP.
struct DeskClient: Sendable {
    let base: String
    let agency: String

    struct Answer: @unchecked Sendable {
        let status: Int
        let body: Data
        let headers: [String: String]

        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body) as? [String: Any]) ?? [:] }
        var error: [String: Any] { json["error"] as? [String: Any] ?? [:] }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    func call(
        _ method: String, _ path: String, json: Any? = nil, body: Data? = nil, contentType: String? = nil,
        headers: [String: String] = [:]
    ) async throws -> Answer {
        guard let url = URL(string: base + path) else { throw ClusterError("bad url \(base + path)") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.timeoutInterval = 30
        // libcurl would otherwise ask `Expect: 100-continue` for large bodies and wait for an interim answer.
        request.setValue("", forHTTPHeaderField: "Expect")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        } else if let body {
            request.httpBody = body
            request.setValue(contentType ?? "application/octet-stream", forHTTPHeaderField: "Content-Type")
        }
        if ProcessInfo.processInfo.environment["XIANJIE_TRACE_HTTP"] != nil {
            FileHandle.standardError.write(Data("→ \(agency) \(method) \(path)\n".utf8))
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as? HTTPURLResponse
        var headers: [String: String] = [:]
        for (key, value) in http?.allHeaderFields ?? [:] {
            if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
        }
        return Answer(status: http?.statusCode ?? 0, body: data, headers: headers)
    }

    func get(_ path: String) async throws -> Answer { try await call("GET", path) }

    /// POSTs an action; `to` and `requestId` are optional.
    func act(_ path: String, _ data: [String: Any], to: [String]? = nil, requestId: String? = nil) async throws -> Answer {
        var body: [String: Any] = ["data": data]
        if let to { body["to"] = to }
        if let requestId { body["requestId"] = requestId }
        return try await call("POST", "/api/v1/" + path, json: body)
    }

    /// Waits until the desk answers (the service has started).
    func waitUntilUp(timeout: Duration = .seconds(30)) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let answer = try? await get("/health"), answer.status == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ClusterError("\(agency)'s desk at \(base) did not come up")
    }

    /// Polls `path` until `condition` holds on its JSON; the last answer.
    func poll(_ path: String, timeout: Duration = .seconds(15), until condition: ([String: Any]) -> Bool) async throws -> [String: Any] {
        let deadline = ContinuousClock.now + timeout
        var last: [String: Any] = [:]
        while ContinuousClock.now < deadline {
            last = try await get(path).json
            if condition(last) { return last }
            try await Task.sleep(for: .milliseconds(100))
        }
        return last
    }

    /// The item's documents of `type` this desk has received.
    func received(_ subject: String, type: String, timeout: Duration = .seconds(15)) async throws -> [[String: Any]] {
        let encoded = subject.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? subject
        let item = try await poll("/api/v1/items/\(encoded)", timeout: timeout) { json in
            (json["documents"] as? [[String: Any]] ?? []).contains { $0["type"] as? String == type && $0["direction"] as? String == "in" }
        }
        return (item["documents"] as? [[String: Any]] ?? []).filter { $0["type"] as? String == type && $0["direction"] as? String == "in" }
    }
}
