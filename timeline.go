package storyline

// Statement is a sentence of an article that reports a happening, anchored
// to the date it is about.
type Statement struct {
	ArticleID string `json:"article"`
	Sentence  int    `json:"sentence"` // index of the sentence in the article
	Start     int    `json:"start"`    // byte offsets into Article.Text
	End       int    `json:"end"`
	Text      string `json:"text"`
	Date      Date   `json:"date"`
	// DateText is the time expression that governs the sentence, or ""
	// when the date is the publication date; when that date is only an
	// estimate, EstimatePrefix and the evidence ("estimated: written on
	// or after ...").
	DateText string `json:"date_text,omitempty"`
	// Estimated is true when the date rests on the article's estimated
	// date (see Dating): the present tense, or "on Monday", resolved
	// against it. Such a date is shown as an estimate, never plainly.
	Estimated bool `json:"estimated,omitempty"`
	// FromContext is set when the sentence has no date of its own and
	// continues the narrative of the sentence before it ("He arrived on
	// Monday. The talks lasted two hours."): Date and DateText are that
	// sentence's.
	FromContext bool `json:"from_context,omitempty"`
	// Actors are the names of the entities in the sentence.
	Actors []string `json:"actors"`
	// Numbers are the quantities the sentence states ("14 countries"),
	// used to flag sources that disagree.
	Numbers []string `json:"numbers,omitempty"`
}

// EstimatePrefix opens the DateText of a statement dated by an estimate
// of its article's publication date.
const EstimatePrefix = "estimated: "

// Citation points at the sentence of an article that supports an entry.
// Title and Published are the article's, so that a citation can name what
// it cites ("Example Wire, 17 March 2021: Moscow calls its ambassador
// home") without another read; Origin is where the article was read from
// (a file path on the ingesting machine), not something to show a reader.
type Citation struct {
	ArticleID string `json:"article"`
	Origin    string `json:"origin"`
	Source    string `json:"source"`
	URL       string `json:"url"`
	Title     string `json:"title,omitempty"`
	// Lead is the first words of an untitled article's text, to tell it
	// from others of its outlet ("" when the article has a title).
	Lead      string `json:"lead,omitempty"`
	Published Date   `json:"published,omitzero"`
	// Estimate is the article's estimated date when it has no
	// publication date, or a disputed one (Article.ShownDate).
	Estimate Date   `json:"estimate,omitzero"`
	Sentence string `json:"sentence"`
	// DateText is the statement's: the time expression that dates it, ""
	// for the publication date, or "estimated: ..." with the evidence
	// when the article's date is an estimate; Estimated is then true.
	DateText  string `json:"date_text,omitempty"`
	Estimated bool   `json:"estimated,omitempty"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
}

// Conflict is a point where sources disagree about an entry: each version
// with the sources that give it.
type Conflict struct {
	Kind     string    `json:"kind"` // "date" or "number"
	Versions []Version `json:"versions"`
}

// Version is one side of a Conflict.
type Version struct {
	Value   string     `json:"value"`
	Sources []Citation `json:"sources"`
}

// Entry is one dated line of a timeline: what happened, and who says so.
type Entry struct {
	Date    Date       `json:"date"`
	Text    string     `json:"text"`
	Sources []Citation `json:"sources"`
	Outlets int        `json:"outlets"` // independent outlets; duplicates count once
	// Articles is the number of articles cited, copies included.
	Articles  int        `json:"articles"`
	Score     float64    `json:"score"` // importance: outlets, leads, focus, date precision
	EventID   string     `json:"event,omitempty"`
	Conflicts []Conflict `json:"conflicts"`
}

// Timeline is a dated list of entries, oldest first.
type Timeline struct {
	Title   string  `json:"title,omitempty"`
	Entries []Entry `json:"entries"`
	// Total is the number of happenings found, before the timeline was
	// cut to its most important (Entries holds them all when they are
	// equal).
	Total int `json:"total"`
}
