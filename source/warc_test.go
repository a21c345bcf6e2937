package source

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"fmt"
	"os"
	"strings"
	"testing"
)

// warcRec writes one WARC record.
func warcRec(version, typ string, headers map[string]string, block string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\r\nWARC-Type: %s\r\n", version, typ)
	for _, k := range []string{"WARC-Target-URI", "WARC-Date", "Content-Type"} {
		if v, ok := headers[k]; ok {
			fmt.Fprintf(&b, "%s: %s\r\n", k, v)
		}
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s\r\n\r\n", len(block), block)
	return b.String()
}

// httpResp writes an HTTP response with the headers given in order.
func httpResp(status string, body []byte, headers ...string) string {
	return "HTTP/1.1 " + status + "\r\n" + strings.Join(headers, "\r\n") + "\r\n\r\n" + string(body)
}

func gz(b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func chunk(b []byte, size int) []byte {
	var out bytes.Buffer
	for len(b) > 0 {
		n := min(size, len(b))
		fmt.Fprintf(&out, "%x\r\n%s\r\n", n, b[:n])
		b = b[n:]
	}
	out.WriteString("0\r\n\r\n")
	return out.Bytes()
}

const warcPage = `<html><head><title>Envoy returns</title></head><body><p>Anatoly Antonov returned to Washington on Thursday after three months of consultations in Moscow.</p><p>He said he expected difficult talks.</p></body></html>`

func TestWARCRecords(t *testing.T) {
	info := warcRec("WARC/1.1", "warcinfo", nil, "software: test\r\n")
	page := warcRec("WARC/1.0", "resource", map[string]string{"Content-Type": "text/html"}, warcPage)
	cases := []struct {
		name, data string
		want       []string // "N type" or "N error: reason start"
	}{
		{"two records", info + page, []string{"1 warcinfo", "2 resource"}},
		{"blank lines between", "\r\n" + info + "\r\n\r\n\n" + page, []string{"1 warcinfo", "2 resource"}},
		{"no trailing CRLF CRLF", strings.TrimSuffix(info, "\r\n\r\n") + page, []string{"1 warcinfo", "2 resource"}},
		{"LF line endings", strings.ReplaceAll(info, "\r\n", "\n"), []string{"1 warcinfo"}},
		{"continuation line", "WARC/1.0\r\nWARC-Type: resource\r\nX-Note: one\r\n two\r\nContent-Length: 2\r\n\r\nab", []string{"1 resource"}},
		{"cut in the block", info + page[:len(page)-40], []string{"1 warcinfo", "2 error: truncated: Content-Length is"}},
		{"cut in the header", info + page[:30], []string{"1 warcinfo", "2 error: truncated: the archive ends in the record's header"}},
		{"cut in the version line", info + "WARC/1", []string{"1 warcinfo", "2 error: truncated: the archive ends in the record's version line"}},
		{"junk between records", info + "garbage\r\n" + page, []string{"1 warcinfo", "2 error: no WARC version line at byte", "3 resource"}},
		{"junk to the end", info + "garbage", []string{"1 warcinfo", "2 error: no WARC version line"}},
		{"bad length", "WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: -5\r\n\r\nx\r\n\r\n" + page, []string{"1 error: no valid Content-Length", "2 resource"}},
		{"no length", "WARC/1.1\r\nWARC-Type: resource\r\n\r\nx\r\n\r\n" + page, []string{"1 error: no valid Content-Length", "2 resource"}},
		{"huge length", "WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: 99999999999999999999\r\n\r\nx", []string{"1 error: no valid Content-Length"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for rec, err := range WARCRecords([]byte(c.data)) {
				if err != nil {
					got = append(got, fmt.Sprintf("%d error: %v", rec.N, err))
					continue
				}
				got = append(got, fmt.Sprintf("%d %s", rec.N, rec.Type()))
				if !bytes.HasPrefix([]byte(c.data[rec.Offset:]), rec.Raw) || !bytes.HasSuffix(rec.Raw, rec.Block) {
					t.Errorf("record %d: raw bytes are not the record at offset %d", rec.N, rec.Offset)
				}
			}
			if len(got) != len(c.want) {
				t.Fatalf("records = %q, want %q", got, c.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], c.want[i]) {
					t.Errorf("record %d = %q, want it to begin %q", i+1, got[i], c.want[i])
				}
			}
		})
	}
}

func TestWARCResponses(t *testing.T) {
	page := []byte(warcPage)
	var zl, fl bytes.Buffer
	zw := zlib.NewWriter(&zl)
	zw.Write(page)
	zw.Close()
	fw, _ := flate.NewWriter(&fl, flate.DefaultCompression)
	fw.Write(page)
	fw.Close()
	bomb := gz(bytes.Repeat([]byte("<p>aaaaaaaa</p>"), (MaxItemBytes/15)+100))
	cases := []struct {
		name, http string
		want       string // "doc", "skip" (no page in the archive), or the start of the reason
	}{
		{"plain", httpResp("200 OK", page, "Content-Type: text/html; charset=utf-8"), "doc"},
		{"chunked", httpResp("200 OK", chunk(page, 50), "Content-Type: text/html", "Transfer-Encoding: chunked"), "doc"},
		{"gzip", httpResp("200 OK", gz(page), "Content-Type: text/html", "Content-Encoding: gzip"), "doc"},
		{"chunked gzip", httpResp("200 OK", chunk(gz(page), 64), "Content-Type: text/html", "Content-Encoding: gzip", "Transfer-Encoding: chunked"), "doc"},
		{"zlib deflate", httpResp("200 OK", zl.Bytes(), "Content-Type: text/html", "Content-Encoding: deflate"), "doc"},
		{"raw deflate", httpResp("200 OK", fl.Bytes(), "Content-Type: text/html", "Content-Encoding: deflate"), "doc"},
		{"stored decoded under its encoding headers", httpResp("200 OK", page, "Content-Type: text/html", "Content-Encoding: gzip", "Transfer-Encoding: chunked"), "doc"},
		{"chunked cut short", httpResp("200 OK", chunk(page, 50)[:150], "Content-Type: text/html", "Transfer-Encoding: chunked"), "doc"},
		{"xhtml", httpResp("200 OK", page, "Content-Type: application/xhtml+xml"), "doc"},
		{"image", httpResp("200 OK", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "Content-Type: image/png"), "skip"},
		{"script", httpResp("200 OK", []byte("var a = 1;"), "Content-Type: application/javascript"), "skip"},
		{"redirect", httpResp("301 Moved Permanently", page, "Location: https://a.example/", "Content-Type: text/html"), "skip"},
		{"not found", httpResp("404 Not Found", page, "Content-Type: text/html"), "skip"},
		{"binary served as HTML", httpResp("200 OK", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), "Content-Type: text/html"), "binary payload"},
		{"broken gzip", httpResp("200 OK", gz(page)[:20], "Content-Type: text/html", "Content-Encoding: gzip"), "broken gzip content encoding"},
		{"brotli", httpResp("200 OK", []byte("\x1b\x03\x00\xf8"), "Content-Type: text/html", "Content-Encoding: br"), `content encoding "br" is not supported`},
		{"gzip bomb", httpResp("200 OK", bomb, "Content-Type: text/html", "Content-Encoding: gzip"), "payload over the size limit"},
		{"no status line", "<html>" + warcPage, "no HTTP status line"},
		{"bad status", "HTTP/1.1 OK\r\n\r\n", "malformed HTTP status line"},
		{"header without end", "HTTP/1.1 200 OK\r\nContent-Type: text/html", "truncated HTTP response"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := warcRec("WARC/1.1", "response", map[string]string{
				"WARC-Target-URI": "https://a.example/2021/06/24/envoy",
				"WARC-Date":       "2021-06-25T08:00:00Z",
				"Content-Type":    "application/http; msgtype=response",
			}, c.http)
			var got string
			for d, err := range (warcReader{}).Read(Input{Origin: "a.warc", Data: []byte(rec)}) {
				switch {
				case err != nil && strings.Contains(err.Error(), "no HTML or plain-text pages among the archive's 1 record(s)"):
					got = "skip"
				case err != nil:
					got = strings.TrimPrefix(err.Error(), "a.warc: record 1: ")
				case d.Text == "" || d.URL != "https://a.example/2021/06/24/envoy" || d.Published.String() != "2021-06-25" || d.Item != "record 1" || d.Origin != "a.warc:1":
					t.Errorf("document %+v", d)
				default:
					got = "doc"
				}
			}
			if !strings.HasPrefix(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// TestReadBinaryWARC checks that an archive whose first record is an
// image passes Read's binary check (the WARC reader is a BinaryReader)
// while other binary input is still rejected.
func TestReadBinaryWARC(t *testing.T) {
	png := "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
	archive := warcRec("WARC/1.1", "response", map[string]string{"Content-Type": "application/http; msgtype=response"},
		httpResp("200 OK", []byte(png), "Content-Type: image/png")) +
		warcRec("WARC/1.1", "resource", map[string]string{"Content-Type": "text/html", "WARC-Target-URI": "https://a.example/p"}, warcPage)
	if Binary([]byte(archive)) == "" {
		t.Fatal("the test archive does not look binary; the test proves nothing")
	}
	cases := []struct {
		name, data, want string
	}{
		{"archive with an image", archive, "document a.warc:2"},
		{"image", png, "error: binary (image/png), not text"},
		{"NUL bytes named .warc", "Not\x00a\x00WARC", "error: binary (NUL bytes), not text"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for d, err := range Read(Input{Origin: "a.warc", Name: "a.warc", Data: []byte(c.data)}) {
				if err != nil {
					got = append(got, "error: "+strings.TrimPrefix(err.Error(), "a.warc: "))
					continue
				}
				got = append(got, "document "+d.Origin)
			}
			if len(got) != 1 || got[0] != c.want {
				t.Errorf("got %q, want [%q]", got, c.want)
			}
		})
	}
}

func FuzzWARC(f *testing.F) {
	for _, name := range []string{"pages.warc", "truncated.warc", "v10.warc"} {
		b, err := os.ReadFile("testdata/warc/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(warcRec("WARC/1.1", "response", map[string]string{"Content-Type": "application/http"},
		httpResp("200 OK", chunk(gz([]byte(warcPage)), 40), "Content-Type: text/html", "Content-Encoding: gzip", "Transfer-Encoding: chunked"))))
	f.Add([]byte("WARC/1.0\nWARC-Type: resource\nContent-Type: text/plain\nContent-Length: 10\n\nTitle\nBody"))
	f.Add([]byte("WARC/1.0\r\nWARC-Type: resource\r\nContent-Type: text/plain\r\nContent-Length: 90\r\n\r\nTitle\n\nBody\r\n\r\n" +
		"WARC/1.0\r\nWARC-Type: resource\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\nTitle two\n\nBody two\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkReader(t, warcReader{}, data)
		// Records lie inside the archive, in order, and their raw bytes
		// are the archive's own.
		last := -1
		for rec, err := range WARCRecords(data) {
			if rec.Offset <= last || rec.Offset > len(data) {
				t.Fatalf("record %d at offset %d after %d", rec.N, rec.Offset, last)
			}
			last = rec.Offset
			if err == nil && !bytes.Equal(rec.Raw, data[rec.Offset:rec.Offset+len(rec.Raw)]) {
				t.Fatalf("record %d: raw bytes are not the archive's", rec.N)
			}
		}
	})
}

// benchArchive writes an archive like a crawl of news sites: for every
// page a request, the response (every other one gzip and chunked), an
// image and a metadata record.
func benchArchive(pages int) []byte {
	var b strings.Builder
	b.WriteString(warcRec("WARC/1.1", "warcinfo", nil, "software: bench\r\n"))
	png := "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + strings.Repeat("\x00\x01\x02\x03", 500)
	for i := range pages {
		uri := fmt.Sprintf("https://bench.example/world/%d", i)
		h := map[string]string{"WARC-Target-URI": uri, "WARC-Date": "2021-06-25T08:00:00Z", "Content-Type": "application/http; msgtype=request"}
		b.WriteString(warcRec("WARC/1.1", "request", h, "GET /world HTTP/1.1\r\nHost: bench.example\r\n\r\n"))
		h["Content-Type"] = "application/http; msgtype=response"
		page := benchPage(i)
		if i%2 == 0 {
			b.WriteString(warcRec("WARC/1.1", "response", h, httpResp("200 OK", page, "Content-Type: text/html; charset=utf-8")))
		} else {
			b.WriteString(warcRec("WARC/1.1", "response", h, httpResp("200 OK", chunk(gz(page), 4096), "Content-Type: text/html", "Content-Encoding: gzip", "Transfer-Encoding: chunked")))
		}
		h["WARC-Target-URI"] = uri + "/photo.png"
		b.WriteString(warcRec("WARC/1.1", "response", h, httpResp("200 OK", []byte(png), "Content-Type: image/png")))
		h["Content-Type"] = "application/warc-fields"
		b.WriteString(warcRec("WARC/1.1", "metadata", h, "outlink: https://bench.example/\r\n"))
	}
	return []byte(b.String())
}

func BenchmarkWARC(b *testing.B) {
	const pages = 100
	data := benchArchive(pages)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, err := range Read(Input{Origin: "bench.warc", Data: data}) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != pages {
			b.Fatalf("%d pages, want %d", n, pages)
		}
	}
	b.ReportMetric(float64(b.N*pages)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkWARCRecords measures splitting an archive into records alone.
func BenchmarkWARCRecords(b *testing.B) {
	data := benchArchive(100)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		for _, err := range WARCRecords(data) {
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}

func TestWARCCutBodyIsNoted(t *testing.T) {
	rec := warcRec("WARC/1.1", "response", map[string]string{"Content-Type": "application/http; msgtype=response"},
		httpResp("200 OK", chunk([]byte(warcPage), 50)[:150], "Content-Type: text/html", "Transfer-Encoding: chunked"))
	for d, err := range (warcReader{}).Read(Input{Origin: "a.warc", Data: []byte(rec)}) {
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Repairs) != 1 || !strings.Contains(d.Repairs[0], "cut short") {
			t.Errorf("repairs = %q, want the cut noted", d.Repairs)
		}
		if strings.Contains(d.Text, "difficult talks") {
			t.Errorf("text %q holds what was cut off", d.Text)
		}
	}
}

func TestWARCWithoutPages(t *testing.T) {
	archive := warcRec("WARC/1.1", "warcinfo", nil, "software: test\r\n") +
		warcRec("WARC/1.1", "request", map[string]string{"Content-Type": "application/http; msgtype=request"}, "GET / HTTP/1.1\r\n\r\n")
	var got []string
	for _, err := range Read(Input{Origin: "a.warc", Data: []byte(archive)}) {
		if err == nil {
			t.Fatal("a document from an archive without pages")
		}
		got = append(got, err.Error())
	}
	want := []string{"a.warc: no HTML or plain-text pages among the archive's 2 record(s)"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestWARCDate(t *testing.T) {
	cases := []struct{ date, want string }{
		{"2021-06-25T08:00:00Z", "2021-06-25"},
		{"2021-06-25T23:30:00.123456Z", "2021-06-25"},
		{"2021-06-25T23:30:00-05:00", "2021-06-26"}, // in UTC
		{"2021-06-25", "2021-06-25"},
		{"2021-06", "2021-06"},
		{"yesterday", ""},
		{"", ""},
	}
	for _, c := range cases {
		t.Run(c.date, func(t *testing.T) {
			rec := warcRec("WARC/1.1", "resource", map[string]string{"Content-Type": "text/html", "WARC-Date": c.date}, warcPage)
			for d, err := range (warcReader{}).Read(Input{Origin: "a.warc", Data: []byte(rec)}) {
				if err != nil {
					t.Fatal(err)
				}
				from := ""
				if c.want != "" {
					from = "crawl"
				}
				if d.Published.String() != c.want || string(d.PublishedFrom) != from {
					t.Errorf("published %q from %q, want %q from %q", d.Published, d.PublishedFrom, c.want, from)
				}
			}
		})
	}
}

// TestWARCContentLength: a record whose Content-Length is wrong is read
// up to where the next record begins, with a repair note, and the records
// after it are read; a too-long length with no record after it is an
// archive cut short.
func TestWARCContentLength(t *testing.T) {
	page2 := strings.Replace(warcPage, "Envoy returns", "Envoy speaks", 1)
	page3 := strings.Replace(warcPage, "Envoy returns", "Envoy leaves", 1)
	rec := func(page string, delta int) string {
		r := warcRec("WARC/1.1", "resource", map[string]string{"Content-Type": "text/html", "WARC-Target-URI": "https://a.example/p"}, page)
		return strings.Replace(r, fmt.Sprintf("Content-Length: %d", len(page)), fmt.Sprintf("Content-Length: %d", len(page)+delta), 1)
	}
	repair := "WARC Content-Length is "
	cases := []struct {
		name, data string
		want       []string // "title" or "title (repaired)" or "error: reason start"
	}{
		{"too long", rec(warcPage, 300) + rec(page2, 0) + rec(page3, 0), []string{"Envoy returns (repaired)", "Envoy speaks", "Envoy leaves"}},
		{"too long past the end", rec(warcPage, 5000) + rec(page2, 0), []string{"Envoy returns (repaired)", "Envoy speaks"}},
		{"too short", rec(warcPage, -60) + rec(page2, 0), []string{"Envoy returns (repaired)", "Envoy speaks"}},
		{"too short, the last", rec(page2, 0) + rec(warcPage, -60), []string{"Envoy speaks", "Envoy returns (repaired)"}},
		{"too long, the last", rec(page2, 0) + rec(warcPage, 100), []string{"Envoy speaks", "error: truncated: Content-Length is"}},
		{"right", rec(warcPage, 0) + rec(page2, 0), []string{"Envoy returns", "Envoy speaks"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for d, err := range (warcReader{}).Read(Input{Origin: "a.warc", Data: []byte(c.data)}) {
				switch {
				case err != nil:
					got = append(got, "error: "+err.(*ItemError).Reason)
				case len(d.Repairs) > 0 && strings.HasPrefix(d.Repairs[0], repair):
					got = append(got, d.Title+" (repaired)")
					if !strings.Contains(d.Text, "difficult talks") {
						t.Errorf("%s: text cut: %q", d.Title, d.Text)
					}
				default:
					got = append(got, d.Title)
				}
			}
			if len(got) != len(c.want) {
				t.Fatalf("got %q, want %q", got, c.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], c.want[i]) {
					t.Errorf("item %d = %q, want %q", i+1, got[i], c.want[i])
				}
			}
		})
	}
}
