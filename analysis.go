package storyline

import "context"

// Timex is a normalised time expression found in an article's text
// (TIMEX3: DATE, TIME, DURATION or SET).
type Timex struct {
	Start int    `json:"start"` // byte offsets into Article.Text
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`  // DATE, TIME, DURATION, SET
	Value string `json:"value"` // TIMEX3 value: 2021-03-17, 2021-W11, P2Y, PRESENT_REF, XXXX-WXX-1 ...
	// Anchor is the value the expression was resolved against: the document
	// creation time for deictic expressions, the last mentioned date for
	// anaphoric ones, "" for absolute ones.
	Anchor     string  `json:"anchor,omitempty"`
	Rule       string  `json:"rule,omitempty"` // the rule that matched, for error reports
	Confidence float64 `json:"confidence"`
	// Tense is the direction of the clause a DATE or TIME expression
	// stands in: "past" ("said on Friday", "was signed on May 5, 2021"),
	// "future" ("will meet on Monday"), or "" when present or unknown.
	Tense string `json:"tense,omitempty"`
}

// EntityKind is the kind of a named entity.
type EntityKind string

// Entity kinds.
const (
	Person EntityKind = "person"
	Org    EntityKind = "org"
	Place  EntityKind = "place"
)

// Mention is one span of an article's text that refers to an entity.
type Mention struct {
	Start int        `json:"start"`
	End   int        `json:"end"`
	Text  string     `json:"text"`
	Kind  EntityKind `json:"kind"`
	// Name is the entity's full name as resolved within the article
	// ("Anatoly Antonov" for "Antonov", "the ambassador" or "he").
	Name string `json:"name"`
	// Role and Affiliation are read from a title before or after the name
	// ("Russian Ambassador to the United States": role "ambassador to the
	// United States", affiliation "Russia").
	Role        string `json:"role,omitempty"`
	Affiliation string `json:"affiliation,omitempty"`
	// Via says how a non-name mention was resolved: "alias", "role",
	// "pronoun", "adjective" ("Russian" as Russia), "metonym" (a capital
	// acting as its state: "Moscow said" as Russia), or "" for a name.
	Via string `json:"via,omitempty"`
	// EntityID is the canonical entity across articles, once stored.
	EntityID string `json:"entity_id,omitempty"`
}

// Entity is one canonical person, organisation or place across articles.
type Entity struct {
	ID       string     `json:"id"`
	Name     string     `json:"name"`
	Kind     EntityKind `json:"kind"`
	Aliases  []string   `json:"aliases"`
	Roles    []Role     `json:"roles"`
	Articles int        `json:"articles"` // how many articles mention it
	Mentions int        `json:"mentions"`
}

// Role is a title an entity held, as the articles say, with when they say it.
type Role struct {
	Title       string `json:"title"`
	Affiliation string `json:"affiliation,omitempty"`
	First       Date   `json:"first"` // publication dates of the first and last article that says so
	Last        Date   `json:"last"`
}

// Quote is a statement attributed to a speaker: direct (inside quotation
// marks) or indirect ("X said that ...", "according to X").
type Quote struct {
	ID        string `json:"id"`
	ArticleID string `json:"article"`
	// Speaker is who said it, as a reader should see it: the canonical
	// name of a person or organisation, a country acting as its government
	// ("Russia's government"), or for an unnamed source its description
	// ("a state department spokesperson").
	Speaker string `json:"speaker"`
	// SpeakerRef is the entity name the speaker was read from ("Russia"
	// for "Russia's government"), by which a store links SpeakerEntity;
	// "" when the speaker is no named entity (an unnamed source, a
	// pronoun left unresolved): such a speaker gets no entity.
	SpeakerRef    string `json:"speaker_ref,omitempty"`
	SpeakerEntity string `json:"speaker_entity,omitempty"`
	// Principal is whom the speaker speaks for, where the text says so:
	// "Vladimir Putin" for "Putin's spokesman Dmitry Peskov", "State
	// Department" for "a State Department spokesperson".
	Principal    string `json:"principal,omitempty"`
	SpeakerStart int    `json:"speaker_start"`
	SpeakerEnd   int    `json:"speaker_end"`
	Unnamed      bool   `json:"unnamed"`
	// Text is the content; Start and End span it (for a quote split around
	// "he said", the whole span, with Parts listing the pieces).
	Text   string   `json:"text"`
	Start  int      `json:"start"`
	End    int      `json:"end"`
	Parts  [][2]int `json:"parts,omitempty"`
	Direct bool     `json:"direct"`
	// Negated is set when the cue is negated ("did not say whether ...",
	// "declined to comment") or asked about ("asked if he thought ..."):
	// an attribution, but no quote of anyone.
	Negated bool `json:"negated,omitempty"`
	// Passive is set when the cue is a passive without an agent ("The
	// decision was disclosed", "The US is believed to be ..."): an
	// attribution whose source span is its subject, but no one is said to
	// have said it.
	Passive  bool   `json:"passive,omitempty"`
	Cue      string `json:"cue"`
	CueStart int    `json:"cue_start"`
	CueEnd   int    `json:"cue_end"`
	Sentence int    `json:"sentence"` // index of the sentence that holds the cue
	Date     Date   `json:"date"`
}

// SpeakerEntityName is the entity name a quote's speaker stands for: its
// SpeakerRef, or for a quote without one its Speaker; "" for an unnamed
// source. A store links the quote to the entity of a mention of its
// article with that name, and to none when there is no such mention.
func SpeakerEntityName(q Quote) string {
	if q.Unnamed {
		return ""
	}
	if q.SpeakerRef != "" {
		return q.SpeakerRef
	}
	return q.Speaker
}

// Analysis is everything the extractors found in one article.
type Analysis struct {
	ArticleID  string      `json:"article"`
	Timexes    []Timex     `json:"timexes"`
	Mentions   []Mention   `json:"mentions"`
	Quotes     []Quote     `json:"quotes"`
	Statements []Statement `json:"statements"`
}

// EntityFilter selects entities. The zero filter selects all.
type EntityFilter struct {
	Kind  EntityKind
	Limit int
}

// QuoteFilter selects quotes. The zero filter selects all.
type QuoteFilter struct {
	Speaker   string // a name or alias of the speaker
	ArticleID string
	Limit     int
}

// AnalysisStore keeps what the extractors found, and the canonical entities
// built from it across articles.
type AnalysisStore interface {
	// PutAnalysis replaces the stored analysis of one article, resolving
	// its mentions to canonical entities (creating them as needed).
	// ENOTFOUND if the article is not stored.
	PutAnalysis(ctx context.Context, a *Analysis) error
	// PutAnalyses stores several analyses as PutAnalysis does, at once
	// (in one transaction where the store has them): all, or none with
	// an error.
	PutAnalyses(ctx context.Context, list []*Analysis) error
	// Analysis returns ENOTFOUND if the article has never been analysed.
	Analysis(ctx context.Context, articleID string) (*Analysis, error)
	// Statements reads the statements of many articles at once: for each
	// analysed article among articleIDs, the Statements its Analysis holds
	// (same order; an empty, non-nil slice when it has none), keyed by
	// article ID. Articles never analysed, unknown IDs and repeated IDs
	// are not errors: the first two are absent from the map. Any number of
	// IDs may be asked for; a store reads them in one query, or a few.
	Statements(ctx context.Context, articleIDs []string) (map[string][]Statement, error)
	Entities(ctx context.Context, f EntityFilter) ([]*Entity, error)
	// Entity finds an entity by its ID, name or an alias (case-folded);
	// ENOTFOUND if none matches.
	Entity(ctx context.Context, nameOrID string) (*Entity, error)
	// EntityArticles lists the IDs of the articles that mention an entity.
	EntityArticles(ctx context.Context, entityID string) ([]string, error)
	Quotes(ctx context.Context, f QuoteFilter) ([]Quote, error)
}

// EntityNamer is an AnalysisStore that names many entities at once: the
// clustering stage names a batch's stories by the canonical names of
// their key entities, hundreds a run, and one query each cost more than
// the rest of the naming.
type EntityNamer interface {
	// EntityNames returns, for each of names that Entity finds an entity
	// for, that entity's Name, keyed by the name asked for; names Entity
	// finds none for are absent. Any number of names may be asked for.
	EntityNames(ctx context.Context, names []string) (map[string]string, error)
}
