import Foundation

/// A multipart ZeroMQ message: one `Data` per frame, in order.
///
/// A ROUTER prepends the peer's routing id as the first frame of every message it
/// receives, and takes the first frame of every message it sends as the destination.
package struct ZMQMessage: Sendable, Equatable {
    /// The frames; empty frames are allowed (a message needs at least one frame to be sent).
    package var frames: [Data]

    package init(frames: [Data]) { self.frames = frames }

    /// A message from byte arrays.
    package init(_ frames: [[UInt8]]) { self.frames = frames.map { Data($0) } }

    /// A message from UTF-8 strings (handy in tests and for topics).
    package init(strings: [String]) { self.frames = strings.map { Data($0.utf8) } }

    /// Total payload bytes over all frames.
    package var byteCount: Int { frames.reduce(0) { $0 + $1.count } }
}
