package httpapi_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/httpapi"
)

// Whatever body and query a client sends to POST /api/articles, the answer
// is a JSON error with a 4xx status, or the ingest gets the body; a JSON
// body (application/json) reaches it as JSON Lines of one object each.
func FuzzPostArticles(f *testing.F) {
	f.Add(`{"title": "a", "text": "b"}`, "application/json", "")
	f.Add("{\"text\": \"a\"}\n{\"text\": \"b\"}\n", "application/x-ndjson", "")
	f.Add(`[{"text": "a"}, {"text": "b"}]`, "application/json", "")
	f.Add(`[1, {"text": "b"}]`, "application/json", "x=1")
	f.Add(`{"a": 1} {"b": 2}`, "", "")
	f.Add(`"just a string"`, "application/json; charset=utf-8", "")
	f.Add("\x00\xff", "text/plain", "%zz")
	f.Fuzz(func(t *testing.T, body, contentType, query string) {
		var got []byte
		ingest := func(_ context.Context, _ storyline.Store, r io.Reader, _ string) (*httpapi.IngestSummary, error) {
			got, _ = io.ReadAll(r)
			return &httpapi.IngestSummary{}, nil
		}
		srv := &httpapi.Server{Token: "t", Ingest: ingest, MaxBody: 1 << 16, Log: slog.New(slog.DiscardHandler)}
		r := httptest.NewRequest("POST", "/api/articles", strings.NewReader(body))
		r.URL.RawQuery = query
		r.Header.Set("Authorization", "Bearer t")
		r.Header.Set("Content-Type", contentType)
		w := httptest.NewRecorder()
		srv.Handler().ServeHTTP(w, r)
		if w.Code >= 500 {
			t.Fatalf("status %d: %s", w.Code, w.Body)
		}
		if w.Code >= 400 {
			var e httpapi.ErrorBody
			if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil || e.Error.Code == "" {
				t.Fatalf("status %d with a body that is no JSON error: %s", w.Code, w.Body)
			}
			return
		}
		if !strings.HasPrefix(strings.ToLower(strings.TrimSpace(contentType)), "application/json") {
			return // JSON Lines go to the ingest as they came; its reader judges each line
		}
		sc := bufio.NewScanner(bytes.NewReader(got))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var obj map[string]any
			if json.Valid(sc.Bytes()) && json.Unmarshal(sc.Bytes(), &obj) != nil {
				t.Fatalf("line %q is JSON but not an object", sc.Bytes())
			}
		}
	})
}
