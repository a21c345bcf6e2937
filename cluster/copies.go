package cluster

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/storyline/storyline/nlp"
)

// Copies.
//
// A page that reuses most of another's text is a copy of it, even when the
// two differ in length and debris: a syndicated wire story under another
// outlet's furniture, a truncated copy, an update that grew. Jaccard
// similarity (minhash.go) misses those, since the extra text of the longer
// page counts against the pair; what tells a copy is how much of the
// shorter text the longer one contains.
//
// Two reports of one happening share text too: the quotations of one press
// conference, a wire paragraph of background. So the measure leaves out
// the words inside quotation marks (outlets quote the same words, they do
// not write the same narrative) and heading lines, and a copy must also
// hold the shorter text's lead: a copy starts where its original starts,
// while a report that borrows a paragraph has a lead of its own.
//
// Candidates come from an index of a quarter of each text's shingles
// (those whose hash is 0 mod 4, the same ones in every text, so that a
// shared passage shares its sampled shingles too); each candidate is then
// measured exactly. The share of the shorter text's sampled shingles that
// two texts share estimates the share of all its shingles they share,
// which a copy needs from ContainmentThreshold on: a candidate whose
// sampled share is under a quarter of that is not measured (on Timeline17,
// 89,765 candidates, of which 100 copies, whose sampled shares are 0.34 and
// more: 7,139 are left). The index holds the active articles only.

const (
	// leadSize is how many narrative shingles make a text's lead.
	leadSize = 40
	// maxSketch bounds the shingles a text keeps, from its start.
	maxSketch = 1000
	// minShared is how many narrative shingles two texts must share to be
	// copies unless the shorter one is almost all inside the other: a
	// sentence in common is no copy.
	minShared = 20
	// fullShare is the share from which a short text is a copy whatever
	// its length (a two-sentence truncated copy).
	fullShare = 0.9
	// maxPosting is how many texts a sampled shingle may be found in and
	// still propose candidates: a stock phrase proposes nothing.
	maxPosting = 200
	// copyDays is how far apart two dated texts may be published to be
	// copies by containment: a copy follows its original within weeks,
	// while a wire's stock sentences come back with the next happening of
	// the kind ("Russia has called its ambassador ... back to Moscow").
	copyDays = 30
)

// copySketch is what a text keeps to find its copies: the hashes of its
// narrative shingles (word shingles of its lines of prose, outside
// quotation marks), sorted and distinct, and the first leadSize of them
// in text order (kept sorted: only which they are counts).
type copySketch struct {
	set  []uint32
	lead []uint32
}

// narrativeSketch builds the copy sketch of text from its tokens and
// their word hashes, with shingles of k words that stay within a line.
func narrativeSketch(text string, toks []nlp.Token, hashes []uint64, k int) copySketch {
	sk := copySketch{set: make([]uint32, 0, min(len(toks), maxSketch))}
	line := make([]uint64, 0, 256) // hashes of the current line's words, 0 for quoted ones
	lineStart := 0                 // index in toks of the line's first token
	flush := func(end int) {
		if len(line) >= k && !headingLine(text, toks, lineStart, end) {
			run := 0 // words in a row outside quotation marks, up to line[j]
			for j, h := range line {
				if h == 0 {
					run = 0
					continue
				}
				if run++; run < k {
					continue
				}
				if len(sk.set) == maxSketch {
					break
				}
				s := uint32(shingleHash(line[j+1-k:j+1]) >> 32)
				sk.set = append(sk.set, s)
				if len(sk.lead) < leadSize {
					sk.lead = append(sk.lead, s)
				}
			}
		}
		line = line[:0]
	}
	quoted := false
	prevEnd := 0
	for i, t := range toks {
		// most words stand a space apart, which neither ends a line nor
		// opens or closes a quotation
		if gap := text[prevEnd:t.Start]; gap != " " {
			if nl := strings.LastIndexByte(gap, '\n'); nl >= 0 {
				flush(i)
				lineStart, quoted = i, false
				gap = gap[nl:]
			}
			quoted = quoteState(gap, quoted)
		}
		if quoted {
			line = append(line, 0)
		} else {
			line = append(line, hashes[i]|1) // never 0
		}
		prevEnd = t.End
	}
	flush(len(toks))
	sortHashes(sk.set)
	sk.set = slices.Compact(sk.set)
	slices.Sort(sk.lead)
	return sk
}

// quoteState returns whether a quotation is open after the characters
// between two words, given whether one was open before them.
func quoteState(gap string, open bool) bool {
	for _, r := range gap {
		switch r {
		case '"':
			open = !open
		case '“', '«', '„':
			open = true
		case '”', '»':
			open = false
		}
	}
	return open
}

// headingLine reports whether the line of tokens [from, to) is a heading
// rather than prose: fewer than eight words and no stop at its end.
func headingLine(text string, toks []nlp.Token, from, to int) bool {
	if to-from >= 8 {
		return false
	}
	end := len(text)
	if i := strings.IndexByte(text[toks[to-1].End:], '\n'); i >= 0 {
		end = toks[to-1].End + i
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(text[toks[to-1].End:end], " \t\r"))
	return !strings.ContainsRune(".!?\"”»", last)
}

// shingleHash hashes a run of word hashes as shingles does.
func shingleHash(words []uint64) uint64 {
	h := uint64(0x9e3779b97f4a7c15)
	if len(words) == 4 { // the default shingle (Options.Shingle), unrolled
		return mix64(mix64(mix64(mix64(h^words[0])^words[1])^words[2]) ^ words[3])
	}
	for _, w := range words {
		h = mix64(h ^ w)
	}
	return h
}

// sampled reports whether a shingle hash is one the index holds.
func sampled(h uint32) bool { return h&3 == 0 }

// copyIndex finds the texts that share sampled shingles with a sketch.
// Most shingles belong to one text: first holds that one, more the others
// for the few that several texts share.
type copyIndex struct {
	first firstTable           // sampled shingle -> the first text holding it
	more  map[uint32][]*member // sampled shingle -> the other texts holding it
	hit   []*member            // scratch for candidates
}

func newCopyIndex() copyIndex {
	return copyIndex{more: map[uint32][]*member{}}
}

func (x *copyIndex) add(sk *copySketch, m *member) {
	m.copySampled = 0
	for _, h := range sk.set {
		if !sampled(h) {
			continue
		}
		m.copySampled++
		i := x.first.get(h)
		if i < 0 {
			x.first.put(h, m)
			continue
		}
		// A stock phrase found in maxPosting texts proposes nothing: it
		// need not hold more.
		if p := x.more[h]; len(p) < maxPosting {
			x.more[h] = append(p, m)
			x.first.slots[i].more++
		}
	}
}

func (x *copyIndex) remove(sk *copySketch, m *member) {
	for _, h := range sk.set {
		if !sampled(h) {
			continue
		}
		i := x.first.get(h)
		if i < 0 {
			continue
		}
		s := &x.first.slots[i]
		var p []*member
		if s.more > 0 {
			p = x.more[h]
		}
		if s.m == m {
			if len(p) == 0 {
				x.first.del(i)
				continue
			}
			s.m, p = p[0], p[1:]
		} else if j := slices.Index(p, m); j >= 0 {
			p = slices.Delete(p, j, j+1)
		}
		s.more = int32(len(p))
		if len(p) == 0 {
			delete(x.more, h)
		} else {
			x.more[h] = p
		}
	}
}

// candidates returns the texts sharing at least two sampled shingles with
// the sketch (one, for a text that has fewer than eight of them), and at
// least minShare/4 of the sampled shingles of the one that has fewer,
// most shared first, then in order of arrival.
func (x *copyIndex) candidates(sk *copySketch, minShare float64) []*member {
	hit := x.hit[:0]
	count := func(m *member) {
		if m.copyHits == 0 {
			hit = append(hit, m)
		}
		m.copyHits++
	}
	n := 0
	for _, h := range sk.set {
		if !sampled(h) {
			continue
		}
		n++
		i := x.first.get(h)
		if i < 0 {
			continue
		}
		s := x.first.slots[i]
		var p []*member
		if s.more > 0 {
			if p = x.more[h]; len(p) >= maxPosting {
				continue
			}
		}
		count(s.m)
		for _, m := range p {
			count(m)
		}
	}
	need := 2
	if n < 8 {
		need = 1
	}
	var out []*member
	for _, m := range hit {
		if m.copyHits >= need && float64(m.copyHits) >= minShare/4*float64(min(n, m.copySampled)) {
			out = append(out, m)
		}
	}
	slices.SortFunc(out, func(a, b *member) int {
		if c := b.copyHits - a.copyHits; c != 0 {
			return c
		}
		return cmp.Compare(a.seq, b.seq)
	})
	for _, m := range hit {
		m.copyHits = 0
	}
	clear(hit)
	x.hit = hit[:0]
	return out
}

// copyShare measures two sketches: the share of the shorter text's
// narrative shingles found in the longer, the share of its lead found
// there, and the number of shingles they share.
func copyShare(a, b *copySketch) (share, lead float64, shared int) {
	if len(a.set) > len(b.set) {
		a, b = b, a
	}
	if len(a.set) == 0 {
		return 0, 0, 0
	}
	i, j := 0, 0
	for i < len(a.set) && j < len(b.set) {
		switch {
		case a.set[i] == b.set[j]:
			shared++
			i++
			j++
		case a.set[i] < b.set[j]:
			i++
		default:
			j++
		}
	}
	in := 0
	for _, h := range a.lead {
		if _, ok := slices.BinarySearch(b.set, h); ok {
			in++
		}
	}
	return float64(shared) / float64(len(a.set)), float64(in) / float64(max(1, len(a.lead))), shared
}

// copyOf measures two sketches as copyShare does and reports whether they
// are copies (Options.isCopy), with the share; it stops measuring as soon
// as the lead or the shingles left cannot make them copies.
func (o *Options) copyOf(a, b *copySketch) (float64, bool) {
	if len(a.set) > len(b.set) {
		a, b = b, a
	}
	if len(a.set) == 0 {
		return 0, false
	}
	// isCopy needs at least this much of the lead and of the set, and
	// this many shingles shared, whichever way it holds.
	minLead := min(o.LeadThreshold, fullShare)
	minShare := o.minCopyShare()
	const minCount = 8
	nl := float64(max(1, len(a.lead)))
	in := 0
	j := 0 // the lead is sorted: look for each shingle from where the last was
	for i, h := range a.lead {
		if float64(in+len(a.lead)-i)/nl < minLead {
			return 0, false
		}
		lo, hi, step := j, j, 1
		for hi < len(b.set) && b.set[hi] < h {
			lo = hi + 1
			hi += step
			step <<= 1
		}
		hi = min(hi, len(b.set))
		k, found := slices.BinarySearch(b.set[lo:hi], h)
		j = lo + k
		if found || j < len(b.set) && b.set[j] == h {
			in++
		}
	}
	n := float64(len(a.set))
	shared := 0
	i := 0
	j = 0
	for i < len(a.set) && j < len(b.set) {
		if left := shared + len(a.set) - i; left < minCount || float64(left)/n < minShare {
			return 0, false
		}
		switch {
		case a.set[i] == b.set[j]:
			shared++
			i++
			j++
		case a.set[i] < b.set[j]:
			i++
		default:
			j++
		}
	}
	share := float64(shared) / n
	return share, o.isCopy(share, float64(in)/nl, shared)
}

// minCopyShare is the least share of the shorter text's shingles that
// two copies share (isCopy).
func (o *Options) minCopyShare() float64 { return min(o.ContainmentThreshold, fullShare) }

// copyWindow reports whether two members were published close enough to
// be copies by containment (or either date is unknown).
func copyWindow(a, b *member) bool {
	if a.published.IsZero() || b.published.IsZero() {
		return true
	}
	d := a.published.Time().Sub(b.published.Time()).Hours() / 24
	return d <= copyDays && d >= -copyDays
}

// isCopy reports whether two measured texts are copies: the shorter one
// mostly inside the longer, its lead too, and more than a sentence shared
// (or nearly all of a short text).
func (o *Options) isCopy(share, lead float64, shared int) bool {
	if share >= fullShare && lead >= fullShare && shared >= 8 {
		return true
	}
	return share >= o.ContainmentThreshold && lead >= o.LeadThreshold && shared >= minShared
}
