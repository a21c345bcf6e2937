package entity

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
	"unicode/utf8"

	storyline "github.com/storyline/storyline"
)

// Cross-article canonicalisation. A store keeps each canonical entity with
// the lookup keys Keys gives for its name and aliases; for a new mention it
// fetches the entities under the mention's keys and lets Match choose. The
// functions are pure, so every store (SQLite, PostgreSQL) merges alike.

// Fold normalises a name for comparison: lower case, full stops and
// apostrophes dropped, any other run of punctuation or space one space
// ("U.S." and "US" both fold to "us"; "el-Sisi" to "el sisi").
func Fold(name string) string {
	if f, ok := foldASCII(name); ok {
		return f
	}
	return foldRunes(name)
}

// foldASCII is Fold of a name written in ASCII (most are), byte by byte:
// the name itself when it is folded already, else one allocation. ok is
// false when the name has a byte outside ASCII.
func foldASCII(name string) (f string, ok bool) {
	folded := true // name is its own fold
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case c >= utf8.RuneSelf:
			return "", false
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == ' ' && i > 0 && i < len(name)-1 && name[i-1] != ' ':
		default:
			folded = false
		}
	}
	if folded {
		return name, true
	}
	b := make([]byte, 0, len(name))
	space := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', 'A' <= c && c <= 'Z':
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = false
			if c <= 'Z' && c >= 'A' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		case c == '.' || c == '\'':
			// "U.S." -> "us", "O'Brien" -> "obrien"
		default:
			space = true
		}
	}
	return string(b), true
}

// foldRunes is Fold of any name, rune by rune.
func foldRunes(name string) string {
	var b strings.Builder
	space := false
	for _, r := range name {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		case r == '.' || r == '\'' || r == '’':
			// "U.S." -> "us", "O'Brien" -> "obrien"
		default:
			space = true
		}
	}
	return b.String()
}

// Keys returns the keys under which an entity of this name and kind is
// found: its folded name and, for a person, "surname:" plus the folded
// last word, so "Antonov" finds "Anatoly Antonov" and back.
func Keys(name string, kind storyline.EntityKind) []string {
	f := Fold(name)
	if f == "" {
		return nil
	}
	keys := []string{string(kind) + ":" + f}
	if kind == storyline.Person {
		ws := strings.Fields(f)
		keys = append(keys, "surname:"+ws[len(ws)-1])
	}
	return keys
}

// hasAlias reports whether e has an alias that fold (Fold or a cache of
// it) folds to f.
func hasAlias(e *storyline.Entity, f string, fold func(string) string) bool {
	for _, a := range e.Aliases {
		if fold(a) == f {
			return true
		}
	}
	return false
}

// acronymKey is the folded acronym of an organisation's name: the name
// itself when it is written in capitals ("FAA"), else the initials of its
// words but "of", "and", "the", "for" and "&" when there are three or
// more ("Federal Aviation Administration" -> "faa"); "" for none.
func acronymKey(name string, kind storyline.EntityKind) string {
	if kind != storyline.Org {
		return ""
	}
	if isAcronym(name) {
		return Fold(name)
	}
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		switch strings.ToLower(w) {
		case "of", "and", "the", "for", "&":
			continue
		}
		r := []rune(w)
		if !unicode.IsUpper(r[0]) {
			return "" // "Bureau of enquiry": not a name in title case
		}
		b.WriteRune(unicode.ToLower(r[0]))
	}
	if b.Len() < 3 {
		return ""
	}
	return b.String()
}

// isAcronym reports whether name is written as an acronym of three to six
// capitals, dotted or not ("FAA", "N.T.S.B.").
func isAcronym(name string) bool {
	n := 0
	for _, r := range name {
		switch {
		case r >= 'A' && r <= 'Z':
			n++
		case r == '.':
		default:
			return false
		}
	}
	return n >= 3 && n <= 6
}

// acronymOf reports whether one of two organisation names is the acronym
// of the other ("FAA" and "Federal Aviation Administration").
func acronymOf(a, b string) bool {
	if isAcronym(a) == isAcronym(b) {
		return false
	}
	ka, kb := acronymKey(a, storyline.Org), acronymKey(b, storyline.Org)
	return ka != "" && ka == kb
}

// Match returns the candidate that a mention named name of the given kind
// refers to, or nil when none does and a new entity is due. An exact name
// or alias wins (an acronym goes to the full name an article has
// written it for, before an entity of the acronym alone); else, for
// people, a name that agrees on the surname and
// does not contradict the given names ("Antonov" and "Anatoly Antonov";
// not "Joe Biden" and "Hunter Biden"), the one with most mentions first.
func Match(name string, kind storyline.EntityKind, candidates []*storyline.Entity) *storyline.Entity {
	return MatchFolding(name, kind, candidates, Fold)
}

// MatchFolding is Match folding names with fold, which must give what
// Fold gives: a caller that matches the same names again and again (a
// store resolving a batch's mentions) passes a cache of it.
func MatchFolding(name string, kind storyline.EntityKind, candidates []*storyline.Entity, fold func(string) string) *storyline.Entity {
	f := fold(name)
	var best *storyline.Entity
	if kind == storyline.Org && isAcronym(name) {
		// "FAA", where an article has written it for "Federal Aviation
		// Administration": the full name, even beside an entity of the
		// acronym alone that articles before made
		for _, e := range candidates {
			if e.Kind == kind && acronymOf(name, e.Name) && hasAlias(e, f, fold) && (best == nil || e.Mentions > best.Mentions) {
				best = e
			}
		}
		if best != nil {
			return best
		}
	}
	for _, e := range candidates {
		if e.Kind != kind {
			continue
		}
		if fold(e.Name) == f {
			return e
		}
		for _, a := range e.Aliases {
			if fold(a) == f && (best == nil || e.Mentions > best.Mentions) {
				best = e
			}
		}
	}
	if best != nil || kind != storyline.Person {
		return best
	}
	for _, e := range candidates {
		if e.Kind != kind || !samePerson(f, fold(e.Name)) {
			continue
		}
		if best == nil || e.Mentions > best.Mentions {
			best = e
		}
	}
	return best
}

// samePerson reports whether two folded person names can be one person:
// the same last word, and given names that agree where both have them
// ("vladimir putin" and "vladimir vladimirovich putin"; "j biden" and "joe biden").
func samePerson(a, b string) bool {
	fa, la, na := firstLastWord(a)
	fb, lb, nb := firstLastWord(b)
	if na == 0 || nb == 0 || la != lb {
		return false
	}
	if na == 1 || nb == 1 {
		return true
	}
	return fa == fb || (len(fa) == 1 && strings.HasPrefix(fb, fa)) || (len(fb) == 1 && strings.HasPrefix(fa, fb))
}

// firstLastWord returns the first and last of the words strings.Fields
// finds in s, and how many there are (0, 1 or 2 for more), without
// making the list.
func firstLastWord(s string) (first, last string, n int) {
	word := func(w string) {
		if n == 0 {
			first = w
		}
		last, n = w, min(n+1, 2)
	}
	start := -1 // where the word under way began
	for i := 0; i < len(s); {
		c, size := s[i], 1
		var space bool
		if c < utf8.RuneSelf {
			space = asciiSpace(c)
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		if !space && start < 0 {
			start = i
		} else if space && start >= 0 {
			word(s[start:i])
			start = -1
		}
		i += size
	}
	if start >= 0 {
		word(s[start:])
	}
	return first, last, n
}

// Better reports whether name should replace current as an entity's
// canonical name: the name a paper writes a person by, a given name and a
// surname. A fuller name of the same person replaces a surname or a given
// name alone ("Anatoly Antonov" over "Antonov"); a given name and surname
// replace a longer form of them ("Michael Jackson" over "Michael Joseph
// Jackson"); a middle name never replaces a name of two words: "Barack
// Obama" stays, and one article's "Paris Michael Katherine Jackson" does not
// rename her father.
func Better(name, current string, kind storyline.EntityKind) bool {
	if kind != storyline.Person {
		return false
	}
	fn, fc := Fold(name), Fold(current)
	n, c := strings.Fields(fn), strings.Fields(fc)
	if !samePerson(fn, fc) {
		return false
	}
	if fullWords(c) <= 1 {
		return fullWords(n) > fullWords(c) && len(n) <= 4
	}
	return len(n) == 2 && fullWords(n) == 2 && len(c) > 2 && n[0] == c[0] && n[1] == c[len(c)-1]
}

// NewID returns the ID of a new canonical entity: its kind and a hash of
// the name it was first seen under, so the same corpus ingested in the
// same order gets the same IDs.
func NewID(name string, kind storyline.EntityKind) string {
	h := sha256.Sum256([]byte(string(kind) + "\x00" + Fold(name)))
	return string(kind)[:2] + "_" + hex.EncodeToString(h[:])[:12]
}

// Alias returns the surface form of a mention that a store should keep
// as an alias of its entity, or "" for none: pronouns and descriptions
// are no names, and a capital standing for its state ("Moscow said") is
// the name of a city of its own. Seats of power that only ever stand for
// the state ("the Kremlin", "Downing Street") are kept.
func Alias(m storyline.Mention) string {
	switch m.Via {
	case "", "alias", "adjective":
		return m.Text
	case "metonym":
		switch Fold(m.Text) {
		case "kremlin", "downing street", "whitehall":
			return m.Text
		}
	}
	return ""
}

// fullWords counts the words of a folded name that are more than an
// initial: "Donald J. Trump" is no fuller than "Donald Trump".
func fullWords(ws []string) int {
	n := 0
	for _, w := range ws {
		if len(w) > 1 {
			n++
		}
	}
	return n
}
