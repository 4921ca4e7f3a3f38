import ArgumentParser
import Foundation
import XianjieMessages
import XianjieTrust

/// `xianjie status`: nodes, presence and queue depths, as the coordinator sees them.
struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show nodes, presence and queue depths.")

    @Option(help: "The coordinator's ROUTER endpoint.")
    var coordinator = "tcp://127.0.0.1:7700"

    @Option(help: "Seconds to wait for the coordinator.")
    var timeout: Double = 5

    @Flag(help: "Print the report as JSON.")
    var json = false

    @OptionGroup var credentials: Credentials

    func run() async throws {
        let report: StatusReport
        do {
            report = try await CoordinatorQuery.status(coordinator, timeout: .seconds(timeout), as: try credentials.resolve())
        } catch {
            Output.error("\(error)")
            throw ExitCode(3)
        }
        if json {
            Output.line(String(decoding: try XianjieJSON.encode(report), as: UTF8.self))
        } else {
            print(report)
        }
    }

    func print(_ report: StatusReport) {
        Output.line(
            "coordinator epoch \(report.epoch.prefix(8)), up since \(Output.time(report.startedAt)); "
                + "\(report.messagesStored) messages stored, \(report.quarantined) quarantined")
        if !report.rejectionsByReason.isEmpty {
            let reasons = report.rejectionsByReason.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            Output.line("rejections since start: " + reasons.joined(separator: ", "))
        }
        if let failures = report.authenticationFailures, failures > 0 {
            Output.line("authentication failures since start: \(failures)")
        }
        for alert in report.alerts ?? [] { Output.line("ALERT: \(alert)") }
        if !report.topicHeads.isEmpty {
            Output.line("topics: " + report.topicHeads.sorted { $0.key < $1.key }.map { "\($0.key)@\($0.value)" }.joined(separator: ", "))
        }
        Output.line("")
        Output.line(pad("AGENCY", 32) + pad("KIND", 14) + pad("PRESENT", 9) + pad("QUEUED", 9) + pad("IN-FLIGHT", 11) + pad("LAST-SEQ", 10) + pad("VERSION", 20) + "LAST SEEN")
        for node in report.nodes {
            Output.line(
                pad(node.agency.rawValue, 32) + pad(node.kind ?? "-", 14) + pad(node.present ? "yes" : "no", 9)
                    + pad("\(node.queueDepth)", 9) + pad("\(node.inFlight)", 11) + pad("\(node.lastAcceptedSequence)", 10)
                    + pad([node.softwareVersion, node.protocol].compactMap { $0 }.joined(separator: " ").nonEmpty ?? "-", 20)
                    + (node.lastSeen.map(Output.time) ?? "never"))
        }
    }

    func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text.padding(toLength: width, withPad: " ", startingAt: 0)
    }
}

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
