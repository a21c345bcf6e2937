package httpapi

import (
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// latencyBuckets are the upper bounds, in seconds, of the request latency
// histogram.
var latencyBuckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// Metrics counts requests, latencies and ingests, and writes them in the
// Prometheus text exposition format (version 0.0.4). The zero value is
// ready to use and safe for concurrent use.
type Metrics struct {
	mu        sync.Mutex
	requests  map[requestKey]uint64
	latencies map[string]*histogram // by route
	ingested  map[string]uint64     // by result: new, stored, rejected
	inFlight  int64
	started   time.Time
	funcs     []funcMetric
}

// funcMetric is a metric read from a function when the metrics are written.
type funcMetric struct {
	name, help, typ string
	f               func() float64
}

// Func adds a metric whose value f returns when the metrics are written:
// typ is "counter" or "gauge". name must be a valid Prometheus name.
func (m *Metrics) Func(name, help, typ string, f func() float64) {
	m.mu.Lock()
	m.funcs = append(m.funcs, funcMetric{name, help, typ, f})
	m.mu.Unlock()
}

type requestKey struct {
	method, route string
	code          int
}

type histogram struct {
	counts []uint64 // per bucket, not cumulative
	sum    float64
	count  uint64
}

// NewMetrics returns empty metrics that count uptime from now.
func NewMetrics() *Metrics { return &Metrics{started: time.Now()} }

// ObserveRequest counts one finished request on a route (the ServeMux
// pattern, or "unmatched") and its latency.
func (m *Metrics) ObserveRequest(method, route string, code int, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.requests == nil {
		m.requests = map[requestKey]uint64{}
		m.latencies = map[string]*histogram{}
	}
	m.requests[requestKey{method, route, code}]++
	h := m.latencies[route]
	if h == nil {
		h = &histogram{counts: make([]uint64, len(latencyBuckets)+1)}
		m.latencies[route] = h
	}
	s := d.Seconds()
	i, _ := slices.BinarySearch(latencyBuckets, s)
	h.counts[i]++
	h.sum += s
	h.count++
}

// ObserveIngest counts ingested articles by result: "new", "stored"
// (already stored) or "rejected".
func (m *Metrics) ObserveIngest(result string, n int) {
	if n == 0 {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.ingested == nil {
		m.ingested = map[string]uint64{}
	}
	m.ingested[result] += uint64(n)
}

func (m *Metrics) addInFlight(d int64) {
	m.mu.Lock()
	m.inFlight += d
	m.mu.Unlock()
}

// WriteTo writes the metrics in the Prometheus text format.
func (m *Metrics) WriteTo(w io.Writer) (int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var b strings.Builder

	b.WriteString("# HELP storyline_http_requests_total HTTP requests served, by method, route and status.\n")
	b.WriteString("# TYPE storyline_http_requests_total counter\n")
	keys := make([]requestKey, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b requestKey) int {
		if c := strings.Compare(a.route, b.route); c != 0 {
			return c
		}
		if c := strings.Compare(a.method, b.method); c != 0 {
			return c
		}
		return a.code - b.code
	})
	for _, k := range keys {
		fmt.Fprintf(&b, "storyline_http_requests_total{method=%s,route=%s,code=\"%d\"} %d\n",
			quoteLabel(k.method), quoteLabel(k.route), k.code, m.requests[k])
	}

	b.WriteString("# HELP storyline_http_request_duration_seconds Time to serve a request, by route.\n")
	b.WriteString("# TYPE storyline_http_request_duration_seconds histogram\n")
	routes := make([]string, 0, len(m.latencies))
	for r := range m.latencies {
		routes = append(routes, r)
	}
	slices.Sort(routes)
	for _, r := range routes {
		h := m.latencies[r]
		var cum uint64
		for i, le := range latencyBuckets {
			cum += h.counts[i]
			fmt.Fprintf(&b, "storyline_http_request_duration_seconds_bucket{route=%s,le=\"%s\"} %d\n",
				quoteLabel(r), strconv.FormatFloat(le, 'g', -1, 64), cum)
		}
		cum += h.counts[len(latencyBuckets)]
		fmt.Fprintf(&b, "storyline_http_request_duration_seconds_bucket{route=%s,le=\"+Inf\"} %d\n", quoteLabel(r), cum)
		fmt.Fprintf(&b, "storyline_http_request_duration_seconds_sum{route=%s} %s\n", quoteLabel(r), strconv.FormatFloat(h.sum, 'g', -1, 64))
		fmt.Fprintf(&b, "storyline_http_request_duration_seconds_count{route=%s} %d\n", quoteLabel(r), h.count)
	}

	b.WriteString("# HELP storyline_http_requests_in_flight Requests being served now.\n")
	b.WriteString("# TYPE storyline_http_requests_in_flight gauge\n")
	fmt.Fprintf(&b, "storyline_http_requests_in_flight %d\n", m.inFlight)

	b.WriteString("# HELP storyline_ingest_articles_total Articles received through POST /api/articles, by result.\n")
	b.WriteString("# TYPE storyline_ingest_articles_total counter\n")
	for _, res := range []string{"new", "stored", "rejected"} {
		fmt.Fprintf(&b, "storyline_ingest_articles_total{result=%q} %d\n", res, m.ingested[res])
	}

	for _, fm := range m.funcs {
		fmt.Fprintf(&b, "# HELP %s %s\n# TYPE %s %s\n%s %s\n", fm.name, fm.help, fm.name, fm.typ,
			fm.name, strconv.FormatFloat(fm.f(), 'g', -1, 64))
	}

	if !m.started.IsZero() {
		b.WriteString("# HELP storyline_uptime_seconds Seconds since the server started.\n")
		b.WriteString("# TYPE storyline_uptime_seconds gauge\n")
		fmt.Fprintf(&b, "storyline_uptime_seconds %s\n", strconv.FormatFloat(time.Since(m.started).Seconds(), 'f', 3, 64))
	}
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// ServeHTTP serves the metrics in the Prometheus text format.
func (m *Metrics) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	m.WriteTo(w)
}

// quoteLabel quotes a label value as the exposition format wants:
// backslash, double quote and newline escaped.
func quoteLabel(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}
