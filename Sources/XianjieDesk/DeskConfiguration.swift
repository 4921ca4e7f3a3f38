import Foundation
import XianjieMessages
import XianjieNode

/// The four kinds of agency service (DOMAIN.md §1). Each is its own executable on the same desk.
package enum DeskKind: String, Codable, Sendable, CaseIterable {
    case congress, procuratorate, agency, station

    /// The executable that runs this kind.
    package var executable: String { "xianjie-\(rawValue)" }

    package var title: (zh: String, en: String) {
        switch self {
        case .congress: ("人大常委会", "People's congress standing committee")
        case .procuratorate: ("人民检察院", "Procuratorate")
        case .agency: ("行政机关", "Administrative agency")
        case .station: ("人大代表联络站", "Deputies' liaison station")
        }
    }
}

/// The desk's own settings: the `desk` block of the service's configuration file.
package struct DeskSettings: Codable, Sendable, Equatable {
    /// `host:port` of the HTTP API and the clerks' page (port 0: any free port, logged at start).
    package var listen: String = "127.0.0.1:7810"
    /// The agency's name as clerks see it (e.g. 呼图壁县住房和城乡建设局).
    package var displayName: String?
    /// Who this agency normally addresses, by role: `procuratorate`, `congress`. Used when a request
    /// names no recipients (`to`).
    package var counterparts: [String: AgencyID] = [:]
    /// The largest attachment accepted by upload, in bytes.
    package var maxUploadBytes: Int = 64 << 20
    /// How long an action waits for the coordinator's verdict before answering 202 (the document stays
    /// in the outbox and is sent until the coordinator answers).
    package var verdictTimeoutMs: Int = 5000
    /// SHA-256 (hex) of the bearer tokens the API accepts (`xianjie desk token` prints one). Empty: no
    /// token is asked for; keep `listen` on localhost then.
    package var tokenHashes: [String] = []

    package init() {}

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = DeskSettings()
        listen = try c.decodeIfPresent(String.self, forKey: .listen) ?? defaults.listen
        displayName = try c.decodeIfPresent(String.self, forKey: .displayName)
        counterparts = try c.decodeIfPresent([String: AgencyID].self, forKey: .counterparts) ?? [:]
        maxUploadBytes = try c.decodeIfPresent(Int.self, forKey: .maxUploadBytes) ?? defaults.maxUploadBytes
        verdictTimeoutMs = try c.decodeIfPresent(Int.self, forKey: .verdictTimeoutMs) ?? defaults.verdictTimeoutMs
        tokenHashes = try c.decodeIfPresent([String].self, forKey: .tokenHashes) ?? []
        guard hostAndPort != nil else {
            throw DecodingError.dataCorruptedError(
                forKey: .listen, in: c, debugDescription: "desk.listen must be host:port, e.g. 127.0.0.1:7810, not \(listen)")
        }
        guard maxUploadBytes > 0 else {
            throw DecodingError.dataCorruptedError(
                forKey: .maxUploadBytes, in: c, debugDescription: "desk.maxUploadBytes must be a positive number of bytes")
        }
        guard (0...120_000).contains(verdictTimeoutMs) else {
            throw DecodingError.dataCorruptedError(
                forKey: .verdictTimeoutMs, in: c, debugDescription: "desk.verdictTimeoutMs must be 0 … 120000")
        }
        for (role, agency) in counterparts where !agency.isWellFormed {
            throw DecodingError.dataCorruptedError(
                forKey: .counterparts, in: c, debugDescription: "desk.counterparts.\(role): \"\(agency)\" is not a valid agency id")
        }
        for hash in tokenHashes where hash.range(of: "^[0-9a-f]{64}$", options: .regularExpression) == nil {
            throw DecodingError.dataCorruptedError(
                forKey: .tokenHashes, in: c, debugDescription: "desk.tokenHashes holds SHA-256 digests: 64 lower-case hex digits")
        }
    }

    private enum CodingKeys: String, CodingKey {
        case listen, displayName, counterparts, maxUploadBytes, verdictTimeoutMs, tokenHashes
    }

    package var hostAndPort: (host: String, port: Int)? {
        guard let colon = listen.lastIndex(of: ":"), colon > listen.startIndex,
            let port = Int(listen[listen.index(after: colon)...]), (0...65535).contains(port)
        else { return nil }
        return (String(listen[..<colon]), port)
    }
}

/// A service's whole configuration: the node's (NodeConfiguration, the same keys as `xianjie-node`)
/// and the desk's (`desk`). `deploy/examples/` has one per kind.
package struct DeskConfiguration: Sendable {
    package var kind: DeskKind
    package var node: NodeConfiguration
    package var desk: DeskSettings

    package init(kind: DeskKind, node: NodeConfiguration, desk: DeskSettings = DeskSettings()) {
        self.kind = kind
        self.node = node
        self.desk = desk
    }

    private struct File: Decodable {
        var desk: DeskSettings?
    }

    /// Reads the file for the service of `kind`; the node's `kind` must be that kind.
    package static func load(from path: String, kind: DeskKind) throws -> DeskConfiguration {
        let node = try NodeConfiguration.load(from: path)
        guard node.kind == kind.rawValue else {
            throw NodeError(
                .configuration,
                "\(path): kind is \"\(node.kind)\", but this is \(kind.executable); set \"kind\": \"\(kind.rawValue)\" or run xianjie-\(node.kind)"
            )
        }
        let file: File
        do {
            file = try XianjieJSON.decode(File.self, from: try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw NodeError(.configuration, "\(path): the desk block is not valid: \(describe(error))")
        }
        return DeskConfiguration(kind: kind, node: node, desk: file.desk ?? DeskSettings())
    }
}
