import Foundation
import XianjieMessages

/// A signed document in an ``AuditExport``: its three frames exactly as sent, in base64, and its message hash.
package struct ExportedMessage: Codable, Sendable, Equatable {
    /// Base64 of the header frame.
    package var header: String
    /// Base64 of the data frame.
    package var data: String
    /// Base64 of the 64-byte Ed25519 signature frame.
    package var signature: String
    /// ``MessageSignature/hash(_:)``: what the audit entries record.
    package var hash: String

    package init(_ message: WireMessage) {
        self.init(header: message.headerBytes, data: message.data, signature: message.signature)
    }

    /// From the raw frames, e.g. as the coordinator stores them.
    package init(header: Data, data: Data, signature: Data) {
        self.header = header.base64EncodedString()
        self.data = data.base64EncodedString()
        self.signature = signature.base64EncodedString()
        self.hash = MessageSignature.hash(header: header, data: data)
    }

    /// The message again, as the bus reads it (the header is parsed; schemas are not checked).
    package func wireMessage() throws -> WireMessage {
        guard let headerBytes = Data(base64Encoded: header) else {
            throw AuditExportError.unreadableMessage("its header is not base64")
        }
        guard let dataBytes = Data(base64Encoded: data) else {
            throw AuditExportError.unreadableMessage("its data is not base64")
        }
        guard let signatureBytes = Data(base64Encoded: signature) else {
            throw AuditExportError.unreadableMessage("its signature is not base64")
        }
        do {
            return try WireMessage.decode(frames: [headerBytes, dataBytes, signatureBytes])
        } catch {
            throw AuditExportError.unreadableMessage("its header cannot be read (\(error.detail))")
        }
    }
}
