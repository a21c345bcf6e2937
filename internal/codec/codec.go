// Package codec is the compact binary form in which the stores keep an
// article's analysis: its mentions, time expressions and statements, one
// value an article (SQLite's and PostgreSQL's analyses.data).
package codec

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"time"
	"unicode/utf8"
	"unsafe"

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
// strings as described at (*encoder).str, lists as a length and their
// contents, a nil list that JSON would tell from an empty one as length 0
// and the others as length+1. Decoding gives exactly what a JSON round
// trip of the same analysis gave when analyses were stored as JSON:
// strings coerced to valid UTF-8 as encoding/json does, dates read back
// through ParseDate, an empty Numbers list as nil. codec_test.go checks
// every field of each type, so a field added to one of them and not here
// fails it.
//
// Version 1 wrote every string whole; version 2 (written since) writes a
// string met before in the same part as a reference to it: an article's
// mentions repeat their names, kinds and entity IDs, its statements their
// article ID and date texts, and this takes the stored analyses of
// Timeline17 from 23.7 to 14.7 MB. Decode reads both.

const analysisVersion = 2

// The parts of a stored analysis, for Decode.
const (
	Mentions = 1 << iota
	Timexes
	Statements
	All = Mentions | Timexes | Statements
)

// NotNil makes the parts of a named in parts empty where they are nil:
// a stored analysis reads back with empty lists, never nil ones, whichever
// form its row was kept in (this one, or the JSON of older rows).
func NotNil(a *storyline.Analysis, parts int) {
	if parts&Mentions != 0 && a.Mentions == nil {
		a.Mentions = []storyline.Mention{}
	}
	if parts&Timexes != 0 && a.Timexes == nil {
		a.Timexes = []storyline.Timex{}
	}
	if parts&Statements != 0 && a.Statements == nil {
		a.Statements = []storyline.Statement{}
	}
}

// Encode returns the stored form of a's mentions, time
// expressions and statements, in that order, each part behind its length
// in four bytes so that a reader can skip it.
func Encode(a *storyline.Analysis) []byte { return encode(a, analysisVersion) }

// An Encoder encodes one analysis after another as Encode does, reusing
// its buffer and string table: what Encode returns is good until its next
// call. A store writing a batch of analyses keeps one.
type Encoder struct{ e encoder }

// Encode returns the stored form of a, as the package's Encode.
func (x *Encoder) Encode(a *storyline.Analysis) []byte {
	x.e.version = analysisVersion
	if x.e.table == nil {
		x.e.table = map[string]int{}
	}
	x.e.b = x.e.b[:0]
	x.e.analysis(a)
	return x.e.b
}

// encode writes a in the form of that version (older ones for tests).
func encode(a *storyline.Analysis, version byte) []byte {
	e := encoder{b: make([]byte, 0, 64+len(a.Timexes)*32+len(a.Mentions)*24+len(a.Statements)*120), version: version,
		// about as many strings as the largest part has distinct ones
		table: make(map[string]int, max(len(a.Mentions)*3, len(a.Timexes)*4, len(a.Statements)*3))}
	e.analysis(a)
	return e.b
}

// analysis appends the stored form of a to e.b.
func (e *encoder) analysis(a *storyline.Analysis) {
	e.b = append(e.b, e.version)
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
		e.text(s.Text)
		e.date(s.Date)
		e.str(s.DateText)
		e.bool(s.Estimated)
		e.bool(s.FromContext)
		e.strs(s.Actors, true)
		e.strs(s.Numbers, false)
	}
	e.end(part)
}

// Decode reads the parts (Mentions, ...) of what
// Encode wrote into a's Mentions, Timexes and Statements, each
// not nil when read.
func Decode(b []byte, a *storyline.Analysis, parts int) error {
	d := decoder{b: b}
	d.version = d.byte()
	if d.version != 1 && d.version != analysisVersion {
		return fmt.Errorf("stored analysis of form %d, want 1 or %d", d.version, analysisVersion)
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
			s.Text = d.text()
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

// begin reserves a part's length, and starts the part's strings afresh
// (a part is read alone); end writes the length.
func (e *encoder) begin() int {
	e.b = append(e.b, 0, 0, 0, 0)
	clear(e.table)
	e.seen = [len(e.seen)]seenString{}
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
	d.table = d.table[:0]
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

type encoder struct {
	b       []byte
	version byte
	// table numbers the strings of the current part, in the order first
	// written
	table map[string]int
	// seen remembers strings of the current part by where their bytes
	// are, with their numbers: one string that several fields hold (an
	// entity ID, a kind, the article ID) is found again without hashing
	// its bytes. Its pointers keep those bytes alive, so no other string
	// can be put where a remembered one is.
	seen [64]seenString
}

type seenString struct {
	p    *byte
	n, i int
}

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

// text writes a string that is seldom repeated (a sentence, a quote) as
// str would, but outside the table: in version 2 as a varint
// 2*len(s)-1 and its bytes, never referred to again.
func (e *encoder) text(s string) {
	if e.version == 1 || s == "" {
		e.str(s)
		return
	}
	if !utf8.ValidString(s) {
		s = validUTF8(s)
	}
	e.uint(uint64(2*len(s) - 1))
	e.b = append(e.b, s...)
}

// str writes s as encoding/json would keep it (each byte of an invalid
// UTF-8 sequence becomes U+FFFD), as one varint k and maybe bytes: k = 0
// is "", an odd k a new string of (k+1)/2 bytes that follow, which
// becomes the part's next numbered string, and an even k the string
// numbered k/2-1.
func (e *encoder) str(s string) {
	if s == "" {
		e.uint(0)
		return
	}
	if e.version == 1 {
		if !utf8.ValidString(s) {
			s = validUTF8(s)
		}
		e.uint(uint64(len(s)))
		e.b = append(e.b, s...)
		return
	}
	p, n := unsafe.StringData(s), len(s)
	h := uintptr(unsafe.Pointer(p))
	seen := &e.seen[(h^h>>6+uintptr(n))%uintptr(len(e.seen))]
	if seen.p == p && seen.n == n {
		e.uint(uint64(2*seen.i + 2))
		return
	}
	// the table holds valid strings only: one found there needs no
	// checking (a part repeats most of its strings)
	i, ok := e.table[s]
	if !ok && !utf8.ValidString(s) {
		s = validUTF8(s)
		i, ok = e.table[s]
	}
	if !ok {
		if e.table == nil {
			e.table = map[string]int{}
		}
		i = len(e.table)
		e.table[s] = i
	}
	*seen = seenString{p, n, i}
	if ok {
		e.uint(uint64(2*i + 2))
		return
	}
	e.uint(uint64(2*len(s) - 1))
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

// date writes a date as JSON kept it, its text read back with ParseDate:
// a byte 0 for none; in version 2 a date that text reads back field for
// field (a year of four digits, a real day) as a byte 2, its precision and
// numbers; any other as a byte 1 and its text.
func (e *encoder) date(d storyline.Date) {
	if d.IsZero() {
		e.b = append(e.b, 0)
		return
	}
	if e.version > 1 && plainDate(d) {
		e.b = append(e.b, 2, byte(d.Precision))
		e.uint(uint64(d.Year))
		if d.Precision >= storyline.PrecisionMonth {
			e.b = append(e.b, byte(d.Month))
		}
		if d.Precision == storyline.PrecisionDay {
			e.b = append(e.b, byte(d.Day))
		}
		return
	}
	e.b = append(e.b, 1)
	e.str(d.String())
}

// plainDate reports whether ParseDate(d.String()) gives d's fields up to
// its precision back.
func plainDate(d storyline.Date) bool {
	if d.Year < 0 || d.Year > 9999 || d.Precision > storyline.PrecisionDay {
		return false
	}
	if d.Precision >= storyline.PrecisionMonth && (d.Month < 1 || d.Month > 12) {
		return false
	}
	if d.Precision == storyline.PrecisionDay {
		return d.Day >= 1 && d.Day <= 28 || d.Day <= 31 && time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).Day() == d.Day
	}
	return true
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
	b       []byte
	off     int
	err     error
	version byte
	table   []string // the current part's strings (version 2)
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
	k := d.uint()
	if d.version == 1 {
		return d.bytes(k)
	}
	switch {
	case k == 0:
		return ""
	case k%2 == 1:
		s := d.bytes((k + 1) / 2)
		d.table = append(d.table, s)
		return s
	case k/2-1 < uint64(len(d.table)):
		return d.table[k/2-1]
	}
	d.fail("string reference")
	return ""
}

// text reads what (*encoder).text wrote.
func (d *decoder) text() string {
	if d.version == 1 {
		return d.str()
	}
	k := d.uint()
	if k == 0 {
		return ""
	}
	if k%2 == 0 {
		d.fail("text")
		return ""
	}
	return d.bytes((k + 1) / 2)
}

// bytes reads a string of n bytes.
func (d *decoder) bytes(n uint64) string {
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
	switch d.byte() {
	case 0:
		return storyline.Date{}
	case 2:
		if d.version > 1 {
			return d.plainDate()
		}
	}
	v, err := storyline.ParseDate(d.str())
	if err != nil && d.err == nil {
		d.err = fmt.Errorf("stored analysis: %w", err)
	}
	return v
}

// plainDate reads the fields (*encoder).date wrote of a plain date.
func (d *decoder) plainDate() storyline.Date {
	v := storyline.Date{Precision: storyline.Precision(d.byte())}
	v.Year = int(d.uint())
	if v.Precision >= storyline.PrecisionMonth {
		v.Month = time.Month(d.byte())
	}
	if v.Precision == storyline.PrecisionDay {
		v.Day = int(d.byte())
	}
	// only what the encoder writes as plain: no month 13, no 31 February
	if v.Precision < storyline.PrecisionYear || !plainDate(v) {
		d.fail("date")
	}
	return v
}
