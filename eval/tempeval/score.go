package tempeval

import (
	storyline "github.com/storyline/storyline"
)

// Counts are the TempEval-3 counts for time expression extraction, summed
// over documents.
//
//   - strict: a system expression matches a gold one with exactly the same span;
//   - relaxed: a system expression matches a gold one whose span it overlaps;
//     relaxed precision counts system expressions that overlap some gold
//     one, relaxed recall gold expressions that some system one overlaps;
//   - attributes are compared on relaxed matches: each system expression
//     that overlaps gold ones is paired with the one it overlaps most.
//     Value accuracy = pairs with the gold value / pairs, and value F1 =
//     value accuracy x relaxed F1; type likewise.
type Counts struct {
	Docs         int `json:"docs"`
	Gold         int `json:"gold"`
	System       int `json:"system"`
	Strict       int `json:"strict_matches"`
	RelaxedSys   int `json:"relaxed_system"` // system expressions overlapping some gold one
	RelaxedGold  int `json:"relaxed_gold"`   // gold expressions overlapped by some system one
	Pairs        int `json:"pairs"`          // relaxed pairs the attributes are compared on
	ValueCorrect int `json:"value_correct"`
	TypeCorrect  int `json:"type_correct"`
}

// Add sums counts.
func (c *Counts) Add(o Counts) {
	c.Docs += o.Docs
	c.Gold += o.Gold
	c.System += o.System
	c.Strict += o.Strict
	c.RelaxedSys += o.RelaxedSys
	c.RelaxedGold += o.RelaxedGold
	c.Pairs += o.Pairs
	c.ValueCorrect += o.ValueCorrect
	c.TypeCorrect += o.TypeCorrect
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Scores are the derived measures.
type Scores struct {
	StrictP       float64 `json:"strict_precision"`
	StrictR       float64 `json:"strict_recall"`
	StrictF1      float64 `json:"strict_f1"`
	RelaxedP      float64 `json:"relaxed_precision"`
	RelaxedR      float64 `json:"relaxed_recall"`
	RelaxedF1     float64 `json:"relaxed_f1"`
	ValueAccuracy float64 `json:"value_accuracy"`
	ValueF1       float64 `json:"value_f1"`
	TypeAccuracy  float64 `json:"type_accuracy"`
	TypeF1        float64 `json:"type_f1"`
}

// Scores computes precision, recall, F1 and the attribute scores.
func (c Counts) Scores() Scores {
	var s Scores
	s.StrictP, s.StrictR = ratio(c.Strict, c.System), ratio(c.Strict, c.Gold)
	s.StrictF1 = f1(s.StrictP, s.StrictR)
	s.RelaxedP, s.RelaxedR = ratio(c.RelaxedSys, c.System), ratio(c.RelaxedGold, c.Gold)
	s.RelaxedF1 = f1(s.RelaxedP, s.RelaxedR)
	s.ValueAccuracy = ratio(c.ValueCorrect, c.Pairs)
	s.ValueF1 = s.ValueAccuracy * s.RelaxedF1
	s.TypeAccuracy = ratio(c.TypeCorrect, c.Pairs)
	s.TypeF1 = s.TypeAccuracy * s.RelaxedF1
	return s
}

// Error is one difference between the system and the gold annotation.
type Error struct {
	Doc string `json:"doc"`
	// Kind is "missed" (no system expression overlaps the gold one),
	// "spurious" (the system one overlaps no gold one), "span" (overlap
	// but not the same span), "value" or "type" (on a relaxed pair).
	Kind   string           `json:"kind"`
	Rule   string           `json:"rule,omitempty"` // the system rule, "" for a miss
	Gold   *storyline.Timex `json:"gold,omitempty"`
	System *storyline.Timex `json:"system,omitempty"`
}

// Score compares the system expressions of one document with its gold ones.
func Score(d *Doc, sys []storyline.Timex) (Counts, []Error) {
	c := Counts{Docs: 1, Gold: len(d.Gold), System: len(sys)}
	var errs []Error
	overlap := func(a, b storyline.Timex) int {
		lo, hi := max(a.Start, b.Start), min(a.End, b.End)
		if hi <= lo {
			return 0
		}
		return hi - lo
	}
	goldHit := make([]bool, len(d.Gold))
	for si := range sys {
		s := sys[si]
		best, bestOv, exact := -1, 0, false
		for gi, g := range d.Gold {
			ov := overlap(s, g)
			if ov == 0 {
				continue
			}
			goldHit[gi] = true
			if g.Start == s.Start && g.End == s.End {
				exact = true
			}
			if ov > bestOv {
				best, bestOv = gi, ov
			}
		}
		if best < 0 {
			errs = append(errs, Error{Doc: d.Name, Kind: "spurious", Rule: s.Rule, System: &sys[si]})
			continue
		}
		g := &d.Gold[best]
		c.RelaxedSys++
		if exact {
			c.Strict++
		} else {
			errs = append(errs, Error{Doc: d.Name, Kind: "span", Rule: s.Rule, Gold: g, System: &sys[si]})
		}
		c.Pairs++
		if s.Value == g.Value {
			c.ValueCorrect++
		} else {
			errs = append(errs, Error{Doc: d.Name, Kind: "value", Rule: s.Rule, Gold: g, System: &sys[si]})
		}
		if s.Type == g.Type {
			c.TypeCorrect++
		} else {
			errs = append(errs, Error{Doc: d.Name, Kind: "type", Rule: s.Rule, Gold: g, System: &sys[si]})
		}
	}
	for gi := range d.Gold {
		if goldHit[gi] {
			c.RelaxedGold++
		} else {
			errs = append(errs, Error{Doc: d.Name, Kind: "missed", Gold: &d.Gold[gi]})
		}
	}
	return c, errs
}
