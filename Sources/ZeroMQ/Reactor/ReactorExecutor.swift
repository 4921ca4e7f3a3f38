/// Runs Swift tasks on a reactor's own thread, between its polls.
///
/// A task that prefers this executor (`Task(executorPreference: reactor.executor)` or
/// `withTaskExecutorPreference`) receives, handles and replies without a thread hand-off:
/// inbound batches resume it in the same loop iteration that read them, and its sends are
/// picked up on the next iteration without an eventfd write. Only for short handlers —
/// while a job runs the reactor polls nothing. Once the reactor stops, jobs go to the
/// global concurrent executor, so no task is stranded.
final class ReactorExecutor: TaskExecutor {
    let core: ReactorCore

    init(core: ReactorCore) { self.core = core }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        if !core.enqueue(job) { globalConcurrentExecutor.enqueue(ExecutorJob(job)) }
    }

    /// Runs a job taken from the queue on the calling (reactor) thread.
    func run(_ job: UnownedJob) {
        job.runSynchronously(on: asUnownedTaskExecutor())
    }

    /// Hands a job that will not run here to the global concurrent executor.
    func forward(_ job: UnownedJob) {
        globalConcurrentExecutor.enqueue(ExecutorJob(job))
    }
}
