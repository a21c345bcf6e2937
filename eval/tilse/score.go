package tilse

import (
	"slices"

	"github.com/storyline/storyline"
)

// Timeline maps days to their summaries: sentences whose tokens are
// separated by white space, as tilse represents them.
type Timeline map[storyline.Date][]string

// Dates returns the timeline's days, oldest first.
func (t Timeline) Dates() []storyline.Date {
	ds := make([]storyline.Date, 0, len(t))
	for d := range t {
		ds = append(ds, d)
	}
	slices.SortFunc(ds, storyline.Date.Compare)
	return ds
}

// PRF is a precision, a recall and their F1.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func newPRF(p, r float64) PRF {
	return PRF{Precision: p, Recall: r, F1: f1(p, r)}
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// DateF1 scores the days of a predicted timeline against the days of the
// reference timelines (exact-day set overlap), as tilse's evaluate_dates
// does. An empty prediction scores zero.
func DateF1(pred Timeline, refs []Timeline) PRF {
	ref := map[storyline.Date]bool{}
	for _, r := range refs {
		for d := range r {
			ref[d] = true
		}
	}
	shared := 0
	for d := range pred {
		if ref[d] {
			shared++
		}
	}
	var p, r float64
	if len(pred) > 0 {
		p = float64(shared) / float64(len(pred))
	}
	if len(ref) > 0 {
		r = float64(shared) / float64(len(ref))
	}
	return newPRF(p, r)
}

// Rouge holds alignment-based ROUGE-1 and ROUGE-2.
type Rouge struct {
	Rouge1 PRF `json:"rouge_1"`
	Rouge2 PRF `json:"rouge_2"`
}

// dayNumber is the proleptic day count of a day, for date distances.
func dayNumber(d storyline.Date) int64 { return d.Time().Unix() / 86400 }

func dateWeight(a, b storyline.Date) float64 {
	diff := dayNumber(a) - dayNumber(b)
	if diff < 0 {
		diff = -diff
	}
	return 1 / float64(diff+1)
}

// AlignManyToOne is tilse's evaluate_align_date_content_costs_many_to_one
// (Martschat and Markert 2017, "align+ m:1"), the measure news-tls
// reports: every predicted day is aligned to the reference day of least
// cost, where the cost of a pair is (1 - 1/(days apart + 1)) times
// (1 - an approximate ROUGE-1 F1 of the two summaries); precision counts
// the ROUGE hits of each predicted day against its aligned reference day,
// weighted by 1/(days apart + 1), over all predicted n-grams. Recall does
// the same the other way round: every reference day is aligned to its
// least-cost predicted day. A day with no partner (only when the other
// side is empty) is scored against an empty summary.
func AlignManyToOne(pred Timeline, refs []Timeline) Rouge {
	predDates := pred.Dates()
	refSet := map[storyline.Date]bool{}
	for _, r := range refs {
		for d := range r {
			refSet[d] = true
		}
	}
	refDates := make([]storyline.Date, 0, len(refSet))
	for d := range refSet {
		refDates = append(refDates, d)
	}
	slices.SortFunc(refDates, storyline.Date.Compare)

	// The reference summaries of a day, one per reference timeline (empty
	// where a timeline lacks the day), and their words.
	refSummaries := func(d storyline.Date) [][]string {
		out := make([][]string, len(refs))
		for i, r := range refs {
			out[i] = r[d]
		}
		return out
	}
	predWords := make([][]string, len(predDates))
	for i, d := range predDates {
		predWords[i] = rougeWords(pred[d])
	}
	refWords := make([][][]string, len(refDates))
	for j, d := range refDates {
		for _, s := range refSummaries(d) {
			refWords[j] = append(refWords[j], rougeWords(s))
		}
	}

	// cost[i][j]: predicted day i against reference day j. The precision
	// and recall cost matrices of tilse are this matrix and its transpose.
	cost := make([][]float64, len(predDates))
	for i, pd := range predDates {
		cost[i] = make([]float64, len(refDates))
		for j, rd := range refDates {
			cost[i][j] = (1 - dateWeight(pd, rd)) * (1 - approxROUGE1(pred[pd], refSummaries(rd)))
		}
	}

	var out Rouge
	for n, dst := range []*PRF{&out.Rouge1, &out.Rouge2} {
		size := n + 1
		pg := make([]grams, len(predDates))
		for i := range predDates {
			pg[i] = makeGrams(predWords[i], size)
		}
		rg := make([][]grams, len(refDates))
		for j := range refDates {
			for _, w := range refWords[j] {
				rg[j] = append(rg[j], makeGrams(w, size))
			}
		}
		emptyModels := make([]grams, len(refs))
		for k := range emptyModels {
			emptyModels[k] = grams{count: map[string]int{}}
		}
		var pNum, pDen, rNum, rDen float64
		// Precision: each predicted day to its cheapest reference day.
		for i, pd := range predDates {
			j := argmin(cost[i])
			if j < 0 {
				c := rougeCounts(pg[i], emptyModels)
				pNum += c.hit
				pDen += c.peer
				continue
			}
			c := rougeCounts(pg[i], rg[j])
			pNum += dateWeight(pd, refDates[j]) * c.hit
			pDen += c.peer
		}
		// Recall: each reference day to its cheapest predicted day.
		empty := grams{count: map[string]int{}}
		for j, rd := range refDates {
			col := make([]float64, len(predDates))
			for i := range predDates {
				col[i] = cost[i][j]
			}
			i := argmin(col)
			if i < 0 {
				c := rougeCounts(empty, rg[j])
				rNum += c.hit
				rDen += c.model
				continue
			}
			c := rougeCounts(pg[i], rg[j])
			rNum += dateWeight(predDates[i], rd) * c.hit
			rDen += c.model
		}
		var p, r float64
		if pDen != 0 {
			p = pNum / pDen
		}
		if rDen != 0 {
			r = rNum / rDen
		}
		*dst = newPRF(p, r)
	}
	return out
}

// argmin returns the index of the first smallest value, as numpy's argmin
// does, or -1 for an empty row.
func argmin(row []float64) int {
	best := -1
	for i, v := range row {
		if best < 0 || v < row[best] {
			best = i
		}
	}
	return best
}
