package httpapi_test

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestBearerSchemeCase: the scheme of an Authorization header is
// case-insensitive; the token is not.
func TestBearerSchemeCase(t *testing.T) {
	body := `{"source": "Wire", "title": "Envoy back", "text": "Anatoly Antonov returned to Washington on Sunday after talks in Moscow."}`
	tests := []struct {
		auth   string
		status int
	}{
		{"bearer s3cret", 201},
		{"BEARER s3cret", 200}, // the same article again: stored already
		{"  Bearer   s3cret ", 200},
		{"bearer S3CRET", 401},
		{"bearers3cret", 401},
		{"Basic s3cret", 401},
		{"bearer", 401},
	}
	e := newEnv(t)
	for _, tt := range tests {
		r := e.do("POST", "/api/articles", strings.NewReader(body), "Authorization", tt.auth, "Content-Type", "application/json")
		if r.status != tt.status {
			t.Errorf("Authorization %q: status %d, want %d; body %s", tt.auth, r.status, tt.status, r.body)
		}
	}
}

// TestMalformedChunkedBody sends, over a real connection, a body whose
// chunked encoding is broken: the client's fault, a 400, not a 500.
func TestMalformedChunkedBody(t *testing.T) {
	e := newEnv(t)
	ts := httptest.NewServer(e.h)
	defer ts.Close()
	for _, chunks := range []string{
		"zz\r\n{\"text\": \"x\"}\r\n0\r\n\r\n",   // a chunk size that is no number
		"5\r\n{\"text\": \"x\"}\r\n0\r\n\r\n",    // a chunk longer than its size
		"ffffffffffffffffff\r\nabc\r\n0\r\n\r\n", // a size that overflows
	} {
		conn, err := net.Dial("tcp", strings.TrimPrefix(ts.URL, "http://"))
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(conn, "POST /api/articles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer s3cret\r\n"+
			"Content-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n%s", chunks)
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		conn.Close()
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(b), "request body could not be read") {
			t.Errorf("chunks %q: status %d, want 400; body %s", chunks, resp.StatusCode, b)
		}
	}
}
