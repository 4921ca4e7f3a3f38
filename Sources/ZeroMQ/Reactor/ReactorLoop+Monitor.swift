import CLibZMQ

/// Socket monitoring on the reactor thread (``ZMQReactor/monitor(_:events:)``).
///
/// libzmq's monitor is an internal PAIR socket that `zmq_socket_monitor` binds to an inproc
/// endpoint; the reactor connects its own PAIR to it right after that bind, both on this
/// thread (which owns the monitored socket), and polls that PAIR like any other socket. The monitor PAIR is always read at once, never paused: libzmq emits most
/// events from its I/O thread, and a full monitor pipe would stall that thread. Its
/// receive high-water mark is 0 (unlimited) for the same reason; the event stream itself
/// is bounded instead.
extension ReactorLoop {
    func startMonitor(_ request: MonitorRequest) {
        guard let target = sockets[request.target.id] else {
            abandon(request, .socketClosed("zmq_socket_monitor", request.target.description))
            return
        }
        // libzmq would replace an older monitor itself; stopping it here also ends its stream.
        stopMonitor(on: target)
        guard zmq_socket_monitor(target.raw, request.endpoint, request.events) == 0 else {
            let error = ZMQError.last("zmq_socket_monitor", request.target.description)
            if error.errno == ETERM { contextTerminated = true }
            abandon(request, error)
            return
        }
        guard zmq_connect(request.raw.pointer, request.endpoint) == 0 else {
            let error = ZMQError.last("zmq_connect", request.endpoint)
            _ = zmq_socket_monitor(target.raw, nil, 0)
            abandon(request, error)
            return
        }
        let pair = LoopSocket(handle: request.pair, raw: request.raw.pointer)
        pair.monitorSink = request.continuation
        sockets[request.pair.id] = pair
        order.append(pair)
        target.monitor = pair
        request.started?.complete(.success(()))
    }

    /// Closes the PAIR of a monitor that could not start and reports why.
    func abandon(_ request: MonitorRequest, _ error: ZMQError) {
        request.pair.finishStreams()
        zmq_close(request.raw.pointer)
        core.context.socketClosed()
        request.continuation.finish()
        request.started?.complete(.failure(error))
    }

    /// Stops monitoring `target` (if it is monitored): `zmq_socket_monitor(socket, NULL, 0)`
    /// makes libzmq send `ZMQ_EVENT_MONITOR_STOPPED` and close its side; the events still in
    /// the pipe are delivered, then the PAIR is closed (linger 0) and the stream ends.
    func stopMonitor(on target: LoopSocket) {
        guard let pair = target.monitor else { return }
        target.monitor = nil
        if zmq_socket_monitor(target.raw, nil, 0) != 0, zmq_errno() == ETERM { contextTerminated = true }
        drainMonitor(pair, limit: .max)
        sockets.removeValue(forKey: pair.handle.id)
        order.removeAll { $0 === pair }
        close(pair, reason: .socketClosed("zmq_msg_send", pair.handle.description))
        pair.monitorSink?.finish()
        pair.monitorSink = nil
    }

    /// Reads up to `limit` monitor messages and yields them as events.
    func drainMonitor(_ pair: LoopSocket, limit: Int) {
        guard let sink = pair.monitorSink else { return }
        var count = 0
        while count < limit, let message = receive(pair) {
            count += 1
            if let event = ZMQMonitorEvent(frames: message.frames) { sink.yield(event) }
        }
    }
}
