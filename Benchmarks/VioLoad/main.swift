import NIOCore
import NIOPosix

// One event loop thread serves the peer's socket and, taking over as Swift Concurrency's global
// executor, its tasks too: the peer hands nothing between threads and uses one core at most.
NIOSingletons.groupLoopCountSuggestion = 1
guard NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor() else {
    fatalError("could not run the load peer on NIO's event loop")
}

/// `AsyncParsableCommand`'s own `main`; top-level code would pick the synchronous one.
func runCommand() async {
    await VioLoad.main()
}
await runCommand()
