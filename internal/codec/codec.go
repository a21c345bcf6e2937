// Package codec is the compact binary form in which the stores keep an
// article's analysis: its mentions, time expressions and statements, one
// value an article (SQLite's and PostgreSQL's analyses.data).
package codec

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"unicode/utf8"

	"github.com/storyline/storyline"
)

// An article's time expressions, mentions and statements are stored as one
// value (analyses.data: SQLite's migration 010, PostgreSQL's 008), in a compact binary form cheaper to
// write and read than JSON: what queries select by (entities, quotes, the
// text) has rows and indexes of its own; this is only ever read whole, an
// article at a time.
//
// The form: a version byte, then the three lists, each a count and its
// elements field by field in declaration order; integers as varints,
// strings and lists as a length and their contents, a nil list that JSON
// would tell from an empty one as length 0 and the others as length+1.
// Decoding gives exactly what a JSON round trip of the same analysis gave
// when analyses were stored as JSON: strings coerced to valid UTF-8 as
// encoding/json does, dates read back through ParseDate, an empty
// Numbers list as nil. codec_test.go checks every field of each type, so a
// field added to one of them and not here fails it.

const analysisVersion = 1

// The parts of a stored analysis, for Decode.
const (
	Mentions = 1 << iota
	Timexes
	Statements
	All = Mentions | Timexes | Statements
)

// Encode returns the stored form of a's mentions, time
// expressions and statements, in that order, each part behind its length
// in four bytes so that a reader can skip it.
func Encode(a *storyline.Analysis) []byte {
	e := encoder{b: make([]byte, 0, 64+len(a.Timexes)*48+len(a.Mentions)*48+len(a.Statements)*160)}
	e.b = append(e.b, analysisVersion)
	part := e.begin()
	e.mentions(a.Mentions)
	e.end(part)
	part = e.begin()
	e.uint(uint64(len(a.Timexes)))
	for i := range a.Timexes {
		t := &a.Timexes[i]
		e.int(t.Start)
		e.int(t.End)
		e.str(t.Text)
		e.str(t.Type)
		e.str(t.Value)
		e.str(t.Anchor)
		e.str(t.Rule)
		e.float(t.Confidence)
		e.str(t.Tense)
	}
	e.end(part)
	part = e.begin()
	e.uint(uint64(len(a.Statements)))
	for i := range a.Statements {
		s := &a.Statements[i]
		e.str(s.ArticleID)
		e.int(s.Sentence)
		e.int(s.Start)
		e.int(s.End)
		e.str(s.Text)
		e.date(s.Date)
		e.str(s.DateText)
		e.bool(s.Estimated)
		e.bool(s.FromContext)
		e.strs(s.Actors, true)
		e.strs(s.Numbers, false)
	}
	e.end(part)
	return e.b
}

// Decode reads the parts (Mentions, ...) of what
// Encode wrote into a's Mentions, Timexes and Statements, each
// not nil when read.
func Decode(b []byte, a *storyline.Analysis, parts int) error {
	d := decoder{b: b}
	if v := d.byte(); v != analysisVersion {
		return fmt.Errorf("stored analysis of form %d, want %d", v, analysisVersion)
	}
	if d.part(parts & Mentions) {
		a.Mentions = d.mentions()
	}
	if d.part(parts & Timexes) {
		a.Timexes = make([]storyline.Timex, d.count())
		for i := range a.Timexes {
			t := &a.Timexes[i]
			t.Start = d.int()
			t.End = d.int()
			t.Text = d.str()
			t.Type = d.str()
			t.Value = d.str()
			t.Anchor = d.str()
			t.Rule = d.str()
			t.Confidence = d.float()
			t.Tense = d.str()
		}
	}
	if d.part(parts & Statements) {
		a.Statements = make([]storyline.Statement, d.count())
		for i := range a.Statements {
			s := &a.Statements[i]
			s.ArticleID = d.str()
			s.Sentence = d.int()
			s.Start = d.int()
			s.End = d.int()
			s.Text = d.str()
			s.Date = d.date()
			s.DateText = d.str()
			s.Estimated = d.bool()
			s.FromContext = d.bool()
			s.Actors = d.strs()
			s.Numbers = d.strs()
		}
	}
	if d.err == nil && d.off != len(d.b) {
		d.err = errors.New("stored analysis: bytes left after its parts")
	}
	return d.err
}

// begin reserves a part's length; end writes it.
func (e *encoder) begin() int {
	e.b = append(e.b, 0, 0, 0, 0)
	return len(e.b)
}

func (e *encoder) end(start int) {
	binary.LittleEndian.PutUint32(e.b[start-4:], uint32(len(e.b)-start))
}

// part reads a part's length and, unless want, skips it; it returns
// want.
func (d *decoder) part(want int) bool {
	if len(d.b)-d.off < 4 {
		d.fail("part")
		return false
	}
	n := int(binary.LittleEndian.Uint32(d.b[d.off:]))
	d.off += 4
	if n > len(d.b)-d.off {
		d.fail("part")
		return false
	}
	if want == 0 {
		d.off += n
		return false
	}
	return true
}

func (e *encoder) mentions(ms []storyline.Mention) {
	e.uint(uint64(len(ms)))
	for i := range ms {
		m := &ms[i]
		e.int(m.Start)
		e.int(m.End)
		e.str(m.Text)
		e.str(string(m.Kind))
		e.str(m.Name)
		e.str(m.Role)
		e.str(m.Affiliation)
		e.str(m.Via)
		e.str(m.EntityID)
	}
}

func (d *decoder) mentions() []storyline.Mention {
	ms := make([]storyline.Mention, d.count())
	for i := range ms {
		m := &ms[i]
		m.Start = d.int()
		m.End = d.int()
		m.Text = d.str()
		m.Kind = storyline.EntityKind(d.str())
		m.Name = d.str()
		m.Role = d.str()
		m.Affiliation = d.str()
		m.Via = d.str()
		m.EntityID = d.str()
	}
	return ms
}

type encoder struct{ b []byte }

func (e *encoder) uint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) int(v int)     { e.b = binary.AppendVarint(e.b, int64(v)) }

func (e *encoder) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

func (e *encoder) float(f float64) { e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(f)) }

// str writes s as encoding/json would keep it: each byte of an invalid
// UTF-8 sequence becomes U+FFFD.
func (e *encoder) str(s string) {
	if !utf8.ValidString(s) {
		s = validUTF8(s)
	}
	e.uint(uint64(len(s)))
	e.b = append(e.b, s...)
}

// strs writes a list; keepNil tells nil from empty (a field JSON writes
// as null when nil), else both are written as nil (omitempty).
func (e *encoder) strs(ss []string, keepNil bool) {
	if ss == nil || !keepNil && len(ss) == 0 {
		e.uint(0)
		return
	}
	e.uint(uint64(len(ss)) + 1)
	for _, s := range ss {
		e.str(s)
	}
}

// date writes a date as its text, read back with ParseDate, as JSON had it.
func (e *encoder) date(d storyline.Date) {
	if d.IsZero() {
		e.b = append(e.b, 0)
		return
	}
	e.b = append(e.b, 1)
	e.str(d.String())
}

func validUTF8(s string) string {
	b := make([]byte, 0, len(s)+8)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b = utf8.AppendRune(b, utf8.RuneError)
		} else {
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return string(b)
}

type decoder struct {
	b   []byte
	off int
	err error
}

func (d *decoder) fail(what string) {
	if d.err == nil {
		d.err = fmt.Errorf("stored analysis cut short at byte %d (%s)", d.off, what)
	}
	d.off = len(d.b)
}

func (d *decoder) byte() byte {
	if d.off >= len(d.b) {
		d.fail("byte")
		return 0
	}
	d.off++
	return d.b[d.off-1]
}

func (d *decoder) uint() uint64 {
	v, n := binary.Uvarint(d.b[d.off:])
	if n <= 0 {
		d.fail("varint")
		return 0
	}
	d.off += n
	return v
}

func (d *decoder) int() int {
	v, n := binary.Varint(d.b[d.off:])
	if n <= 0 {
		d.fail("varint")
		return 0
	}
	d.off += n
	return int(v)
}

// count reads a list's length; each element takes a byte at least, so a
// damaged value cannot ask for a huge allocation.
func (d *decoder) count() int {
	n := d.uint()
	if n > uint64(len(d.b)-d.off) {
		d.fail("count")
		return 0
	}
	return int(n)
}

func (d *decoder) bool() bool { return d.byte() == 1 }

func (d *decoder) float() float64 {
	if len(d.b)-d.off < 8 {
		d.fail("float")
		return 0
	}
	v := binary.LittleEndian.Uint64(d.b[d.off:])
	d.off += 8
	return math.Float64frombits(v)
}

func (d *decoder) str() string {
	n := d.uint()
	if n > uint64(len(d.b)-d.off) {
		d.fail("string")
		return ""
	}
	s := string(d.b[d.off : d.off+int(n)])
	d.off += int(n)
	return s
}

func (d *decoder) strs() []string {
	n := d.uint()
	if n == 0 {
		return nil
	}
	if n-1 > uint64(len(d.b)-d.off) {
		d.fail("list")
		return nil
	}
	ss := make([]string, n-1)
	for i := range ss {
		ss[i] = d.str()
	}
	return ss
}

func (d *decoder) date() storyline.Date {
	if d.byte() == 0 {
		return storyline.Date{}
	}
	v, err := storyline.ParseDate(d.str())
	if err != nil && d.err == nil {
		d.err = fmt.Errorf("stored analysis: %w", err)
	}
	return v
}
