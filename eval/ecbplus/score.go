package ecbplus

import "fmt"

// Scores are the clustering scores of one run.
type Scores struct {
	Precision float64 `json:"precision"` // pairwise, over document pairs
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	BCubedP   float64 `json:"bcubed_precision"`
	BCubedR   float64 `json:"bcubed_recall"`
	BCubedF1  float64 `json:"bcubed_f1"`
	Docs      int     `json:"docs"`
	Clusters  int     `json:"clusters"` // predicted clusters
	Gold      int     `json:"gold_clusters"`
}

// Score compares a predicted clustering with the gold one. Both map each
// item to a cluster label and must hold the same items.
//
// Pairwise precision is the share of item pairs put together that belong
// together, recall the share of pairs that belong together that were put
// together (Miranda et al. 2018). B-cubed averages, per item, the precision
// and recall of its predicted cluster against its gold cluster (Bagga and
// Baldwin 1998).
func Score(pred, gold map[string]string) (Scores, error) {
	if len(pred) != len(gold) {
		return Scores{}, fmt.Errorf("score clustering: %d predicted items but %d gold items", len(pred), len(gold))
	}
	for id := range gold {
		if _, ok := pred[id]; !ok {
			return Scores{}, fmt.Errorf("score clustering: item %q has no predicted cluster", id)
		}
	}
	type pair struct{ p, g string }
	joint := map[pair]int{}
	predSize := map[string]int{}
	goldSize := map[string]int{}
	for id, g := range gold {
		p := pred[id]
		joint[pair{p, g}]++
		predSize[p]++
		goldSize[g]++
	}
	choose2 := func(n int) float64 { return float64(n) * float64(n-1) / 2 }
	var tp, predPairs, goldPairs float64
	for _, n := range joint {
		tp += choose2(n)
	}
	for _, n := range predSize {
		predPairs += choose2(n)
	}
	for _, n := range goldSize {
		goldPairs += choose2(n)
	}
	s := Scores{Docs: len(gold), Clusters: len(predSize), Gold: len(goldSize)}
	s.Precision = ratio(tp, predPairs)
	s.Recall = ratio(tp, goldPairs)
	s.F1 = f1(s.Precision, s.Recall)
	// B-cubed: for item i in predicted cluster P and gold cluster G,
	// precision |P∩G|/|P| and recall |P∩G|/|G|; the items of one joint
	// cell share the same values.
	var bp, br float64
	for k, n := range joint {
		bp += float64(n) * float64(n) / float64(predSize[k.p])
		br += float64(n) * float64(n) / float64(goldSize[k.g])
	}
	if len(gold) > 0 {
		s.BCubedP = bp / float64(len(gold))
		s.BCubedR = br / float64(len(gold))
	}
	s.BCubedF1 = f1(s.BCubedP, s.BCubedR)
	return s, nil
}

// ratio is a/b, or 1 when b is 0 (no pairs to get wrong).
func ratio(a, b float64) float64 {
	if b == 0 {
		return 1
	}
	return a / b
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
