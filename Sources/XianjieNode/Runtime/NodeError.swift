import Foundation

/// What went wrong in a node, said so its operator can act.
package struct NodeError: Error, CustomStringConvertible, Sendable {
    package enum Code: Sendable { case storeUnavailable, rejected, timeout, notRunning, invalidDocument, configuration }
    package let code: Code
    package let description: String

    package init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }

    static func storeUnavailable(path: String, underlying: any Error) -> NodeError {
        NodeError(
            .storeUnavailable,
            "cannot open the node's store at \(path): \(underlying). Check that the directory exists and is writable.")
    }
}
