import ArgumentParser
import Foundation
import XianjieMessages

/// The coordinator endpoint, wait and output options every workflow query shares.
struct QueryOptions: ParsableArguments {
    @Option(help: "The coordinator's ROUTER endpoint.")
    var coordinator = "tcp://127.0.0.1:7700"

    @Option(help: "Seconds to wait for the coordinator.")
    var timeout: Double = 5

    @Flag(help: "Print the answer as JSON.")
    var json = false

    @OptionGroup var credentials: Credentials

    func ask<Q: MessagePayload, R: MessagePayload>(_ query: Q, expecting: R.Type) async throws -> R {
        do {
            let reply = try await CoordinatorQuery.ask(
                query, expecting: R.self, coordinator, timeout: .seconds(timeout), as: try credentials.resolve())
            if json { Output.line(String(decoding: try XianjieJSON.encode(reply), as: UTF8.self)) }
            return reply
        } catch {
            Output.error("\(error)")
            throw ExitCode(3)
        }
    }
}

/// `xianjie case show SUBJECT`: a suggestion's, case's, conversion's or list item's state and history.
struct Case: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a shared process: its state, history and what is due from whom.",
        subcommands: [Show.self])

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one subject (a suggestion id, case id, procuratorial suggestion number or list item id).")

        @Argument(help: "The subject id, e.g. HTB-2024-017.")
        var subject: String

        @OptionGroup var options: QueryOptions

        func run() async throws {
            let report = try await options.ask(CaseQuery(subjectId: subject), expecting: CaseReport.self)
            if options.json { return }
            guard report.found, let process = report.process, let state = report.state else {
                Output.line("no shared process \(report.subjectId) on this bus (today is \(report.today))")
                throw ExitCode(4)
            }
            Output.line("\(report.subjectId): \(process), state \(state) (today \(report.today))")
            for (key, value) in (report.details ?? [:]).sorted(by: { $0.key < $1.key }) {
                Output.line("  \(key): \(value)")
            }
            if !report.obligations.isEmpty {
                Output.line("")
                Output.line("DUE")
                for o in report.obligations {
                    Output.line(
                        "  \(o.overdue ? "OVERDUE " : "")\(o.timer) due \(o.due) from \(describe(o.obligated))"
                            + (o.remindOn.map { ", reminder \($0)" } ?? "") + ", supervised by \(describe(o.supervisor))")
                }
            }
            if !report.agenda.isEmpty {
                Output.line("")
                Output.line("ON THE NEXT JOINT MEETING'S AGENDA")
                for item in report.agenda { Output.line("  \(item.reason) (queued \(item.queuedOn))") }
            }
            Output.line("")
            Output.line("HISTORY")
            for entry in report.history {
                let move = entry.from.isEmpty ? entry.to : "\(entry.from) → \(entry.to)"
                Output.line("  \(entry.on)  \(entry.event)  by \(entry.actor)  \(move)")
            }
        }
    }
}

/// `xianjie due`: everything due or overdue, by agency.
struct Due: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List what is due or overdue, by agency.")

    @Option(help: "Only what this agency owes or supervises.")
    var agency: String?

    @Option(help: "Only deadlines within this many days (overdue ones always show).")
    var within: Int?

    @OptionGroup var options: QueryOptions

    func run() async throws {
        if let within, within < 0 { throw ValidationError("--within must be 0 or more days") }
        let report = try await options.ask(
            DueQuery(agency: agency.map { AgencyID($0) }, withinDays: within), expecting: DueReport.self)
        if options.json { return }
        Output.line("today \(report.today): \(report.items.count) obligation(s), \(report.items.filter(\.overdue).count) overdue")
        let byAgency = Dictionary(grouping: report.items) { $0.obligated.agency?.rawValue ?? $0.obligated.role }
        for owner in byAgency.keys.sorted() {
            Output.line("")
            Output.line(owner)
            for item in byAgency[owner] ?? [] {
                let when = item.overdue ? "OVERDUE since \(item.due)" : "due \(item.due) (\(item.daysLeft) days)"
                Output.line("  \(when)  \(item.timer)  \(item.subjectId) [\(item.process) \(item.state)]")
            }
        }
        if !report.agenda.isEmpty {
            Output.line("")
            Output.line("督办 for the next joint meeting")
            for item in report.agenda {
                Output.line("  \(item.subjectId): \(item.reason) (queued \(item.queuedOn))")
            }
        }
    }
}

/// `xianjie clock`: the deadline engine's day; moves a driven clock (drills and tests).
struct Clock: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the deadline engine's day, or move a driven clock forward.")

    @Option(help: "Move a driven clock to this day (YYYY-MM-DD).")
    var set: String?

    @Option(help: "Move a driven clock forward by this many days.")
    var advance: Int?

    @OptionGroup var options: QueryOptions

    func run() async throws {
        guard set == nil || advance == nil else { throw ValidationError("give either --set or --advance, not both") }
        var request = ClockRequest()
        if let set {
            guard let day = CalendarDate(rawValue: set) else { throw ValidationError("--set needs a YYYY-MM-DD day, not \(set)") }
            request.set = day
        }
        if let advance {
            guard advance >= 0 else { throw ValidationError("--advance must be 0 or more days; the clock only moves forward") }
            request.advanceDays = advance
        }
        let report = try await options.ask(request, expecting: ClockReport.self)
        if options.json { return }
        Output.line(
            "today \(report.today) (\(report.driven ? "driven clock" : "wall clock"))"
                + (report.reminders + report.overdue > 0 ? ": \(report.reminders) reminder(s), \(report.overdue) overdue notice(s) sent" : ""))
    }
}

/// `xianjie deputy profile PERSON --year Y`: a deputy's participation in procuratorial work (履职画像).
struct Deputy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A deputy's yearly profile of participation (hearings, observations, visits…).",
        subcommands: [Profile.self])

    struct Profile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Count and list a deputy's participation in a year.")
        @Argument(help: "The deputy's roster id, e.g. D-023.") var personId: String
        @Option(help: "The year.") var year: Int
        @OptionGroup var options: QueryOptions

        func run() async throws {
            guard (2000...2999).contains(year) else { throw ValidationError("--year must be between 2000 and 2999") }
            let profile = try await options.ask(DeputyProfileQuery(personId: personId, year: year), expecting: DeputyProfile.self)
            if options.json { return }
            Output.line("\(profile.name ?? profile.personId) (\(profile.personId)), \(profile.year): \(profile.total) participation(s)")
            for (activity, count) in profile.byActivity.sorted(by: { $0.key < $1.key }) { Output.line("  \(activity): \(count)") }
            for entry in profile.records {
                Output.line("  \(entry.date)  \(entry.activity.rawValue) as \(entry.role.rawValue)" + (entry.subjectId.map { "  (\($0))" } ?? ""))
            }
        }
    }
}

private func describe(_ party: DeadlineNotice.Party) -> String {
    var text = party.role
    if let agency = party.agency { text += " \(agency)" }
    if let person = party.person { text += " [\(person)]" }
    return text
}
