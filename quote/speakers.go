package quote

// Speakers: the name a source span stands for (a mention's name, a
// surname expanded to the full name, a pronoun resolved to an earlier
// speaker), and the names the article has given so far.

import (
	"strings"

	"github.com/storyline/storyline"
)

// learnNames remembers runs of two or more capitalised words so that a
// later surname can be expanded to the full name.
func (x *extractor) learnNames(u unit) {
	for k := u.from; k < u.to; {
		if !x.isCap(k) || x.toks[k].inQuote {
			k++
			continue
		}
		j := k
		for j < u.to && x.isCap(j) && !x.toks[j].inQuote {
			j++
		}
		var parts []string
		for m := k; m < j; m++ {
			if titles[x.toks[m].lower] || titles[strings.TrimSuffix(x.toks[m].lower, ".")] {
				parts = parts[:0]
				continue
			}
			parts = append(parts, x.toks[m].text)
		}
		// "Ambassador to Washington Anatoly Antonov": a name after a
		// preposition starts after the place
		if len(parts) >= 3 && k > 0 && (x.toks[k-1].lower == "to" || x.toks[k-1].lower == "in" || x.toks[k-1].lower == "from" || x.toks[k-1].lower == "of") {
			parts = parts[1:]
		}
		if len(parts) >= 2 && len(parts) <= 4 {
			full := strings.Join(parts, " ")
			last := strings.TrimSuffix(strings.TrimSuffix(parts[len(parts)-1], "’s"), "'s")
			if _, ok := x.names[last]; !ok {
				x.names[last] = full
			}
			x.lastName = x.names[last]
		}
		k = j
	}
}

// titles precede a name and are not part of it.
var titles = map[string]bool{
	"president": true, "mr": true, "mrs": true, "ms": true, "dr": true, "sen": true, "rep": true,
	"gov": true, "senator": true, "governor": true, "secretary": true, "minister": true,
	"ambassador": true, "spokeswoman": true, "spokesman": true, "spokesperson": true,
	"chairman": true, "chairwoman": true, "gen": true, "general": true, "judge": true,
	"justice": true, "mayor": true, "former": true, "vice": true, "speaker": true,
	"leader": true, "representative": true, "congressman": true, "congresswoman": true,
	"prime": true, "chancellor": true, "press": true, "state": true, "deputy": true,
	"foreign": true, "director": true, "chief": true, "attorney": true, "candidate": true,
	"nominee": true, "democrat": true, "republican": true, "democratic": true, "gop": true,
	"house": true, "white": true, "russian": true, "american": true, "u.s.": true, "us": true,
}

// noteSpeaker remembers a named speaker for later pronouns.
func (x *extractor) noteSpeaker(q storyline.Quote, src [2]int) {
	if src[1] == src[0] || q.Unnamed {
		return
	}
	if src[1]-src[0] == 1 && pronouns[x.toks[src[0]].lower] {
		return
	}
	if x.hasCap(src) {
		x.lastPerson = q.Speaker
	}
}

// affiliationWords before a capitalised run make it an affiliation, not
// the speaker's name.
var affiliationWords = map[string]bool{"of": true, "at": true, "from": true, "for": true, "in": true, "with": true}

// roleWords inside a capitalised run are titles of office.
var roleWords = map[string]bool{
	"director": true, "secretary": true, "manager": true, "chair": true, "officer": true,
	"adviser": true, "advisor": true, "strategist": true, "pollster": true, "analyst": true,
	"professor": true, "counsel": true, "commissioner": true, "coordinator": true,
	"communications": true, "campaign": true, "executive": true, "founder": true, "co-founder": true,
}

var unnamedHeads = map[string]bool{
	"official": true, "officials": true, "source": true, "sources": true, "people": true,
	"aide": true, "aides": true, "spokesperson": true, "spokesman": true, "spokeswoman": true,
	"person": true, "advisers": true, "adviser": true, "advisor": true, "advisors": true,
	"diplomat": true, "diplomats": true, "analysts": true, "experts": true, "observers": true,
	"insiders": true, "members": true, "staffers": true, "lawmakers": true,
}

// resolve returns the speaker's name for the source span, and whether the
// source is unnamed.
func (x *extractor) resolve(src [2]int) (string, bool) {
	// an apposition names the source before its first comma
	for k := src[0] + 1; k < src[1]; k++ {
		if x.toks[k].text == "," {
			src[1] = k
			break
		}
	}
	start, end := x.toks[src[0]].start, x.toks[src[1]-1].end
	text := x.text[start:end]
	pl := x.toks[src[0]].lower
	if src[1]-src[0] == 1 && (pl == "his" || pl == "her") {
		pl = map[string]string{"his": "he", "her": "she"}[pl] // "his own promise"
	}
	pron := src[1]-src[0] == 1 && pronouns[pl]
	if pron && pl == "who" && src[0] > 0 {
		// "Karl Weber, who ...", "Sen. Ada Morrow (D-Vt.), who ...",
		// "Pete Wilson who ...": the capitalised name right before
		e := src[0] - 1
		if t := x.toks[e].text; e > 0 && (t == "," || t == "—" || t == "–") {
			e--
		}
		if e > 0 && x.toks[e].text == ")" {
			for m := e - 1; m > 0 && m >= e-8; m-- {
				if x.toks[m].text == "(" {
					e = m - 1
					break
				}
			}
		}
		if e >= 0 && x.isCap(e) && !x.toks[e].inQuote {
			b := e
			for b > 0 && x.isCap(b-1) && !x.toks[b-1].inQuote {
				b--
			}
			return x.resolve([2]int{b, e + 1})
		}
	}
	if pron && pl == "who" && src[0]-1 > 0 && x.toks[src[0]-1].text == "," {
		// "Army Capt. Christian Pardo, who ...": the noun phrase before
		if np := x.sourceNP(src[0]-1, 0); np[1] > np[0] && x.hasCap(np) {
			return x.resolve(np)
		}
	}
	if len(x.mentions) > 0 {
		best := -1
		for i, m := range x.mentions {
			if m.Start < end && m.End > start {
				if best < 0 || (m.Kind == storyline.Person && x.mentions[best].Kind != storyline.Person) {
					best = i
				}
			}
		}
		if best >= 0 {
			m := x.mentions[best]
			if m.Name != "" {
				return m.Name, false
			}
			return m.Text, false
		}
		if pron && (pl == "he" || pl == "she") {
			for i := len(x.mentions) - 1; i >= 0; i-- {
				m := x.mentions[i]
				if m.End <= start && m.Kind == storyline.Person {
					if m.Name != "" {
						return m.Name, false
					}
					return m.Text, false
				}
			}
		}
	}
	if pron {
		l := pl
		if l == "he" || l == "she" {
			if x.lastPerson != "" {
				return x.lastPerson, false
			}
			if x.lastName != "" {
				return x.lastName, false
			}
		}
		return text, false
	}
	// the first run of capitalised words that is not an affiliation
	// ("Scott Hawkins of Cheyenne"), titles before the name dropped;
	// a later run when the first holds only titles
	var run []string
	for k := src[0]; k < src[1]; {
		if !x.isCap(k) {
			k++
			continue
		}
		j := k
		for j < src[1] && x.isCap(j) {
			j++
		}
		affiliation := k > src[0] && affiliationWords[x.toks[k-1].lower] && len(run) == 0
		var r []string
		for m := k; m < j; m++ {
			if titles[strings.TrimSuffix(x.toks[m].lower, ".")] || roleWords[x.toks[m].lower] {
				r = r[:0] // "Communications Director Jennifer Palmieri"
				continue
			}
			if len(r) == 0 && determiners[x.toks[m].lower] {
				continue // "Some critics": a determiner opening the sentence names no one
			}
			r = append(r, x.toks[m].text)
		}
		if len(r) > 0 && !affiliation {
			run = r
			break
		}
		if len(r) > 0 && run == nil {
			run = r // keep an affiliation only if nothing better follows
		}
		k = j
	}
	if len(run) > 0 {
		name := strings.Join(run, " ")
		last := strings.TrimSuffix(strings.TrimSuffix(run[len(run)-1], "’s"), "'s")
		if len(run) == 1 {
			if full, ok := x.names[last]; ok {
				return full, false
			}
		}
		return name, false
	}
	first := x.toks[src[0]].lower
	head := x.toks[src[1]-1].lower
	if first == "the" && titles[head] && x.lastPerson != "" {
		return x.lastPerson, false // "the senator", "the ambassador"
	}
	if !(first == "the" || first == "his" || first == "her" || first == "their") || unnamedHeads[head] {
		return text, true
	}
	return text, false
}
