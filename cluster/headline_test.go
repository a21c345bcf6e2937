package cluster

import (
	"strings"
	"testing"

	"github.com/storyline/storyline/eval/ecbplus"
	"github.com/storyline/storyline/internal/shareddata"
	"github.com/storyline/storyline/nlp"
)

// leadOfWholeText is the first sentence of the whole text as nlp.Sentences
// splits it, on one line: what headline gives for an untitled document
// when it is short enough not to be cut.
func leadOfWholeText(text string) string {
	text = strings.TrimSpace(text)
	if ss := nlp.Sentences(text); len(ss) > 0 {
		return strings.Join(strings.Fields(ss[0].Of(text)), " ")
	}
	return ""
}

// TestHeadlineReadsFirstParagraph: an untitled document's headline is the
// first sentence of its whole text, though only the text up to its first
// blank line is split: with lines that wrap a sentence, a heading in
// capitals, a quotation its attribution follows, an abbreviation, a first
// paragraph without a stop, and a text with no blank line at all
// (written for this test).
func TestHeadlineReadsFirstParagraph(t *testing.T) {
	texts := []string{
		"The ferry left the harbour at dawn with about two hundred passengers\nand a crew of twelve, the port authority said. It sank an hour later.\n\nDivers reached the wreck on Tuesday.",
		"BREAKING NEWS TONIGHT The dam above the valley gave way after three days of rain.\n\nThousands fled.",
		"\u201cWe heard the wall crack. Then the water came,\u201d a farmer said. Rescue teams arrived by boat.\n\nMore later.",
		"Gen. Okafor said the talks would go on. Both sides agreed.\n\nThe next round is in May.",
		"Storm warnings for the coast\n\nThe weather service warned of gales on Friday.",
		"  \n\nA leading blank line is trimmed away. The rest follows.",
		"One paragraph only. It has two sentences and no blank line.",
		"Lines\nthat do not wrap\nbecause they are short.\n\nAnother paragraph.",
	}
	for _, text := range texts {
		got := headline(&Doc{Text: text})
		want := leadOfWholeText(text)
		if got != want {
			t.Errorf("headline of %q:\n got %q\nwant %q", text, got, want)
		}
	}
}

// TestHeadlineTimeline17: the same for every Timeline17 article, its
// title left out (where its lead fits in a headline uncut).
func TestHeadlineTimeline17(t *testing.T) {
	docs, err := ecbplus.LoadTimeline17(shareddata.Dir(t, "eval/timeline17"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		want := leadOfWholeText(d.Text)
		if len(want) > 160 {
			continue
		}
		if got := headline(&Doc{Text: d.Text}); got != want {
			t.Errorf("%s: headline %q, want %q", d.ID, got, want)
		}
	}
}
