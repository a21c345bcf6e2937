package tilse

import (
	"fmt"

	"github.com/storyline/storyline"
)

// Task is one timeline to produce under the news-tls protocol: the
// topic's articles published between the gold timeline's first and last
// day, the number of days to pick, and the sentences to write per day.
type Task struct {
	Topic    string
	Gold     string // the gold timeline's file name
	Keywords []string
	Articles []Article
	From, To storyline.Date
	Dates    int // as many days as the gold timeline has
	PerDate  int // the gold timeline's mean sentences a day, rounded
}

// System produces a timeline for a task.
type System func(Task) (Timeline, error)

// TimelineScore is the score of one produced timeline.
type TimelineScore struct {
	Topic     string `json:"topic"`
	Gold      string `json:"gold"`
	Articles  int    `json:"articles"`
	GoldDates int    `json:"gold_dates"`
	Dates     int    `json:"dates"`
	PerDate   int    `json:"per_date"`
	Date      PRF    `json:"date"`
	Rouge
}

// Report holds every timeline's scores and their averages, computed as
// news-tls does: precision and recall are averaged over timelines and F1
// is taken of the averages. DateF1, AR1F1 and AR2F1 repeat the three
// headline numbers.
type Report struct {
	Timelines []TimelineScore `json:"timelines"`
	Date      PRF             `json:"date"`
	Rouge1    PRF             `json:"rouge_1"`
	Rouge2    PRF             `json:"rouge_2"`
	DateF1    float64         `json:"date_f1"`
	AR1F1     float64         `json:"ar1_f1"`
	AR2F1     float64         `json:"ar2_f1"`
}

// Evaluate runs a system on every gold timeline of every topic under the
// news-tls protocol and scores it with date F1 and alignment ROUGE
// (AlignManyToOne) against that one gold timeline.
func Evaluate(topics []*Topic, sys System) (*Report, error) {
	r := &Report{}
	for _, tp := range topics {
		for _, gold := range tp.Timelines {
			dates := gold.Timeline.Dates()
			task := Task{
				Topic:    tp.Name,
				Gold:     gold.Name,
				Keywords: tp.Keywords,
				From:     dates[0],
				To:       dates[len(dates)-1],
				Dates:    len(dates),
				PerDate:  SummaryLength(gold.Timeline),
			}
			for _, a := range tp.Articles {
				if a.Published.Compare(task.From) >= 0 && a.Published.Compare(task.To) <= 0 {
					task.Articles = append(task.Articles, a)
				}
			}
			pred, err := sys(task)
			if err != nil {
				return nil, fmt.Errorf("topic %s, timeline %s: %w", tp.Name, gold.Name, err)
			}
			refs := []Timeline{gold.Timeline}
			r.Timelines = append(r.Timelines, TimelineScore{
				Topic:     tp.Name,
				Gold:      gold.Name,
				Articles:  len(task.Articles),
				GoldDates: len(dates),
				Dates:     len(pred),
				PerDate:   task.PerDate,
				Date:      DateF1(pred, refs),
				Rouge:     AlignManyToOne(pred, refs),
			})
		}
	}
	if len(r.Timelines) == 0 {
		return nil, fmt.Errorf("no gold timelines to score")
	}
	var dp, dr, p1, r1, p2, r2 float64
	for _, s := range r.Timelines {
		dp += s.Date.Precision
		dr += s.Date.Recall
		p1 += s.Rouge1.Precision
		r1 += s.Rouge1.Recall
		p2 += s.Rouge2.Precision
		r2 += s.Rouge2.Recall
	}
	n := float64(len(r.Timelines))
	r.Date = newPRF(dp/n, dr/n)
	r.Rouge1 = newPRF(p1/n, r1/n)
	r.Rouge2 = newPRF(p2/n, r2/n)
	r.DateF1, r.AR1F1, r.AR2F1 = r.Date.F1, r.Rouge1.F1, r.Rouge2.F1
	return r, nil
}
