package quote

import (
	"strings"

	"github.com/storyline/storyline"
)

// Senses: cue words used in a sense that reports no speech ("the crash
// claimed 157 lives", "Needless to say", "being read in Ethiopia",
// "Trump's proposed budget", "a hearing titled ..."), and sources that
// say no one spoke ("no officials have called ...").

// otherSense reports whether the cue word k is used here in a sense that
// reports no speech.
func (x *extractor) otherSense(k int) bool {
	l := x.toks[k].lower
	prev, next := x.lowerAt(k-1), x.lowerAt(k+1)
	if prev == "without" {
		return true // "Without mentioning the crash, ...": nothing said
	}
	switch l {
	case "claim", "claims", "claimed", "claiming":
		// "the crash claimed the lives of 157 people", "claimed 157 lives"
		for j := k + 1; j < len(x.toks) && j <= k+4 && x.toks[j].kind == word; j++ {
			switch x.toks[j].lower {
			case "life", "lives", "victims":
				return true
			}
		}
	case "read", "reads":
		switch prev {
		case "be", "being", "been", "is", "are", "was", "were", "get", "got":
			return true // "rather than being read in Ethiopia": a recorder's data, read
		}
	case "say", "speak":
		// "Needless to say", "suffice it to say", "so to speak"
		if prev == "to" {
			switch x.lowerAt(k - 2) {
			case "needless", "suffice", "it", "safe", "fair", "so", "sad", "true":
				return true
			}
		}
	case "known":
		// "the total known number": an adjective before its noun
		return k+1 < len(x.toks) && x.toks[k+1].kind == word && !x.isCap(k+1) && !clauseWords[next] && !determiners[next] &&
			!pronouns[next] && next != "that" && !auxiliaries[prev] && !skipBack[prev] && prev != "be" && prev != "being"
	case "titled", "entitled":
		// "a hearing Wednesday, March 27, titled": the date is no name
		for j := k - 1; j > 0 && j >= k-6; j-- {
			if l := x.toks[j].lower; x.toks[j].text == "," || dayNames[l] || months[l] || isDigits(l) || l == "today" || l == "tomorrow" {
				continue
			}
			prev = x.toks[j].lower
			break
		}
		switch prev {
		case "hearing", "hearings", "session", "meeting", "conference", "event", "forum", "panel",
			"programme", "program", "show", "documentary", "film", "series", "exhibition":
			return true // "its hearing titled “...”": an event's name, no one's words
		}
	case "find", "finds", "found":
		switch next {
		case "its", "itself", "himself", "herself", "themselves", "ourselves":
			return true // "Boeing finds its fleet grounded", "found itself"
		}
	case "attempt", "attempts", "attempted", "attempting":
		return next == "to" // "both pilots attempted to return"
	}
	// a participle between a possessor and the noun it describes:
	// "Trump's proposed budget"
	if len(l) > 4 && (l[len(l)-2:] == "ed" || l[len(l)-2:] == "en") && k+1 < len(x.toks) &&
		x.toks[k+1].kind == word && !x.isCap(k+1) && !clauseWords[next] && !determiners[next] && !pronouns[next] &&
		possessiveWord(prev) {
		return true
	}
	return false
}

// lowerAt is token k in lower case, or "" outside the text.
func (x *extractor) lowerAt(k int) string {
	if k < 0 || k >= len(x.toks) {
		return ""
	}
	return x.toks[k].lower
}

// noOne reports whether the source span says that no one spoke: "no
// aviation officials have called ...", "nobody said", "none of them".
func (x *extractor) noOne(src [2]int) bool {
	if src[1] <= src[0] {
		return false
	}
	switch x.toks[src[0]].lower {
	case "no", "nobody", "none", "neither", "nor":
		return true
	}
	return false
}

// askedOne returns the person a question is put to ("Fox and Friends
// asked a former FAA spokesman if he would fly"), when q's cue asks and
// its content opens with a description of someone before "if" or
// "whether": a later "he said" is that person's answer.
func (x *extractor) askedOne(q storyline.Quote) (who, bool) {
	switch strings.ToLower(q.Cue) {
	case "asked", "asks", "ask", "asking":
	default:
		return who{}, false
	}
	s := x.tokenAt(q.Start)
	if s < 0 || s >= len(x.toks) || !x.toks[s].in(cDeterminer) {
		return who{}, false
	}
	for k := s + 1; k < len(x.toks) && k < s+8; k++ {
		t := &x.toks[k]
		if t.kind != word {
			return who{}, false
		}
		if t.lower == "if" || t.lower == "whether" {
			np := [2]int{s, k}
			if h := k - 1; x.personLike(np) && (x.toks[h].in(cUnnamedHead) || x.toks[h].in(cTitle) || unnamedHeads[singular(x.toks[h].lower)]) {
				w := x.description(np, h)
				w.kind = kindPerson // "a former FAA spokesmen": one person, whatever the writer's plural
				return w, true
			}
			return who{}, false
		}
	}
	return who{}, false
}

// singular is a plural head noun's singular ("spokesmen" -> "spokesman").
func singular(w string) string {
	if strings.HasSuffix(w, "men") {
		return w[:len(w)-3] + "man"
	}
	return strings.TrimSuffix(w, "s")
}
