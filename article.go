package storyline

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/storyline/storyline/internal/swar"
)

// DateSource says where an article's publication date was found.
type DateSource string

// Where a publication date can come from. The empty DateSource means the
// date is unknown: storyline never invents one.
const (
	DateFromHeader   DateSource = "header"   // a " date YYYY-MM-DD" first line
	DateFromURL      DateSource = "url"      // /20211102/ or /2021/06/21/
	DateFromDateline DateSource = "dateline" // "MOSCOW, November 2 – RIA Novosti."
	DateFromBody     DateSource = "body"     // a date line in the body
	DateFromFeed     DateSource = "feed"     // an RSS/Atom item's date
	DateFromMeta     DateSource = "meta"     // page metadata (HTML meta tags, JSON fields)
	// DateFromCrawl is when a web archive captured the page (a WARC
	// record's WARC-Date): the page existed by then, so it is the weakest
	// source, for any other to override.
	DateFromCrawl DateSource = "crawl"
	// DateFromFolder is the day a folder of the input's path is named by
	// ("InputDocs/2010-05-01/758.htm.txt", as news collections such as
	// Timeline17 file their articles): taken only when the page itself
	// gives no date.
	DateFromFolder DateSource = "folder"
	// DateFromFeedUpdated is an Atom entry's <updated> when it has no
	// <published>: the day the entry last changed, so the article was
	// published on or before it. Cleaning never keeps it as the
	// publication date: a date the page gives comes first, else it
	// becomes an estimate's latest day.
	DateFromFeedUpdated DateSource = "feed-updated"
)

// Article is one news article as read from a source and cleaned.
type Article struct {
	// ID is stable: a hash of the source and the normalised text (see ArticleID).
	ID string `json:"id"`
	// Origin is the file path or URL the article was read from, with the
	// item inside it where there are several ("feed.jsonl:3").
	Origin string `json:"origin"`
	URL    string `json:"url"`
	// Source is the outlet or, failing that, the domain.
	Source        string     `json:"source"`
	Title         string     `json:"title"`
	Byline        string     `json:"byline"`
	Published     Date       `json:"published"`
	PublishedFrom DateSource `json:"published_from"`
	// Dating is what the text itself says of the publication date: a
	// dispute of the page's date, an estimate for a page without one.
	Dating
	// Dateline is the place a dateline names ("MOSCOW"), if any.
	Dateline string `json:"dateline"`
	Language string `json:"language"`
	// Text is the cleaned text: paragraphs separated by blank lines.
	// Offsets elsewhere (timexes, mentions, quotes, statements) are byte
	// offsets into Text.
	Text string `json:"text"`
	// Raw is the input item byte for byte.
	Raw []byte `json:"-"`
	// Format is the reader that read it: text, jsonl, html, feed, warc.
	Format string `json:"format"`
	// Debris lists what cleaning removed.
	Debris []Debris `json:"debris"`
	// Repairs lists damage that was repaired rather than rejected
	// ("invalid UTF-8 byte at 1023 replaced", "decoded from windows-1251").
	Repairs []string `json:"repairs"`
	// DuplicateOf is the ID of the earliest article this one copies, if any,
	// with the similarity of the two.
	DuplicateOf string    `json:"duplicate_of"`
	Similarity  float64   `json:"similarity,omitempty"`
	IngestedAt  time.Time `json:"ingested_at"`
}

// Dating is what an article's own text says of when it was published,
// beyond the date the page gives: whether the text contradicts that date,
// and for a page without one (or with a contradicted one) an estimate from
// the evidence of the text, which is never shown as a plain date.
type Dating struct {
	// Disputed says why the text contradicts the page's own date ("" when
	// it does not): the date is kept in Published, but it is not shown as
	// the publication date, nor used to resolve "on Monday" or "yesterday".
	Disputed string `json:"published_disputed"`
	// Estimated is when the article was most likely published, to the
	// precision its evidence allows (a day, a month, a year); zero when
	// nothing pins it. EstimatedFrom is the evidence, in words.
	Estimated     Date   `json:"estimated"`
	EstimatedFrom string `json:"estimated_from"`
	// EstimatedEarliest and EstimatedLatest bound the days the evidence
	// allows (zero where it sets no bound); EstimatedConfidence (0 to 1)
	// says how far the estimate can be trusted.
	EstimatedEarliest   Date    `json:"estimated_earliest"`
	EstimatedLatest     Date    `json:"estimated_latest"`
	EstimatedConfidence float64 `json:"estimated_confidence"`
}

// ShownDate is the date an article is shown with and the one its relative
// time expressions are resolved against: its publication date unless the
// text disputes it, else its estimate. estimated is true for the latter.
func (a *Article) ShownDate() (d Date, estimated bool) {
	if !a.Published.IsZero() && a.Disputed == "" {
		return a.Published, false
	}
	return a.Estimated, !a.Estimated.IsZero()
}

// DateLabel is the article's date as it is shown in a list: its
// publication date ("2021-11-02"); an estimate as one ("≈ 2021-03"); a
// disputed date as disputed ("2017-07-11 disputed", or after the estimate
// that replaces it: "≈ 2021-06 (2017-07-11 disputed)"); "?" when nothing
// is known.
func (a *Article) DateLabel() string {
	est := ""
	if !a.Estimated.IsZero() {
		est = "≈ " + a.Estimated.String()
	}
	switch {
	case !a.Published.IsZero() && a.Disputed == "":
		return a.Published.String()
	case !a.Published.IsZero() && est != "":
		return est + " (" + a.Published.String() + " disputed)"
	case !a.Published.IsZero():
		return a.Published.String() + " disputed"
	case est != "":
		return est
	}
	return "?"
}

// Debris is one piece of text that cleaning removed.
type Debris struct {
	Rule   string `json:"rule"`   // the cleaning rule that fired, e.g. "ad-marker"
	Text   string `json:"text"`   // what was removed
	Offset int    `json:"offset"` // byte offset in the text before cleaning
}

// ArticleID returns the stable ID of an article: the first 16 hex digits of
// the SHA-256 of its source and its text with white space folded and case
// lowered, so the same article read twice gets the same ID.
func ArticleID(source, text string) string {
	h := sha256.New()
	h.Write([]byte(strings.ToLower(strings.TrimSpace(source))))
	h.Write([]byte{0})
	// The folded text goes to the hash through buf, a chunk at a time
	// (the same bytes as writing each rune folded).
	var buf [2048]byte
	n := 0
	space := false
	text = strings.TrimSpace(text)
	for i := 0; i < len(text); {
		// Eight bytes of ASCII text, lowered at once, when they hold no
		// control byte and no two spaces side by side: each space is a
		// run of white space of its own (or goes on one from before, or
		// on after them).
		if i+8 <= len(text) {
			if x := swar.Load64(text, i); plainBlock(x) {
				if n > len(buf)-9 {
					h.Write(buf[:n])
					n = 0
				}
				lead, trail := x&0xff == ' ', x>>56 == ' '
				if space || lead {
					buf[n] = ' '
					n++
				}
				// The eight bytes lowered, stored at once; a leading
				// space is written above (once, with a pending one),
				// a trailing one is left pending.
				x = lower8(x)
				k := 8
				if lead {
					x >>= 8
					k--
				}
				binary.LittleEndian.PutUint64(buf[n:], x)
				n += k
				if trail {
					n--
				}
				space = trail
				i += 8
				continue
			}
		}
		// A run of bytes that fold to themselves is copied at once.
		if j := plainRun(text, i); j > i && !space {
			for i < j {
				if n == len(buf) {
					h.Write(buf[:n])
					n = 0
				}
				k := copy(buf[n:], text[i:j])
				n += k
				i += k
			}
			continue
		}
		if n > len(buf)-1-utf8.UTFMax {
			h.Write(buf[:n])
			n = 0
		}
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		i += size
		if r < utf8.RuneSelf {
			switch {
			case r == ' ' || '\t' <= r && r <= '\r':
				space = true
				continue
			case 'A' <= r && r <= 'Z':
				r += 'a' - 'A'
			}
			if space {
				buf[n] = ' '
				n++
				space = false
			}
			buf[n] = byte(r)
			n++
			continue
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			buf[n] = ' '
			n++
			space = false
		}
		n += utf8.EncodeRune(buf[n:], unicode.ToLower(r))
	}
	h.Write(buf[:n])
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// plainRun returns where the run of bytes from text[i] that ArticleID
// writes as they are ends: ASCII but capitals and white space, and single
// spaces between two such bytes.
func plainRun(text string, i int) int {
	j := i
	for j < len(text) {
		if c := text[j]; idPlain[c] {
			j++
		} else if c == ' ' && j+1 < len(text) && idPlain[text[j+1]] {
			j += 2
		} else {
			break
		}
	}
	return j
}

const (
	ones8 = 0x0101010101010101
	high8 = 0x8080808080808080
)

// plainBlock reports whether the eight bytes of x (swar.Load64) are ASCII
// with no control byte and no two spaces side by side.
func plainBlock(x uint64) bool {
	if x&high8 != 0 {
		return false
	}
	control := ^(x + ones8*0x60) & high8                 // a byte below 0x20
	y := x ^ ones8*' '                                   // zero where a space is
	spaces := ^(((y &^ high8) + ones8*0x7f) | y) & high8 // high bit of each space
	return control == 0 && spaces&(spaces<<8) == 0
}

// lower8 returns the eight ASCII bytes of x with their capitals lowered.
func lower8(x uint64) uint64 {
	geA := x + ones8*(0x80-'A')    // high bit set where >= 'A'
	gtZ := x + ones8*(0x80-'Z'-1)  // high bit set where > 'Z'
	return x | (geA&^gtZ&high8)>>2 // 0x80 >> 2 is 0x20, the case bit
}

// idPlain marks the bytes ArticleID writes as they are: ASCII but capitals
// and white space.
var idPlain = func() (plain [256]bool) {
	for c := range utf8.RuneSelf {
		plain[c] = !('A' <= c && c <= 'Z' || c == ' ' || '\t' <= c && c <= '\r')
	}
	return plain
}()

// Rejection records an input item that could not be stored, and why.
type Rejection struct {
	Origin string    `json:"origin"` // the file or URL
	Item   string    `json:"item"`   // the item inside it ("line 3"), or ""
	Reason string    `json:"reason"` // what was wrong, in words a user can act on
	At     time.Time `json:"at"`
}

// ArticleFilter selects articles. The zero filter selects all.
type ArticleFilter struct {
	Source   string
	Language string
	From, To Date // inclusive, on the publication date
	// IDs, when not nil, selects the articles with these IDs (any number
	// of them; unknown IDs select nothing).
	IDs    []string
	Offset int
	Limit  int // 0 means no limit
	// MetaOnly leaves out the bulky fields: Text, Raw, Debris and Repairs
	// of the articles listed are empty (nil); every other field is filled.
	// For callers that need an article's source, dates and links, not its
	// text (timelines, story summaries).
	MetaOnly bool
}

// SearchHit is one article found by a full-text search.
type SearchHit struct {
	Article *Article `json:"article"`
	Snippet string   `json:"snippet"`
	Score   float64  `json:"score"`
}

// ArticleDating is what the text of article ID says of its publication
// date, for SetDatings.
type ArticleDating struct {
	ID     string
	Dating Dating
}

// ArticleStore keeps articles and rejections.
type ArticleStore interface {
	// PutArticle stores a, unless an article with its ID is stored already;
	// created says which. It never changes a stored article.
	PutArticle(ctx context.Context, a *Article) (created bool, err error)
	// Article returns ENOTFOUND if no article has that ID.
	Article(ctx context.Context, id string) (*Article, error)
	// Articles lists articles by publication date, undated last, then ID.
	Articles(ctx context.Context, f ArticleFilter) ([]*Article, error)
	// CountArticles counts the articles the filter selects (ignoring
	// Offset and Limit).
	CountArticles(ctx context.Context, f ArticleFilter) (int, error)
	// Search finds articles whose title or text match the query, best first.
	// A query the search engine cannot parse is EINVALID.
	Search(ctx context.Context, query string, limit int) ([]SearchHit, error)
	// SetDuplicate marks id as a near-copy of the earlier article of.
	// ENOTFOUND if id is not stored.
	SetDuplicate(ctx context.Context, id, of string, similarity float64) error
	// SetDating records what the text of article id says of its
	// publication date (replacing what was recorded); ENOTFOUND if id is
	// not stored. The publication date itself is never changed.
	SetDating(ctx context.Context, id string, d Dating) error
	// SetDatings records several articles' datings at once, in order,
	// as SetDating would one by one, but all or none: ENOTFOUND if one
	// of them is not stored, and then none is recorded.
	SetDatings(ctx context.Context, list []ArticleDating) error
	// PutRejection records a rejection once per origin, item and reason:
	// re-ingesting an input rejected before records nothing new, and the
	// first time it was rejected stays.
	PutRejection(ctx context.Context, r Rejection) error
	// Rejections lists the rejections by origin, then item (numbered
	// items in their order: "line 9" before "line 10"), then reason: an
	// order that does not depend on which of several workers recorded
	// one first.
	Rejections(ctx context.Context) ([]Rejection, error)
}
