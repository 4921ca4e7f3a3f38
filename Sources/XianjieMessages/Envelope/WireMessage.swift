import Foundation
import JSONSchema

/// A message as it crosses the bus: `[header, data, signature]`, three ZeroMQ frames.
///
/// The header and data bytes are kept exactly as the sender wrote them: the coordinator stores and
/// forwards them untouched, so a signature over them stays verifiable by every recipient.
package struct WireMessage: Sendable {
    package var header: EnvelopeHeader
    package var headerBytes: Data {
        didSet { parsedHeader = nil }
    }
    package var data: Data
    /// Detached signature over header and data (empty when unsigned).
    package var signature: Data
    /// The header as parsed by ``decode(frames:)``, kept so validation does not parse it again.
    /// Nil for a message built here, or once the header bytes are replaced.
    package var parsedHeader: JSONValue?

    package var frames: [Data] { [headerBytes, data, signature] }
    package var byteCount: Int { headerBytes.count + data.count + signature.count }

    package init(header: EnvelopeHeader, headerBytes: Data, data: Data, signature: Data = Data()) {
        self.header = header
        self.headerBytes = headerBytes
        self.data = data
        self.signature = signature
    }

    /// Builds a message from a typed payload; `header.type` and `header.dataschema` are set from the payload type.
    package static func make<P: MessagePayload>(_ payload: P, header: EnvelopeHeader) throws -> WireMessage {
        var header = header
        header.type = P.messageType
        header.dataschema = P.schemaID
        return try make(header: header, data: XianjieJSON.encode(payload))
    }

    /// Builds a message from a header and payload bytes already encoded as JSON.
    package static func make(header: EnvelopeHeader, data: Data) throws -> WireMessage {
        WireMessage(header: header, headerBytes: header.jsonData(), data: data)
    }

    /// Reads the three frames. Checks the structure and the header only; ``EnvelopeValidator`` checks schemas.
    package static func decode(frames: [Data]) throws(EnvelopeError) -> WireMessage {
        guard frames.count == 3 else {
            throw EnvelopeError(
                .malformedFrames,
                "expected 3 frames [header, data, signature], got \(frames.count)")
        }
        let json: JSONValue
        do {
            json = try JSONValue.parse(frames[0])
        } catch {
            throw EnvelopeError(.invalidEnvelope, "the header is not JSON: \(error)")
        }
        let header = try EnvelopeHeader(json: json)
        var message = WireMessage(header: header, headerBytes: frames[0], data: frames[1], signature: frames[2])
        message.parsedHeader = json
        return message
    }

    /// Decodes the payload as `P`.
    package func payload<P: MessagePayload>(_ type: P.Type = P.self) throws -> P {
        try XianjieJSON.decode(P.self, from: data)
    }
}

/// Why a message could not be read or accepted; becomes a ``Rejection``.
package struct EnvelopeError: Error, Sendable, CustomStringConvertible {
    package var reason: Rejection.Reason
    package var detail: String
    package var errors: [String]
    /// The joint-protocol rule broken, for a `workflowViolation` (e.g. `ratingBeforeReply`).
    package var rule: String?

    package init(_ reason: Rejection.Reason, _ detail: String, errors: [String] = []) {
        self.reason = reason
        self.detail = detail
        self.errors = errors
    }

    package var description: String { "\(reason.rawValue): \(detail)" }
}

/// A short sentence for a `DecodingError`, naming the path.
package func describe(_ error: any Error) -> String {
    guard let error = error as? DecodingError else { return "\(error)" }
    func path(_ context: DecodingError.Context) -> String {
        let keys = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
        return "/" + keys.joined(separator: "/")
    }
    switch error {
    case .keyNotFound(let key, let context): return "\(path(context)): missing \"\(key.stringValue)\""
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
        return "\(path(context)): \(context.debugDescription)"
    @unknown default: return "\(error)"
    }
}
