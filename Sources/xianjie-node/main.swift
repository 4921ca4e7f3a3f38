import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import XianjieNode

/// `xianjie-node`: an agency's node on the bus (the generic kind; congress, procuratorate, agency and
/// station services build on the same runtime).
@main
struct NodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xianjie-node",
        abstract: "Run an agency's node: keeps its outbox and inbox, exchanges messages through the coordinator.")

    @Option(name: .shortAndLong, help: "Configuration file (JSON; see deploy/examples/).")
    var config: String

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    func run() async throws {
        let configuration: NodeConfiguration
        do {
            configuration = try NodeConfiguration.load(from: config)
        } catch {
            FileHandle.standardError.write(Data("xianjie-node: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let level = logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        var logger = Logger(label: "xianjie.node")
        logger[metadataKey: "xianjie.agency"] = "\(configuration.agency)"
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        do {
            let runtime = try NodeRuntime(configuration: configuration, logger: logger)
            services.append(.init(service: runtime))
            if let endpoint = configuration.controlEndpoint {
                let control = try NodeControlService(runtime: runtime, endpoint: endpoint, logger: logger)
                services.append(.init(service: control))
                logger.info("control endpoint ready", metadata: ["xianjie.control": "\(control.endpoint ?? endpoint)"])
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

extension Logger.Level: @retroactive ExpressibleByArgument {}
