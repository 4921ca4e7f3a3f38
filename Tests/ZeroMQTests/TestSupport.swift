import Foundation
import Testing
import ZeroMQ

/// A context and a reactor for one test; `close()` shuts both down.
struct Harness {
    let context: ZMQContext
    let reactor: ZMQReactor

    init(_ name: String = "test", inboundLimit: Int = 16_384, inboundByteLimit: Int = 64 << 20) throws {
        context = try ZMQContext()
        reactor = try ZMQReactor(
            context: context, name: name, inboundLimit: inboundLimit, inboundByteLimit: inboundByteLimit)
    }

    func close() async {
        await reactor.shutdown()
        context.shutdown()
    }
}

/// What a bounded wait on an inbound stream produced.
struct Received {
    var messages: [ZMQMessage] = []
    var batches = 0
}

/// Collects messages until `count` arrived, the stream ended, or `timeout` passed.
/// A timeout cancels the iteration, which ends the stream for good.
func receive(
    _ count: Int, from stream: ZMQInboundStream, within timeout: Duration = .seconds(5)
) async -> Received {
    await withTaskGroup(of: Received?.self) { group in
        group.addTask {
            var received = Received()
            for await batch in stream {
                received.messages.append(contentsOf: batch)
                received.batches += 1
                if received.messages.count >= count { break }
            }
            return received
        }
        group.addTask {
            try? await Task.sleep(for: timeout)
            return nil
        }
        var result = Received()
        for await outcome in group {
            if let outcome {
                result = outcome
                group.cancelAll()
            } else {
                group.cancelAll()
            }
        }
        return result
    }
}

/// The next failure report, or `nil` after `timeout`.
func nextFailure(
    _ stream: AsyncStream<ZMQSendFailure>, within timeout: Duration = .seconds(5)
) async -> ZMQSendFailure? {
    await withTaskGroup(of: ZMQSendFailure?.self) { group in
        group.addTask {
            for await failure in stream { return failure }
            return nil
        }
        group.addTask {
            try? await Task.sleep(for: timeout)
            return nil
        }
        let first = await group.next() ?? nil
        group.cancelAll()
        return first
    }
}

extension ZMQMessage {
    /// Frames decoded as UTF-8, for readable expectations.
    var strings: [String] { frames.map { String(decoding: $0, as: UTF8.self) } }
}

extension Data {
    init(_ string: String) { self.init(string.utf8) }
}

/// A loopback TCP endpoint with a free port, for the bind side.
let anyPort = "tcp://127.0.0.1:*"
