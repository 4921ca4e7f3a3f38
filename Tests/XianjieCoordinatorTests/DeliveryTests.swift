import Foundation
import GRDB
import Testing
import XianjieCoordinator
import XianjieMessages
import XianjieNode

/// Real node runtimes and a real coordinator in this process, over TCP on loopback, with SQLite files.
@Suite(.serialized) struct DeliveryTests {
    func clue(_ id: String) -> Clue {
        Clue(clueId: id, channel: .hotline12345, receivedAt: Date(), place: "呼图壁", description: "线索 \(id)", confidential: false)
    }

    @Test func messagesForAnOfflineNodeAreHeldAndArriveInOrderOnceItConnects() async throws {
        let bus = try TestBus()
        let sender = try bus.node("hutubi.station.erdaohe")
        try await withServices([bus.coordinator, sender]) {
            var last: WireMessage?
            for index in 1...300 {
                last = try await sender.send(clue("c-\(index)"), to: ["hutubi.procuratorate"], subject: "clue-\(index)")
            }
            #expect(try await sender.outcome(of: last!, timeout: .seconds(20)) == .accepted(id: last!.header.id, sequence: 300))

            // The recipient connects only now.
            let recipient = try bus.node("hutubi.procuratorate")
            try await withServices([recipient]) {
                var seen: [String] = []
                for try await item in recipient.received() {
                    seen.append(try item.message.payload(Clue.self).clueId)
                    if seen.count == 300 { break }
                }
                #expect(seen == (1...300).map { "c-\($0)" })
            }
        }
    }

    @Test func requestReplyGoesThroughTheCoordinatorWithCorrelation() async throws {
        let bus = try TestBus()
        let asker = try bus.node("hutubi.congress")
        let answerer = try bus.node("hutubi.procuratorate")
        try await withServices([bus.coordinator, asker, answerer]) {
            // Both must have said hello before the coordinator knows them.
            #expect(await eventually { (try? await asker.request(Ping(note: "x"), to: "hutubi.procuratorate", timeout: .milliseconds(300), attempts: 1)) != nil })
            let reply = try await asker.request(Ping(note: "你好"), to: "hutubi.procuratorate")
            let pong = try reply.payload(Pong.self)
            #expect(pong.note == "你好")
            #expect(reply.header.source == "hutubi.procuratorate")

            await #expect(throws: NodeError.self) {
                try await asker.request(Ping(), to: "hutubi.nobody", timeout: .milliseconds(500), attempts: 2)
            }
        }
    }

    @Test func broadcastsReachALateSubscriberAndOnePushedPastItsHighWaterMark() async throws {
        let bus = try TestBus { $0.publishHighWaterMark = 20 }
        let publisher = try bus.node("hutubi.congress")
        try await withServices([bus.coordinator, publisher]) {
            @Sendable func bulletins(_ range: ClosedRange<Int>) async throws -> WireMessage {
                var last: WireMessage?
                for chunk in stride(from: range.lowerBound, through: range.upperBound, by: 500) {
                    let items = try (chunk...min(chunk + 499, range.upperBound)).map { index in
                        (
                            header: try publisher.draft(type: WorkBulletin.messageType, topic: "notices"),
                            data: try XianjieJSON.encode(
                                WorkBulletin(bulletinId: "b-\(index)", title: "专报 \(index)", body: "内容", issuedAt: Date()))
                        )
                    }
                    last = try await publisher.send(items).last
                }
                return last!
            }
            // Before the subscriber exists: it must catch up by replay when it joins.
            let early = try await bulletins(1...500)
            _ = try await publisher.outcome(of: early, timeout: .seconds(30))

            let subscriber = try bus.node("hutubi.station.dafeng", subscriptions: ["notices"])
            try await withServices([subscriber]) {
                #expect(await eventually { try await subscriber.store.broadcasts(topic: "notices", after: 499, limit: 1).count == 1 })
                #expect(subscriber.replayRequests.load(ordering: .relaxed) > 0, "joining late is filled by replay")
                let replaysAfterJoining = subscriber.replayRequests.load(ordering: .relaxed)
                // A burst far beyond the XPUB's high-water mark of 20: drops are filled by replay.
                let late = try await bulletins(501...3000)
                _ = try await publisher.outcome(of: late, timeout: .seconds(60))
                #expect(await eventually(timeout: .seconds(60)) {
                    try await subscriber.store.broadcasts(topic: "notices", after: 2999, limit: 1).count == 1
                })
                let all = try await subscriber.store.broadcasts(topic: "notices", after: 0, limit: 10_000)
                // Compared without printing thousands of values on failure.
                #expect(all.count == 3000)
                // The XPUB really dropped past its high-water mark, and the gaps were filled by replay.
                #expect(subscriber.replayRequests.load(ordering: .relaxed) > replaysAfterJoining)
                #expect(all.map(\.position) == Array(1...Int64(all.count)), "positions must be 1...n without gaps")
                let titles = try all.map { try $0.message.payload(WorkBulletin.self).bulletinId }
                #expect(titles == (1...all.count).map { "b-\($0)" }, "each bulletin once, in order")
            }
        }
    }

    @Test func aCoordinatorRestartLosesNothingAndAppliesNothingTwice() async throws {
        let bus = try TestBus()
        let sender = try bus.node("hutubi.congress")
        let recipient = try bus.node("hutubi.procuratorate")
        let storePath = bus.coordinator.configuration.storePath
        try await withServices([sender, recipient]) {
            try await withServices([bus.coordinator]) {
                for index in 1...200 { try await sender.send(clue("a-\(index)"), to: ["hutubi.procuratorate"]) }
                try await Task.sleep(for: .milliseconds(100))
            }
            // The coordinator is gone; the sender keeps committing to its outbox.
            for index in 201...400 { try await sender.send(clue("a-\(index)"), to: ["hutubi.procuratorate"]) }
            var configuration = bus.coordinator.configuration
            configuration.routerEndpoint = bus.coordinator.routerEndpoint
            configuration.publishEndpoint = bus.coordinator.publishEndpoint
            configuration.storePath = storePath
            let restarted = try CoordinatorService(configuration: configuration, logger: bus.logger)
            try await withServices([restarted]) {
                #expect(await eventually(timeout: .seconds(30)) {
                    try await recipient.store.inbox(after: 399, limit: 1).count == 1
                })
            }
        }
        let log = try DatabaseQueue(path: recipient.configuration.storePath)
        let applied = try await log.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM application_log ORDER BY rowid")
        }
        #expect(applied.count == 400)
        #expect(Set(applied).count == 400)
        let sequences = try await log.read { db in
            try Int64.fetchAll(db, sql: "SELECT sequence FROM application_log ORDER BY rowid")
        }
        #expect(sequences == Array(1...400))
    }
}
