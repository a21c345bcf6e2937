package quote

import "strings"

// Extract finds attributions as PolNeAR annotates them, and PolNeAR
// counts thinking, wanting, seeming and acting as attributions too ("the
// virus seems to spare the elderly", "the administration backed the
// protesters", "Moscow seeks to bolster his chances"). A reader of quotes
// asks who said what: Said keeps an indirect attribution only when its
// cue reports saying, writing or a stated view (saying).

// notSaying are the cues that report no act of saying or writing: what
// someone seems, perceives, knows, wants, weighs or does.
var notSaying = words(`acquiesced angered appear appeared appears approved attempted
	authorized avoided aware backed backing balked booed brushed cast celebrated cheer
	cheered confidence confident consensus consider considered considering considers
	convince convinced decide dedicated desire determined disappointed dislike distanced
	drawn embrace embraced favor favored follows hopeful ignored imagined impressed
	inclination inclined introducing knew knocked know known knows laid laying lays
	learned named naming negotiated nervous nominated noticed notion offer offered
	offering offers passing pivoted prefer preferred prefers provided pushed
	pushing puts realized regarded reluctant remember remembered remembers restricting
	ruled saw see sees seeking seeks seem seemed seems sided singled skeptical sought
	sounded sounds support supported supporter supporting supportive supports tried
	touched unclear understanding upset view viewed views voted want wanted wants weighed
	willing`)

// notSayingTo are the cues that report a decision, an intention or an
// expectation when an infinitive follows ("agreed to return the
// ambassadors", "declined to comment", "hopes to visit"), and a view
// otherwise ("agreed that the talks were useful").
var notSayingTo = words(`agree agreed agrees decline declined declines expect expected
	expects expecting hope hoped hopes hoping refuse refused refuses refusing fear fears
	feared fearing plan plans planned planning intend intends intended believe believed
	believes`)

// leadingConjunctions open a sentence, never a speaker's name.
var leadingConjunctions = words("but and so yet then still however meanwhile")

// talkCues name talking to or with someone, not what was said, when "to"
// or "with" follows ("talked to officials from eight countries").
var talkCues = words("talk talks talked talking spoke spoken speak speaks speaking")

// sayForms take no infinitive as what was said: "onlookers said to be
// shocked" is a garbled passive ("were said to be"), not a quote.
var sayForms = words("say says said saying")

var modals = words("will would can could should may might must shall")

func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// saying reports whether an indirect quote with cue c (lower case) and
// content text, opening with the words f (lower case, at least one), reports
// something said or written: its cue is no cue of notSaying; for a cue
// of notSayingTo its content is no infinitive and no clause without a
// subject; for a form of "say" no infinitive alone; for a cue of talking
// not whom it was with.
func saying(c string, f []string, text string) bool {
	if notSaying[c] {
		return false
	}
	switch first := f[0]; {
	case first == "to" && notSayingTo[c]:
		return false // "agreed to return"
	case first == "to" && sayForms[c] && (len(f) > 1 && f[1] == "be" || !strings.Contains(text, ",")):
		// "onlookers said to be shocked"; but "said to stop the leak, it
		// would have to plug the well" opens with a purpose
		return false
	case modals[first] && notSayingTo[c]:
		return false // "Boeing hope will lead to ...": no subject, no view stated
	case (first == "to" || first == "with") && talkCues[c]:
		return false // "talked to officials"
	case tellCues[c] && toldTale(text):
		return false // "told his story", "records tell a different story"
	}
	return true
}

// tellCues are the forms of "tell".
var tellCues = words("tell tells told telling")

// taleNouns are what one tells that is no statement: "told his story",
// "told jokes", "told the truth".
var taleNouns = words("story stories tale tales truth lie lies joke jokes")

// toldTale reports whether the content of a cue of telling is a tale noun
// it told, within its first four words and not the subject of a clause
// ("told reporters the story was false" states something).
func toldTale(text string) bool {
	f := strings.Fields(text)
	for i := 0; i < len(f) && i < 4; i++ {
		if taleNouns[strings.ToLower(f[i])] {
			return i+1 == len(f) || !auxiliaries[strings.ToLower(f[i+1])]
		}
	}
	return false
}
