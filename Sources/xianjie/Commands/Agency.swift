import ArgumentParser
import Foundation
import XianjieCoordinator
import XianjieMessages
import XianjieTrust

/// `xianjie agency …`: the coordinator's registry. Run on the coordinator's host; changes apply at once.
struct Agency: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the registry of agencies (run on the coordinator's host; no restart needed).",
        subcommands: [Add.self, List.self, Suspend.self, Revoke.self, Activate.self, RotateKey.self])

    struct Target: ParsableArguments {
        @Option(name: .shortAndLong, help: "The coordinator's configuration file (for its store).")
        var config: String

        func store() throws -> CoordinatorStore {
            let configuration = try CoordinatorConfiguration.load(from: config)
            return try CoordinatorStore(path: configuration.storePath, synchronousFull: configuration.synchronousFull)
        }

        /// The kinds the coordinator's access policy declares beyond the built-in ones.
        func declaredKinds() throws -> [String: String] {
            let configuration = try CoordinatorConfiguration.load(from: config)
            guard let path = configuration.policyPath else { return [:] }
            return try AccessPolicy.load(from: URL(fileURLWithPath: path)).kinds
        }
    }

    static var actor: String { "operator:" + (ProcessInfo.processInfo.environment["USER"] ?? "unknown") }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register an agency with its public keys.")
        @OptionGroup var target: Target
        @Option(help: "Its <agency>.public.json (from `xianjie keygen`).") var publicKeys: String
        @Option(help: "congress, procuratorate, agency, station, coordinator, operator, federation (another region's coordinator link), or a kind the access policy declares in \"kinds\".") var kind: String
        @Option(help: "Its region, e.g. 呼图壁县. An agency of another region than the coordinator's own is reached through that region's federation link.") var region: String
        @Option(help: "Its display name, e.g. 呼图壁县人民检察院.") var name: String

        func run() throws {
            let keys = try PublicKeys.load(from: URL(fileURLWithPath: publicKeys))
            try target.store().addAgency(
                RegistryEntry(
                    agency: keys.agency, kind: kind, region: region, displayName: name, curveKey: keys.curvePublicKey,
                    signingKey: keys.signingPublicKey),
                by: Agency.actor, declaredKinds: try target.declaredKinds())
            Output.line("registered \(keys.agency) (\(kind)); active now")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List registered agencies.")
        @OptionGroup var target: Target
        @Flag(help: "Print as JSON.") var json = false

        func run() throws {
            let entries = try target.store().registry()
            if json {
                Output.line(String(decoding: try XianjieJSON.encode(entries), as: UTF8.self))
                return
            }
            for entry in entries {
                Output.line(
                    [entry.agency.rawValue, entry.kind, entry.status.rawValue, entry.region, entry.displayName,
                     String(entry.curveKey.prefix(8)) + "…"].joined(separator: "\t"))
            }
        }
    }

    struct Suspend: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Refuse an agency until it is activated again.")
        @OptionGroup var target: Target
        @Argument var agency: String
        @Option(help: "Why, for the audit log.") var reason: String?
        func run() throws {
            try target.store().setStatus(.suspended, of: AgencyID(agency), by: Agency.actor, reason: reason)
            Output.line("\(agency) suspended; refused from now on")
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Refuse an agency's keys for good.")
        @OptionGroup var target: Target
        @Argument var agency: String
        @Option(help: "Why, for the audit log.") var reason: String?
        func run() throws {
            try target.store().setStatus(.revoked, of: AgencyID(agency), by: Agency.actor, reason: reason)
            Output.line("\(agency) revoked; refused from now on")
        }
    }

    struct Activate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Let a suspended agency in again.")
        @OptionGroup var target: Target
        @Argument var agency: String
        func run() throws {
            try target.store().setStatus(.active, of: AgencyID(agency), by: Agency.actor, reason: nil)
            Output.line("\(agency) active")
        }
    }

    struct RotateKey: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rotate-key", abstract: "Replace an agency's keys (the old ones are refused from then on).")
        @OptionGroup var target: Target
        @Argument var agency: String
        @Option(help: "The new <agency>.public.json.") var publicKeys: String
        func run() throws {
            let keys = try PublicKeys.load(from: URL(fileURLWithPath: publicKeys))
            guard keys.agency.rawValue == agency else {
                throw CLIError("\(publicKeys) holds the keys of \(keys.agency), not of \(agency)")
            }
            try target.store().rotateKeys(of: AgencyID(agency), to: keys, by: Agency.actor)
            Output.line("\(agency): new keys active; the old keys are refused from now on")
        }
    }
}
