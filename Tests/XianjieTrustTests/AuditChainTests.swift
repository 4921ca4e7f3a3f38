import Foundation
import Testing
import XianjieMessages
import XianjieTrust

@Suite("Audit chain")
struct AuditChainTests {
    @Test("an intact chain verifies; an empty log is intact")
    func intact() {
        let entries = Sample.chain(8)
        #expect(AuditChain.verify(entries) == .intact(count: 8))
        #expect(AuditChain.verify([]) == .intact(count: 0))
        #expect(entries[0].previousHash == AuditChain.genesis)
        #expect(AuditChain.genesis == String(repeating: "0", count: 64))
        #expect(entries.map(\.sequence) == Array(1...8))
        for index in 1..<entries.count { #expect(entries[index].previousHash == entries[index - 1].hash) }
    }

    @Test("the entry hash follows the documented encoding (known answer, computed in Python)")
    func knownAnswer() throws {
        let at = try #require(Timestamp.parse("2024-11-22T02:20:57.123Z"))
        let entry = AuditEntry.make(
            sequence: 1, at: at, kind: .messageAccepted, actor: "hutubi.procuratorate", subject: "case-2024-05",
            detail: "检察建议书已接收", previousHash: AuditChain.genesis)
        #expect(entry.hash == "510b36c9342ec4b545ce482e1915a2a0fbeca93008df689565bf208f88a6ef7d")
        #expect(entry.computedHash() == entry.hash)
        // Absent and empty differ.
        var empty = entry
        empty.messageId = ""
        #expect(empty.computedHash() != entry.hash)
    }

    @Test("entries survive JSON and keep their hash, whatever the encoder's date strategy")
    func jsonRoundTrip() throws {
        let entries =
            Sample.chain(5) + [
                AuditEntry.make(
                    sequence: 6, at: Date(timeIntervalSince1970: 1_732_242_057.123_987), kind: .policyDenied,
                    detail: "x", previousHash: Sample.chain(5)[4].hash)
            ]
        #expect(Timestamp.format(entries[5].at) == "2024-11-22T02:20:57.123Z")
        let decoded = try XianjieJSON.decode([AuditEntry].self, from: XianjieJSON.encode(entries))
        #expect(decoded == entries)
        let plain = try JSONDecoder().decode([AuditEntry].self, from: JSONEncoder().encode(entries))
        #expect(plain == entries)
        #expect(AuditChain.verify(plain) == .intact(count: 6))
        let text = String(decoding: try XianjieJSON.encode(entries[0]), as: UTF8.self)
        #expect(text.contains(#""at":"2024-11-22T02:20:57.123Z""#))
    }

    /// Each field of an entry, changed in a way that keeps the entry well formed.
    static let changes: [(String, @Sendable (inout AuditEntry) -> Void)] = [
        ("sequence", { $0.sequence += 10 }),
        ("at", { $0.at = $0.at.addingTimeInterval(0.001) }),
        ("kind", { $0.kind = $0.kind == .messageRejected ? .messageAccepted : .messageRejected }),
        ("actor", { $0.actor = "hutubi.forestry" }),
        ("actor removed", { $0.actor = nil }),
        ("subject", { $0.subject = "case-2024-06" }),
        ("subject removed", { $0.subject = nil }),
        ("messageId", { $0.messageId = "m-forged" }),
        ("messageHash added", { $0.messageHash = String(repeating: "cd", count: 32) }),
        ("detail", { $0.detail += "." }),
        ("previousHash", { $0.previousHash = String(repeating: "1", count: 64) }),
        ("hash", { $0.hash = String(repeating: "2", count: 64) }),
    ]

    @Test("changing any single field of an entry is reported at that entry", arguments: Self.changes.indices)
    func changedField(index: Int) {
        let (name, change) = Self.changes[index]
        for target in [0, 3, 7] {
            var entries = Sample.chain(8)
            change(&entries[target])
            let sequence = Int64(target + 1)
            guard case .broken(let at, let problem) = AuditChain.verify(entries) else {
                Issue.record("changing \(name) of entry \(sequence) was not detected")
                continue
            }
            #expect(at == sequence, "\(name) of entry \(sequence): \(problem)")
            #expect(problem.contains("entry \(sequence) was changed"), "\(name): \(problem)")
        }
    }

    @Test("deleting an entry is reported at the removed sequence", arguments: [1, 2, 4, 7])
    func deleted(sequence: Int) {
        var entries = Sample.chain(8)
        entries.remove(at: sequence - 1)
        guard case .broken(let at, let problem) = AuditChain.verify(entries) else {
            Issue.record("deleting entry \(sequence) was not detected")
            return
        }
        #expect(at == Int64(sequence))
        #expect(problem.contains("entry \(sequence) was removed"), "\(problem)")
    }

    @Test("deleting several consecutive entries names the range")
    func deletedRange() {
        var entries = Sample.chain(8)
        entries.removeSubrange(2..<5)
        #expect(
            AuditChain.verify(entries)
                == .broken(sequence: 3, problem: "entries 3 to 5 were removed: entry 6 follows entry 2 directly"))
    }

    @Test(
        "swapping two entries is reported at the first one out of place", arguments: [(1, 2), (3, 4), (2, 6), (7, 8)])
    func swapped(first: Int, second: Int) {
        var entries = Sample.chain(8)
        entries.swapAt(first - 1, second - 1)
        guard case .broken(let at, let problem) = AuditChain.verify(entries) else {
            Issue.record("swapping entries \(first) and \(second) was not detected")
            return
        }
        #expect(at == Int64(first))
        #expect(problem.contains("reordered"), "\(problem)")
    }

    @Test("an entry changed and re-hashed breaks the link of the next one")
    func rehashed() {
        var entries = Sample.chain(8)
        entries[4].detail = "篡改"
        entries[4].hash = entries[4].computedHash()
        #expect(
            AuditChain.verify(entries)
                == .broken(
                    sequence: 6,
                    problem: "entry 6 does not follow from entry 5: it records a different hash for it, so entry 5 was "
                        + "replaced (changed and re-hashed) or entry 6 was re-linked"))
    }

    @Test("a duplicated entry is reported")
    func duplicated() {
        var entries = Sample.chain(5)
        entries.insert(entries[1], at: 2)
        guard case .broken(let at, let problem) = AuditChain.verify(entries) else {
            Issue.record("a duplicated entry was not detected")
            return
        }
        #expect(at == 2)
        #expect(problem.contains("entry 2 appears twice"))
    }

    @Test("an entry 1 that does not start from genesis is reported")
    func notGenesis() {
        let entries = [
            AuditEntry.make(
                sequence: 1, at: Date(), kind: .registryChanged, detail: "x",
                previousHash: String(repeating: "a", count: 64))
        ]
        guard case .broken(1, let problem) = AuditChain.verify(entries) else {
            Issue.record("a chain not starting at genesis was accepted")
            return
        }
        #expect(problem.contains("genesis"))
    }

    @Test("limitation: removing the newest entries leaves a shorter chain that verifies")
    func truncatedTail() {
        var entries = Sample.chain(8)
        entries.removeLast()
        #expect(AuditChain.verify(entries) == .intact(count: 7))
    }
}
