import ArgumentParser
import Foundation
import XianjieMessages
import XianjieNode

/// `xianjie ping`: a request/reply round trip from a node to another agency's node, through the coordinator.
struct Ping: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ask a node to ping another agency's node through the coordinator; prints the round trip.")

    @Option(help: "The asking node's control endpoint.")
    var node: String

    @Argument(help: "The agency to ping.")
    var agency: String

    func run() async throws {
        var request = ControlRequest(op: .ping)
        request.agency = AgencyID(agency)
        let response = try await ControlClient.call(node: node, request, timeout: .seconds(10))
        guard response.ok, let micros = response.roundTripMicroseconds else {
            Output.error(response.error ?? "no answer")
            throw ExitCode(1)
        }
        Output.line("pong from \(agency): \(Double(micros) / 1000) ms")
    }
}

/// `xianjie inbox`: what a node has received.
struct Inbox: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the messages a node has received and applied.")

    @Option(help: "The node's control endpoint.")
    var node: String

    @Option(help: "Only deliveries after this position.")
    var after: Int64 = 0

    @Option(help: "At most this many.")
    var limit: Int = 50

    @Flag(help: "Print as JSON.")
    var json = false

    func run() async throws {
        var request = ControlRequest(op: .inbox)
        request.after = after
        request.limit = limit
        let response = try await ControlClient.call(node: node, request, timeout: .seconds(10))
        guard response.ok, let received = response.received else {
            Output.error(response.error ?? "no answer")
            throw ExitCode(2)
        }
        if json {
            Output.line(String(decoding: try XianjieJSON.encode(received), as: UTF8.self))
            return
        }
        for item in received {
            let signature = ["INVALID SIGNATURE", "signature not checked", "signature valid"][(item.verified ?? 0) + 1]
            Output.line(
                "\(item.position)\t\(Output.time(item.receivedAt))\t\(item.source)\t\(item.type)\t\(item.subject ?? "-")\t\(signature)")
        }
    }
}
