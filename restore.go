package storyline

import (
	"reflect"
	"strconv"
)

// QuoteID is the ID a store gives the i-th quote of an article when the
// quote has none.
func QuoteID(articleID string, i int) string { return articleID + "-q" + strconv.Itoa(i) }

// SameAsStored reports whether a's mentions and quotes are the stored ones
// of its article (mentions, quotes) but for what storing gives them: the
// mentions' entity IDs, the quotes' IDs and speaker entities. Then storing
// a again would resolve the same entities and write the same rows: a's
// mentions and quotes are given the stored IDs, as storing would give
// them, and a store rewrites only the rest.
func (a *Analysis) SameAsStored(mentions []Mention, quotes []Quote) bool {
	if len(mentions) != len(a.Mentions) || len(quotes) != len(a.Quotes) {
		return false
	}
	for i, m := range a.Mentions {
		m.EntityID = mentions[i].EntityID
		if m != mentions[i] {
			return false
		}
	}
	for i, q := range a.Quotes {
		q.ArticleID = a.ArticleID
		if q.ID == "" {
			q.ID = QuoteID(a.ArticleID, i)
		}
		if q.SpeakerEntity == "" && !q.Unnamed {
			q.SpeakerEntity = quotes[i].SpeakerEntity
		}
		if !reflect.DeepEqual(q, quotes[i]) {
			return false
		}
	}
	for i := range a.Mentions {
		a.Mentions[i].EntityID = mentions[i].EntityID
	}
	copy(a.Quotes, quotes)
	return true
}
