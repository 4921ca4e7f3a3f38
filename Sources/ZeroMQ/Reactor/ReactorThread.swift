import CLibZMQ

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A joinable OS thread running one closure (a thin pthread wrapper).
///
/// Foundation's `Thread` cannot be joined; the reactor's `shutdown()` must return only
/// after its thread has closed every socket, so it uses pthreads directly.
struct ReactorThread: @unchecked Sendable {
    // @unchecked: pthread_t is a plain identifier; joining it is guarded by the owner's Mutex.
    private let thread: pthread_t

    private final class Body {
        let name: String
        let run: () -> Void
        init(name: String, run: @escaping () -> Void) {
            self.name = name
            self.run = run
        }
    }

    /// Starts a thread named `name` (truncated to the 15 bytes Linux allows) running `body`.
    static func start(name: String, _ body: @escaping @Sendable () -> Void) -> ReactorThread? {
        let box = Unmanaged.passRetained(Body(name: name, run: body)).toOpaque()
        var thread = pthread_t()
        let rc = pthread_create(
            &thread, nil,
            { argument in
                guard let argument else { return nil }
                let body = Unmanaged<Body>.fromOpaque(argument).takeRetainedValue()
                _ = xj_set_thread_name(String(decoding: body.name.utf8.prefix(15), as: UTF8.self))
                body.run()
                return nil
            }, box)
        guard rc == 0 else {
            Unmanaged<Body>.fromOpaque(box).release()
            return nil
        }
        return ReactorThread(thread: thread)
    }

    /// Whether the caller is running on this thread.
    var isCurrent: Bool { pthread_equal(pthread_self(), thread) != 0 }

    /// Waits for the thread to finish. Call exactly once, never from the thread itself.
    func join() {
        _ = pthread_join(thread, nil)
    }

    /// Lets the thread's resources go when it finishes, for when nobody will join it.
    func detach() {
        _ = pthread_detach(thread)
    }
}
