import ArgumentParser
import Foundation
import JSONSchema
import XianjieMessages
import XianjieNode

/// `xianjie agreement`: cross-region cooperation agreements (跨区域协作机制).
///
/// `list` and `show` ask the coordinator; `draft`, `sign`, `suspend`, `resume` and `terminate` are
/// documents a party sends through its own node (`--node`, its control endpoint), addressed to the
/// other parties (`--to`, repeated).
struct AgreementCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: "Show cooperation agreements, or draft, sign, suspend, resume or terminate one through a party's node.",
        subcommands: [List.self, Show.self, Draft.self, Sign.self, Suspend.self, Status.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every agreement the coordinator knows.")
        @OptionGroup var options: QueryOptions

        func run() async throws {
            let report = try await options.ask(AgreementQuery(), expecting: AgreementReport.self)
            if options.json { return }
            for a in report.agreements {
                Output.line(
                    "\(a.agreementId)  v\(a.version)  \(a.state)  \(a.parties.count) parties, \(a.transfers.count) transfer(s)  \(a.title)")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One agreement: parties, area, domains, modules, signatures.")
        @Argument(help: "The agreement id.") var agreementId: String
        @OptionGroup var options: QueryOptions

        func run() async throws {
            let report = try await options.ask(AgreementQuery(agreementId: agreementId), expecting: AgreementReport.self)
            if options.json { return }
            guard let a = report.agreements.first else {
                Output.line("no agreement \(agreementId) on this bus")
                throw ExitCode(4)
            }
            Output.line("\(a.agreementId) v\(a.version): \(a.title)\(a.trial ? " (试行 trial)" : "") — \(a.state)")
            Output.line("  parties: \(a.parties.map(\.rawValue).joined(separator: ", "))")
            Output.line("  signed by: \(a.signedBy.map(\.rawValue).joined(separator: ", "))")
            Output.line("  area: \(a.area.name) (\(a.area.kind.rawValue))\(a.area.segments.isEmpty ? "" : ": " + a.area.segments.joined(separator: ", "))")
            Output.line("  domains: \(a.domains.map(\.rawValue).joined(separator: ", "))")
            Output.line("  modules: \(a.modules.map(\.rawValue).joined(separator: ", "))")
            Output.line("  acknowledge within \(a.acknowledgeWithinDays) days, feedback within \(a.feedbackWithinDays) days")
            if !a.transfers.isEmpty { Output.line("  transfers: \(a.transfers.joined(separator: ", "))") }
        }
    }

    /// Sends one document through a party's node and waits for the coordinator's verdict.
    struct Through: ParsableArguments {
        @Option(help: "The party's node control endpoint, e.g. ipc:///var/lib/xianjie/hutubi.procuratorate/control.sock.")
        var node: String
        @Option(help: "Another party to address (repeat for each).") var to: [String]

        func send<P: MessagePayload>(_ payload: P, subject: String) async throws {
            guard !to.isEmpty else { throw ValidationError("name the other parties with --to") }
            try await NodeDocument.send(payload, to: to.map { AgencyID($0) }, subject: subject, node: node)
        }
    }

    struct Draft: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send the terms (a xianjie.cooperationAgreement JSON file; version 1 drafts, a higher version amends).")
        @Option(name: .shortAndLong, help: "The terms file (schemas/messages/cooperation-agreement.v1.schema.json).")
        var file: String
        @OptionGroup var through: Through

        func run() async throws {
            let terms: CooperationAgreement
            do {
                terms = try XianjieJSON.decode(CooperationAgreement.self, from: Output.readInput(file: file))
            } catch {
                throw ValidationError("\(file) is not an agreement: \(error is DecodingError ? describe(error) : "\(error)")")
            }
            try await through.send(terms, subject: terms.agreementId)
        }
    }

    struct Sign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "会签: sign the version being signed.")
        @Option(help: "The agreement id.") var agreement: String
        @Option(help: "The version being signed.") var version = 1
        @Option(help: "Who signs (name).") var name: String
        @OptionGroup var through: Through

        func run() async throws {
            try await through.send(
                AgreementSignature(agreementId: agreement, version: version, signedBy: Person(name: name), signedAt: Date()),
                subject: agreement)
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-status", abstract: "Suspend, resume or terminate an agreement (with the reason).")
        @Option(help: "The agreement id.") var agreement: String
        @Option(help: "suspend, resume or terminate.") var action: String
        @Option(help: "Why.") var reason: String
        @OptionGroup var through: Through

        func run() async throws {
            guard let action = AgreementStatusChange.Action(rawValue: action) else {
                throw ValidationError("--action is suspend, resume or terminate, not \(action)")
            }
            try await through.send(
                AgreementStatusChange(agreementId: agreement, action: action, reason: reason, at: Date()), subject: agreement)
        }
    }

    struct Suspend: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Suspend an agreement (set-status --action suspend): nothing is exchanged under it until resumed.")
        @Option(help: "The agreement id.") var agreement: String
        @Option(help: "Why.") var reason: String
        @OptionGroup var through: Through

        func run() async throws {
            try await through.send(
                AgreementStatusChange(agreementId: agreement, action: .suspend, reason: reason, at: Date()), subject: agreement)
        }
    }
}
