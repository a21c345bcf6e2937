// Package source reads news articles from files, standard input and
// embedded corpora, in whatever format they come: plain text, JSONL, and
// (in files of their own) HTML, RSS/Atom feeds and WARC archives.
//
// An Input is one file or stream as bytes. Read detects its format from its
// content (Sniff), and the Reader for that format splits it into Documents:
// one per article, with the fields the format carries. A malformed item is
// yielded as an *ItemError and the rest of the input goes on; an input that
// cannot be read at all (binary, empty, over the size limit, undecodable)
// yields a single *ItemError naming it.
//
// Adding a format is a file of its own in this package:
//
//	func init() { Register(htmlReader{}) }
//
// with a Reader whose Sniff recognises the format from its first bytes.
package source

import (
	"bytes"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"
	"sync"

	"github.com/storyline/storyline"
)

// Input is one file or stream to read, as bytes (gzip already undone).
type Input struct {
	// Origin is the file path, URL, or "-" for standard input.
	Origin string
	// Name is the file name, a hint for Sniff (".jsonl", ".html"); it may be "".
	Name string
	Data []byte
	// Err, if set, says why the input could not be read; Read yields it
	// as a rejection of the whole input.
	Err error
	// Repairs lists damage to the input as a whole that was repaired
	// rather than rejected (a gzip stream cut short): Read notes it on the
	// input's last item, where the damage is.
	Repairs []string
}

// Document is one article as a reader found it, before cleaning.
type Document struct {
	// Origin is where it was read from, with the item inside the input
	// when there are several ("feed.jsonl:3").
	Origin string
	// Item names the item inside the input ("line 3", "record 12"), or ""
	// when the input is one article.
	Item   string
	Format string // the Reader's Name: text, jsonl, html, feed, warc
	// Raw is the item byte for byte as read.
	Raw []byte
	// The fields the format carries; "" or zero where it has none.
	URL, Title, Text, Source, Byline, Language string
	Published                                  storyline.Date
	PublishedFrom                              storyline.DateSource
	// Repairs lists damage that was repaired rather than rejected.
	Repairs []string
}

// Article returns the document as an uncleaned storyline.Article, ready for
// the cleaner: the ID, language and ingest time are not set yet.
func (d *Document) Article() *storyline.Article {
	return &storyline.Article{
		Origin:        d.Origin,
		URL:           d.URL,
		Source:        d.Source,
		Title:         d.Title,
		Byline:        d.Byline,
		Published:     d.Published,
		PublishedFrom: d.PublishedFrom,
		Language:      d.Language,
		Text:          d.Text,
		Raw:           d.Raw,
		Format:        d.Format,
		Repairs:       slices.Clone(d.Repairs),
	}
}

// ItemError is an input, or an item inside one, that could not be read.
// It becomes a storyline.Rejection.
type ItemError struct {
	Origin string // the input
	Item   string // the item inside it ("line 3"), or "" for the whole input
	Reason string // in words a user can act on
}

func (e *ItemError) Error() string {
	if e.Item == "" {
		return fmt.Sprintf("%s: %s", e.Origin, e.Reason)
	}
	return fmt.Sprintf("%s: %s: %s", e.Origin, e.Item, e.Reason)
}

// Rejection returns the error as a storyline.Rejection (without its time).
func (e *ItemError) Rejection() storyline.Rejection {
	return storyline.Rejection{Origin: e.Origin, Item: e.Item, Reason: e.Reason}
}

// A Reader reads one format.
type Reader interface {
	// Name is the format's name, recorded on every article it reads.
	Name() string
	// Sniff says how sure the reader is that an input is in its format,
	// from its first bytes (at most SniffLen) and its file name (which
	// may be ""): 0 means not this format, and the reader with the highest
	// score reads the input. Plain text answers 1 to any text.
	Sniff(head []byte, name string) int
	// Read yields each document of the input, or for an item that cannot
	// be read an *ItemError, and goes on to the next item. in.Data is
	// not empty, not binary (unless the reader is a BinaryReader), and
	// within MaxInputBytes.
	Read(in Input) iter.Seq2[*Document, error]
}

// BinaryReader is a Reader whose format may hold binary bytes (a WARC
// archive with images in it). Read passes an input it claims on past the
// binary check when AcceptsBinary is true; the reader rejects or skips
// the binary items itself.
type BinaryReader interface {
	Reader
	AcceptsBinary() bool
}

// SniffLen is how many leading bytes a Reader's Sniff is shown.
const SniffLen = 4096

// Size limits. An input over MaxInputBytes, or an item over MaxItemBytes,
// is rejected.
const (
	MaxInputBytes = 256 << 20
	MaxItemBytes  = 8 << 20
)

var (
	regMu   sync.RWMutex
	readers []Reader
)

// Register adds a reader. Formats register themselves in init.
func Register(r Reader) {
	regMu.Lock()
	defer regMu.Unlock()
	readers = append(readers, r)
}

// Readers returns the registered readers.
func Readers() []Reader {
	regMu.RLock()
	defer regMu.RUnlock()
	return slices.Clone(readers)
}

// Detect returns the reader for an input's content, or nil if no reader
// claims it. Ties go to the reader registered first.
func Detect(data []byte, name string) Reader {
	head := data[:min(len(data), SniffLen)]
	var best Reader
	bestScore := 0
	for _, r := range Readers() {
		if s := r.Sniff(head, name); s > bestScore {
			best, bestScore = r, s
		}
	}
	return best
}

// Read checks an input (readable, not empty, not binary, within the size
// limit), detects its format and yields its documents and item errors.
func Read(in Input) iter.Seq2[*Document, error] {
	return func(yield func(*Document, error) bool) {
		reject := func(format string, args ...any) {
			reason := fmt.Sprintf(format, args...)
			if len(in.Repairs) > 0 {
				reason += " (" + strings.Join(in.Repairs, "; ") + ")"
			}
			yield(nil, &ItemError{Origin: in.Origin, Reason: reason})
		}
		switch {
		case in.Err != nil:
			reject("cannot be read: %v", in.Err)
			return
		case len(in.Data) > MaxInputBytes:
			reject("over the size limit (%s, limit %s)", byteSize(len(in.Data)), byteSize(MaxInputBytes))
			return
		case len(bytes.TrimSpace(in.Data)) == 0:
			reject("empty")
			return
		}
		r := Detect(in.Data, in.Name)
		if kind := Binary(in.Data); kind != "" {
			if br, ok := r.(BinaryReader); !ok || !br.AcceptsBinary() {
				reject("binary (%s), not text", kind)
				return
			}
		}
		if r == nil {
			reject("format not recognised")
			return
		}
		// Each item is held back until the next one comes, so the last can
		// carry the input's repairs.
		var last *Document
		var lastErr error
		held := false
		for doc, err := range r.Read(in) {
			if err == nil {
				doc.stripControls()
				doc.takeHeader() // a crawler's " date YYYY-MM-DD" line, in any format
			}
			if err == nil && len(doc.Raw) > MaxItemBytes {
				err = &ItemError{Origin: in.Origin, Item: doc.Item,
					Reason: fmt.Sprintf("over the size limit (%s, limit %s)", byteSize(len(doc.Raw)), byteSize(MaxItemBytes))}
				doc = nil
			}
			if held && !yield(last, lastErr) {
				return
			}
			last, lastErr, held = doc, err, true
		}
		if !held {
			return
		}
		if len(in.Repairs) > 0 {
			var ie *ItemError
			switch {
			case last != nil:
				last.Repairs = append(last.Repairs, in.Repairs...)
			case errors.As(lastErr, &ie):
				ie.Reason += " (" + strings.Join(in.Repairs, "; ") + ")"
			}
		}
		yield(last, lastErr)
	}
}

func byteSize(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
