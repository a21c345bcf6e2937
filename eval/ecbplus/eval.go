package ecbplus

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Seeds are the fixed shuffling seeds of the benchmark: five orders.
var Seeds = []uint64{1, 2, 3, 4, 5}

// Item is one document of a stream to cluster, with its gold label.
type Item struct {
	ID   string
	Gold string
}

// Shuffle returns a copy of items in a random order fixed by seed.
func Shuffle[T any](items []T, seed uint64) []T {
	out := append([]T(nil), items...)
	r := rand.New(rand.NewPCG(seed, seed^0x5eed))
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// Report is the mean and spread of the scores over several orders.
type Report struct {
	Precision float64  `json:"precision"` // means over the runs
	Recall    float64  `json:"recall"`
	F1        float64  `json:"f1"`
	BCubedF1  float64  `json:"bcubed_f1"`
	F1Std     float64  `json:"f1_std"` // population standard deviations
	BCubedStd float64  `json:"bcubed_f1_std"`
	F1Min     float64  `json:"f1_min"`
	F1Max     float64  `json:"f1_max"`
	Seeds     []uint64 `json:"seeds"`
	Runs      []Scores `json:"runs"`
}

// Summarise folds the runs' scores into a Report.
func Summarise(seeds []uint64, runs []Scores) (Report, error) {
	if len(runs) == 0 {
		return Report{}, fmt.Errorf("summarise clustering runs: no runs")
	}
	r := Report{Seeds: seeds, Runs: runs, F1Min: math.Inf(1), F1Max: math.Inf(-1)}
	n := float64(len(runs))
	for _, s := range runs {
		r.Precision += s.Precision / n
		r.Recall += s.Recall / n
		r.F1 += s.F1 / n
		r.BCubedF1 += s.BCubedF1 / n
		r.F1Min = math.Min(r.F1Min, s.F1)
		r.F1Max = math.Max(r.F1Max, s.F1)
	}
	for _, s := range runs {
		r.F1Std += (s.F1 - r.F1) * (s.F1 - r.F1) / n
		r.BCubedStd += (s.BCubedF1 - r.BCubedF1) * (s.BCubedF1 - r.BCubedF1) / n
	}
	r.F1Std, r.BCubedStd = math.Sqrt(r.F1Std), math.Sqrt(r.BCubedStd)
	return r, nil
}
