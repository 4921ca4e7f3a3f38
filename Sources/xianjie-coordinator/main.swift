import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import XianjieCoordinator

/// `xianjie-coordinator`: routes, stores and delivers every message of a region's bus.
@main
struct CoordinatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xianjie-coordinator",
        abstract: "Run the Xianjie coordinator: routes, stores and delivers the messages of a region's bus.")

    @Option(name: .shortAndLong, help: "Configuration file (JSON; see deploy/examples/).")
    var config: String?

    @Option(help: "SQLite store path (overrides the configuration).")
    var store: String?

    @Option(help: "ROUTER endpoint to bind, e.g. tcp://127.0.0.1:7700 (overrides the configuration).")
    var router: String?

    @Option(help: "XPUB endpoint to bind, e.g. tcp://127.0.0.1:7701 (overrides the configuration).")
    var publish: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    func run() async throws {
        var configuration: CoordinatorConfiguration
        do {
            configuration = try config.map(CoordinatorConfiguration.load(from:)) ?? CoordinatorConfiguration()
        } catch {
            FileHandle.standardError.write(Data("xianjie-coordinator: \(error)\n".utf8))
            throw ExitCode(2)
        }
        if let store { configuration.storePath = store }
        if let router { configuration.routerEndpoint = router }
        if let publish { configuration.publishEndpoint = publish }
        let level = logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "xianjie.coordinator")
        let service: CoordinatorService
        do {
            service = try CoordinatorService(configuration: configuration, logger: logger)
        } catch {
            logger.critical("cannot start: \(error)")
            throw ExitCode(2)
        }
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: service)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
