import ArgumentParser
import Foundation
import XianjieMessages

/// `xianjie ballot`: satisfaction evaluations (满意度测评) of the standing committee (DOMAIN.md §4 I).
///
/// `schedule` and `record` are documents the congress sends through its own node (`--node`); `show`
/// asks the coordinator. Votes are cast in the hall (表决器); the bus carries only the tally announced,
/// so no document ever names a voter.
struct Ballot: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Schedule a satisfaction ballot, record its announced tally, or show it.",
        subcommands: [Schedule.self, Record.self, Show.self], defaultSubcommand: Show.self)

    /// The congress's node, and who else gets the document besides the units evaluated.
    struct Through: ParsableArguments {
        @Option(help: "The congress node's control endpoint, e.g. ipc:///var/lib/xianjie/hutubi.congress/control.sock.")
        var node: String
        @Option(help: "Another agency to send it to (repeatable); the units evaluated always get it.")
        var to: [String] = []

        func send<P: MessagePayload>(_ payload: P, units: [AgencyID], subject: String) async throws {
            let recipients = Array(Set(units.map(\.rawValue) + to)).sorted().map { AgencyID($0) }
            try await NodeDocument.send(payload, to: recipients, subject: subject, node: node)
        }
    }

    struct Schedule: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Schedule a ballot on the units' work (测评安排).")
        @Option(help: "The ballot id, e.g. BALLOT-2024-02.") var ballot: String
        @Option(help: "A unit evaluated (repeatable).") var unit: [String]
        @Option(help: "Standing committee members entitled to vote.") var members: Int
        @Option(help: "The day of the vote (YYYY-MM-DD).") var on: String
        @Option(help: "What is evaluated, e.g. the special inquiry's id.") var subject: String?
        @OptionGroup var through: Through

        func run() async throws {
            guard !unit.isEmpty else { throw ValidationError("name the units evaluated with --unit") }
            guard members > 0 else { throw ValidationError("--members must be at least 1") }
            guard CalendarDate(rawValue: on) != nil, let day = ISO8601DateFormatter().date(from: "\(on)T09:00:00+08:00") else {
                throw ValidationError("--on \(on) is not a date (YYYY-MM-DD)")
            }
            let units = unit.map { AgencyID($0) }
            try await through.send(
                EvaluationSchedule(ballotId: ballot, subjectId: subject, units: units, membersTotal: members, scheduledFor: day),
                units: units, subject: ballot)
        }
    }

    struct Record: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the tally announced in the hall (only members present vote; observers do not).")
        @Option(help: "The ballot id.") var ballot: String
        @Option(help: "Members present (the only ones who vote).") var present: Int
        @Option(help: "Observers (列席), who do not vote.") var observers: Int = 0
        @Option(help: "One unit's tally as UNIT=SATISFIED/BASICALLY/UNSATISFIED, e.g. hutubi.market=26/0/0 (repeatable).")
        var tally: [String]
        @OptionGroup var through: Through

        func run() async throws {
            let tallies = try tally.map(Self.parse)
            guard !tallies.isEmpty else { throw ValidationError("give each unit's tally with --tally UNIT=S/B/U") }
            let now = Date()
            try await through.send(
                BallotResult(
                    ballotId: ballot, reportHeardAt: now, membersPresent: present, observers: observers, tallies: tallies,
                    announcedAt: now),
                units: tallies.map(\.unit), subject: ballot)
        }

        static func parse(_ text: String) throws -> BallotResult.Tally {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            let fields = parts.count == 2 ? parts[1].split(separator: "/", omittingEmptySubsequences: false) : []
            let counts = fields.compactMap { Int($0) }
            guard parts.count == 2, !parts[0].isEmpty, fields.count == 3, counts.count == 3, counts.allSatisfy({ $0 >= 0 }) else {
                throw ValidationError("--tally \(text) is not UNIT=SATISFIED/BASICALLY/UNSATISFIED, e.g. hutubi.market=26/0/0")
            }
            return BallotResult.Tally(
                unit: AgencyID(parts[0]), satisfied: counts[0], basicallySatisfied: counts[1], unsatisfied: counts[2])
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One ballot: units, attendance, tallies, follow-up.")
        @Argument(help: "The ballot id.") var ballot: String
        @OptionGroup var options: QueryOptions

        func run() async throws {
            let report = try await options.ask(CaseQuery(subjectId: ballot), expecting: CaseReport.self)
            if options.json { return }
            guard report.found, report.process == "evaluation", let state = report.state else {
                Output.line("no satisfaction ballot \(ballot) on this bus")
                throw ExitCode(4)
            }
            let details = report.details ?? [:]
            Output.line("\(ballot): \(state)" + (details["subjectId"].map { " (evaluating \($0))" } ?? ""))
            Output.line("  units: \(details["units"] ?? "-")")
            Output.line("  members: \(details["membersTotal"] ?? "-"), present \(details["membersPresent"] ?? "-"), observers \(details["observers"] ?? "-")")
            if let tallies = details["tallies"] {
                Output.line("  tally (satisfied/basically/unsatisfied): \(tallies)")
            }
            if let followUp = details["followUp"] { Output.line("  follow-up required: \(followUp)") }
        }
    }
}
