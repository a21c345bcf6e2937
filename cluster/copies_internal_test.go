package cluster

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/storyline/storyline/nlp"
)

func sketchOf(text string) copySketch {
	toks := nlp.Tokens(text)
	hashes := make([]uint64, len(toks))
	for i, t := range toks {
		hashes[i] = hashString(t.Text)
	}
	return narrativeSketch(text, toks, hashes, 4)
}

// TestNarrativeSketch: words inside quotation marks and heading lines do
// not count towards a copy; the rest does, in order, for the lead.
func TestNarrativeSketch(t *testing.T) {
	cases := []struct {
		name, text string
		want       int // narrative shingles
	}{
		{"prose", "The council met on Monday and voted to close the bridge.", 8},
		{"a quotation inside", "The mayor said “we will close the bridge for a year” on Monday.", 0},
		{"a quotation across the line break ends with the line", "He said “we will go.\nThe council met on Monday and voted.", 4},
		{"straight quotes", `The mayor said "we will close the bridge" and left the hall quickly.`, 2},
		{"a heading line", "Bridge closed for a year\nThe council met on Monday and voted to close the bridge.", 8},
	}
	for _, c := range cases {
		if got := len(sketchOf(c.text).set); got != c.want {
			t.Errorf("%s: %d narrative shingles, want %d", c.name, got, c.want)
		}
	}
	// The lead is the first shingles in text order.
	sk := sketchOf("One two three four five six seven eight nine ten eleven twelve.")
	if len(sk.lead) != 9 || len(sk.set) != 9 {
		t.Errorf("lead %d, set %d shingles, want 9 and 9", len(sk.lead), len(sk.set))
	}
}

// referenceNarrativeSketch is narrativeSketch as plainly as it can be
// written: each line's words (0 for a quoted one), and every run of k of
// them with no quoted word, hashed; the line and quotation state found
// from every gap between words.
func referenceNarrativeSketch(text string, toks []nlp.Token, hashes []uint64, k int) copySketch {
	var sk copySketch
	var line []uint64
	lineStart := 0
	flush := func(end int) {
		if len(line) >= k && !headingLine(text, toks, lineStart, end) {
			for i := 0; i+k <= len(line) && len(sk.set) < maxSketch; i++ {
				if slices.Contains(line[i:i+k], 0) {
					continue
				}
				h := uint32(shingleHash(line[i:i+k]) >> 32)
				sk.set = append(sk.set, h)
				if len(sk.lead) < leadSize {
					sk.lead = append(sk.lead, h)
				}
			}
		}
		line = line[:0]
	}
	quoted := false
	prevEnd := 0
	for i, t := range toks {
		gap := text[prevEnd:t.Start]
		if strings.IndexByte(gap, '\n') >= 0 {
			flush(i)
			lineStart, quoted = i, false
			gap = gap[strings.LastIndexByte(gap, '\n'):]
		}
		quoted = quoteState(gap, quoted)
		if quoted {
			line = append(line, 0)
		} else {
			line = append(line, hashes[i]|1)
		}
		prevEnd = t.End
	}
	flush(len(toks))
	slices.Sort(sk.set)
	sk.set = slices.Compact(sk.set)
	slices.Sort(sk.lead)
	return sk
}

// FuzzNarrativeSketch: narrativeSketch, which skips the gaps of a lone
// space and counts the unquoted words in a row, keeps the shingles the
// plain reference keeps, for shingles of one to five words.
func FuzzNarrativeSketch(f *testing.F) {
	f.Add("The mayor said “we will close the bridge for a year” on Monday.\nBridge closed\nHe said \"we will go.\nThe council met, and voted: «no» – twice.")
	f.Add("One two three four five six seven eight nine ten eleven twelve.")
	f.Add("a \" b \" c d e f g h i j k\n\n  „l m” n o p q r s t u v w x y z.")
	f.Fuzz(func(t *testing.T, text string) {
		toks := nlp.Tokens(text)
		hashes := make([]uint64, len(toks))
		for i, tk := range toks {
			hashes[i] = hashString(tk.Text)
		}
		for k := 1; k <= 5; k++ {
			got := narrativeSketch(text, toks, hashes, k)
			want := referenceNarrativeSketch(text, toks, hashes, k)
			if !slices.Equal(got.set, want.set) || !slices.Equal(got.lead, want.lead) {
				t.Fatalf("k=%d: sketch %v lead %v, the reference %v lead %v", k, got.set, got.lead, want.set, want.lead)
			}
		}
	})
}

// TestNarrativeSketchAsReference runs FuzzNarrativeSketch's comparison
// on random texts of words, spaces, line breaks and quotation marks,
// some long enough to fill a sketch.
func TestNarrativeSketchAsReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(25, 26))
	words := []string{"the", "council", "met", "Monday", "and", "voted", "bridge", "2010", "a", "of"}
	gaps := []string{" ", " ", " ", " ", ", ", ". ", "\n", "\n\n", " \"", "\" ", " “", "” ", " «", "» ", " „", ": "}
	for n := range 300 {
		var b strings.Builder
		for range 1 + rng.IntN(3000) {
			b.WriteString(words[rng.IntN(len(words))])
			b.WriteString(gaps[rng.IntN(len(gaps))])
		}
		text := b.String()
		toks := nlp.Tokens(text)
		hashes := make([]uint64, len(toks))
		for i, tk := range toks {
			hashes[i] = hashString(tk.Text)
		}
		k := 1 + rng.IntN(5)
		got := narrativeSketch(text, toks, hashes, k)
		want := referenceNarrativeSketch(text, toks, hashes, k)
		if !slices.Equal(got.set, want.set) || !slices.Equal(got.lead, want.lead) {
			t.Fatalf("case %d, k=%d: %d shingles, lead %v; the reference %d, lead %v", n, k, len(got.set), got.lead, len(want.set), want.lead)
		}
	}
}

// TestShingleHashAsChain: shingleHash, unrolled for shingles of four
// words, chains mix64 over the words as it does for any other length.
func TestShingleHashAsChain(t *testing.T) {
	rng := rand.New(rand.NewPCG(27, 28))
	for n := range 1000 {
		words := make([]uint64, n%7)
		for i := range words {
			words[i] = rng.Uint64()
		}
		want := uint64(0x9e3779b97f4a7c15)
		for _, w := range words {
			want = mix64(want ^ w)
		}
		if got := shingleHash(words); got != want {
			t.Fatalf("%d words: shingleHash %#x, the chain %#x", len(words), got, want)
		}
	}
}

func TestCopyShare(t *testing.T) {
	a := sketchOf("The council met on Monday and voted to close the bridge for a year of repairs.")
	b := sketchOf("The council met on Monday and voted to close the bridge for a year of repairs. Drivers will have to use the ferry until the work is done, the mayor said.")
	share, lead, shared := copyShare(&a, &b)
	if share != 1 || lead != 1 || shared != len(a.set) {
		t.Errorf("share %.2f lead %.2f shared %d, want 1, 1, %d", share, lead, shared, len(a.set))
	}
	if s2, l2, n2 := copyShare(&b, &a); s2 != share || l2 != lead || n2 != shared {
		t.Errorf("copyShare is not symmetric: %.2f %.2f %d", s2, l2, n2)
	}
}

// TestCopyOfAgrees: copyOf, which stops early, decides as isCopy over
// copyShare does, with the same share, on sketches that overlap by any
// amount.
func TestCopyOfAgrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	sketch := func(base []uint32, keep float64, extra int) copySketch {
		var sk copySketch
		for _, h := range base {
			if rng.Float64() < keep {
				sk.set = append(sk.set, h)
				if len(sk.lead) < leadSize {
					sk.lead = append(sk.lead, h)
				}
			}
		}
		for range extra {
			sk.set = append(sk.set, rng.Uint32())
		}
		if len(sk.lead) > 2 && rng.IntN(4) == 0 { // a shingle twice in the lead
			sk.lead[len(sk.lead)-1] = sk.lead[0]
		}
		slices.Sort(sk.set)
		sk.set = slices.Compact(sk.set)
		slices.Sort(sk.lead) // as narrativeSketch keeps it
		return sk
	}
	o := Options{}.withDefaults()
	copies := 0
	for n := range 3000 {
		base := make([]uint32, 5+rng.IntN(300))
		for i := range base {
			base[i] = rng.Uint32()
		}
		a := sketch(base, rng.Float64(), rng.IntN(200))
		b := sketch(base, rng.Float64(), rng.IntN(200))
		share, lead, shared := copyShare(&a, &b)
		want := o.isCopy(share, lead, shared)
		got, ok := o.copyOf(&a, &b)
		if ok != want || ok && got != share {
			t.Fatalf("case %d: copyOf = %v, %v; copyShare %v, %v, %d: isCopy %v", n, got, ok, share, lead, shared, want)
		}
		if ok {
			copies++
		}
	}
	if copies < 100 {
		t.Errorf("only %d of 3000 cases are copies: the test shows little", copies)
	}
}

// TestCopyCandidatesBySampledShare: a text is proposed as a copy
// candidate only when it shares, besides two sampled shingles, at least
// a quarter of the least copy share of the sampled shingles of whichever
// of the two has fewer: a shared wire paragraph in a long text is not
// measured, a copy of a short one is.
func TestCopyCandidatesBySampledShare(t *testing.T) {
	sketch := func(from, n int) *copySketch {
		sk := &copySketch{}
		for i := range n {
			sk.set = append(sk.set, uint32(4*(from+i))) // all sampled
		}
		return sk
	}
	o := Options{}.withDefaults()
	x := newCopyIndex()
	long := &member{seq: 1}
	x.add(sketch(0, 400), long)
	short := &member{seq: 2}
	x.add(sketch(1000, 12), short)
	cases := []struct {
		name  string
		query *copySketch
		want  []*member
	}{
		{"3 of 100 sampled shingles, with a long text", sketch(397, 100), nil},
		{"9 of 100", sketch(391, 100), nil},
		{"10 of 100", sketch(390, 100), []*member{long}},
		{"2 of the short text's 12, from a long text", sketch(1010, 100), []*member{short}},
		{"1 of the short text's 12", sketch(1011, 100), nil},
	}
	for _, c := range cases {
		if got := x.candidates(c.query, o.minCopyShare()); !slices.Equal(got, c.want) {
			t.Errorf("%s: candidates %v, want %v", c.name, got, c.want)
		}
	}
}

// TestSortHashes: the radix sort of hashes sorts as slices.Sort does, at
// every length, with repeats.
func TestSortHashes(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for n := range 700 {
		s := make([]uint32, n)
		for i := range s {
			switch rng.IntN(3) {
			case 0:
				s[i] = rng.Uint32()
			case 1:
				s[i] = uint32(rng.IntN(50)) << (8 * rng.IntN(4))
			default:
				if i > 0 {
					s[i] = s[rng.IntN(i)]
				}
			}
		}
		want := slices.Clone(s)
		slices.Sort(want)
		sortHashes(s)
		if !slices.Equal(s, want) {
			t.Fatalf("%d hashes: sorted %v, want %v", n, s, want)
		}
	}
}

// TestFirstTable: the open-addressed table of first texts holds what a
// map would, through puts and deletes that shift probe runs back, with
// hashes that collide on their home slot.
func TestFirstTable(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	var tab firstTable
	want := map[uint32]*member{}
	var keys []uint32
	for op := range 200000 {
		var h uint32
		if rng.IntN(3) == 0 {
			h = uint32(rng.IntN(64)) << 24 // the same home slot in a small table
		} else {
			h = rng.Uint32()
		}
		h &^= 3 // sampled
		switch i := tab.get(h); {
		case (i >= 0) != (want[h] != nil):
			t.Fatalf("op %d: get(%x) = %d, want held %v", op, h, i, want[h] != nil)
		case i >= 0 && tab.slots[i].m != want[h]:
			t.Fatalf("op %d: get(%x) holds another text", op, h)
		case i < 0 && rng.IntN(4) > 0:
			m := &member{seq: int64(op)}
			tab.put(h, m)
			want[h] = m
			keys = append(keys, h)
		}
		if len(keys) > 0 && rng.IntN(3) == 0 { // delete one held
			j := rng.IntN(len(keys))
			k := keys[j]
			keys[j] = keys[len(keys)-1]
			keys = keys[:len(keys)-1]
			if want[k] == nil {
				continue
			}
			i := tab.get(k)
			if i < 0 {
				t.Fatalf("op %d: %x lost", op, k)
			}
			tab.del(i)
			delete(want, k)
		}
	}
	if tab.n != len(want) {
		t.Fatalf("table holds %d, want %d", tab.n, len(want))
	}
	for h, m := range want {
		if i := tab.get(h); i < 0 || tab.slots[i].m != m {
			t.Fatalf("%x: lost at the end", h)
		}
	}
}
