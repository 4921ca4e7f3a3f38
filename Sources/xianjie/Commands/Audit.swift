import ArgumentParser
import Foundation
import XianjieCoordinator
import XianjieMessages
import XianjieTrust

/// `xianjie audit …`: the coordinator's hash-chained record.
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verify the audit chain, export one case's trail, check an export.",
        subcommands: [Verify.self, Export.self, Check.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute the whole chain; report the first entry changed, removed or reordered (exit 1).")
        @OptionGroup var target: Agency.Target

        func run() throws {
            let entries = try target.store().auditEntries()
            switch AuditChain.verify(entries) {
            case .intact(let count):
                Output.line("audit chain intact: \(count) entries")
            case .broken(let sequence, let problem):
                Output.error("audit chain broken at entry \(sequence): \(problem)")
                throw ExitCode(1)
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export one case's trail, signed by the coordinator, verifiable with public keys only.")
        @OptionGroup var target: Agency.Target
        @Option(help: "The case, suggestion or meeting id (the envelopes' subject).") var subject: String
        @Option(name: .shortAndLong, help: "Output file (default: standard output).") var out: String?

        func run() throws {
            let configuration = try CoordinatorConfiguration.load(from: target.config)
            guard let keysPath = configuration.keysPath else {
                throw CLIError("the coordinator has no keysPath; an export must be signed by the coordinator")
            }
            let keys = try AgencyKeys.load(from: URL(fileURLWithPath: keysPath))
            let store = try target.store()
            let entries = try store.auditEntries(subject: subject)
            guard !entries.isEmpty else { throw CLIError("no audit entries about \"\(subject)\"") }
            let hashes = Set(entries.compactMap(\.messageHash))
            let messages = try store.messages(hashes: hashes).map { frames in
                try WireMessage.decode(frames: frames)
            }
            let signers = Set(messages.map(\.header.source))
            let registry = try store.registry()
            var publicKeys = registry.filter { signers.contains($0.agency) }.map(\.publicKeys)
            publicKeys.append(keys.publicKeys)
            let export = try AuditExport.make(
                subject: subject, entries: entries, messages: messages.map(ExportedMessage.init), publicKeys: publicKeys,
                coordinator: keys.agency, coordinatorKey: keys.signing)
            let encoder = XianjieJSON.encoder()
            encoder.outputFormatting.insert(.prettyPrinted)
            let data = try encoder.encode(export)
            if let out {
                try data.write(to: URL(fileURLWithPath: out))
                Output.line("exported \(entries.count) entries and \(messages.count) signed documents about \(subject) to \(out)")
            } else {
                Output.line(String(decoding: data, as: UTF8.self))
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check an export with the public keys it names: hashes, every signature, the coordinator's seal.")
        @Argument(help: "The export file.") var file: String

        func run() throws {
            let data = try Output.readInput(file: file)
            let export = try XianjieJSON.decode(AuditExport.self, from: data)
            let problems = export.verify()
            if problems.isEmpty {
                Output.line("valid: \(export.entries.count) entries and \(export.messages.count) signed documents about \(export.subject)")
            } else {
                for problem in problems { Output.error(problem) }
                throw ExitCode(1)
            }
        }
    }
}
