package timeline

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/nlp"
)

// randomVector returns a vector of up to n of the features 0..top with
// weights like prepare's (log(1+n/df)).
func randomVector(r *rand.Rand, n, top int) vector {
	var v vector
	for range r.IntN(n + 1) {
		v.ids = append(v.ids, int32(r.IntN(top)))
	}
	slices.Sort(v.ids)
	v.ids = slices.Compact(v.ids)
	var sq float64
	for range v.ids {
		w := math.Log(1 + 5000/float64(1+r.IntN(5000)))
		v.w = append(v.w, w)
		sq += w * w
	}
	v.norm = math.Sqrt(sq)
	return v
}

// TestSpreadCosine checks that a spread vector gives cosine's value to
// the bit, against short and long vectors (cosine's two ways), after
// other vectors were spread before it.
func TestSpreadCosine(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var sp spread
	for range 300 {
		a := randomVector(r, 1+r.IntN(400), 2000)
		sp.set(&a)
		for range 30 {
			b := randomVector(r, 1+r.IntN(60), 2500)
			if got, want := sp.cosine(&b), cosine(&a, &b); math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("spread cosine %v, cosine %v", got, want)
			}
			if got, want := sp.cosine(&b), cosine(&b, &a); math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("spread cosine %v, cosine the other way %v", got, want)
			}
		}
	}
}

// TestLinkPairByPair checks link (each statement of h spread out once)
// against the closest pair's cosine taken pair by pair, to the bit, with
// corroborating members of g left out.
func TestLinkPairByPair(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for range 300 {
		h, g := newHappening(storyline.Year(2021)), newHappening(storyline.Year(2021))
		for range 1 + r.IntN(12) {
			h.items = append(h.items, &item{vec: randomVector(r, 1+r.IntN(80), 600)})
		}
		for range 1 + r.IntN(12) {
			it := &item{vec: randomVector(r, 1+r.IntN(80), 700)}
			g.items = append(g.items, it)
			if r.IntN(4) == 0 {
				g.markCoarse(it)
			}
		}
		want := 0.0
		for _, a := range h.items {
			for _, b := range g.items {
				if !g.coarse[b] {
					want = math.Max(want, cosine(&a.vec, &b.vec))
				}
			}
		}
		if got := link(h, g); math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("link %v, the closest pair's cosine %v", got, want)
		}
	}
}

// TestPeaksBound checks that mayReach and mayLink never rule out a
// happening one of whose members (not corroborating) reaches the
// threshold, and that they do rule some out.
func TestPeaksBound(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	ruled := 0
	for range 200 {
		h := newHappening(storyline.Year(2021))
		for range fewMembers + 1 + r.IntN(40) {
			it := &item{vec: randomVector(r, 25, 300)}
			h.items = append(h.items, it)
			if r.IntN(4) == 0 {
				h.markCoarse(it)
			}
		}
		for range 50 {
			it := &item{vec: randomVector(r, 25, 300)}
			for _, th := range []float64{corroborates, reportedBefore, sameHappeningNear, 0.1} {
				if c := closest(it, h); c >= th && !h.mayReach(it, th) {
					t.Fatalf("closest %v reaches %v, but mayReach says it cannot", c, th)
				}
				if l := link(&happening{items: []*item{it}}, h); l >= th && !h.mayLink(it, th) {
					t.Fatalf("link %v reaches %v, but mayLink says it cannot", l, th)
				}
				if !h.mayReach(it, th) {
					ruled++
				}
			}
		}
	}
	if ruled == 0 {
		t.Error("the bound never ruled a happening out")
	}
}

// FuzzWordKey checks a word's key (wordKeys.word: numbered, with the
// short ASCII words answered without a look-up) against what the key of
// a word is: none for a word that is no content word or a reporting verb,
// else its concept or its stem; and whether a concept phrase needs it.
func FuzzWordKey(f *testing.F) {
	for _, w := range []string{"a", "an", "the", "Recalled", "recall", "talks", "home", "Home", "said", "İs", "İ", "K", "\u212aS", "ſo", "2021", "Monday", "consultations", "é", "ab", "\xff", "summoned"} {
		f.Add(w)
	}
	k := newWordKeys()
	f.Fuzz(func(t *testing.T, word string) {
		want := ""
		if w := strings.ToLower(word); isContentWord(w) {
			switch c := concept(w); c {
			case "-":
			case "":
				want = nlp.Stem(w)
			default:
				want = c
			}
		}
		for range 2 { // read, then remembered
			got := k.word(word)
			key := ""
			if got.id >= 0 {
				key = k.keys[got.id]
			}
			if key != want || got.phrase != phraseWords[word] {
				t.Fatalf("word(%q) = key %q, phrase %v; want %q, %v", word, key, got.phrase, want, phraseWords[word])
			}
		}
	})
}
