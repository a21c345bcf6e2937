package entity

import (
	"embed"
	"strings"
	"sync"

	storyline "github.com/storyline/storyline"
	"github.com/storyline/storyline/nlp"
)

// The gazetteers: see gazetteer/README.md for where each list comes from
// and under which licence.
//
//go:embed gazetteer/*.tsv gazetteer/words.txt gazetteer/cities.txt
var gazetteerFS embed.FS

// entry is what a gazetteer says about a name.
type entry struct {
	kind    storyline.EntityKind
	name    string // canonical name
	country string // the country a place lies in, or a demonym names
	// demonym: "Russian" names Russia; metonym: "Moscow" may stand for
	// Russia when it acts; short: a short form ("US", "UK").
	demonym, metonym, short bool
	city                    bool
	// acronym: written in capitals in its list ("UN", "WHO"), so only a
	// word in capitals is it ("Kim Jong Un" is no United Nations)
	acronym bool
}

// lexicon is built once from the embedded lists and never changed after.
type lexicon struct {
	phrases map[string]entry // lowercase tokens joined by one space
	gender  map[string]byte  // given name -> 'f' or 'm'
	common  map[string]bool  // lowercase common English words
	// lists holds the closed word lists a lower-case word is in
	// (wordinfo.go), listTable the same to be read a token at a time;
	// asciiLists the same for the words of one ASCII character.
	lists      map[string]wordFlags
	listTable  nlp.WordTable[wordFlags]
	asciiLists [128]wordFlags
	// names holds the phrase keys of phrases; weak those of GeoNames
	// place names: a place only where the context says so ("flew to
	// Rotterdam").
	names, weak *trie
}

var lex = sync.OnceValue(loadLexicon)

func loadLexicon() *lexicon {
	l := &lexicon{
		phrases: map[string]entry{},
		gender:  map[string]byte{},
		common:  make(map[string]bool, 65536),
		weak:    newTrie(32768),
	}
	// lines calls fn with each line of a list but blank lines and
	// comments, read as bufio.ScanLines reads them; the lines are slices
	// of the file's one string, so the tables' keys share its memory.
	lines := func(file string, fn func(line string)) {
		b, err := gazetteerFS.ReadFile("gazetteer/" + file)
		if err != nil {
			panic("entity: embedded gazetteer missing: " + file) // a build error, not an input error
		}
		for line := range strings.Lines(string(b)) {
			line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			fn(line)
		}
	}
	each := func(file string, fn func(fields []string)) {
		lines(file, func(line string) { fn(strings.Split(line, "\t")) })
	}
	firstField := func(line string) string {
		f, _, _ := strings.Cut(line, "\t")
		return f
	}
	add := func(name string, e entry) {
		key := phraseKey(name)
		if key == "" {
			return
		}
		if _, ok := l.phrases[key]; ok && !e.short && !e.demonym && !e.metonym {
			return // first list wins
		}
		l.phrases[key] = e
	}
	each("extra.tsv", func(f []string) {
		if len(f) < 3 {
			return
		}
		e := entry{kind: storyline.EntityKind(f[1]), name: f[2]}
		if len(f) > 3 {
			e.country = f[3]
		}
		e.short = f[0] != f[2] && isUpperWord(f[0])
		e.acronym = isUpperWord(f[0]) && !strings.Contains(f[0], " ")
		add(f[0], e)
	})
	each("places.tsv", func(f []string) {
		if len(f) < 3 {
			return
		}
		name := f[0]
		if f[1] == "country" {
			name = f[2]
		}
		add(f[0], entry{kind: storyline.Place, name: name, country: f[2], city: f[1] == "city"})
	})
	each("metonyms.tsv", func(f []string) {
		if len(f) < 2 {
			return
		}
		add(f[0], entry{kind: storyline.Place, name: f[0], country: f[1], metonym: true, city: true})
	})
	each("demonyms.tsv", func(f []string) {
		if len(f) < 2 {
			return
		}
		add(f[0], entry{kind: storyline.Place, name: f[1], country: f[1], demonym: true})
	})
	each("given_names.tsv", func(f []string) {
		if len(f) >= 2 && len(f[1]) == 1 {
			l.gender[f[0]] = f[1][0]
		}
	})
	lines("cities.txt", func(line string) {
		if key := phraseKey(firstField(line)); key != "" {
			l.weak.insert(key).known = true
		}
	})
	lines("words.txt", func(line string) {
		w := firstField(line)
		if len(w) < 3 {
			return
		}
		if w[0] == 'c' { // 'p' lines list proper names, which no rule reads
			l.common[w[2:]] = true
		}
	})
	l.names = newTrie(len(l.phrases))
	for key, en := range l.phrases {
		n := l.names.insert(key)
		n.en, n.known = en, true
	}
	l.buildLists()
	givenNames = l.gender
	return l
}

// phraseKey lowercases a name and splits it as the tokenizer does.
func phraseKey(name string) string {
	if plainName(name) {
		return strings.ToLower(name) // the tokens are its words
	}
	toks := tokenize(name)
	parts := make([]string, 0, len(toks))
	for _, t := range toks {
		parts = append(parts, strings.ToLower(t.text))
	}
	return strings.Join(parts, " ")
}

// plainName reports whether name is words of ASCII letters and digits
// with one space between two: words the tokenizer takes whole, one token
// each.
func plainName(name string) bool {
	for i := 0; i < len(name); i++ {
		if c := name[i]; c == ' ' {
			if i == 0 || i == len(name)-1 || name[i-1] == ' ' {
				return false
			}
		} else if !isASCIIWordByte(c) {
			return false
		}
	}
	return name != ""
}

func isUpperWord(s string) bool {
	letters := 0
	for _, r := range s {
		if r >= 'a' && r <= 'z' {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			letters++
		}
	}
	return letters >= 2
}

// IsCountry reports whether name is the canonical name of a country
// ("Russia", "United States"), as a place mention's Name gives it; a city,
// region or anything else is not.
func IsCountry(name string) bool {
	e, ok := lex().phrases[phraseKey(name)]
	return ok && e.kind == storyline.Place && !e.city && !e.demonym && e.country != "" && e.name == e.country
}

// IsPlace reports whether a gazetteer names name as a place: a country, a
// region, a city or a GeoNames place name ("Los Angeles", "Texas"); a
// nationality ("Russian") or an organisation is not one.
func IsPlace(name string) bool {
	l := lex()
	key := phraseKey(name)
	if e, ok := l.phrases[key]; ok {
		return e.kind == storyline.Place && !e.demonym
	}
	return key != "" && l.weak.has(key)
}
