import ArgumentParser
import Foundation
import XianjieMessages

/// `xianjie contract asyncapi`: the integrators' contract, generated from the message catalog.
struct ContractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contract",
        abstract: "The integrators' contract: the AsyncAPI document of the bus (schemas/asyncapi.json is this).",
        subcommands: [AsyncAPI.self])

    struct AsyncAPI: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "asyncapi", abstract: "Print the AsyncAPI 3.0 document of the bus, as a node sees it.")

        @Option(help: "Write to this file instead of standard output.")
        var output: String?

        func run() throws {
            let text = try AsyncAPIDocument.text()
            if let output {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output))
                Output.line("wrote \(output)")
            } else {
                print(text, terminator: "")
            }
        }
    }
}
