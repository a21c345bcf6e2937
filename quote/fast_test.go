package quote

import (
	"slices"
	"strings"
	"testing"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/entity"
)

// The shortcuts that spare the attribution rules work must give what the
// plain code they replace gives.

var firstWordsCases = []string{"", "  ", "For calm", "TO A conversation now", "\u00a0İstanbul\tſo \xff x",
	"ΣΊΣΥΦΟΣ said", "one", "a\u2028b c", "\xe3\x80 x"}

func TestFirstWords(t *testing.T) {
	for _, s := range firstWordsCases {
		checkFirstWords(t, s)
	}
}

func FuzzFirstWords(f *testing.F) {
	for _, s := range firstWordsCases {
		f.Add(s)
	}
	f.Fuzz(checkFirstWords)
}

func checkFirstWords(t *testing.T, s string) {
	want := strings.Fields(strings.ToLower(s))
	want = want[:min(2, len(want))]
	if got := firstWords(s); !slices.Equal(got, want) {
		t.Errorf("firstWords(%q) = %q, want %q", s, got, want)
	}
}

// cueWords tells what cueWeight and vocalVerbs tell.
func TestCueWords(t *testing.T) {
	for w, cw := range cueWords {
		if cw.weight != cueWeight[w] || cw.vocal != vocalVerbs[w] {
			t.Errorf("cueWords[%q] = %+v, cueWeight %v, vocalVerbs %v", w, cw, cueWeight[w], vocalVerbs[w])
		}
	}
	for w := range cueWeight {
		if _, ok := cueWords[w]; !ok {
			t.Errorf("cueWords lacks %q of cueWeight", w)
		}
	}
	for w := range vocalVerbs {
		if _, ok := cueWords[w]; !ok {
			t.Errorf("cueWords lacks %q of vocalVerbs", w)
		}
	}
}

// mentionAt starts its scan past the mentions that end before the token:
// it must find what a scan of all mentions finds.
func TestMentionAtAsPlainScan(t *testing.T) {
	texts := []string{
		"Russian Ambassador Anatoly Antonov told the State Department on Monday that Moscow's patience with Washington was running out, Antonov said.",
		"“He’s going to pay dearly,” President Joe Biden said of Vladimir Putin. The Kremlin spokesman Dmitry Peskov said Biden had not called.",
		"The Organization of the Petroleum Exporting Countries met in Vienna; OPEC said output would fall. Saudi Arabia's minister agreed.",
		"",
	}
	for _, text := range texts {
		ms := entity.Extract(text)
		for _, mentions := range [][]storyline.Mention{ms, reversed(ms)} {
			x := &extractor{text: text, mentions: mentions, toks: scan(text)}
			for k := range x.toks {
				if got, want := x.mentionAt(k), mentionAtPlain(x, k); got != want {
					t.Errorf("%.30q token %d %q: mentionAt %v, a plain scan %v", text, k, x.toks[k].text, got, want)
				}
			}
		}
	}
}

func reversed(ms []storyline.Mention) []storyline.Mention {
	out := slices.Clone(ms)
	slices.Reverse(out)
	return out
}

// mentionAtPlain is mentionAt scanning every mention from the first.
func mentionAtPlain(x *extractor, k int) *storyline.Mention {
	s, e := x.toks[k].start, x.toks[k].end
	var best *storyline.Mention
	for i := range x.mentions {
		m := &x.mentions[i]
		if m.Start >= e {
			break
		}
		if m.Start <= s && m.End >= e || m.Start >= s && m.End <= e && m.End > m.Start {
			if best == nil || m.Kind == storyline.Person && best.Kind != storyline.Person {
				best = m
			}
		}
	}
	return best
}
