import Foundation
import GRDB
import Hummingbird
import JSONSchema
import XianjieMessages

/// A desk's own lists, kept locally and not sent on the bus: the station's published contacts, deputy duty
/// roster and served voters (三公开), the congress's deputy roster, and the feedback given to the person who
/// reported a clue. `GET/PUT /api/v1/registers/{name}`; `POST /api/v1/clues/{id}/feedback`.
package enum DeskRegisters {
    /// The registers each kind keeps, and the fields each entry must have.
    package static func registers(of kind: DeskKind) -> [String: [String]] {
        switch kind {
        case .station:
            [
                "contacts": ["name", "role", "phone"], "dutyRoster": ["date", "deputy", "place"],
                "voters": ["name", "area"],
            ]
        case .congress: ["deputies": ["personId", "name", "constituency"]]
        case .procuratorate, .agency: [:]
        }
    }

    static func createTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE IF NOT EXISTS desk_register (name TEXT PRIMARY KEY, entries TEXT NOT NULL, updatedAt REAL NOT NULL);
                CREATE TABLE IF NOT EXISTS desk_feedback (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, subject TEXT NOT NULL, text TEXT NOT NULL, channel TEXT NOT NULL,
                    at REAL NOT NULL);
                CREATE INDEX IF NOT EXISTS desk_feedback_subject ON desk_feedback(subject);
                """)
    }

    package struct Feedback: Codable, Sendable, Equatable {
        package var subject: String
        package var text: String
        package var channel: String
        package var at: Date
    }

    static func feedback(_ db: Database, subject: String) throws -> [Feedback] {
        try Row.fetchAll(db, sql: "SELECT subject, text, channel, at FROM desk_feedback WHERE subject = ? ORDER BY id", arguments: [subject])
            .map { Feedback(subject: $0[0], text: $0[1], channel: $0[2], at: Date(timeIntervalSince1970: $0[3])) }
    }
}

extension DeskAPI {
    func addRegisterRoutes(to router: Router<BasicRequestContext>) {
        let registers = DeskRegisters.registers(of: configuration.kind)
        let writer = runtime.store.writer
        router.get("/api/v1/registers") { _, _ in
            DeskJSON.response(["registers": registers.keys.sorted()])
        }
        router.get("/api/v1/registers/:name") { _, context in
            let name = try context.parameters.require("name")
            guard registers[name] != nil else { throw Self.unknownRegister(name, registers) }
            let text = try await writer.read { db in
                try String.fetchOne(db, sql: "SELECT entries FROM desk_register WHERE name = ?", arguments: [name])
            }
            return Response(
                status: .ok, headers: DeskJSON.headers,
                body: .init(byteBuffer: ByteBuffer(string: "{\"name\":\(JSONValue.string(name).serialized()),\"entries\":\(text ?? "[]")}")))
        }
        router.put("/api/v1/registers/:name") { request, context in
            let name = try context.parameters.require("name")
            guard let fields = registers[name] else { throw Self.unknownRegister(name, registers) }
            let body = try await DeskJSON.body(request)
            guard let entries = body.value["entries"]?.arrayValue else {
                throw DeskProblem(.unprocessableContent, "invalidBody", "the body is {\"entries\": [...]}", field: "/entries", rule: "required")
            }
            for (index, entry) in entries.enumerated() {
                guard case .object(let members) = entry else {
                    throw DeskProblem(.unprocessableContent, "invalidBody", "entry \(index) must be an object", field: "/entries/\(index)", rule: "type")
                }
                for field in fields where (members[field]?.stringValue ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                    throw DeskProblem(
                        .unprocessableContent, "invalidBody", "entry \(index) needs \(field) (text); \(name) entries have \(fields.joined(separator: ", "))",
                        field: "/entries/\(index)/\(field)", rule: "required")
                }
            }
            let text = JSONValue.array(entries).serialized(sortedKeys: true)
            try await writer.write { db in
                try db.execute(
                    sql: "INSERT OR REPLACE INTO desk_register (name, entries, updatedAt) VALUES (?, ?, ?)",
                    arguments: [name, text, Date().timeIntervalSince1970])
            }
            return DeskJSON.response(["name": name, "entries": "\(entries.count)"])
        }
        guard configuration.kind == .station else { return }
        // 反馈: what the reporter of a clue was told, and how (kept here; the reporter is not on the bus).
        router.post("/api/v1/clues/:id/feedback") { request, context in
            let subject = try Self.parameter(context, "id")
            guard try await store.knows(subject: subject) else {
                throw DeskProblem(.notFound, "unknownItem", "no clue \(subject) on this desk", field: "id")
            }
            let body = try await DeskJSON.body(request)
            guard let text = body.value["text"]?.stringValue, !text.trimmingCharacters(in: .whitespaces).isEmpty, text.count <= 4000 else {
                throw DeskProblem(.unprocessableContent, "invalidBody", "text (what the reporter was told, up to 4000 characters) is required", field: "/text", rule: "required")
            }
            let channel = body.value["channel"]?.stringValue ?? "phone"
            let feedback = DeskRegisters.Feedback(subject: subject, text: text, channel: channel, at: Date())
            try await writer.write { db in
                try db.execute(
                    sql: "INSERT INTO desk_feedback (subject, text, channel, at) VALUES (?, ?, ?, ?)",
                    arguments: [subject, text, channel, feedback.at.timeIntervalSince1970])
            }
            return DeskJSON.response(feedback, status: .created)
        }
    }

    static func unknownRegister(_ name: String, _ registers: [String: [String]]) -> DeskProblem {
        DeskProblem(
            .notFound, "unknownRegister",
            registers.isEmpty
                ? "this desk keeps no registers"
                : "no register \(name); this desk keeps \(registers.keys.sorted().joined(separator: ", "))", field: "name")
    }
}
