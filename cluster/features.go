package cluster

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline/storyline/internal/swar"
	"github.com/storyline/storyline/nlp"
)

// Feature kinds: a stemmed word, an entity (a capitalised word), a
// number, and a name the entity stage gave (Doc.Entities). Names follow
// stories but do not place articles in events: the entity stage links
// "Iranian", "Tehran" and "Iran" to one state, which is what a story of
// Iran is about and what two earthquakes in Iran both are.
const (
	kindWord uint8 = iota
	kindEntity
	kindNumber
	kindName
	kinds
)

// term is one interned feature.
type term struct {
	key     string // normalised form
	surface string // how to show it
	kind    uint8
	df      int32 // documents (non-duplicates) that hold it
}

// vocab interns features and counts their document frequencies.
type vocab struct {
	ids   [kinds]termIDs // by kind
	terms []term
	docs  int // documents counted in df
	// words is the word term of each lower case met (its stem's),
	// names the name term of each name as the entity stage gave it,
	// until the terms are numbered again
	words, names termIDs
	tokens       tokenTable // by the token's text
}

func newVocab() *vocab {
	v := &vocab{words: newTermIDs(), names: newTermIDs()}
	for k := range v.ids {
		v.ids[k] = newTermIDs()
	}
	return v
}

// termIDs maps keys to term ids: a key of at most 8 bytes and no NUL
// byte (most words, stems and numbers) by its bytes as a number
// (shortKey), which hashes and compares in one step, a longer one by its
// text.
type termIDs struct {
	short map[uint64]int32
	long  map[string]int32
}

func newTermIDs() termIDs {
	return termIDs{short: map[uint64]int32{}, long: map[string]int32{}}
}

// shortKeyOf is shortKey(s), and whether s has one: at most 8 bytes,
// none of them NUL (which shortKey does not tell from the end).
func shortKeyOf(s string) (uint64, bool) {
	if len(s) > 8 || strings.IndexByte(s, 0) >= 0 {
		return 0, false
	}
	return shortKey(s), true
}

func (m *termIDs) get(key string) (int32, bool) {
	if k, ok := shortKeyOf(key); ok {
		id, ok := m.short[k]
		return id, ok
	}
	id, ok := m.long[key]
	return id, ok
}

func (m *termIDs) set(key string, id int32) {
	if k, ok := shortKeyOf(key); ok {
		m.short[k] = id
		return
	}
	m.long[key] = id
}

func (m *termIDs) del(key string) {
	if k, ok := shortKeyOf(key); ok {
		delete(m.short, k)
		return
	}
	delete(m.long, key)
}

func (m *termIDs) len() int { return len(m.short) + len(m.long) }

func (m *termIDs) reset() {
	clear(m.short)
	clear(m.long)
}

// token is what extract reads from a token's text, kept across documents:
// the hash of its lower case, and its terms, each made the first time it
// counts (so terms are numbered in the order they are first met). It is
// small, to keep the table of tokens small.
type token struct {
	hash      uint64 // hashString of its lower case, for shingles
	number    int32  // its number term, -1 for a token with no digit
	entity    int32  // its entity term, -1 until counted as one
	word      int32  // its word term, -1 until counted
	year      int16
	hasYear   bool  // a four-digit number from 19.. or 20..
	canEntity bool  // capitalised, no stop word, longer than a letter
	canWord   bool  // no stop word, two letters or more
	long      int32 // 1 + the index of its text in tokenTable.long when longer than 8 bytes, else 0
}

// shortKey is a text of at most 8 bytes as a number: its bytes, the
// first lowest, the rest 0 (a token holds no NUL byte, so no two texts
// share a key). Most words are that short: their look-up compares no
// string.
func shortKey(s string) uint64 {
	var k uint64
	for i := len(s) - 1; i >= 0; i-- {
		k = k<<8 | uint64(s[i])
	}
	return k
}

// token returns what extract knows of the token text[start:end], valid
// until the next call.
func (v *vocab) token(text string, start, end int) *token {
	var key uint64
	var kept string
	if n := end - start; n <= 8 && start+8 <= len(text) {
		key = swar.Load64(text, start) & (^uint64(0) >> ((64 - 8*n) & 63)) // tokenKey, in one load
	} else {
		key, kept = tokenKey(text[start:end])
	}
	if t := v.tokens.get(key, kept); t != nil {
		return t
	}
	return v.newToken(key, kept, text[start:end])
}

// newToken reads a text met for the first time, and keeps it under key.
func (v *vocab) newToken(key uint64, kept, text string) *token {
	text = strings.Clone(text) // not the document's text
	if kept != "" {
		kept = text
	}
	lower := strings.ToLower(text)
	t := token{hash: hashString(lower), number: -1, entity: -1, word: -1}
	if hasDigit(lower) {
		n := strings.ReplaceAll(lower, ",", "")
		t.number = v.id(kindNumber, n, text)
		if len(n) == 4 && (n[:2] == "19" || n[:2] == "20") {
			t.hasYear = true
			t.year = int16(n[0]-'0')*1000 + int16(n[1]-'0')*100 + int16(n[2]-'0')*10 + int16(n[3]-'0')
		}
	} else {
		stop := nlp.IsStopword(lower)
		t.canEntity = !stop && isCapitalised(text) && len(lower) > 1
		t.canWord = !stop && utf8.RuneCountInString(lower) >= 2
	}
	if v.tokens.n > 200000 { // bound the cache on endless vocabularies
		v.tokens.reset()
	}
	return v.tokens.put(key, kept, t)
}

func (v *vocab) id(kind uint8, key, surface string) int32 {
	if id, ok := v.ids[kind].get(key); ok {
		return id
	}
	id := int32(len(v.terms))
	v.ids[kind].set(key, id)
	v.terms = append(v.terms, term{key: key, surface: surface, kind: kind})
	return id
}

// word is the word term of a lower case: its stem's, shown as the first
// lower case that had it.
func (v *vocab) word(lower string) int32 {
	if id, ok := v.words.get(lower); ok {
		return id
	}
	id := v.id(kindWord, nlp.Stem(lower), lower)
	if v.words.len() > 200000 { // bound the cache on endless vocabularies
		v.words.reset()
	}
	v.words.set(lower, id)
	return id
}

// name is the name term of a name the entity stage gave: its trimmed
// lower case's, shown as the name that first had it; false for a blank
// name. A name comes back in many documents, as it was given.
func (v *vocab) name(e string) (int32, bool) {
	if id, ok := v.names.get(e); ok {
		return id, true
	}
	k := strings.ToLower(strings.TrimSpace(e))
	if k == "" {
		return 0, false
	}
	id := v.id(kindName, k, e)
	if v.names.len() > 200000 { // bound the cache on endless vocabularies
		v.names.reset()
	}
	v.names.set(strings.Clone(e), id)
	return id, true
}

// idf is the smoothed inverse document frequency of a term.
func (v *vocab) idf(id int32) float64 {
	return math.Log(float64(v.docs+1)/float64(v.terms[id].df+1)) + 1
}

// tw is one weighted feature of a vector.
type tw struct {
	id int32
	k  uint8 // the term's kind
	w  float64
}

// vec is a sparse vector sorted by term id.
type vec []tw

func (a vec) dot(b vec) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].id < b[j].id:
			i++
		case a[i].id > b[j].id:
			j++
		default:
			s += a[i].w * b[j].w
			i++
			j++
		}
	}
	return s
}

func (a vec) norm() float64 {
	var s float64
	for _, x := range a {
		s += x.w * x.w
	}
	return math.Sqrt(s)
}

// counts is a document's raw features before weighting. Its ids and tf
// are the clusterer's scratch: weigh them before the next extract.
type counts struct {
	ids      []int32    // the distinct terms, in the order first met
	tf       []float64  // their counts (title words weighted)
	shingles []uint64   // the clusterer's scratch too
	copy     copySketch // narrative shingles, to find copies by containment
	years    []int      // years the text is about, sorted, distinct
}

// extract reads the features of a document: stemmed words (title words
// counted o.TitleWeight times), entities, numbers and word shingles.
func (c *Clusterer) extract(d *Doc) counts {
	v := c.vocab
	out := counts{ids: c.ids[:0], tf: c.tf[:0]}
	defer func() { c.ids, c.tf = out.ids, out.tf }()
	// c.slot[id] is 1 + the index of term id in out.ids, 0 when not met yet
	count := func(id int32, weight float64) {
		if int(id) >= len(c.slot) {
			c.slot = append(c.slot, make([]int32, int(id)+1-len(c.slot))...)
		}
		if i := c.slot[id]; i > 0 {
			out.tf[i-1] += weight
			return
		}
		out.ids = append(out.ids, id)
		out.tf = append(out.tf, weight)
		c.slot[id] = int32(len(out.ids))
	}
	addWords := func(text string, weight float64, shingle bool) {
		toks := slices.AppendSeq(c.toks[:0], nlp.EachToken(text))
		c.toks = toks
		hashes := c.hashes[:0]
		for _, t := range toks {
			tk := v.token(text, t.Start, t.End)
			if shingle {
				hashes = append(hashes, tk.hash)
			}
			if tk.number >= 0 {
				count(tk.number, weight)
				if d.Dates == nil && tk.hasYear {
					out.years = append(out.years, int(tk.year))
				}
				continue
			}
			if tk.canEntity && !startsSentence(text, t.Start) {
				if tk.entity < 0 {
					tk.entity = v.id(kindEntity, lowerCopy(t.Text), t.Text)
				}
				count(tk.entity, weight)
			}
			if !tk.canWord {
				continue
			}
			if tk.word < 0 {
				tk.word = v.word(lowerCopy(t.Text))
			}
			count(tk.word, weight)
		}
		c.hashes = hashes
		if shingle {
			c.shingles = shingles(c.shingles[:0], hashes, c.opt.Shingle)
			out.shingles = c.shingles
			out.copy = narrativeSketch(text, toks, hashes, c.opt.Shingle)
		}
	}
	addWords(d.Title, float64(c.opt.TitleWeight), false)
	addWords(d.Text, 1, true)
	clear(c.toks) // do not keep the text alive
	for _, dt := range d.Dates {
		out.years = append(out.years, dt.Year)
	}
	if !d.Published.IsZero() {
		out.years = append(out.years, d.Published.Year)
	}
	slices.Sort(out.years)
	out.years = slices.Compact(out.years)
	for _, e := range d.Entities {
		id, ok := v.name(e)
		if !ok {
			continue
		}
		// each name counts once: only this loop counts names
		if int(id) >= len(c.slot) || c.slot[id] == 0 {
			count(id, 1)
		}
	}
	for _, id := range out.ids {
		c.slot[id] = 0
	}
	return out
}

// weigh turns counts into a unit vector split by kind weights, and counts
// the document into the document frequencies when count is true.
func (c *Clusterer) weigh(cn counts, count bool) vec {
	v := c.vocab
	if count {
		v.docs++
		for _, id := range cn.ids {
			v.terms[id].df++
		}
	}
	// the terms by id (distinct), each with its index in cn
	order := c.order[:0]
	for i, id := range cn.ids {
		order = append(order, uint64(id)<<32|uint64(i))
	}
	c.order = sortByHigh(order, &c.orderTmp)
	c.idfsFor(v.docs)
	out := make(vec, 0, len(cn.ids))
	for _, o := range c.order {
		id, i := int32(o>>32), uint32(o)
		w := (1 + logCount(cn.tf[i])) * c.idfOf(id)
		switch v.terms[id].kind {
		case kindEntity, kindName:
			w *= c.opt.EntityWeight
		case kindNumber:
			w *= c.opt.NumberWeight
		}
		out = append(out, tw{id, v.terms[id].kind, w})
	}
	return out.unit()
}

// idfsFor forgets the idfs idfOf kept when docs documents are counted
// where they were worked out for another number.
func (c *Clusterer) idfsFor(docs int) {
	if c.idfDocs != docs {
		clear(c.idfs)
		c.idfDocs = docs
	}
}

// idfOf is v.idf(id), kept by document frequency until the next
// document is counted: the terms of a document share a few frequencies.
func (c *Clusterer) idfOf(id int32) float64 {
	df := c.vocab.terms[id].df
	if int(df) >= len(c.idfs) {
		return c.vocab.idf(id)
	}
	idf := c.idfs[df]
	if idf == 0 { // not worked out yet (or 0, worked out again)
		idf = c.vocab.idf(id)
		c.idfs[df] = idf
	}
	return idf
}

// smallLogs holds math.Log of 0 to 31: most counts of a term in a
// document.
var smallLogs = func() (l [32]float64) {
	for k := range l {
		l[k] = math.Log(float64(k))
	}
	return l
}()

// logCount is math.Log(n), from smallLogs for a small whole n.
func logCount(n float64) float64 {
	if k := int(n); float64(k) == n && k >= 0 && k < len(smallLogs) {
		return smallLogs[k]
	}
	return math.Log(n)
}

// unit scales a to length 1, in place.
func (a vec) unit() vec {
	if n := a.norm(); n > 0 {
		for i := range a {
			a[i].w /= n
		}
	}
	return a
}

// lowerCopy is the lower case of a token's text, not sharing the
// document's bytes.
func lowerCopy(s string) string {
	if l := strings.ToLower(s); l != s {
		return l
	}
	return strings.Clone(s)
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

func isCapitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// startsSentence reports whether the token at off is the first word of a
// sentence or line: only white space, quotes and brackets stand between it
// and the start of the text, a line break or a sentence-ending mark.
func startsSentence(text string, off int) bool {
	for i := off; i > 0; {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		i -= n
		switch {
		case r == '\n' || r == '.' || r == '!' || r == '?' || r == ':':
			return true
		case unicode.IsSpace(r) || strings.ContainsRune("\"'“”‘’«»([-–—", r):
			continue
		default:
			return false
		}
	}
	return true
}

// hashString is 64-bit FNV-1a followed by a finaliser.
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return mix64(h)
}

// mix64 is the splitmix64 finaliser.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// shingles appends to out the hash of every run of k consecutive words.
func shingles(out, words []uint64, k int) []uint64 {
	if len(words) == 0 {
		return out
	}
	if len(words) < k {
		k = len(words)
	}
	for i := 0; i+k <= len(words); i++ {
		out = append(out, shingleHash(words[i:i+k]))
	}
	return out
}

// maxVocab is the vocabulary size from which terms that nothing active
// refers to are forgotten.
const maxVocab = 300000

// compactVocab keeps the vocabulary bounded on an endless stream: when it
// outgrows its limit, every document frequency is halved (so the IDF
// follows recent documents) and the terms left with none that no active
// event, story or article refers to are dropped, renumbering the rest.
func (c *Clusterer) compactVocab() {
	v := c.vocab
	if len(v.terms) < c.vocabLimit {
		return
	}
	used := make([]bool, len(v.terms))
	mark := func(p *profile) {
		for _, x := range p.v {
			used[x.id] = true
		}
	}
	for _, ev := range c.events {
		mark(&ev.c)
		for id := range ev.indexed.all() {
			used[id] = true
		}
		for _, m := range ev.members {
			for _, x := range m.top {
				used[x.id] = true
			}
			for _, x := range m.v {
				used[x.id] = true
			}
		}
	}
	for _, st := range c.stories {
		mark(&st.p)
		for id := range st.indexed.all() {
			used[id] = true
		}
	}
	v.docs /= 2
	v.tokens.reset() // ids change
	v.words.reset()
	v.names.reset()
	remap := make([]int32, len(v.terms))
	var terms []term
	for id := range v.terms {
		t := v.terms[id]
		t.df /= 2
		if t.df == 0 && !used[id] {
			remap[id] = -1
			v.ids[t.kind].del(t.key)
			continue
		}
		remap[id] = int32(len(terms))
		v.ids[t.kind].set(t.key, remap[id])
		terms = append(terms, t)
	}
	v.terms = terms
	// Renumbering keeps the order of the kept ids, so sorted vectors stay sorted.
	reProfile := func(p *profile) {
		for i := range p.v {
			p.v[i].id = remap[p.v[i].id] // every term of a profile is kept
		}
	}
	for _, ev := range c.events {
		reProfile(&ev.c)
		ev.indexed = ev.indexed.remap(remap)
		for i := range ev.ents {
			ev.ents[i].id = remap[ev.ents[i].id] // named by a member: kept
		}
		for _, m := range ev.members {
			for i := range m.top {
				m.top[i].id = remap[m.top[i].id]
			}
			for i := range m.v {
				m.v[i].id = remap[m.v[i].id]
			}
		}
	}
	for _, st := range c.stories {
		reProfile(&st.p)
		st.indexed = st.indexed.remap(remap)
	}
	c.postings = c.postings.remap(remap, len(terms))
	c.spost = c.spost.remap(remap, len(terms))
	c.vocabLimit = len(v.terms) + maxVocab/2
}
