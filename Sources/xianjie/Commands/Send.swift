import ArgumentParser
import Foundation
import JSONSchema
import XianjieMessages
import XianjieNode
import ZeroMQ

/// `xianjie send`: hands a document to a node, which commits it to its outbox and sends it.
struct Send: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Send a JSON document through a node (from a file or standard input).",
        discussion: """
            The document is {"type": …, "recipients": [...] or "topic": …, "subject": …, "data": {...}} and may carry
            an "id" to make the submission idempotent; an array sends several. See docs/running-a-node.md and schemas/.
            Exit status: 0 accepted (or committed without --wait), 1 rejected, 2 error, 3 no answer in time.
            """)

    @Option(help: "The node's control endpoint, e.g. ipc:///var/lib/xianjie/congress/control.sock.")
    var node: String

    @Option(name: .shortAndLong, help: "The document file; '-' or absent reads standard input.")
    var file: String?

    @Flag(help: "Wait for the coordinator's receipt or rejection.")
    var wait = false

    @Option(help: "How long to wait, in seconds.")
    var timeout: Double = 10

    @Flag(help: "Print the node's response as JSON.")
    var json = false

    func run() async throws {
        let input: Data
        do {
            input = try Output.readInput(file: file)
        } catch {
            Output.error("\(error)")
            throw ExitCode(2)
        }
        let documents: [ControlRequest.Document]
        do {
            let value = try JSONValue.parse(input)
            let decoder = XianjieJSON.decoder()
            if case .array = value {
                documents = try decoder.decode([ControlRequest.Document].self, from: input)
            } else {
                documents = [try decoder.decode(ControlRequest.Document.self, from: input)]
            }
        } catch {
            Output.error("the document is not valid: \(error is DecodingError ? describe(error) : "\(error)")")
            throw ExitCode(2)
        }
        var request = ControlRequest(op: .send, documents: documents, wait: wait)
        request.timeoutMs = Int(timeout * 1000)
        let response = try await ControlClient.call(node: node, request, timeout: .seconds(timeout + 5))
        if json {
            Output.line(String(decoding: try XianjieJSON.encode(response), as: UTF8.self))
        }
        guard response.ok, let results = response.results else {
            Output.error(response.error ?? "the node refused the request")
            throw ExitCode(2)
        }
        var status: Int32 = 0
        for result in results {
            if !json {
                let reason = result.reason.map { " — \($0)" } ?? ""
                Output.line("\(result.outcome)\t\(result.id)\tsequence \(result.sequence ?? 0)\(reason)")
            }
            if result.outcome == "rejected" { status = max(status, 1) }
            if result.outcome == "pending" { status = max(status, 3) }
        }
        if status != 0 { throw ExitCode(status) }
    }
}

/// One request to a node's control endpoint.
enum ControlClient {
    static func call(node: String, _ request: ControlRequest, timeout: Duration) async throws -> ControlResponse {
        let client = try ZMQConversation(connect: node, name: "xianjie-cli")
        defer { client.close() }
        client.send([Data(), try XianjieJSON.encode(request)])
        guard let reply = await client.next(timeout: timeout), let body = reply.frames.last else {
            Output.error("no answer from the node at \(node) within \(timeout); is xianjie-node running with that controlEndpoint?")
            throw ExitCode(3)
        }
        do {
            return try XianjieJSON.decode(ControlResponse.self, from: body)
        } catch {
            Output.error("the node's answer is not understood: \(describe(error))")
            throw ExitCode(2)
        }
    }
}
