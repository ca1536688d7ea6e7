import Metrics
import Prometheus
import Synchronization
import VioCore

/// vio-server's metrics, in swift-metrics with a Prometheus registry of the server's own (so several
/// servers in one process, as in tests, keep theirs apart), served by ``MetricsRoute``:
///
/// - `vio_events_handled_total{platform}` and `vio_events_dropped_total{platform}`;
/// - `vio_event_handling_seconds{platform}`: event in → its last reply sent (a histogram);
/// - `vio_actions_total{platform,action}` and `vio_action_failures_total{platform,action}`;
/// - `vio_model_request_seconds{model}`, `vio_model_time_to_first_token_seconds{model}` and
///   `vio_model_failures_total{model}`;
/// - `vio_connected_bots{platform}`, read when scraped;
/// - `vio_storage_ready` (1 while the database can be used) and `vio_storage_kept_writes` (writes
///   made while it was away, waiting for it), read when scraped.
///
/// It is the dispatcher's observer, so every platform's events are counted in one place.
final class ServerMetrics: DispatchObserver {
    let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory
    private let counters = MetricCache<Metrics.Counter>()
    private let timers = MetricCache<Metrics.Timer>()
    private let gauges = MetricCache<Metrics.Gauge>()
    /// The events handled so far, of every platform, to wait on.
    let handledEvents = EventTally()
    /// The same per bot account, and the model's recent requests, for the console.
    let activity = BotActivity()

    init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
            .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30), .seconds(60),
        ]
        self.factory = factory
    }

    // MARK: Events and actions (the dispatcher's observer)

    func actions(for delivery: Delivery) -> any ChatActions {
        activity.eventArrived(on: delivery.actions.platform, account: delivery.actions.botID)
        return MeteredActions(delivery.actions, metrics: self)
    }

    func handled(_ event: BotEvent, on platform: Platform, in duration: Duration) {
        counter("vio_events_handled_total", ["platform": platform.rawValue]).increment()
        timer("vio_event_handling_seconds", ["platform": platform.rawValue]).record(duration: duration)
        activity.eventEnded(dropped: false)
        handledEvents.record()
    }

    func dropped(_ event: BotEvent, on platform: Platform) {
        counter("vio_events_dropped_total", ["platform": platform.rawValue]).increment()
        activity.eventEnded(dropped: true)
    }

    /// One platform action a handler took through `account`, and how it ended.
    func action(_ action: String, on platform: Platform, account: ID?, outcome: BotActivity.Outcome) {
        let dimensions = ["platform": platform.rawValue, "action": action]
        counter("vio_actions_total", dimensions).increment()
        if outcome != .done { counter("vio_action_failures_total", dimensions).increment() }
        activity.action(on: platform, account: account, outcome: outcome)
    }

    // MARK: Models

    /// One request to a model: how long it took (to its last token), and why it failed if it did.
    func modelRequest(_ model: String, took duration: Duration, failure: (any Error)?) {
        timer("vio_model_request_seconds", ["model": model]).record(duration: duration)
        if failure != nil { counter("vio_model_failures_total", ["model": model]).increment() }
        activity.modelRequest(model, took: duration, failure: failure.map { "\($0)" })
    }

    /// How long a streamed answer took to its first piece of text.
    func modelFirstToken(_ model: String, after duration: Duration) {
        timer("vio_model_time_to_first_token_seconds", ["model": model]).record(duration: duration)
    }

    // MARK: Scraping

    /// The storage as `/metrics` reports it.
    struct StorageState: Sendable {
        var isReady: Bool
        var keptWrites: Int
    }

    /// The metrics in Prometheus's text format, with `connected` as the connected bots per platform,
    /// `storage` as the storage's state and `links` as the dialled connections (1 while up).
    func exposition(connected: [Platform: Int], storage: StorageState, links: [ForwardLink] = []) -> String {
        for link in links {
            gauge("vio_onebot_forward_connected", ["url": link.shownURL]).record(link.connectedAccount == nil ? 0 : 1)
        }
        for (platform, count) in connected {
            gauge("vio_connected_bots", ["platform": platform.rawValue]).record(count)
        }
        gauge("vio_storage_ready", [:]).record(storage.isReady ? 1 : 0)
        gauge("vio_storage_kept_writes", [:]).record(storage.keptWrites)
        return registry.emitToString()
    }

    private func counter(_ label: String, _ dimensions: [String: String]) -> Metrics.Counter {
        counters.metric(label, dimensions) { Metrics.Counter(label: label, dimensions: $0, factory: factory) }
    }

    private func timer(_ label: String, _ dimensions: [String: String]) -> Metrics.Timer {
        timers.metric(label, dimensions) { Metrics.Timer(label: label, dimensions: $0, preferredDisplayUnit: .seconds, factory: factory) }
    }

    private func gauge(_ label: String, _ dimensions: [String: String]) -> Metrics.Gauge {
        gauges.metric(label, dimensions) { Metrics.Gauge(label: label, dimensions: $0, factory: factory) }
    }
}

/// Metric objects by label and dimensions, made once: the registry would hand back the same
/// series, but making one costs more than finding it here.
private final class MetricCache<Metric: Sendable>: Sendable {
    private struct Key: Hashable {
        var label: String
        var dimensions: [String: String]
    }
    private let metrics = Mutex<[Key: Metric]>([:])

    func metric(_ label: String, _ dimensions: [String: String], make: ([(String, String)]) -> Metric) -> Metric {
        let key = Key(label: label, dimensions: dimensions)
        if let known = metrics.withLock({ $0[key] }) { return known }
        let made = make(dimensions.sorted { $0.key < $1.key })
        return metrics.withLock { metrics in
            if let raced = metrics[key] { return raced }
            metrics[key] = made
            return made
        }
    }
}
