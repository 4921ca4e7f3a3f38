import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization
import XianjieMessages

/// An import of a hotline export at a liaison station: its progress and every refused row.
package struct ImportJob: Codable, Sendable, Equatable {
    package struct Problem: Codable, Sendable, Equatable {
        package var line: Int
        package var reason: String
    }

    package var id: String
    package var name: String
    /// `running`, `done` or `failed`.
    package var state: String
    package var rows: Int
    package var processed: Int
    package var forwarded: Int
    package var refused: Int
    package var problems: [Problem]
    package var startedAt: Date
    package var finishedAt: Date?
    /// From start to finish, once done.
    package var seconds: Double?
    /// Why a failed import stopped.
    package var error: String?
}

enum ImportStore {
    static func createTablesIn(_ writer: any DatabaseWriter) throws {
        try writer.write { db in try createTables(db) }
    }

    static func createTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE IF NOT EXISTS import_job (
                    id TEXT PRIMARY KEY, name TEXT NOT NULL, state TEXT NOT NULL, rows INTEGER NOT NULL,
                    processed INTEGER NOT NULL DEFAULT 0, forwarded INTEGER NOT NULL DEFAULT 0, refused INTEGER NOT NULL DEFAULT 0,
                    startedAt REAL NOT NULL, finishedAt REAL, error TEXT, csv BLOB NOT NULL);
                CREATE TABLE IF NOT EXISTS import_problem (job TEXT NOT NULL, line INTEGER NOT NULL, reason TEXT NOT NULL,
                    PRIMARY KEY (job, line));
                """)
    }
}

/// Runs hotline imports: the CSV is stored with the job before the API answers, then read in batches;
/// each good row becomes a clue to the procuratorate, each bad row is recorded with its line and reason.
/// A stop in the middle resumes at the next batch (the clue ids, `import-<job>-<line>`, make a batch sent
/// twice arrive once).
package final class HotlineImports: Sendable {
    /// Commits clues to the outbox in one transaction (ids make it idempotent).
    package typealias Sender = @Sendable (_ clues: [(id: String, clue: Clue)]) async throws -> Void

    static let batch = 500
    let writer: any DatabaseWriter
    let send: Sender
    let logger: Logger
    private let running = Mutex<Set<String>>([])

    package init(writer: any DatabaseWriter, send: @escaping Sender, logger: Logger) {
        self.writer = writer
        self.send = send
        self.logger = logger
    }

    /// Checks the file's header, stores the job with the whole file, and starts it.
    package func start(csv: Data, name: String) async throws -> ImportJob {
        let rows: [HotlineCSV.Row]
        do {
            rows = try HotlineCSV.records(csv)
            guard let header = rows.first else { throw HotlineCSV.Problem("the file is empty: it needs a header row and tickets") }
            _ = try HotlineCSV.columns(header.fields)
        } catch let problem as HotlineCSV.Problem {
            throw DeskProblem(.unprocessableContent, "invalidCSV", problem.description, field: "body", rule: "csv")
        }
        let id = "imp-" + String(UUID().uuidString.lowercased().prefix(8))
        let now = Date()
        try await writer.write { db in
            try db.execute(
                sql: "INSERT INTO import_job (id, name, state, rows, startedAt, csv) VALUES (?, ?, 'running', ?, ?, ?)",
                arguments: [id, name, rows.count - 1, now.timeIntervalSince1970, csv])
        }
        logger.notice("hotline import started", metadata: ["xianjie.import": "\(id)", "xianjie.rows": "\(rows.count - 1)"])
        launch(id)
        return try await job(id, problems: false)!
    }

    /// Continues the imports a stop interrupted.
    package func resume() async {
        guard let ids = try? await writer.read({ db in try String.fetchAll(db, sql: "SELECT id FROM import_job WHERE state = 'running'") })
        else { return }
        for id in ids {
            logger.notice("hotline import resumed", metadata: ["xianjie.import": "\(id)"])
            launch(id)
        }
    }

    private func launch(_ id: String) {
        guard running.withLock({ $0.insert(id).inserted }) else { return }
        Task {
            do {
                try await run(id)
            } catch {
                logger.error("hotline import failed", metadata: ["xianjie.import": "\(id)", "xianjie.error": "\(error)"])
                try? await writer.write { db in
                    try db.execute(
                        sql: "UPDATE import_job SET state = 'failed', error = ?, finishedAt = ? WHERE id = ?",
                        arguments: ["\(error)", Date().timeIntervalSince1970, id])
                }
            }
            running.withLock { _ = $0.remove(id) }
        }
    }

    private func run(_ id: String) async throws {
        guard let (csv, processed) = try await writer.read({ db -> (Data, Int)? in
            guard let row = try Row.fetchOne(db, sql: "SELECT csv, processed FROM import_job WHERE id = ?", arguments: [id]) else { return nil }
            return (row[0], row[1])
        }) else { return }
        let rows = try HotlineCSV.records(csv)
        let header = rows[0].fields
        let columns = try HotlineCSV.columns(header)
        let records = Array(rows.dropFirst())
        // Tickets of the rows already done, so a repeat is still recognised after a resume.
        var seen = Set<String>()
        for row in records.prefix(processed) {
            if let index = columns[.ticket], index < row.fields.count { seen.insert(row.fields[index].trimmingCharacters(in: .whitespaces)) }
        }
        var position = processed
        while position < records.count {
            let slice = records[position..<min(position + Self.batch, records.count)]
            var good: [(id: String, clue: Clue)] = []
            var problems: [ImportJob.Problem] = []
            for row in slice {
                switch HotlineCSV.clue(row, columns: columns, headerCount: header.count) {
                case .success(let clue):
                    let ticket = String(clue.clueId.dropFirst("12345-".count))
                    if seen.insert(ticket).inserted {
                        good.append(("import-\(id)-\(row.line)", clue))
                    } else {
                        problems.append(.init(line: row.line, reason: "工单编号 ticket: \(ticket) repeats an earlier row of this file"))
                    }
                case .failure(let problem):
                    if let index = columns[.ticket], index < row.fields.count {
                        seen.insert(row.fields[index].trimmingCharacters(in: .whitespaces))
                    }
                    problems.append(.init(line: row.line, reason: problem.description))
                }
            }
            if !good.isEmpty { try await send(good) }
            position += slice.count
            let (done, forwarded, refused, found) = (position, good.count, problems.count, problems)
            try await writer.write { db in
                for problem in found {
                    try db.execute(
                        sql: "INSERT OR REPLACE INTO import_problem (job, line, reason) VALUES (?, ?, ?)",
                        arguments: [id, problem.line, problem.reason])
                }
                try db.execute(
                    sql: "UPDATE import_job SET processed = ?, forwarded = forwarded + ?, refused = refused + ? WHERE id = ?",
                    arguments: [done, forwarded, refused, id])
            }
        }
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE import_job SET state = 'done', finishedAt = ? WHERE id = ?", arguments: [Date().timeIntervalSince1970, id])
        }
        if let job = try await job(id, problems: false) {
            logger.notice(
                "hotline import done",
                metadata: [
                    "xianjie.import": "\(id)", "xianjie.forwarded": "\(job.forwarded)", "xianjie.refused": "\(job.refused)",
                    "xianjie.seconds": "\(job.seconds ?? 0)",
                ])
        }
    }

    package func jobs() async throws -> [ImportJob] {
        let ids = try await writer.read { db in try String.fetchAll(db, sql: "SELECT id FROM import_job ORDER BY startedAt DESC LIMIT 100") }
        var out: [ImportJob] = []
        for id in ids { if let job = try await job(id, problems: false) { out.append(job) } }
        return out
    }

    package func job(_ id: String, problems: Bool = true) async throws -> ImportJob? {
        try await writer.read { db in
            guard let row = try Row.fetchOne(
                db,
                sql: "SELECT id, name, state, rows, processed, forwarded, refused, startedAt, finishedAt, error FROM import_job WHERE id = ?",
                arguments: [id])
            else { return nil }
            let started = Date(timeIntervalSince1970: row[7])
            let finished = (row[8] as Double?).map { Date(timeIntervalSince1970: $0) }
            let list =
                problems
                ? try Row.fetchAll(db, sql: "SELECT line, reason FROM import_problem WHERE job = ? ORDER BY line", arguments: [id])
                    .map { ImportJob.Problem(line: $0[0], reason: $0[1]) } : []
            return ImportJob(
                id: row[0], name: row[1], state: row[2], rows: row[3], processed: row[4], forwarded: row[5], refused: row[6],
                problems: list, startedAt: started, finishedAt: finished,
                seconds: finished.map { ($0.timeIntervalSince(started) * 1000).rounded() / 1000 }, error: row[9])
        }
    }

    package func addRoutes(to router: Router<BasicRequestContext>) {
        router.post("/api/v1/imports/hotline") { request, _ in
            var request = request
            let name = request.uri.queryParameters["name"].map(String.init) ?? "hotline.csv"
            let body: ByteBuffer
            do {
                body = try await request.collectBody(upTo: 64 << 20)
            } catch {
                throw DeskProblem(.contentTooLarge, "tooLarge", "the file is over 64 MiB; split the export", rule: "maxBytes")
            }
            let job = try await self.start(csv: Data(buffer: body), name: name)
            var response = DeskJSON.response(job, status: .accepted)
            response.headers[.location] = "/api/v1/imports/\(job.id)"
            return response
        }
        router.get("/api/v1/imports") { _, _ in DeskJSON.response(["imports": try await self.jobs()]) }
        router.get("/api/v1/imports/:id") { _, context in
            let id = try context.parameters.require("id")
            guard let job = try await self.job(id) else {
                throw DeskProblem(.notFound, "unknownImport", "no import \(id) on this desk", field: "id")
            }
            return DeskJSON.response(job)
        }
        router.get("/api/v1/imports/:id/problems.csv") { _, context in
            let id = try context.parameters.require("id")
            guard let job = try await self.job(id) else {
                throw DeskProblem(.notFound, "unknownImport", "no import \(id) on this desk", field: "id")
            }
            let csv = "line,reason\r\n" + job.problems.map { "\($0.line),\"\($0.reason.replacingOccurrences(of: "\"", with: "\"\""))\"" }.joined(separator: "\r\n")
            return Response(
                status: .ok, headers: [.contentType: "text/csv; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: csv)))
        }
    }
}
