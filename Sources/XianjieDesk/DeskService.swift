import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization
import XianjieMessages
import XianjieNode

/// An agency service: its node on the bus and its desk (the HTTP API and the clerks' page), run together.
package final class DeskService: Service, Sendable {
    package let configuration: DeskConfiguration
    package let runtime: NodeRuntime
    package let store: DeskStore
    package let imports: HotlineImports?
    let logger: Logger
    /// The port actually bound (known once running).
    package let boundPort = Atomic<Int>(0)

    package init(configuration: DeskConfiguration, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        let runtime = try NodeRuntime(configuration: configuration.node, logger: logger)
        self.runtime = runtime
        self.store = try DeskStore(writer: runtime.store.writer, agency: configuration.node.agency)
        if configuration.kind == .station {
            let procuratorate = configuration.desk.counterparts["procuratorate"]
            let agency = configuration.node.agency
            self.imports = HotlineImports(
                writer: runtime.store.writer,
                send: { clues in
                    guard let procuratorate else {
                        throw NodeError(
                            .configuration,
                            "desk.counterparts.procuratorate is not configured: imported clues have nobody to go to")
                    }
                    let drafts = try clues.map { item in
                        (
                            try runtime.draft(type: Clue.messageType, to: [procuratorate], subject: item.clue.clueId, id: item.id),
                            try XianjieJSON.encode(item.clue)
                        )
                    }
                    _ = try await runtime.send(drafts)
                    _ = agency
                }, logger: logger)
        } else {
            self.imports = nil
        }
    }

    package func run() async throws {
        guard let (host, port) = configuration.desk.hostAndPort else { return }
        let api = DeskAPI(configuration: configuration, runtime: runtime, store: store, imports: imports, logger: logger)
        let app = Application(
            router: api.router(),
            configuration: .init(address: .hostname(host, port: port), serverName: configuration.kind.executable),
            onServerRunning: { [self] channel in
                let bound = channel.localAddress?.port ?? port
                boundPort.store(bound, ordering: .relaxed)
                logger.notice(
                    "desk listening",
                    metadata: ["xianjie.desk": "http://\(host):\(bound)/", "xianjie.kind": "\(configuration.kind.rawValue)"])
            },
            logger: logger)
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await self.runtime.run() }
            group.addTask { try await app.runService() }
            if let imports {
                group.addTask { await imports.resume() }
            }
        }
    }
}
