package polnear

import (
	"strings"

	"github.com/storyline/storyline"
)

// Mistake kinds.
const (
	Missed   = "missed"   // a gold attribution no prediction matches
	Spurious = "spurious" // a prediction that matches no gold attribution
	Speaker  = "speaker"  // a matched pair whose speaker is wrong
)

// Mistake is one scoring error, for studying where an extractor fails.
// Texts are the document's own words; spans within one role are joined
// with " | ".
type Mistake struct {
	Doc    string `json:"doc"`
	Kind   string `json:"kind"`   // Missed, Spurious or Speaker
	Direct bool   `json:"direct"` // the gold attribution (or, for Spurious, the prediction) is direct
	// OtherType is set on a direct Missed or Spurious when the content was
	// matched with the other type (found, but called indirect or direct).
	OtherType bool   `json:"other_type,omitempty"`
	Content   string `json:"content"`
	// Gold cue and source (Missed, Speaker).
	Cue    string `json:"cue,omitempty"`
	Source string `json:"source,omitempty"`
	// The predicted cue, speaker span and speaker name (Spurious, Speaker).
	PredCue     string `json:"pred_cue,omitempty"`
	PredSpan    string `json:"pred_span,omitempty"`
	PredSpeaker string `json:"pred_speaker,omitempty"`
	// Sentence is the text around the content's start, up to the line
	// breaks before and after it.
	Sentence string `json:"sentence,omitempty"`
}

// Mistakes lists the errors of quotes (byte offsets into d.Text) against
// d's gold attributions, scored as ScoreDocument scores them: direct ones
// missed or spurious under the direct-only matching, indirect ones under
// the indirect-only matching, and wrong speakers among the overall pairs.
func Mistakes(d Document, quotes []storyline.Quote) []Mistake {
	preds := Predictions(d.Text, quotes)
	runes := []rune(d.Text)
	text := func(ss []Span) string {
		parts := make([]string, 0, len(ss))
		for _, s := range ss {
			if s.End > s.Start && s.End <= len(runes) {
				parts = append(parts, string(runes[s.Start:s.End]))
			}
		}
		return strings.Join(parts, " | ")
	}
	around := func(ss []Span) string {
		if len(ss) == 0 {
			return ""
		}
		a, b := ss[0].Start, ss[len(ss)-1].End
		for a > 0 && runes[a-1] != '\n' {
			a--
		}
		for b < len(runes) && runes[b] != '\n' {
			b++
		}
		return string(runes[a:b])
	}
	all := func(Attribution) bool { return true }
	allP := func(Prediction) bool { return true }
	overall := match(d.Attributions, preds, all, allP)
	goldOverall := map[int]bool{}
	predOverall := map[int]bool{}
	for _, pr := range overall {
		goldOverall[pr[0]], predOverall[pr[1]] = true, true
	}
	var out []Mistake
	for _, direct := range []bool{true, false} {
		g := func(a Attribution) bool { return a.Direct == direct }
		p := func(x Prediction) bool { return x.Direct == direct }
		pairs := match(d.Attributions, preds, g, p)
		gm, pm := map[int]bool{}, map[int]bool{}
		for _, pr := range pairs {
			gm[pr[0]], pm[pr[1]] = true, true
		}
		for gi, a := range d.Attributions {
			if !g(a) || gm[gi] {
				continue
			}
			out = append(out, Mistake{Doc: d.Name, Kind: Missed, Direct: direct, OtherType: goldOverall[gi],
				Content: text(a.Content), Cue: text(a.Cue), Source: text(a.Source), Sentence: around(a.Content)})
		}
		for pi, x := range preds {
			if !p(x) || pm[pi] {
				continue
			}
			q := quotes[pi]
			out = append(out, Mistake{Doc: d.Name, Kind: Spurious, Direct: direct, OtherType: predOverall[pi],
				Content: text(x.Content), PredCue: q.Cue, PredSpan: text([]Span{x.Speaker}), PredSpeaker: q.Speaker,
				Sentence: around(x.Content)})
		}
	}
	for _, pr := range overall {
		a, x := d.Attributions[pr[0]], preds[pr[1]]
		if len(a.Source) == 0 || speakerMatches(runes, a.Source, x) {
			continue
		}
		q := quotes[pr[1]]
		out = append(out, Mistake{Doc: d.Name, Kind: Speaker, Direct: a.Direct, Content: text(a.Content),
			Cue: text(a.Cue), Source: text(a.Source), PredCue: q.Cue, PredSpan: text([]Span{x.Speaker}),
			PredSpeaker: q.Speaker, Sentence: around(a.Content)})
	}
	return out
}
