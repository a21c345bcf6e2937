package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/httpapi"
	"github.com/storyline/storyline/internal/servetest"
)

// env is a server over a real SQLite store holding the servetest fixture.
type env struct {
	t   *testing.T
	srv *httpapi.Server
	h   http.Handler
	fx  *servetest.Fixture
	st  storyline.Store
}

func newEnv(t *testing.T, configure ...func(*httpapi.Server)) *env {
	t.Helper()
	ctx := context.Background()
	st := servetest.OpenStore(t)
	fx, err := servetest.Load(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	srv := &httpapi.Server{
		Store:    st,
		Token:    "s3cret",
		Timeline: servetest.Timeline,
		Ingest:   servetest.Ingest,
		Log:      servetest.Logger(t),
		MaxBody:  4096,
	}
	for _, c := range configure {
		c(srv)
	}
	return &env{t: t, srv: srv, h: srv.Handler(), fx: fx, st: st}
}

type response struct {
	status int
	header http.Header
	body   []byte
}

func (e *env) do(method, target string, body io.Reader, header ...string) response {
	e.t.Helper()
	r := httptest.NewRequest(method, target, body)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	e.h.ServeHTTP(w, r)
	return response{w.Code, w.Header(), w.Body.Bytes()}
}

func (e *env) get(target string) response { e.t.Helper(); return e.do("GET", target, nil) }

// decode reads a JSON body into v, failing the test on a bad body.
func (r response) decode(t *testing.T, v any) {
	t.Helper()
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("Content-Type %q, want application/json; body %s", ct, r.body)
	}
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("decode %s: %v", r.body, err)
	}
}

// errorCode checks the response is a JSON error and returns its code.
func (r response) errorCode(t *testing.T) string {
	t.Helper()
	var b httpapi.ErrorBody
	r.decode(t, &b)
	if b.Error.Code == "" || b.Error.Message == "" {
		t.Fatalf("error body without code or message: %s", r.body)
	}
	return b.Error.Code
}

func TestErrorTable(t *testing.T) {
	tests := []struct {
		err  error
		want int
	}{
		{storyline.Errorf(storyline.EINVALID, "x"), 400},
		{storyline.Errorf(storyline.EUNAUTHORIZED, "x"), 401},
		{storyline.Errorf(storyline.EFORBIDDEN, "x"), 403},
		{storyline.Errorf(storyline.ENOTFOUND, "x"), 404},
		{storyline.Errorf(storyline.ECONFLICT, "x"), 409},
		{storyline.Errorf(storyline.ETOOLARGE, "x"), 413},
		{storyline.Errorf(storyline.EINTERNAL, "x"), 500},
		{storyline.Errorf("no-such-code", "x"), 500},
		{io.ErrUnexpectedEOF, 500},
	}
	for _, tt := range tests {
		t.Run(storyline.ErrorCode(tt.err), func(t *testing.T) {
			if got := httpapi.StatusOf(tt.err); got != tt.want {
				t.Errorf("StatusOf(%v) = %d, want %d", tt.err, got, tt.want)
			}
		})
	}
}

// badRequests are requests every endpoint must refuse, with the status
// and error code they must get.
func TestBadRequests(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		name, target string
		status       int
		code         string
	}{
		{"articles limit zero", "/api/articles?limit=0", 400, "invalid"},
		{"articles limit word", "/api/articles?limit=ten", 400, "invalid"},
		{"articles limit too big", "/api/articles?limit=100000", 400, "invalid"},
		{"articles negative offset", "/api/articles?offset=-1", 400, "invalid"},
		{"articles bad date", "/api/articles?from=2021-13-01", 400, "invalid"},
		{"articles impossible day", "/api/articles?to=2021-02-30", 400, "invalid"},
		{"articles from after to", "/api/articles?from=2022&to=2021", 400, "invalid"},
		{"articles unknown parameter", "/api/articles?sorce=x", 400, "invalid"},
		{"articles repeated parameter", "/api/articles?source=a&source=b", 400, "invalid"},
		{"articles bad escape", "/api/articles?source=%zz", 400, "invalid"},
		{"article unknown id", "/api/articles/0000000000000000", 404, "not_found"},
		{"article parameter", "/api/articles/" + e.fx.Recall.ID + "?x=1", 400, "invalid"},
		{"stories parameter", "/api/stories?page=2", 400, "invalid"},
		{"story unknown id", "/api/stories/no-such-story", 404, "not_found"},
		{"event unknown id", "/api/events/no-such-event", 404, "not_found"},
		{"event parameter", "/api/events/" + e.fx.TalksEvent + "?full=1", 400, "invalid"},
		{"timeline no selector", "/api/timeline", 400, "invalid"},
		{"timeline two selectors", "/api/timeline?entity=Antonov&story=x", 400, "invalid"},
		{"timeline bad limit", "/api/timeline?entity=Antonov&limit=-3", 400, "invalid"},
		{"timeline bad granularity", "/api/timeline?entity=Antonov&granularity=week", 400, "invalid"},
		{"timeline bad all", "/api/timeline?entity=Antonov&all=maybe", 400, "invalid"},
		{"timeline bad date", "/api/timeline?entity=Antonov&from=March", 400, "invalid"},
		{"timeline unknown story", "/api/timeline?story=no-such-story", 404, "not_found"},
		{"timeline unknown entity", "/api/timeline?entity=Nobody+Atall", 404, "not_found"},
		{"entities bad kind", "/api/entities?kind=animal", 400, "invalid"},
		{"entities bad limit", "/api/entities?limit=0", 400, "invalid"},
		{"entity unknown", "/api/entities/Nobody%20Atall", 404, "not_found"},
		{"entity bad quotes", "/api/entities/Anatoly%20Antonov?quotes=x", 400, "invalid"},
		{"quotes bad limit", "/api/quotes?limit=-1", 400, "invalid"},
		{"quotes unknown parameter", "/api/quotes?who=x", 400, "invalid"},
		{"search no query", "/api/search", 400, "invalid"},
		{"search blank query", "/api/search?q=+++", 400, "invalid"},
		{"search bad limit", "/api/search?q=moscow&limit=0", 400, "invalid"},
		{"unknown endpoint", "/api/nothing-here", 404, "not_found"},
		{"unknown nested endpoint", "/api/articles/x/y", 404, "not_found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.get(tt.target)
			if r.status != tt.status {
				t.Fatalf("GET %s: status %d, want %d; body %s", tt.target, r.status, tt.status, r.body)
			}
			if got := r.errorCode(t); got != tt.code {
				t.Errorf("GET %s: code %q, want %q", tt.target, got, tt.code)
			}
		})
	}
}

func TestMethodNotAllowed(t *testing.T) {
	e := newEnv(t)
	for _, target := range []string{"/api/articles", "/api/stories", "/api/timeline?story=x"} {
		r := e.do("DELETE", target, nil)
		if r.status != http.StatusMethodNotAllowed {
			t.Fatalf("DELETE %s: status %d, want 405", target, r.status)
		}
		if got := r.errorCode(t); got != "method_not_allowed" {
			t.Errorf("DELETE %s: code %q", target, got)
		}
		if r.header.Get("Allow") == "" {
			t.Errorf("DELETE %s: no Allow header", target)
		}
	}
}

func TestListArticles(t *testing.T) {
	e := newEnv(t)
	f := e.fx
	tests := []struct {
		query string
		want  []string // IDs in order
		total int
	}{
		{"", []string{f.Recall.ID, f.Envoy.ID, f.Hostile.ID, f.Talks.ID, f.Shifts.ID}, 5},
		{"?source=Wire+Two", []string{f.Shifts.ID}, 1},
		{"?from=2021-03-18&to=2021-03-22", []string{f.Hostile.ID, f.Talks.ID}, 2},
		{"?from=2021-11", []string{f.Shifts.ID}, 1},
		{"?language=fr", []string{}, 0},
		{"?limit=2&offset=1", []string{f.Envoy.ID, f.Hostile.ID}, 5},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			r := e.get("/api/articles" + tt.query)
			if r.status != 200 {
				t.Fatalf("status %d: %s", r.status, r.body)
			}
			var got httpapi.ArticleList
			r.decode(t, &got)
			ids := []string{}
			for _, a := range got.Articles {
				ids = append(ids, a.ID)
			}
			// Two articles share 2021-03-17; the store orders them by ID.
			sortSameDay(ids, f)
			want := slices.Clone(tt.want)
			sortSameDay(want, f)
			if !slices.Equal(ids, want) {
				t.Errorf("ids %v, want %v", ids, want)
			}
			if got.Total != tt.total {
				t.Errorf("total %d, want %d", got.Total, tt.total)
			}
		})
	}
}

// sortSameDay puts the two articles of 2021-03-17 in ID order, as the
// store lists them.
func sortSameDay(ids []string, f *servetest.Fixture) {
	i := slices.Index(ids, f.Recall.ID)
	j := slices.Index(ids, f.Envoy.ID)
	if i >= 0 && j >= 0 && (i < j) != (f.Recall.ID < f.Envoy.ID) {
		ids[i], ids[j] = ids[j], ids[i]
	}
}

func TestGetArticle(t *testing.T) {
	e := newEnv(t)
	r := e.get("/api/articles/" + e.fx.Recall.ID)
	if r.status != 200 {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	var got struct {
		ID         string                `json:"id"`
		Title      string                `json:"title"`
		Published  string                `json:"published"`
		Text       string                `json:"text"`
		Analysed   bool                  `json:"analysed"`
		Event      string                `json:"event"`
		Timexes    []storyline.Timex     `json:"timexes"`
		Mentions   []storyline.Mention   `json:"mentions"`
		Quotes     []storyline.Quote     `json:"quotes"`
		Statements []storyline.Statement `json:"statements"`
	}
	r.decode(t, &got)
	if got.ID != e.fx.Recall.ID || got.Title != e.fx.Recall.Title || got.Published != "2021-03-17" {
		t.Errorf("got id %q title %q published %q", got.ID, got.Title, got.Published)
	}
	if !got.Analysed || got.Event != e.fx.RecallEvent {
		t.Errorf("analysed %v event %q, want true %q", got.Analysed, got.Event, e.fx.RecallEvent)
	}
	if len(got.Timexes) != 1 || got.Timexes[0].Value != "2021-03-17" {
		t.Errorf("timexes %+v", got.Timexes)
	}
	for _, m := range got.Mentions {
		if got.Text[m.Start:m.End] != m.Text {
			t.Errorf("mention %q spans %q", m.Text, got.Text[m.Start:m.End])
		}
	}
	if len(got.Mentions) != 4 || len(got.Quotes) != 1 || len(got.Statements) != 1 {
		t.Errorf("%d mentions, %d quotes, %d statements; want 4, 1, 1", len(got.Mentions), len(got.Quotes), len(got.Statements))
	}
}

func TestStoriesAndEvents(t *testing.T) {
	e := newEnv(t)
	r := e.get("/api/stories")
	if r.status != 200 {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	var list struct {
		Stories []httpapi.StorySummary `json:"stories"`
	}
	r.decode(t, &list)
	if len(list.Stories) != 1 {
		t.Fatalf("%d stories, want 1", len(list.Stories))
	}
	s := list.Stories[0]
	if s.ID != e.fx.StoryID || s.Events != 3 || s.Articles != 5 || s.Outlets != 5 {
		t.Errorf("story %s: %d events, %d articles, %d outlets; want %s, 3, 5, 5", s.ID, s.Events, s.Articles, s.Outlets, e.fx.StoryID)
	}
	if s.Latest == nil || s.Latest.ID != e.fx.ShiftsEvent {
		t.Errorf("latest event %+v, want %s", s.Latest, e.fx.ShiftsEvent)
	}

	r = e.get("/api/stories/" + e.fx.StoryID)
	var story storyline.Story
	r.decode(t, &story)
	if r.status != 200 || len(story.Events) != 3 || story.Title != "Russia's ambassador in Washington" {
		t.Errorf("story: status %d, %d events, title %q", r.status, len(story.Events), story.Title)
	}

	r = e.get("/api/events/" + e.fx.RecallEvent)
	var ev storyline.Event
	r.decode(t, &ev)
	if r.status != 200 || len(ev.Members) != 3 || ev.Date != storyline.Day(2021, 3, 17) {
		t.Errorf("event: status %d, %d members, date %v", r.status, len(ev.Members), ev.Date)
	}
}

func TestTimeline(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		query     string
		wantDates []string
	}{
		{"story=" + e.fx.StoryID, []string{"2021-03-17", "2021-03-18", "2021-03-22", "2021-11-02"}},
		{"entity=Anatoly+Antonov", []string{"2021-03-17", "2021-03-18", "2021-03-22", "2021-11-02"}},
		{"entity=Anatoly+Antonov&from=2021-03-18&to=2021-03", []string{"2021-03-18", "2021-03-22"}},
		{"q=consultations", []string{"2021-03-17", "2021-03-22"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			r := e.get("/api/timeline?" + tt.query)
			if r.status != 200 {
				t.Fatalf("status %d: %s", r.status, r.body)
			}
			var tl storyline.Timeline
			r.decode(t, &tl)
			var dates []string
			for _, en := range tl.Entries {
				if len(en.Sources) == 0 {
					t.Errorf("entry %s %q cites nothing", en.Date, en.Text)
				}
				dates = append(dates, en.Date.String())
			}
			if !slices.Equal(dates, tt.wantDates) {
				t.Errorf("dates %v, want %v", dates, tt.wantDates)
			}
		})
	}
	// The recall is one entry citing both articles that report it.
	r := e.get("/api/timeline?story=" + url.QueryEscape(e.fx.StoryID))
	var tl storyline.Timeline
	r.decode(t, &tl)
	if len(tl.Entries) == 0 || len(tl.Entries[0].Sources) != 2 {
		t.Fatalf("first entry %+v, want the recall citing two articles", tl.Entries)
	}
	// A limit cuts to the most important and says how many there are;
	// all=true keeps every one.
	for _, tt := range []struct {
		query          string
		entries, total int
	}{
		{"&limit=2", 2, 4},
		{"&all=true", 4, 4},
		{"&all=false&limit=3", 3, 4},
	} {
		r := e.get("/api/timeline?story=" + url.QueryEscape(e.fx.StoryID) + tt.query)
		var tl storyline.Timeline
		r.decode(t, &tl)
		if len(tl.Entries) != tt.entries || tl.Total != tt.total {
			t.Errorf("%s: %d entries of %d, want %d of %d", tt.query, len(tl.Entries), tl.Total, tt.entries, tt.total)
		}
	}
	if r := e.get("/api/timeline?story=" + url.QueryEscape(e.fx.StoryID) + "&all=yes"); r.status != 400 {
		t.Errorf("all=yes: status %d, want 400", r.status)
	}
}

func TestTimelineUnavailable(t *testing.T) {
	e := newEnv(t, func(s *httpapi.Server) { s.Timeline = nil })
	r := e.get("/api/timeline?story=x")
	if r.status != http.StatusNotImplemented || r.errorCode(t) != httpapi.EUNAVAILABLE {
		t.Errorf("status %d body %s, want 501 unavailable", r.status, r.body)
	}
}

func TestEntitiesAndQuotes(t *testing.T) {
	e := newEnv(t)
	r := e.get("/api/entities?kind=person")
	var list struct {
		Entities []storyline.Entity `json:"entities"`
	}
	r.decode(t, &list)
	var names []string
	for _, en := range list.Entities {
		if en.Kind != storyline.Person {
			t.Errorf("kind=person listed %s (%s)", en.Name, en.Kind)
		}
		names = append(names, en.Name)
	}
	if !slices.Contains(names, "Anatoly Antonov") || !slices.Contains(names, "Maria Zakharova") {
		t.Errorf("people %v, want Anatoly Antonov and Maria Zakharova", names)
	}

	r = e.get("/api/entities/" + url.PathEscape("anatoly antonov"))
	var d struct {
		Name       string   `json:"name"`
		ArticleIDs []string `json:"article_ids"`
	}
	r.decode(t, &d)
	if r.status != 200 || d.Name != "Anatoly Antonov" || len(d.ArticleIDs) != 5 {
		t.Errorf("entity: status %d name %q %d articles; want 200, Anatoly Antonov, 5", r.status, d.Name, len(d.ArticleIDs))
	}

	r = e.get("/api/quotes?speaker=" + url.QueryEscape("Maria Zakharova"))
	var qs struct {
		Quotes []storyline.Quote `json:"quotes"`
	}
	r.decode(t, &qs)
	if len(qs.Quotes) != 1 || qs.Quotes[0].Text != "We want to stop an irreversible decline" {
		t.Errorf("quotes %+v", qs.Quotes)
	}
	r = e.get("/api/quotes?speaker=Nobody")
	qs.Quotes = nil
	r.decode(t, &qs)
	if r.status != 200 || qs.Quotes == nil || len(qs.Quotes) != 0 {
		t.Errorf("quotes of nobody: status %d body %s, want 200 and []", r.status, r.body)
	}
}

func TestSearch(t *testing.T) {
	e := newEnv(t)
	r := e.get("/api/search?q=consultations")
	var got struct {
		Hits []storyline.SearchHit `json:"hits"`
	}
	r.decode(t, &got)
	var ids []string
	for _, h := range got.Hits {
		ids = append(ids, h.Article.ID)
	}
	for _, want := range []string{e.fx.Recall.ID, e.fx.Envoy.ID, e.fx.Talks.ID} {
		if !slices.Contains(ids, want) {
			t.Errorf("search consultations: hits %v lack %s", ids, want)
		}
	}
	if slices.Contains(ids, e.fx.Shifts.ID) {
		t.Errorf("search consultations found the article without the word")
	}
}

func TestIngest(t *testing.T) {
	one := `{"url": "https://example.org/2024/03/11/contact", "source": "Example Wire", "title": "Envoy keeps in touch",
	  "published": "2024-03-11",
	  "text": "Anatoly Antonov said on Monday that the embassy kept close contact with the State Department before the election."}`
	lines := `{"url":"https://a.example/1","source":"A","title":"First","text":"The first article of a batch says Moscow and Washington talked."}
{"url":"https://a.example/2","source":"B","title":"Second","text":"The second article of a batch says the talks went on."}
`
	big := `{"title":"x","text":"` + strings.Repeat("y", 5000) + `"}`
	tests := []struct {
		name        string
		token       string // configured on the server
		auth        string // Authorization header
		contentType string
		body        string
		status      int
		code        string
		wantNew     int
	}{
		{"writes refused without a configured token", "", "Bearer s3cret", "application/json", one, 403, "forbidden", 0},
		{"missing token", "s3cret", "", "application/json", one, 401, "unauthorized", 0},
		{"wrong token", "s3cret", "Bearer guess", "application/json", one, 401, "unauthorized", 0},
		{"token not bearer", "s3cret", "Basic s3cret", "application/json", one, 401, "unauthorized", 0},
		{"oversize body", "s3cret", "Bearer s3cret", "application/json", big, 413, "too_large", 0},
		{"empty body", "s3cret", "Bearer s3cret", "application/json", "  \n", 400, "invalid", 0},
		{"not JSON", "s3cret", "Bearer s3cret", "application/json", "title: x", 400, "invalid", 0},
		{"JSON not an object", "s3cret", "Bearer s3cret", "application/json", `"text"`, 400, "invalid", 0},
		{"two values as application/json", "s3cret", "Bearer s3cret", "application/json", lines, 400, "invalid", 0},
		{"unsupported type", "s3cret", "Bearer s3cret", "text/html", "<p>x</p>", 415, "unsupported_media_type", 0},
		{"one article", "s3cret", "Bearer s3cret", "application/json", one, 201, "", 1},
		{"JSON lines", "s3cret", "Bearer s3cret", "application/x-ndjson", lines, 201, "", 2},
		{"JSON lines without a type", "s3cret", "Bearer s3cret", "", lines, 201, "", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, func(s *httpapi.Server) { s.Token = tt.token })
			var h []string
			if tt.auth != "" {
				h = append(h, "Authorization", tt.auth)
			}
			if tt.contentType != "" {
				h = append(h, "Content-Type", tt.contentType)
			}
			r := e.do("POST", "/api/articles", strings.NewReader(tt.body), h...)
			if r.status != tt.status {
				t.Fatalf("status %d, want %d; body %s", r.status, tt.status, r.body)
			}
			if tt.code != "" {
				if got := r.errorCode(t); got != tt.code {
					t.Errorf("code %q, want %q", got, tt.code)
				}
				if tt.status == 401 && r.header.Get("WWW-Authenticate") == "" {
					t.Error("401 without WWW-Authenticate")
				}
				n, _ := e.st.CountArticles(context.Background(), storyline.ArticleFilter{})
				if n != 5 {
					t.Errorf("a refused request changed the store: %d articles, want 5", n)
				}
				return
			}
			var sum httpapi.IngestSummary
			r.decode(t, &sum)
			if sum.New != tt.wantNew || len(sum.IDs) != tt.wantNew {
				t.Fatalf("summary %+v, want %d new", sum, tt.wantNew)
			}
			for _, id := range sum.IDs {
				if got := e.get("/api/articles/" + id); got.status != 200 {
					t.Errorf("ingested article %s: GET status %d", id, got.status)
				}
			}
			// The same body again adds nothing.
			r = e.do("POST", "/api/articles", strings.NewReader(tt.body), h...)
			var again httpapi.IngestSummary
			r.decode(t, &again)
			if r.status != 200 || again.New != 0 || again.Stored != tt.wantNew {
				t.Errorf("second ingest: status %d summary %+v, want 200 and %d already stored", r.status, again, tt.wantNew)
			}
			m := e.get("/metrics")
			if !bytes.Contains(m.body, []byte(`storyline_ingest_articles_total{result="new"} `)) {
				t.Errorf("metrics lack the ingest counter:\n%s", m.body)
			}
		})
	}
}

func TestHealthAndMetrics(t *testing.T) {
	m := httpapi.NewMetrics()
	m.Func("storyline_test_answer", "A value read when the metrics are written.", "gauge", func() float64 { return 42 })
	e := newEnv(t, func(s *httpapi.Server) { s.Metrics = m })
	r := e.get("/healthz")
	var h map[string]string
	r.decode(t, &h)
	if r.status != 200 || h["status"] != "ok" {
		t.Errorf("healthz: %d %s", r.status, r.body)
	}
	e.get("/api/stories")
	e.get("/api/stories/nope")
	r = e.get("/metrics")
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain; version=0.0.4") {
		t.Errorf("metrics Content-Type %q", ct)
	}
	for _, want := range []string{
		`storyline_http_requests_total{method="GET",route="GET /api/stories",code="200"} 1`,
		`storyline_http_requests_total{method="GET",route="GET /api/stories/{id}",code="404"} 1`,
		`storyline_http_request_duration_seconds_count{route="GET /api/stories"} 1`,
		`storyline_http_request_duration_seconds_bucket{route="GET /api/stories",le="+Inf"} 1`,
		`# TYPE storyline_http_request_duration_seconds histogram`,
		`storyline_http_requests_in_flight 1`, // this request
		"# TYPE storyline_test_answer gauge\nstoryline_test_answer 42\n",
	} {
		if !bytes.Contains(r.body, []byte(want)) {
			t.Errorf("metrics lack %q:\n%s", want, r.body)
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	e := newEnv(t)
	for _, target := range []string{"/api/stories", "/api/nope", "/healthz"} {
		r := e.get(target)
		if got := r.header.Get("Content-Security-Policy"); got != httpapi.ContentSecurityPolicy {
			t.Errorf("%s: CSP %q", target, got)
		}
		if r.header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff", target)
		}
	}
	if !strings.Contains(httpapi.ContentSecurityPolicy, "script-src 'self'") || strings.Contains(httpapi.ContentSecurityPolicy, "unsafe") {
		t.Errorf("CSP is not strict: %s", httpapi.ContentSecurityPolicy)
	}
}

// Every route in the table is documented in the OpenAPI file, and the
// file documents nothing that is not served.
func TestOpenAPICoversRoutes(t *testing.T) {
	e := newEnv(t)
	r := e.get("/api/openapi.json")
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	r.decode(t, &doc)
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi version %q", doc.OpenAPI)
	}
	routes := []string{
		"GET /api/articles", "POST /api/articles", "GET /api/articles/{id}", "GET /api/stories",
		"GET /api/stories/{id}", "GET /api/events/{id}", "GET /api/timeline", "GET /api/entities",
		"GET /api/entities/{name}", "GET /api/quotes", "GET /api/search", "GET /api/openapi.json",
		"GET /healthz", "GET /metrics",
	}
	var documented []string
	for p, ops := range doc.Paths {
		for m := range ops {
			documented = append(documented, strings.ToUpper(m)+" "+p)
		}
	}
	slices.Sort(routes)
	slices.Sort(documented)
	if !slices.Equal(routes, documented) {
		t.Errorf("documented %v\nserved %v", documented, routes)
	}
	// And each documented GET without path parameters answers.
	for _, rt := range routes {
		method, path, _ := strings.Cut(rt, " ")
		if method != "GET" || strings.Contains(path, "{") {
			continue
		}
		q := map[string]string{"/api/timeline": "?story=" + e.fx.StoryID, "/api/search": "?q=moscow"}[path]
		if got := e.get(path + q); got.status != 200 {
			t.Errorf("GET %s: status %d", path+q, got.status)
		}
	}
}

func TestPagesMounted(t *testing.T) {
	pages := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "page "+r.URL.Path) })
	e := newEnv(t, func(s *httpapi.Server) { s.Pages = pages })
	if r := e.get("/stories/x"); r.status != 200 || string(r.body) != "page /stories/x" {
		t.Errorf("pages not mounted: %d %s", r.status, r.body)
	}
	if r := e.get("/api/nope"); r.status != 404 {
		t.Errorf("/api/nope reached the pages: %d %s", r.status, r.body)
	}
}

// A broken line of a JSON Lines body is rejected with its line named; the
// rest is stored.
func TestIngestRejectsBadLine(t *testing.T) {
	e := newEnv(t)
	body := "{\"source\":\"A\",\"title\":\"Good\",\"text\":\"A good article says Moscow and Washington talked on Monday.\"}\n{\"title\": broken\n"
	r := e.do("POST", "/api/articles", strings.NewReader(body), "Authorization", "Bearer s3cret", "Content-Type", "application/x-ndjson")
	var sum httpapi.IngestSummary
	r.decode(t, &sum)
	if r.status != http.StatusCreated || sum.New != 1 || len(sum.Rejected) != 1 {
		t.Fatalf("status %d summary %+v, want 201, 1 new, 1 rejected", r.status, sum)
	}
	if rej := sum.Rejected[0]; !strings.Contains(rej.Item+" "+rej.Reason, "2") || rej.Origin != "POST /api/articles" {
		t.Errorf("rejection %+v does not name line 2 of the request", rej)
	}
}

// all=true asks for every happening; without it, and without a limit, the
// timeline is the concise view.
func TestParseTimelineQueryAll(t *testing.T) {
	for target, want := range map[string]bool{
		"/api/timeline?entity=Antonov":          false,
		"/api/timeline?entity=Antonov&all=true": true,
		"/api/timeline?entity=Antonov&all=1":    true,
		"/api/timeline?entity=Antonov&all=0":    false,
	} {
		q, err := httpapi.ParseTimelineQuery(httptest.NewRequest("GET", target, nil))
		if err != nil || q.All != want {
			t.Errorf("%s: All = %v (error %v), want %v", target, q.All, err, want)
		}
	}
}
