package entities_test

import (
	"strings"
	"testing"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/entity"
	"github.com/storyline/storyline/eval/entities"
)

func TestParse(t *testing.T) {
	as, err := entities.Parse(strings.NewReader("# comment\n### a\nPresident [Joe Biden]{person} met [his]{person=Joe Biden} aide in [U.S.]{place=United States} soil.\n### b\nNothing here.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 2 || as[0].ID != "a" || as[1].Text != "Nothing here." {
		t.Fatalf("Parse = %+v", as)
	}
	a := as[0]
	if a.Text != "President Joe Biden met his aide in U.S. soil." {
		t.Errorf("text = %q", a.Text)
	}
	want := []storyline.Mention{
		{Start: 10, End: 19, Text: "Joe Biden", Kind: storyline.Person, Name: "Joe Biden"},
		{Start: 24, End: 27, Text: "his", Kind: storyline.Person, Name: "Joe Biden", Via: "coref"},
		{Start: 36, End: 40, Text: "U.S.", Kind: storyline.Place, Name: "United States"},
	}
	for i, m := range want {
		if i >= len(a.Mentions) || a.Mentions[i] != m || a.Text[m.Start:m.End] != m.Text {
			t.Errorf("mention %d = %+v, want %+v", i, a.Mentions, m)
		}
	}
	for _, bad := range []string{"### x\n[Joe]{people}", "### x\n[Joe", "### x\n[Joe]{person"} {
		if _, err := entities.Parse(strings.NewReader(bad)); err == nil || !strings.Contains(err.Error(), "article x") {
			t.Errorf("Parse(%q) error = %v, want one naming article x", bad, err)
		}
	}
}

func TestScore(t *testing.T) {
	as, _ := entities.Parse(strings.NewReader("### a\n[Anna Berg]{person} visited [Oslo]{place}. [She]{person=Anna Berg} left.\n"))
	pred := func(string) []storyline.Mention {
		return []storyline.Mention{
			{Start: 0, End: 9, Text: "Anna Berg", Kind: storyline.Person, Name: "Anna Berg"},
			{Start: 18, End: 22, Text: "Oslo", Kind: storyline.Org, Name: "Oslo"},
			{Start: 24, End: 27, Text: "She", Kind: storyline.Person, Name: "Anna Berg", Via: "pronoun"},
		}
	}
	rep := entities.Score(as, pred)
	if got := rep.Kinds["person"]; got != (entities.Counts{TP: 1}) {
		t.Errorf("person = %+v, want 1 TP", got)
	}
	if got := rep.Kinds["all"]; got != (entities.Counts{TP: 1, FP: 1, FN: 1}) {
		t.Errorf("all = %+v, want 1 TP, 1 FP (Oslo as org), 1 FN (Oslo as place)", got)
	}
	if rep.Coref != (entities.Counts{TP: 1}) {
		t.Errorf("coref = %+v, want 1 TP", rep.Coref)
	}
}

// TestEntityQuality guards package entity's scores on the embedded sets:
// dev and held-out (the rules were developed on them) and fresh (they
// were not). The floors sit a little under the scores measured when they
// were set.
func TestEntityQuality(t *testing.T) {
	for _, tc := range []struct {
		name       string
		set        []entities.Article
		minP, minR float64
		minCorefR  float64
	}{
		{"dev", entities.Default(), 0.93, 0.92, 0.85},
		{"heldout", entities.HeldOut(), 0.93, 0.94, 0.85},
		{"fresh", entities.Fresh(), 0.90, 0.77, 0.70},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep := entities.Score(tc.set, entity.Extract)
			for _, k := range []string{"person", "org", "place", "all"} {
				c := rep.Kinds[k]
				t.Logf("%-6s P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", k, c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN)
			}
			t.Logf("coref P %.3f R %.3f; names right %d/%d", rep.Coref.Precision(), rep.Coref.Recall(), rep.NameCorrect, rep.NameTotal)
			all := rep.Kinds["all"]
			if all.Precision() < tc.minP || all.Recall() < tc.minR || rep.Coref.Recall() < tc.minCorefR {
				t.Errorf("%s: P %.3f R %.3f coref R %.3f, want at least %.2f %.2f %.2f", tc.name,
					all.Precision(), all.Recall(), rep.Coref.Recall(), tc.minP, tc.minR, tc.minCorefR)
			}
		})
	}
}
