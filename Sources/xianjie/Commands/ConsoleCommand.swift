import ArgumentParser
import Foundation
import XianjieConsole
import XianjieCoordinator

/// `xianjie console user …`: who may log in to the coordinator's console (run on the coordinator's host).
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Manage the coordinator console's users (run on the coordinator's host; no restart needed).",
        subcommands: [User.self])

    struct User: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add, list or remove console users.", subcommands: [Add.self, List.self, Remove.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Add a user (or give an existing one a new code); prints the access code once.")
            @OptionGroup var target: Agency.Target
            @Option(help: "The user's name, as typed at the login page, e.g. 王伟.") var name: String
            @Option(help: "viewer (sees everything) or admin (also suspends and reactivates agencies).") var role: String

            func run() throws {
                guard let role = ConsoleRole(rawValue: role) else {
                    throw ValidationError("--role is viewer or admin, not \(role)")
                }
                let code = try target.store().addConsoleUser(name: name, role: role)
                Output.line("console user \(name) (\(role.rawValue)); access code (shown once, keep it safe):")
                Output.line(code)
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List console users (never their codes).")
            @OptionGroup var target: Agency.Target

            func run() throws {
                for user in try target.store().consoleUsers() {
                    Output.line("\(user.name)\t\(user.role)\tsince \(ISO8601DateFormatter().string(from: user.createdAt))")
                }
            }
        }

        struct Remove: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Remove a console user (their open sessions end within their session hours).")
            @OptionGroup var target: Agency.Target
            @Option(help: "The user's name.") var name: String

            func run() throws {
                guard try target.store().removeConsoleUser(name: name) else {
                    Output.error("no console user \(name)")
                    throw ExitCode(4)
                }
                Output.line("removed console user \(name)")
            }
        }
    }
}
