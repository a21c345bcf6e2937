package quote

// speechVerbs are verbs of saying that the counted lexicon (cueWeight)
// missed or saw too rarely to keep, added by hand from general English
// usage, not from any corpus: forms that nearly always report speech or
// writing. Forms that are often something else ("states", "shot",
// "cried", "sang", "maintained") and that are mostly nouns ("remarks",
// "answers", "jokes") are left out.
var speechVerbs = []string{
	"write", "exclaimed", "exclaims", "quipped", "quips", "opined", "opines", "retorted",
	"retorts", "replies", "shouts", "yells", "screamed", "whispered", "muttered", "observed", "recalls", "snapped", "scoffed", "concedes", "countered", "chimed", "bragged", "laments", "complains", "grumbled", "fumed", "marveled", "marvelled",
	"asserts", "stresses", "emphasised", "cautions", "confided", "contended",
	"maintains", "reiterates", "elaborated", "sneered", "intoned", "murmured",
}

// speechWeight is the cue weight of a hand-added verb of saying.
const speechWeight = 0.6

// addSpeechVerbs adds the speech verbs to cueWeight and makes cueWords
// (at init, before buildLexicon).
func addSpeechVerbs() {
	for _, w := range speechVerbs {
		if _, ok := cueWeight[w]; !ok {
			cueWeight[w] = speechWeight
		}
	}
	cueWords = make(map[string]cueWord, len(cueWeight)+len(vocalVerbs))
	for w, weight := range cueWeight {
		cueWords[w] = cueWord{weight: weight, vocal: vocalVerbs[w]}
	}
	for w := range vocalVerbs {
		cueWords[w] = cueWord{weight: cueWeight[w], vocal: true}
	}
}

// cueWords holds each word of cueWeight (speech verbs added) and of
// vocalVerbs: what readWeight asks of a word, in one look-up.
var cueWords map[string]cueWord

type cueWord struct {
	weight float64
	vocal  bool
}
