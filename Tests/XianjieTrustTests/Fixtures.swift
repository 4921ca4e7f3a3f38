import Foundation
import XianjieMessages
import XianjieTrust

/// A fresh directory under the system's temporary directory, removed by the caller with `remove()`.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("xianjie-trust-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// The permission bits of a file, as `stat(2)` reports them.
func permissions(_ url: URL) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
    return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
}

func setPermissions(_ mode: Int, _ url: URL) throws {
    try FileManager.default.setAttributes([.posixPermissions: NSNumber(value: mode)], ofItemAtPath: url.path)
}

enum Sample {
    static let congress: AgencyID = "hutubi.congress"
    static let procuratorate: AgencyID = "hutubi.procuratorate"
    static let forestry: AgencyID = "hutubi.forestry"
    static let station: AgencyID = "hutubi.station.erdaohe"

    /// An unsigned procuratorial suggestion from the procuratorate to the forestry brigade, copied to congress.
    static func document(
        id: String = "9f1c2d3e-0000-4000-8000-000000000001", from source: AgencyID = procuratorate,
        subject: String = "case-2024-05", sequence: Int64 = 1
    ) throws -> WireMessage {
        let header = EnvelopeHeader(
            id: id, source: source, type: "xianjie.procuratorialSuggestion",
            time: Timestamp.parse("2024-11-22T02:20:57.123Z")!, subject: subject,
            dataschema: SchemaID.message("procuratorial-suggestion.v1"), recipients: [forestry, congress],
            sequence: sequence)
        let data = Data(#"{"caseId":"case-2024-05","documentNumber":"呼检行公建〔2024〕5号","facts":"红柳滩约30亩红柳林被违法开垦。"}"#.utf8)
        return try WireMessage.make(header: header, data: data)
    }

    /// A chain of `count` entries with varied fields, as the coordinator would write it.
    static func chain(_ count: Int) -> [AuditEntry] {
        let start = Timestamp.parse("2024-11-22T02:20:57.123Z")!
        var entries: [AuditEntry] = []
        for index in 0..<count {
            let kinds = AuditKind.allCases
            entries.append(
                AuditChain.next(
                    after: entries.last, at: start.addingTimeInterval(Double(index) * 1.5),
                    kind: kinds[index % kinds.count], actor: index % 3 == 2 ? nil : "hutubi.procuratorate",
                    subject: "case-2024-05", messageId: "m-\(index)",
                    messageHash: index % 2 == 0 ? String(repeating: "ab", count: 32) : nil,
                    detail: "第\(index + 1)条: entry \(index + 1)"))
        }
        return entries
    }
}
