package codec

import (
	"fmt"

	"github.com/storyline/storyline"
)

// An article's quotes are stored as one value too (SQLite's
// article_quotes.data since migration 014; it was JSON before), in the
// form of an analysis' parts: a version byte, which is never '[' (the
// first byte of the JSON stored before), then a count and each quote
// field by field in declaration order, its strings numbered as in the
// analyses (a speaker, a cue, the article ID repeat). Decoding gives what
// a JSON round trip gave, as for analyses.

const quotesVersion = 1

// EncodeQuotes returns the stored form of an article's quotes.
func EncodeQuotes(qs []storyline.Quote) []byte {
	e := encoder{b: make([]byte, 0, 16+len(qs)*240), version: analysisVersion, table: make(map[string]int, len(qs)*4)}
	e.b = append(e.b, quotesVersion)
	e.uint(uint64(len(qs)))
	for i := range qs {
		q := &qs[i]
		e.str(q.ID)
		e.str(q.ArticleID)
		e.str(q.Speaker)
		e.str(q.SpeakerRef)
		e.str(q.SpeakerEntity)
		e.str(q.Principal)
		e.int(q.SpeakerStart)
		e.int(q.SpeakerEnd)
		e.bool(q.Unnamed)
		e.text(q.Text)
		e.int(q.Start)
		e.int(q.End)
		e.uint(uint64(len(q.Parts))) // omitempty: none reads back as nil
		for _, p := range q.Parts {
			e.int(p[0])
			e.int(p[1])
		}
		e.bool(q.Direct)
		e.bool(q.Negated)
		e.bool(q.Passive)
		e.str(q.Cue)
		e.int(q.CueStart)
		e.int(q.CueEnd)
		e.int(q.Sentence)
		e.date(q.Date)
	}
	return e.b
}

// IsQuotes reports whether b is in the form EncodeQuotes writes (not
// JSON).
func IsQuotes(b []byte) bool { return len(b) > 0 && b[0] == quotesVersion }

// DecodeQuotes reads what EncodeQuotes wrote.
func DecodeQuotes(b []byte) ([]storyline.Quote, error) {
	d := decoder{b: b, version: analysisVersion}
	if v := d.byte(); v != quotesVersion {
		return nil, fmt.Errorf("stored quotes of form %d, want %d", v, quotesVersion)
	}
	qs := make([]storyline.Quote, d.count())
	for i := range qs {
		q := &qs[i]
		q.ID = d.str()
		q.ArticleID = d.str()
		q.Speaker = d.str()
		q.SpeakerRef = d.str()
		q.SpeakerEntity = d.str()
		q.Principal = d.str()
		q.SpeakerStart = d.int()
		q.SpeakerEnd = d.int()
		q.Unnamed = d.bool()
		q.Text = d.text()
		q.Start = d.int()
		q.End = d.int()
		if n := d.count(); n > 0 {
			q.Parts = make([][2]int, n)
			for j := range q.Parts {
				q.Parts[j] = [2]int{d.int(), d.int()}
			}
		}
		q.Direct = d.bool()
		q.Negated = d.bool()
		q.Passive = d.bool()
		q.Cue = d.str()
		q.CueStart = d.int()
		q.CueEnd = d.int()
		q.Sentence = d.int()
		q.Date = d.date()
	}
	if d.err == nil && d.off != len(d.b) {
		d.err = fmt.Errorf("stored quotes: bytes left after the last")
	}
	if d.err != nil {
		return nil, d.err
	}
	return qs, nil
}
