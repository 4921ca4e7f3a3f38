import ArgumentParser
import Foundation
import JSONSchema
import XianjieMessages
import XianjieNode

/// Sends one document through an agency's node (its control endpoint) and prints the coordinator's
/// verdict; exits 1 when it is refused, 2 when the node does not take it.
enum NodeDocument {
    static func send<P: MessagePayload>(_ payload: P, to recipients: [AgencyID], subject: String, node: String) async throws {
        let document = ControlRequest.Document(
            type: P.messageType, recipients: recipients, subject: subject, data: try JSONValue.parse(XianjieJSON.encode(payload)))
        var request = ControlRequest(op: .send, documents: [document], wait: true)
        request.timeoutMs = 10_000
        let response = try await ControlClient.call(node: node, request, timeout: .seconds(15))
        guard response.ok, let result = response.results?.first else {
            Output.error(response.error ?? "the node refused the request")
            throw ExitCode(2)
        }
        Output.line("\(result.outcome)\t\(P.messageType)\t\(subject)" + (result.reason.map { " — \($0)" } ?? ""))
        if result.outcome != "accepted" { throw ExitCode(1) }
    }
}
