package stream

import (
	"net/http"
	"strconv"
	"sync/atomic"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/newsdesk/extractor/pkg/events"
)

// metrics are the Prometheus metrics of one Service, in its own registry.
type metrics struct {
	reg            *prometheus.Registry
	consumed       prometheus.Counter
	extracted      prometheus.Counter
	events         *prometheus.CounterVec
	documents      prometheus.Counter
	deadLetters    *prometheus.CounterVec
	latency        prometheus.Histogram
	lag            *prometheus.GaugeVec
	commits        prometheus.Counter
	commitFailures prometheus.Counter
	produceErrors  prometheus.Counter
	groupErrors    prometheus.Counter
	rebalances     prometheus.Counter
	partitions     prometheus.Gauge
	inFlight       prometheus.Gauge
}

func newMetrics() *metrics {
	const ns = "extractor"
	m := &metrics{
		reg: prometheus.NewRegistry(),
		consumed: prometheus.NewCounter(prometheus.CounterOpts{Namespace: ns, Name: "articles_consumed_total",
			Help: "Input messages fetched (redeliveries count again)."}),
		extracted: prometheus.NewCounter(prometheus.CounterOpts{Namespace: ns, Name: "articles_extracted_total",
			Help: "Articles extracted and produced."}),
		events: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: ns, Name: "events_produced_total",
			Help: "Events produced, by event type."}, []string{"type"}),
		documents: prometheus.NewCounter(prometheus.CounterOpts{Namespace: ns, Name: "documents_produced_total",
			Help: "Article documents produced to the documents topic."}),
		deadLetters: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: ns, Name: "dead_letters_total",
			Help: "Messages sent to the dead-letter topic, by reason."}, []string{"reason"}),
		latency: prometheus.NewHistogram(prometheus.HistogramOpts{Namespace: ns, Name: "extraction_seconds",
			Help:    "Extraction time per article.",
			Buckets: []float64{.002, .005, .01, .02, .05, .1, .2, .5, 1, 2, 5}}),
		lag: prometheus.NewGaugeVec(prometheus.GaugeOpts{Namespace: ns, Name: "consumer_lag",
			Help: "Messages behind the partition end at the last fetch, by assigned partition."}, []string{"topic", "partition"}),
		commits: prometheus.NewCounter(prometheus.CounterOpts{Namespace: ns, Name: "commits_total",
			Help: "Offset commits accepted."}),
		commitFailures: prometheus.NewCounter(prometheus.CounterOpts{Namespace: ns, Name: "commit_failures_total",
			Help: "Offset commits that failed (retried at the next interval)."}),
		produceErrors: prometheus.NewCounter(prometheus.CounterOpts{Namespace: ns, Name: "produce_errors_total",
			Help: "Failed produce attempts (retried)."}),
		groupErrors: prometheus.NewCounter(prometheus.CounterOpts{Namespace: ns, Name: "group_errors_total",
			Help: "Failed attempts to join the consumer group (retried)."}),
		rebalances: prometheus.NewCounter(prometheus.CounterOpts{Namespace: ns, Name: "rebalances_total",
			Help: "Group generations joined."}),
		partitions: prometheus.NewGauge(prometheus.GaugeOpts{Namespace: ns, Name: "assigned_partitions",
			Help: "Input partitions assigned to this instance."}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{Namespace: ns, Name: "articles_in_flight",
			Help: "Messages fetched and not yet done."}),
	}
	m.reg.MustRegister(m.consumed, m.extracted, m.events, m.documents, m.deadLetters, m.latency, m.lag,
		m.commits, m.commitFailures, m.produceErrors, m.groupErrors, m.rebalances, m.partitions, m.inFlight,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	// Every label value exists from the start, so rates work from zero.
	for _, t := range []string{events.TypeActor, events.TypeLocation, events.TypeCasualty, events.TypeQuote} {
		m.events.WithLabelValues(t)
	}
	for _, r := range Reasons {
		m.deadLetters.WithLabelValues(r)
	}
	return m
}

func (m *metrics) setLag(topic string, partition int, lag int64) {
	m.lag.WithLabelValues(topic, strconv.Itoa(partition)).Set(float64(lag))
}

func (m *metrics) dropLag(topic string, partition int) {
	m.lag.DeleteLabelValues(topic, strconv.Itoa(partition))
}

// health is the state behind /healthz and /readyz.
type health struct {
	inGroup   atomic.Bool  // a generation is running
	assigned  atomic.Int32 // partitions of the running generation
	producing atomic.Bool  // the last produce succeeded (or none failed yet)
	stopping  atomic.Bool
}

// handler serves /metrics, /healthz (the process serves) and /readyz (in
// the group, producing, not stopping).
func (s *Service) handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(s.metrics.reg, promhttp.HandlerOpts{Registry: s.metrics.reg}))
	// Liveness stays 200 while stopping: the stop is bounded and must not
	// be cut short by a restart.
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, _ *http.Request) {
		switch {
		case s.health.stopping.Load():
			http.Error(w, "stopping", http.StatusServiceUnavailable)
		case !s.health.inGroup.Load():
			http.Error(w, "not in the consumer group", http.StatusServiceUnavailable)
		case !s.health.producing.Load():
			http.Error(w, "producing fails", http.StatusServiceUnavailable)
		default:
			_, _ = w.Write([]byte("ready\n"))
		}
	})
	return mux
}
