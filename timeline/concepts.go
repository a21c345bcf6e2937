package timeline

import "strings"

// Reports of one happening word it differently: one outlet writes that
// Moscow "recalled" its ambassador, another that he was "withdrawn", a
// third that he was "called home". Grouping by stems alone keeps such
// reports apart, so the words of a few kinds of happening that news
// reports most often are read as one concept each. The list is kept
// short and general: a word belongs here only when its forms name the
// same kind of happening in most news.
var concepts = func() map[string]string {
	m := map[string]string{}
	for c, words := range map[string][]string{
		"recall":     {"recall", "recalls", "recalled", "recalling", "withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing", "withdrawal"},
		"expel":      {"expel", "expels", "expelled", "expelling", "expulsion", "expulsions", "deport", "deported", "deportation", "oust", "ousted"},
		"appoint":    {"appoint", "appoints", "appointed", "appointment", "nominate", "nominated", "nomination", "designate", "designated", "named"},
		"return":     {"return", "returns", "returned", "returning"},
		"meet":       {"meet", "meets", "met", "meeting", "meetings", "summit", "summits", "talks"},
		"arrest":     {"arrest", "arrests", "arrested", "detain", "detains", "detained", "detention", "jailed", "imprisoned"},
		"sanction":   {"sanction", "sanctions", "sanctioned", "penalties"},
		"kill":       {"kill", "kills", "killed", "killing", "dead", "died", "death", "deaths"},
		"attack":     {"attack", "attacks", "attacked", "strike", "strikes", "struck", "bombing", "bombed", "shelling"},
		"resign":     {"resign", "resigns", "resigned", "resignation", "quit", "quits"},
		"elect":      {"elect", "elects", "elected", "election", "elections", "vote", "votes", "voted", "voting", "ballot"},
		"sign":       {"sign", "signs", "signed", "signing"},
		"leave":      {"leave", "leaves", "left", "leaving", "depart", "departs", "departed", "departure"},
		"arrive":     {"arrive", "arrives", "arrived", "arrival"},
		"release":    {"release", "releases", "released", "freed", "frees"},
		"warn":       {"warn", "warns", "warned", "warning", "warnings"},
		"crash":      {"crash", "crashes", "crashed", "downed", "downing"},
		"cut":        {"cut", "cuts", "cutting", "trim", "trims", "trimmed", "trimming", "slash", "slashes", "slashed", "reduce", "reduces", "reduced", "reduction"},
		"summon":     {"summon", "summons", "summoned", "summoning"},
		"invade":     {"invade", "invades", "invaded", "invasion"},
		"exchange":   {"exchange", "exchanged", "swap", "swaps", "swapped"},
		"credential": {"credential", "credentials"},
		"interfere":  {"interfere", "interferes", "interfered", "interfering", "interference", "meddle", "meddled", "meddling"},
	} {
		for _, w := range words {
			m[w] = "~" + c
		}
	}
	// Reporting verbs say who tells, not what happened.
	for _, w := range []string{"said", "says", "say", "told", "tells", "noted", "notes", "added", "adds", "stated",
		"states", "according", "reported", "reports", "reporting", "cited", "quoted", "emphasized", "emphasised", "stressed"} {
		m[w] = "-"
	}
	return m
}()

// phraseConcepts returns the concepts that phrases of a sentence name,
// from its lowercased words: an envoy "called home", "summoned back" or
// "invited to Moscow for consultations" is recalled (a verb of calling,
// then within six words "home", "back", or "for" and "consultations" or
// "talks").
func phraseConcepts(words []string) []string {
	for i, w := range words {
		if !callVerb(w) {
			continue
		}
		for j := i + 1; j < len(words) && j <= i+6; j++ {
			switch words[j] {
			case "home", "back":
				return []string{"~recall"}
			case "consultations", "talks":
				if words[j-1] == "for" {
					return []string{"~recall"}
				}
			}
		}
	}
	return nil
}

func callVerb(w string) bool {
	return strings.HasPrefix(w, "summon") || strings.HasPrefix(w, "call") || strings.HasPrefix(w, "invit") ||
		w == "bring" || w == "brings" || w == "bringing" || w == "brought"
}

// phraseWords are the words, as written, one of which a sentence must
// hold for phraseConcepts to find anything.
var phraseWords = map[string]bool{"home": true, "back": true, "consultations": true, "talks": true}

// concept returns the feature a lowercased content word stands for: its
// concept ("~recall"), "-" for a word that says nothing of what happened,
// or "" for a word that stands for itself.
func concept(w string) string { return concepts[w] }
