import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import XianjieNode

/// The main of the four agency services (`xianjie-congress`, `xianjie-procuratorate`, `xianjie-agency`,
/// `xianjie-station`): the same desk, each with its kind's actions.
package enum DeskMain {
    package static func run(kind: DeskKind) async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try DeskOptions.parse(arguments)
            try await command.run(kind: kind)
        } catch {
            DeskOptions.exit(withError: error)
        }
    }
}

struct DeskOptions: ParsableArguments {
    static let configuration = CommandConfiguration(
        abstract: "Run an agency service: its node on the bus, its HTTP API and its clerks' page.")

    @Option(name: .shortAndLong, help: "Configuration file (JSON; see deploy/examples/).")
    var config: String

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    mutating func run(kind: DeskKind) async throws {
        let configuration: DeskConfiguration
        do {
            configuration = try DeskConfiguration.load(from: config, kind: kind)
        } catch {
            FileHandle.standardError.write(Data("\(kind.executable): \(error)\n".utf8))
            throw ExitCode(2)
        }
        guard let level = Logger.Level(rawValue: logLevel) else {
            FileHandle.standardError.write(Data("\(kind.executable): --log-level must be trace, debug, info, notice, warning, error or critical\n".utf8))
            throw ExitCode(2)
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        var logger = Logger(label: "xianjie.\(kind.rawValue)")
        logger[metadataKey: "xianjie.agency"] = "\(configuration.node.agency)"
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        do {
            let desk = try DeskService(configuration: configuration, logger: logger)
            services.append(.init(service: desk))
            if let endpoint = configuration.node.controlEndpoint {
                services.append(.init(service: try NodeControlService(runtime: desk.runtime, endpoint: endpoint, logger: logger)))
            }
        } catch {
            logger.critical("cannot start: \(error)")
            throw ExitCode(2)
        }
        let group = ServiceGroup(
            configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
