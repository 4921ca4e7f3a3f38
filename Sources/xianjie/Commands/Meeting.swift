import ArgumentParser
import Foundation
import XianjieMessages

/// `xianjie meeting`: joint meetings (联席会议) as the coordinator keeps them.
///
/// Members act through their nodes with documents (`xianjie meeting attend|minutes|cosign --file`, or `xianjie send`: `xianjie.agendaMotion`,
/// `xianjie.meetingAttendance`, `xianjie.jointMeetingMinutes`, `xianjie.minutesCosign`); this command
/// shows meetings and lets an operator call one.
struct Meeting: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show joint meetings and their agendas, schedule one, or send its attendance, minutes and co-signature through a node.",
        subcommands: [List.self, Show.self, Agenda.self, Schedule.self, Attend.self, Minutes.self, Cosign.self],
        defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Meetings coming up or not yet closed.")
        @OptionGroup var options: QueryOptions

        func run() async throws {
            let report = try await options.ask(MeetingQuery(), expecting: MeetingReport.self)
            if options.json { return }
            Output.line("today \(report.today): \(report.meetings.count) meeting(s)")
            for m in report.meetings {
                Output.line(
                    "  \(m.scheduledFor)  \(m.meetingId)  \(m.kind.rawValue)  \(m.state)  \(m.agenda.count) agenda item(s), "
                        + "\(m.decisions.count) decision(s)  \(m.title)")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One meeting: agenda, attendance quorum, decisions.")
        @Argument(help: "The meeting id, e.g. WO-2024-06-03.") var meetingId: String
        @OptionGroup var options: QueryOptions

        func run() async throws {
            let report = try await options.ask(MeetingQuery(meetingId: meetingId), expecting: MeetingReport.self)
            if options.json { return }
            guard let m = report.meetings.first else {
                Output.line("no meeting \(meetingId) on this bus")
                throw ExitCode(4)
            }
            Output.line("\(m.meetingId): \(m.title) (\(m.kind.rawValue)) on \(m.scheduledFor), state \(m.state)")
            Output.line("  convener \(m.convener); members \(m.members.map(\.rawValue).joined(separator: ", "))")
            if let quorum = m.quorum {
                Output.line("  quorum: " + (quorum ? "yes" : "NO — \(m.quorumProblem ?? "")"))
            }
            Output.line("")
            Output.line(m.agenda.isEmpty ? "AGENDA (not frozen yet; motions: \(m.motions.count))" : "AGENDA")
            for item in m.agenda {
                Output.line(
                    "  [\(item.category.rawValue)] \(item.title)" + (item.subjectId.map { "  (\($0))" } ?? "")
                        + (item.due.map { "  due \($0)" } ?? ""))
            }
            if !m.decisions.isEmpty {
                Output.line("")
                Output.line("DECISIONS")
                for d in m.decisions {
                    Output.line("  \(d.decisionId)  \(d.state)  \(d.responsibleUnit) by \(d.deadline): \(d.item)")
                }
            }
        }
    }

    struct Schedule: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Call a meeting: the coordinator sends the notice.")
        @Option(help: "topic, assignment, periodicJoint, monthlyCoordination or weeklyOffice.") var kind = "topic"
        @Option(help: "The meeting's title.") var title: String
        @Option(help: "The day (YYYY-MM-DD).") var on: String
        @Option(help: "An invited agency (repeat; default: every congress and procuratorate node).") var member: [String] = []
        @Option(help: "The convening agency (default: the congress).") var convener: String?
        @OptionGroup var options: QueryOptions

        func run() async throws {
            guard let kind = MeetingKind(rawValue: kind) else {
                throw ValidationError(
                    "unknown meeting kind \(kind); one of \(MeetingKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let day = CalendarDate(rawValue: on) else { throw ValidationError("--on needs a YYYY-MM-DD day, not \(on)") }
            let request = MeetingSchedule(
                kind: kind, title: title, scheduledFor: day, members: member.isEmpty ? nil : member.map { AgencyID($0) },
                convener: convener.map { AgencyID($0) })
            let report = try await options.ask(request, expecting: MeetingReport.self)
            if options.json { return }
            for m in report.meetings {
                Output.line("scheduled \(m.meetingId) on \(m.scheduledFor); notice sent to \(m.members.map(\.rawValue).joined(separator: ", "))")
            }
        }
    }

    struct Agenda: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A meeting's agenda (frozen before the meeting).")
        @Argument(help: "The meeting id.") var meetingId: String
        @OptionGroup var options: QueryOptions

        func run() async throws {
            let report = try await options.ask(MeetingQuery(meetingId: meetingId), expecting: MeetingReport.self)
            if options.json { return }
            guard let m = report.meetings.first else {
                Output.line("no meeting \(meetingId) on this bus")
                throw ExitCode(4)
            }
            if m.agenda.isEmpty { Output.line("\(m.meetingId): the agenda is not frozen yet (\(m.motions.count) motion(s) so far)") }
            for item in m.agenda {
                Output.line("[\(item.category.rawValue)] \(item.title)" + (item.subjectId.map { "  (\($0))" } ?? ""))
            }
        }
    }

    /// A meeting document read from a JSON file and sent through a member's node.
    struct FromFile: ParsableArguments {
        @Option(name: .shortAndLong, help: "The document as JSON (see schemas/messages/).") var file: String
        @OptionGroup var through: AgreementCommand.Through

        func send<P: MessagePayload>(_ type: P.Type, subject: (P) -> String) async throws {
            let payload: P
            do {
                payload = try XianjieJSON.decode(P.self, from: Output.readInput(file: file))
            } catch {
                throw ValidationError("\(file) is not a \(P.messageType): \(error is DecodingError ? describe(error) : "\(error)")")
            }
            try await through.send(payload, subject: subject(payload))
        }
    }

    struct Attend: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send who attended (xianjie.meetingAttendance JSON); the coordinator checks the quorum.")
        @OptionGroup var document: FromFile
        func run() async throws { try await document.send(MeetingAttendance.self) { $0.meetingId } }
    }

    struct Minutes: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send the minutes with their decisions (xianjie.jointMeetingMinutes JSON); refused without quorum.")
        @OptionGroup var document: FromFile
        func run() async throws { try await document.send(JointMeetingMinutes.self) { $0.meetingId } }
    }

    struct Cosign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Co-sign the minutes for one side (xianjie.minutesCosign JSON).")
        @OptionGroup var document: FromFile
        func run() async throws { try await document.send(MinutesCosign.self) { $0.meetingId } }
    }
}
