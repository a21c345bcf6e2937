package source

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"iter"
	"mime"
	"net/http/httputil"
	"net/textproto"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/storyline/storyline"
)

func init() { Register(warcReader{}) }

// warcReader reads WARC/1.0 and WARC/1.1 archives (gzip per record is
// undone by the input layer): each HTML page in a response record, and
// each HTML or plain-text resource or conversion record, is one document.
// Other records (requests, metadata, images, scripts, redirects) are
// skipped without complaint.
type warcReader struct{}

var _ BinaryReader = warcReader{}

func (warcReader) Name() string { return "warc" }

// Sniff claims input that opens with a WARC version line (30).
func (warcReader) Sniff(head []byte, name string) int {
	if bytes.HasPrefix(bytes.TrimLeft(head, "\r\n"), []byte("WARC/")) {
		return 30
	}
	return 0
}

// AcceptsBinary is true: an archive holds images and other binary
// payloads, which Read skips.
func (warcReader) AcceptsBinary() bool { return true }

func (warcReader) Read(in Input) iter.Seq2[*Document, error] {
	return func(yield func(*Document, error) bool) {
		records, items := 0, 0 // items: documents and item errors yielded
		for rec, err := range WARCRecords(in.Data) {
			records++
			if err != nil {
				items++
				if !yield(nil, &ItemError{Origin: in.Origin, Item: fmt.Sprintf("record %d", rec.N), Reason: err.Error()}) {
					return
				}
				continue
			}
			doc, reason := warcDocument(rec)
			if doc != nil || reason != "" {
				items++
			}
			switch {
			case reason != "":
				if !yield(nil, &ItemError{Origin: in.Origin, Item: fmt.Sprintf("record %d", rec.N), Reason: reason}) {
					return
				}
			case doc != nil:
				doc.Origin = fmt.Sprintf("%s:%d", in.Origin, rec.N)
				doc.Item = fmt.Sprintf("record %d", rec.N)
				doc.Format = "warc"
				doc.Raw = rec.Raw
				doc.Repairs = append(rec.Repairs, doc.Repairs...)
				if !yield(doc, nil) {
					return
				}
			}
		}
		if items == 0 {
			yield(nil, &ItemError{Origin: in.Origin, Reason: fmt.Sprintf("no HTML or plain-text pages among the archive's %d record(s)", records)})
		}
	}
}

// WARCRecord is one record of a WARC archive.
type WARCRecord struct {
	N       int    // its place in the archive, from 1
	Offset  int    // the byte offset of its version line
	Version string // "WARC/1.1"
	Header  textproto.MIMEHeader
	Block   []byte // Content-Length bytes after the header
	Raw     []byte // the record from its version line to the end of its block
	// Repairs notes a Content-Length that did not match the record: its
	// block was read up to where the next record begins.
	Repairs []string
}

// Type returns the record's WARC-Type ("response", "resource", ...).
func (r *WARCRecord) Type() string {
	return strings.ToLower(strings.TrimSpace(r.Header.Get("WARC-Type")))
}

// WARCRecords yields each record of a WARC archive in order. A record that
// cannot be read yields its number and an error; reading resumes at the
// next version line, and a record cut short by the end of the archive is
// the last. Block and Raw are slices of data.
func WARCRecords(data []byte) iter.Seq2[*WARCRecord, error] {
	return func(yield func(*WARCRecord, error) bool) {
		pos, n := 0, 0
		for {
			// Records are separated by CRLF CRLF; be lenient about how many.
			for pos < len(data) && (data[pos] == '\r' || data[pos] == '\n') {
				pos++
			}
			if pos >= len(data) {
				return
			}
			n++
			rec, next, err := readWARCRecord(data, pos)
			rec.N, rec.Offset = n, pos
			if err != nil {
				if !yield(rec, err) {
					return
				}
				if next < 0 {
					return
				}
				pos = next
				continue
			}
			if !yield(rec, nil) {
				return
			}
			pos = next
		}
	}
}

// readWARCRecord reads the record at pos and returns it and where the next
// one may begin; next is -1 when nothing more can be read.
func readWARCRecord(data []byte, pos int) (rec *WARCRecord, next int, err error) {
	rec = &WARCRecord{}
	resync := func(from int) int {
		for _, sep := range []string{"\nWARC/1.", "\nWARC/0."} {
			if i := bytes.Index(data[from:], []byte(sep)); i >= 0 {
				return from + i + 1
			}
		}
		return -1
	}
	line, rest, ok := cutLine(data[pos:])
	if !bytes.HasPrefix(line, []byte("WARC/")) {
		return rec, resync(pos), fmt.Errorf("no WARC version line at byte %d (found %q); skipped to the next record", pos, clip(line, 40))
	}
	if !ok {
		return rec, -1, fmt.Errorf("truncated: the archive ends in the record's version line")
	}
	rec.Version = string(line)
	hdrStart := len(data) - len(rest)
	end := headerEnd(rest)
	if end < 0 {
		return rec, -1, fmt.Errorf("truncated: the archive ends in the record's header (at byte %d)", len(data))
	}
	tr := textproto.NewReader(bufio.NewReader(bytes.NewReader(rest[:end])))
	h, herr := tr.ReadMIMEHeader()
	if herr != nil && !errors.Is(herr, io.EOF) {
		return rec, resync(hdrStart), fmt.Errorf("malformed header: %v", herr)
	}
	rec.Header = h
	blockStart := hdrStart + end
	cl := strings.TrimSpace(h.Get("Content-Length"))
	size, perr := strconv.ParseInt(cl, 10, 64)
	if perr != nil || size < 0 {
		return rec, resync(hdrStart), fmt.Errorf("no valid Content-Length (%q)", clip([]byte(cl), 40))
	}
	blockEnd := blockStart + int(min(size, int64(len(data)-blockStart)))
	if size > int64(len(data)-blockStart) || !recordEnds(data, blockEnd) && !blankLine(data[blockEnd:]) {
		// The Content-Length does not end the record where a record ends:
		// too long, it would swallow the records after it; too short, it
		// would leave the rest of the block behind. Read up to where the
		// next record begins, and say so.
		next := nextRecord(data, blockStart)
		switch {
		case next < 0 && size > int64(len(data)-blockStart):
			return rec, -1, fmt.Errorf("truncated: Content-Length is %d bytes but only %d remain in the archive", size, len(data)-blockStart)
		default:
			end := len(data)
			if next >= 0 {
				end = next
			}
			end = blockStart + len(bytes.TrimRight(data[blockStart:end], "\r\n"))
			if next >= 0 && end < blockEnd && bytes.Equal(data[blockStart:end], bytes.TrimRight(data[blockStart:blockEnd], "\r\n")) {
				end = blockEnd // the block itself ends in line breaks
			}
			rec.Repairs = append(rec.Repairs, fmt.Sprintf("WARC Content-Length is %d bytes but the record's block runs %d, to where the next record begins; read that far", size, end-blockStart))
			blockEnd = end
			if next < 0 {
				next = len(data)
			}
			rec.Block = data[blockStart:blockEnd:blockEnd]
			rec.Raw = data[pos:blockEnd:blockEnd]
			return rec, next, nil
		}
	}
	rec.Block = data[blockStart:blockEnd:blockEnd]
	rec.Raw = data[pos:blockEnd:blockEnd]
	return rec, blockEnd, nil
}

// recordEnds reports whether a record's block may end at i: what follows
// is line breaks, then the end of the archive or a version line.
func recordEnds(data []byte, i int) bool {
	i += len(data[i:]) - len(bytes.TrimLeft(data[i:], "\r\n"))
	return i >= len(data) || versionLine(data[i:])
}

// blankLine reports whether b opens with the empty line (CRLF CRLF, or
// LF LF from a careless writer) that ends a record; junk after it is read
// as a record of its own, which names it.
func blankLine(b []byte) bool {
	seps := b[:len(b)-len(bytes.TrimLeft(b, "\r\n"))]
	return bytes.Count(seps, []byte("\n")) >= 2
}

// versionLine reports whether b opens with a WARC version line
// ("WARC/1.0", "WARC/1.1", "WARC/0.18").
func versionLine(b []byte) bool {
	line, _, ok := cutLine(b)
	if !ok || !bytes.HasPrefix(line, []byte("WARC/")) {
		return false
	}
	v := line[len("WARC/"):]
	dot := bytes.IndexByte(v, '.')
	if dot <= 0 || dot == len(v)-1 {
		return false
	}
	for i, c := range v {
		if i != dot && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// nextRecord returns the offset of the first version line after from
// that opens a line, or -1.
func nextRecord(data []byte, from int) int {
	for i := from; i < len(data); {
		k := bytes.Index(data[i:], []byte("\nWARC/"))
		if k < 0 {
			return -1
		}
		i += k + 1
		if versionLine(data[i:]) {
			return i
		}
	}
	return -1
}

// cutLine returns the first line of b without its line ending, the rest
// after it, and whether a line ending was found.
func cutLine(b []byte) (line, rest []byte, ok bool) {
	i := bytes.IndexByte(b, '\n')
	if i < 0 {
		return b, nil, false
	}
	return bytes.TrimSuffix(b[:i], []byte("\r")), b[i+1:], true
}

// headerEnd returns the length of a header block ending in an empty line
// (CRLF CRLF, or LF LF from a careless writer), or -1.
func headerEnd(b []byte) int {
	for i := 0; i < len(b); {
		j := bytes.IndexByte(b[i:], '\n')
		if j < 0 {
			return -1
		}
		line := b[i : i+j]
		i += j + 1
		if len(line) == 0 || len(line) == 1 && line[0] == '\r' {
			return i
		}
	}
	return -1
}

// escapeInvalid percent-encodes the bytes of a URL that are not UTF-8.
func escapeInvalid(u string) string {
	if utf8.ValidString(u) {
		return u
	}
	var b strings.Builder
	for i := 0; i < len(u); {
		r, n := utf8.DecodeRuneInString(u[i:])
		if r == utf8.RuneError && n == 1 {
			fmt.Fprintf(&b, "%%%02X", u[i])
		} else {
			b.WriteString(u[i : i+n])
		}
		i += n
	}
	return b.String()
}

func clip(b []byte, n int) string {
	if len(b) > n {
		b = b[:n]
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

// warcDocument reads the article a record holds: nil and no reason when
// the record holds none (a request, an image, a redirect), a reason when
// it should hold one but cannot be read.
func warcDocument(rec *WARCRecord) (*Document, string) {
	var payload []byte
	var contentType string
	var repairs []string
	switch rec.Type() {
	case "response":
		if mt, _, _ := mime.ParseMediaType(rec.Header.Get("Content-Type")); mt != "application/http" {
			return nil, "" // dns: and other non-HTTP responses
		}
		resp, reason := readHTTPResponse(rec.Block)
		if reason != "" {
			return nil, reason
		}
		if resp == nil {
			return nil, ""
		}
		payload, contentType, repairs = resp.body, resp.contentType, resp.repairs
	case "resource", "conversion":
		payload, contentType = rec.Block, rec.Header.Get("Content-Type")
	default:
		return nil, ""
	}
	mt, _, _ := mime.ParseMediaType(contentType)
	target := escapeInvalid(strings.Trim(strings.TrimSpace(rec.Header.Get("WARC-Target-URI")), "<>"))
	var doc *Document
	switch mt {
	case "text/html", "application/xhtml+xml":
		if kind := Binary(payload); kind != "" {
			return nil, fmt.Sprintf("binary payload (%s) served as %s", kind, mt)
		}
		if len(bytes.TrimSpace(payload)) == 0 {
			return nil, "empty page"
		}
		var err error
		if doc, err = ReadHTML(payload, contentType, target); err != nil {
			return nil, err.Error()
		}
	case "text/plain":
		if kind := Binary(payload); kind != "" {
			return nil, fmt.Sprintf("binary payload (%s) served as %s", kind, mt)
		}
		text, repairs, err := decodeMarkup(payload, contentType)
		if err != nil {
			return nil, err.Error()
		}
		doc = ParseText(text)
		doc.Repairs = append(repairs, doc.Repairs...)
		if strings.TrimSpace(doc.Text) == "" {
			return nil, "empty text"
		}
		if doc.URL == "" {
			doc.URL = target
		}
		if doc.Source == "" {
			doc.Source = host(doc.URL)
		}
	default:
		return nil, ""
	}
	doc.Repairs = append(repairs, doc.Repairs...)
	if doc.Published.IsZero() {
		ts := strings.TrimSpace(rec.Header.Get("WARC-Date"))
		if t, err := time.Parse(time.RFC3339Nano, ts); err == nil {
			doc.Published, doc.PublishedFrom = storyline.DateOf(t.UTC()), storyline.DateFromCrawl
		} else if d, ok := ParseTimestamp(ts); ok {
			doc.Published, doc.PublishedFrom = d, storyline.DateFromCrawl
		}
	}
	return doc, ""
}

// httpResponse is the part of an archived HTTP response a reader needs.
type httpResponse struct {
	contentType string
	body        []byte // transfer and content encodings undone
	repairs     []string
}

// readHTTPResponse parses the HTTP response in a response record's block.
// It returns nil and no reason for a response that is not a page (not 2xx:
// redirects, errors, not modified), and a reason for one that cannot be
// read. A body whose Transfer-Encoding or Content-Encoding header does not
// match what it holds (crawlers often store it decoded) is read as it is.
func readHTTPResponse(block []byte) (*httpResponse, string) {
	status, rest, ok := cutLine(block)
	if !ok || !bytes.HasPrefix(status, []byte("HTTP/")) {
		return nil, fmt.Sprintf("no HTTP status line in the response (found %q)", clip(status, 40))
	}
	f := strings.Fields(string(status))
	if len(f) < 2 {
		return nil, fmt.Sprintf("malformed HTTP status line %q", clip(status, 60))
	}
	code, err := strconv.Atoi(f[1])
	if err != nil {
		return nil, fmt.Sprintf("malformed HTTP status line %q", clip(status, 60))
	}
	end := headerEnd(rest)
	if end < 0 {
		return nil, "truncated HTTP response: the header has no end"
	}
	h, herr := textproto.NewReader(bufio.NewReader(bytes.NewReader(rest[:end]))).ReadMIMEHeader()
	if herr != nil && !errors.Is(herr, io.EOF) {
		return nil, fmt.Sprintf("malformed HTTP header: %v", herr)
	}
	if code < 200 || code > 299 {
		return nil, ""
	}
	body := rest[end:]
	var repairs []string
	if te := strings.ToLower(h.Get("Transfer-Encoding")); strings.Contains(te, "chunked") {
		dechunked, err := readLimited(httputil.NewChunkedReader(bytes.NewReader(body)))
		switch {
		case err == nil:
			body = dechunked
		case errors.Is(err, errTooLarge):
			return nil, err.Error()
		case chunkSizeLine(body):
			body = dechunked
			repairs = append(repairs, "HTTP body cut short in its chunked encoding; what came through is kept")
		}
	}
	switch ce := strings.ToLower(strings.TrimSpace(h.Get("Content-Encoding"))); ce {
	case "", "identity", "none":
	case "gzip", "x-gzip", "deflate":
		decoded, err := decompress(ce, body)
		switch {
		case err == nil:
			body = decoded
		case errors.Is(err, errTooLarge):
			return nil, err.Error()
		case looksDecoded(body):
			// Stored already decoded under the original header.
		default:
			return nil, fmt.Sprintf("broken %s content encoding: %v", ce, err)
		}
	default:
		if !looksDecoded(body) {
			return nil, fmt.Sprintf("content encoding %q is not supported", ce)
		}
	}
	return &httpResponse{contentType: h.Get("Content-Type"), body: body, repairs: repairs}, ""
}

var errTooLarge = fmt.Errorf("payload over the size limit (%s)", byteSize(MaxItemBytes))

// readLimited reads r whole, up to MaxItemBytes: a small compressed
// payload may inflate without bound.
func readLimited(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxItemBytes+1))
	if len(b) > MaxItemBytes {
		return nil, errTooLarge
	}
	return b, err
}

func decompress(encoding string, body []byte) ([]byte, error) {
	if encoding == "deflate" {
		// "deflate" is zlib by the standard and raw deflate in practice.
		if zr, err := zlib.NewReader(bytes.NewReader(body)); err == nil {
			if b, err := readLimited(zr); err == nil || errors.Is(err, errTooLarge) {
				return b, err
			}
		}
		return readLimited(flate.NewReader(bytes.NewReader(body)))
	}
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	return readLimited(zr)
}

// chunkSizeLine reports whether body opens with a chunk-size line.
func chunkSizeLine(body []byte) bool {
	line, _, ok := cutLine(body)
	line, _, _ = bytes.Cut(line, []byte(";"))
	line = bytes.TrimSpace(line)
	if !ok || len(line) == 0 || len(line) > 16 {
		return false
	}
	_, err := strconv.ParseUint(string(line), 16, 64)
	return err == nil
}

// looksDecoded reports whether a body that claims a content encoding
// already holds markup or text.
func looksDecoded(body []byte) bool {
	t := bytes.TrimLeft(body, "\xEF\xBB\xBF \t\r\n")
	return len(t) > 0 && t[0] == '<' && Binary(body) == ""
}
