import Foundation

/// The rules of the audit log's hash chain: entry n stores the hash of entry n-1, so changing, removing or
/// reordering any entry breaks the chain at that point.
///
/// What the chain alone cannot show: the removal of the newest entries (the log simply looks shorter), or a
/// log rewritten from some point on with every later hash recomputed by someone with write access to the store.
/// Both are caught by comparing with a hash published or handed out earlier: receipts, exports
/// (``AuditExport``), or a head hash an operator records.
package enum AuditChain {
    /// The `previousHash` of entry 1: 64 zeros.
    package static let genesis = String(repeating: "0", count: 64)

    /// The entry that follows `previous` (or the first entry, after ``genesis``), with its hash computed.
    package static func next(
        after previous: AuditEntry?, at: Date, kind: AuditKind, actor: String? = nil, subject: String? = nil,
        messageId: String? = nil, messageHash: String? = nil, detail: String
    ) -> AuditEntry {
        AuditEntry.make(
            sequence: (previous?.sequence ?? 0) + 1, at: at, kind: kind, actor: actor, subject: subject,
            messageId: messageId, messageHash: messageHash, detail: detail,
            previousHash: previous?.hash ?? genesis)
    }

    /// Checks a whole log, entries in stored order, from entry 1, and reports the first problem: an entry
    /// changed (its hash does not recompute), removed (a sequence number missing), reordered (an entry stored
    /// before one it should follow), duplicated, or a link broken (an entry's `previousHash` is not the hash of
    /// the entry before it: that one was replaced, changed and re-hashed).
    ///
    /// The sequence reported is where the chain first stops being intact: the entry that was changed, the
    /// first one removed, or the first one out of its place.
    package static func verify(_ entries: [AuditEntry]) -> AuditVerification {
        let present = Set(entries.map(\.sequence))
        var seen = Set<Int64>()
        var expected: Int64 = 1
        var previousHash = genesis
        for entry in entries {
            let selfConsistent = entry.hash == entry.computedHash()
            // A changed entry still sits in its place: its sequence or its link is the expected one. (A changed
            // entry out of place is reported as the removal or reordering it also is, found first.)
            if !selfConsistent, entry.sequence == expected || entry.previousHash == previousHash {
                let claim = entry.sequence == expected ? "" : " (it now claims to be entry \(entry.sequence))"
                return .broken(
                    sequence: expected,
                    problem:
                        "entry \(expected) was changed after it was written\(claim): its contents no longer match its hash"
                )
            }
            if entry.sequence != expected {
                return .broken(
                    sequence: min(expected, entry.sequence),
                    problem: sequenceProblem(entry, expected: expected, seen: seen, present: present))
            }
            if entry.previousHash != previousHash {
                let problem =
                    expected == 1
                    ? "entry 1 does not start the chain: its previousHash is not the genesis value, so earlier entries "
                        + "were removed or entry 1 was replaced"
                    : "entry \(expected) does not follow from entry \(expected - 1): it records a different hash for it, "
                        + "so entry \(expected - 1) was replaced (changed and re-hashed) or entry \(expected) was re-linked"
                return .broken(sequence: expected, problem: problem)
            }
            seen.insert(entry.sequence)
            previousHash = entry.hash
            expected += 1
        }
        return .intact(count: entries.count)
    }

    private static func sequenceProblem(
        _ entry: AuditEntry, expected: Int64, seen: Set<Int64>, present: Set<Int64>
    ) -> String {
        let previous = expected == 1 ? "the start of the log" : "entry \(expected - 1)"
        if seen.contains(entry.sequence) {
            return "entry \(entry.sequence) appears twice: a second copy is stored after \(previous)"
        }
        if entry.sequence < expected {
            return "entries were reordered: entry \(entry.sequence) is stored after \(previous)"
        }
        if present.contains(expected) {
            return "entries were reordered: entry \(entry.sequence) is stored where entry \(expected) belongs, "
                + "directly after \(previous)"
        }
        let missing =
            entry.sequence - expected == 1
            ? "entry \(expected) was removed"
            : "entries \(expected) to \(entry.sequence - 1) were removed"
        return "\(missing): entry \(entry.sequence) follows \(previous) directly"
    }
}

/// The result of ``AuditChain/verify(_:)``.
package enum AuditVerification: Sendable, Equatable {
    /// Every entry recomputes and links to the one before it.
    case intact(count: Int)
    /// The first problem: the sequence number where the chain breaks and what happened, in words.
    case broken(sequence: Int64, problem: String)

    package var isIntact: Bool {
        if case .intact = self { return true }
        return false
    }
}
