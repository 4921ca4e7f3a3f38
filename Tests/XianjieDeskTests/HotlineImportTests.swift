import Foundation
import Logging
import Synchronization
import Testing
import XianjieMessages
import XianjieNode

@testable import XianjieDesk

/// The station's import of a 12345 hotline export: every good row forwarded once, every bad row
/// reported with its line and reason, resumed after a stop.
@Suite struct HotlineImportTests {
    @Test func quotedFieldsLineBreaksBOMAndCRLFAreRead() throws {
        let text = "\u{FEFF}ticket,receivedAt,place,description\r\nA1,2024-06-07 09:30,\"大西渠镇, 三村\",\"第一行\r\n第二行，\"\"引号\"\"\"\r\nA2,2024/6/7 9:30,五工台镇,井盖\n\nA3,2024-06-07T09:30:00+08:00,x,y"
        let rows = try HotlineCSV.records(Data(text.utf8))
        #expect(rows.map(\.line) == [1, 2, 4, 6])
        #expect(rows[1].fields == ["A1", "2024-06-07 09:30", "大西渠镇, 三村", "第一行\n第二行，\"引号\""])
        let columns = try HotlineCSV.columns(rows[0].fields)
        let clue = try HotlineCSV.clue(rows[1], columns: columns, headerCount: 4).get()
        #expect(clue.clueId == "12345-A1")
        #expect(clue.channel == .hotline12345)
        #expect(clue.confidential == false)
        #expect(Timestamp.format(clue.receivedAt) == Timestamp.format(try #require(Timestamp.parse("2024-06-07T01:30:00Z"))))
        #expect(try HotlineCSV.clue(rows[2], columns: columns, headerCount: 4).get().place == "五工台镇")
    }

    @Test func aHeaderWithoutARequiredColumnIsRefusedNamingIt() throws {
        let rows = try HotlineCSV.records(Data("工单编号,来电时间,地点\nA1,2024-06-07,x\n".utf8))
        #expect(throws: HotlineCSV.Problem.self) { try HotlineCSV.columns(rows[0].fields) }
        do {
            _ = try HotlineCSV.columns(rows[0].fields)
        } catch {
            #expect(error.description.contains("诉求内容 description"))
        }
    }

    @Test func eachKindOfBadRowIsNamed() throws {
        let csv = """
            工单编号,来电时间,地点,诉求内容,领域,来电人,联系电话,是否保密
            B1,2024-13-45 10:00,大西渠镇,垃圾,,,,
            B2,2024-06-07 10:00,,垃圾,,,,
            B3,2024-06-07 10:00,大西渠镇,垃圾,交通,,,
            B4,2024-06-07 10:00,大西渠镇,垃圾,,,call me,
            B5,2024-06-07 10:00,大西渠镇,垃圾,,,,也许
            B6,2024-06-07 10:00,大西渠镇,垃圾,,,,,extra
            B7,2024-06-07 10:00,大西渠镇,垃圾,安全生产,王某,13900000000,
            """
        let rows = try HotlineCSV.records(Data(csv.utf8))
        let columns = try HotlineCSV.columns(rows[0].fields)
        let reasons = rows.dropFirst().map { row -> String in
            switch HotlineCSV.clue(row, columns: columns, headerCount: 8) {
            case .success: "ok"
            case .failure(let problem): problem.description
            }
        }
        #expect(reasons[0].hasPrefix("来电时间 receivedAt"))
        #expect(reasons[1].hasPrefix("地点 place: missing"))
        #expect(reasons[2].hasPrefix("领域 domain"))
        #expect(reasons[3].hasPrefix("联系电话 phone"))
        #expect(reasons[4].hasPrefix("是否保密 confidential"))
        #expect(reasons[5].contains("9 fields"))
        #expect(reasons[6] == "ok")
        let named = try HotlineCSV.clue(rows[7], columns: columns, headerCount: 8).get()
        #expect(named.confidential && named.reporter?.name == "王某" && named.domain == .workSafety)
    }

    actor Outbox {
        var ids: [String] = []
        func add(_ batch: [String]) { ids += batch }
    }

    static func imports(_ path: String, outbox: Outbox) throws -> (HotlineImports, NodeStore) {
        let store = try NodeStore(path: path, synchronousFull: false)
        try ImportStore.createTablesIn(store.writer)
        let imports = HotlineImports(
            writer: store.writer, send: { clues in await outbox.add(clues.map(\.id)) }, logger: Logger(label: "test"))
        return (imports, store)
    }

    static func finished(_ imports: HotlineImports, _ id: String) async throws -> ImportJob {
        for _ in 0..<600 {
            if let job = try await imports.job(id), job.state != "running" { return job }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw ClockTimeout()
    }

    struct ClockTimeout: Error {}

    @Test(.timeLimit(.minutes(2)))
    func tenThousandRowsWithOnePercentBad() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outbox = Outbox()
        let (imports, _) = try Self.imports(directory.appendingPathComponent("station.sqlite").path, outbox: outbox)
        let sample = HotlineCSV.sample(rows: 10_000, badEvery: 100)
        let started = try await imports.start(csv: sample.csv, name: "12345-2024-06.csv")
        #expect(started.rows == 10_000)
        let job = try await Self.finished(imports, started.id)
        #expect(job.state == "done")
        #expect(job.processed == 10_000)
        #expect(job.forwarded == 9_900)
        #expect(job.refused == 100)
        #expect(job.problems.map(\.line) == sample.badLines)
        #expect(job.seconds != nil)
        let ids = await outbox.ids
        #expect(ids.count == 9_900)
        #expect(Set(ids).count == 9_900)
    }

    @Test(.timeLimit(.minutes(2)))
    func anInterruptedImportResumesWithoutSendingTwice() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("station.sqlite").path
        let sample = HotlineCSV.sample(rows: 1_200, badEvery: 100)
        // A job stored and one batch done, as if the service stopped there.
        let store = try NodeStore(path: path, synchronousFull: false)
        try ImportStore.createTablesIn(store.writer)
        try await store.writer.write { db in
            try db.execute(
                sql: "INSERT INTO import_job (id, name, state, rows, processed, forwarded, refused, startedAt, csv) VALUES ('imp-test', 'a.csv', 'running', 1200, 500, 495, 5, ?, ?)",
                arguments: [Date().timeIntervalSince1970, sample.csv])
            for line in sample.badLines.prefix(5) {
                try db.execute(sql: "INSERT INTO import_problem (job, line, reason) VALUES ('imp-test', ?, 'earlier')", arguments: [line])
            }
        }
        let outbox = Outbox()
        let imports = HotlineImports(
            writer: store.writer, send: { clues in await outbox.add(clues.map(\.id)) }, logger: Logger(label: "test"))
        await imports.resume()
        let job = try await Self.finished(imports, "imp-test")
        #expect(job.state == "done")
        #expect(job.forwarded == 1_188)
        #expect(job.refused == 12)
        #expect(job.problems.map(\.line) == sample.badLines)
        let ids = await outbox.ids
        #expect(ids.count == 693)
        #expect(Set(ids).count == ids.count)
    }
}
