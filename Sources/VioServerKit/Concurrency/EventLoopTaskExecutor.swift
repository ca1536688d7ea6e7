import NIOCore

/// A task executor that runs jobs on one NIO event loop.
///
/// A connection's reader and its handlers prefer the connection's own event loop: frames arrive on
/// it, handlers resume on it when a response frame is matched, and their writes start on it, so an
/// event crosses no thread boundary between socket and bot. (Measured with `VioLoad`, together with
/// handlers started by the reader itself: server CPU per `/ping` fell from 55 to 33 µs at 32 in
/// flight; BENCHMARKS.md.)
///
/// The loop must outlive the tasks that prefer it: a job enqueued on a loop that has shut down is
/// never run. vio-server's loops are Hummingbird's default, the process-wide NIO singleton group,
/// which never shuts down.
final class EventLoopTaskExecutor: TaskExecutor {
    let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
