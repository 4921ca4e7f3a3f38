import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import JSONSchema
import XianjieMessages

/// An error answer of the desk's API: `{"error": {"status", "code", "message", "field", "rule", "problems"}}`.
/// `field` is a JSON Pointer into the request body (`/data/status`) or a parameter name; `rule` the
/// schema keyword or joint-protocol rule broken. Nothing was changed when the API answers one.
package struct DeskProblem: Error, Codable, Sendable {
    package struct Detail: Codable, Sendable, Equatable {
        package var field: String?
        package var rule: String?
        package var message: String
    }

    package var status: Int
    package var code: String
    package var message: String
    package var field: String?
    package var rule: String?
    package var problems: [Detail]?

    package init(
        _ status: HTTPResponse.Status, _ code: String, _ message: String, field: String? = nil, rule: String? = nil,
        problems: [Detail]? = nil
    ) {
        self.status = status.code
        self.code = code
        self.message = message
        self.field = field
        self.rule = rule
        self.problems = problems
    }

    package var response: Response {
        struct Body: Encodable { var error: DeskProblem }
        return DeskJSON.response(Body(error: self), status: HTTPResponse.Status(code: status))
    }
}

/// JSON in and out of the API, in the bus's own encoding (ISO-8601 dates, sorted keys).
package enum DeskJSON {
    static let headers: HTTPFields = [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"]

    package static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? XianjieJSON.encode(value)) ?? Data(#"{"error":{"status":500,"code":"encoding","message":"cannot encode the answer"}}"#.utf8)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A request body read whole (up to `limit` bytes) and parsed as JSON.
    package static func body(_ request: Request, limit: Int = 4 << 20) async throws -> JSONValueBody {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch {
            throw DeskProblem(.contentTooLarge, "tooLarge", "the request body is over \(limit) bytes")
        }
        let bytes = Data(buffer: buffer)
        do {
            return JSONValueBody(value: try JSONValue.parse(bytes), bytes: bytes)
        } catch {
            throw DeskProblem(.badRequest, "invalidJSON", "the request body is not JSON: \(error)")
        }
    }
}

package struct JSONValueBody: Sendable {
    package var value: JSONValue
    package var bytes: Data
}
