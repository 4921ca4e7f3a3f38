import ArgumentParser
import Foundation
import XianjieDesk

/// `xianjie desk`: what an agency's IT team needs besides the service itself.
struct DeskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "desk",
        abstract: "The agency services' desks: their OpenAPI documents and API tokens.",
        subcommands: [OpenAPI.self, Token.self])

    struct OpenAPI: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "openapi",
            abstract: "Print the OpenAPI document of a kind's desk API (schemas/openapi/<kind>.openapi.json is this).")

        @Option(help: "congress, procuratorate, agency or station.")
        var kind: String

        @Option(help: "Write to this file instead of standard output.")
        var output: String?

        func run() throws {
            guard let kind = DeskKind(rawValue: kind) else {
                throw CLIError("--kind must be congress, procuratorate, agency or station, not \(kind)")
            }
            let text = try DeskOpenAPI.text(for: kind)
            if let output {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output))
                Output.line("wrote \(output)")
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
    }

    struct Token: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a bearer token for a desk's API: prints the token (give it to the agency's system) and its SHA-256 (put it in desk.tokenHashes).")

        func run() throws {
            let token = DeskToken.make()
            Output.line("token:  \(token)")
            Output.line("sha256: \(DeskToken.hash(token))   (add to \"desk\": {\"tokenHashes\": [...]} and restart the service)")
        }
    }
}
