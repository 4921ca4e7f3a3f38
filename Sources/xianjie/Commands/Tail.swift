import ArgumentParser
import Foundation
import XianjieMessages
import ZeroMQ

/// `xianjie tail`: the live flow of the bus, one line per message.
struct Tail: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Watch the live flow: time, event, source, type, recipients, subject.")

    @Option(help: "The coordinator's XPUB endpoint.")
    var coordinatorPublish = "tcp://127.0.0.1:7701"

    @Option(help: "Only messages from or to this agency.")
    var agency: String?

    @Option(help: "Only messages of this type (e.g. xianjie.clue).")
    var type: String?

    @Option(help: "Only messages about this subject.")
    var subject: String?

    @Option(help: "Stop after this many lines.")
    var count: Int?

    @Flag(help: "One JSON object per line, for scripts.")
    var json = false

    @OptionGroup var credentials: Credentials

    func run() async throws {
        let context = try ZMQContext()
        let reactor = try ZMQReactor(context: context, name: "xianjie-tail")
        let socket = try reactor.addSocket(
            .sub,
            options: ZMQSocketOptions(subscriptions: [Array(topicFrame(flowTopic))], curve: try credentials.resolve().curve),
            connect: [coordinatorPublish])
        defer {
            reactor.shutdown()
            context.shutdown()
        }
        var printed = 0
        for await batch in socket.inbound {
            for message in batch {
                guard message.frames.count == 5,
                    let wire = try? WireMessage.decode(frames: Array(message.frames.dropFirst(2))),
                    let flow = try? wire.payload(FlowEvent.self), matches(flow)
                else { continue }
                if json {
                    Output.line(String(decoding: wire.data, as: UTF8.self))
                } else {
                    Output.line(Self.line(flow))
                }
                printed += 1
                if let count, printed >= count { return }
            }
        }
    }

    func matches(_ flow: FlowEvent) -> Bool {
        if let agency, flow.source.rawValue != agency, !flow.recipients.contains(AgencyID(agency)) { return false }
        if let type, flow.type?.rawValue != type { return false }
        if let subject, flow.subject != subject { return false }
        return true
    }

    static func line(_ flow: FlowEvent) -> String {
        let to = flow.topic.map { "#\($0)" } ?? flow.recipients.map(\.rawValue).joined(separator: ",")
        let reason = flow.reason.map { "  [\($0)]" } ?? ""
        return "\(Output.time(flow.at))  \(flow.event.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) "
            + "\(flow.source) → \(to)  \(flow.type?.rawValue ?? "-")  \(flow.subject ?? "-")\(reason)"
    }
}
