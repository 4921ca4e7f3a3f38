import CLibZMQ
import Synchronization

/// Makes every monitor endpoint of the process unique (inproc names are per context, and
/// several reactors may share one).
private let monitorEndpoints = Atomic<Int>(0)

extension ZMQReactor {
    /// Monitor events kept for a consumer that falls behind; beyond that the oldest are
    /// dropped (the reactor keeps reading, so libzmq's I/O thread never waits on a monitor).
    static let monitorBufferLimit = 16_384

    /// Starts monitoring `handle`: `zmq_socket_monitor` with the given `ZMQ_EVENT_*` mask
    /// (default all) on the reactor thread, with a PAIR socket owned by the same reactor
    /// connected to a unique inproc endpoint; events arrive on the returned stream.
    ///
    /// ```swift
    /// for await event in try reactor.monitor(router) where event.event.isHandshakeFailure {
    ///     failedHandshakes += 1          // e.g. a client using the wrong server key
    /// }
    /// ```
    ///
    /// Called from any thread but the reactor's own, this waits until the reactor thread
    /// has started the monitor (one loop iteration), so every event from then on is
    /// reported and a failure is thrown here. Called from a task on ``executor`` it cannot
    /// wait: monitoring starts after the current job, and a failure ends the stream at once.
    ///
    /// The stream ends when monitoring stops — after a final
    /// ``ZMQMonitorEvent/Kind/monitorStopped`` when the mask includes it: when the socket is
    /// closed or the reactor shut down, on ``stopMonitoring(_:)``, when `monitor` is called
    /// again for the same socket (the new stream replaces this one), or when the task
    /// iterating the stream is cancelled. (Merely breaking out of a `for await` loop does
    /// not stop it.) One consumer per stream. Up to 16,384 unconsumed events are kept; the
    /// oldest go first.
    ///
    /// - Throws: `EINVAL` for a mask beyond the 16 `ZMQ_EVENT_*` bits of libzmq 4.3.4,
    ///   a closed socket, a shut-down reactor, or what `zmq_socket_monitor` reports.
    package func monitor(
        _ handle: ZMQSocketHandle, events: Int32 = ZMQ_EVENT_ALL
    ) throws(ZMQError) -> AsyncStream<ZMQMonitorEvent> {
        checkOwnership(handle)
        let operation = "zmq_socket_monitor"
        guard events & ~ZMQ_EVENT_ALL == 0 else {
            throw .invalidArgument(operation, "events must be ZMQ_EVENT_* bits (at most 0xFFFF)")
        }
        guard !core.isStopping else { throw .reactorShutDown(operation, handle.description) }
        let endpoint = "inproc://xianjie.monitor.\(monitorEndpoints.add(1, ordering: .relaxed).newValue)"
        let raw = RawSocket(pointer: try context.openSocket(.pair))
        do {
            // Unlimited receive high-water mark: see ReactorLoop+Monitor.swift.
            try raw.apply(ZMQSocketOptions(receiveHighWaterMark: 0), type: .pair)
        } catch {
            zmq_close(raw.pointer)
            context.socketClosed()
            throw error
        }
        let pair = ZMQSocketHandle(
            id: core.nextSocketID(), type: .pair, boundEndpoints: [], connectedEndpoints: [endpoint],
            readsUserID: false, core: core, inboundLimit: 1, inboundByteLimit: 1, failureBufferLimit: 1)
        let (stream, continuation) = AsyncStream.makeStream(
            of: ZMQMonitorEvent.self, bufferingPolicy: .bufferingNewest(Self.monitorBufferLimit))
        let core = self.core
        let pairID = pair.id
        continuation.onTermination = { termination in
            // The consumer went away: stop the monitor (a no-op once it stopped otherwise).
            if case .cancelled = termination { _ = core.enqueue(.stopMonitor(handle, pairID: pairID)) }
        }
        let started = isOnReactorThread ? nil : CommandCompletion()
        let request = MonitorRequest(
            target: handle, pair: pair, raw: raw, endpoint: endpoint, events: events,
            continuation: continuation, started: started)
        guard core.enqueue(.monitor(request)) else {
            pair.finishStreams()
            zmq_close(raw.pointer)
            context.socketClosed()
            continuation.finish()
            throw .reactorShutDown(operation, handle.description)
        }
        try started?.wait().get()
        return stream
    }

    /// Stops monitoring `handle` soon (after the commands queued before this one), leaving
    /// the socket open; the stream of ``monitor(_:events:)`` ends. Idempotent.
    package func stopMonitoring(_ handle: ZMQSocketHandle) {
        checkOwnership(handle)
        _ = core.enqueue(.stopMonitor(handle, pairID: nil))
    }
}
