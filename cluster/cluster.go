package cluster

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/nlp"
)

const (
	queryTerms    = 32   // a document's strongest terms, used to find candidate events
	maxCandidates = 48   // events scored in full per document
	maxCentroid   = 1500 // terms kept in an event's centroid
	maxStoryTerms = 200  // terms kept in a story's profile: its key entities and topic
)

// member is an article in an event.
type member struct {
	seq       int64
	id        string
	origin    string
	source    string
	title     string
	titled    bool // title is a headline, not the lead sentence
	published storyline.Date
	dates     []storyline.Date
	years     []int
	top       vec // strongest terms, to measure how central it is
	v         vec // the whole vector, kept for a second look (nil for a near-copy)
	dupOf     string
	sim       float64
	score     float64
	terms     []string
	entities  []string
	manual    bool
	sig       *signature
	keys      *[bands]uint64
	copy      *copySketch // nil for a text without prose
	ev        *event
	indexed   bool // in the indexes of copies (lsh, copies)
	copyHits  int  // scratch for copyIndex.candidates
	// copySampled is how many of copy's shingles the index samples,
	// counted when it is indexed
	copySampled int
}

// profile is a sum of unit document vectors (an event's centroid or a
// story's topic), kept as a vector sorted by term, with its squared norm.
// Each term's weight is the sum of its weights in the vectors added, in the
// order they were added.
type profile struct {
	v     vec
	norm2 float64
	kn2   [kinds]float64 // squared norms of the word, entity, number and name parts
	limit int            // terms kept when pruning
	// floor is the lightest weight the last prune kept (0 before one):
	// the limit terms it kept weigh at least that much still, since adds
	// only add weight, so the next prune's lightest kept weight is no less.
	floor float64
}

// weight returns the weight of term id, looking from pv[j] on, and the
// index from which to look for a later term.
func weight(pv vec, j int, id int32) (float64, int) {
	for j < len(pv) && pv[j].id < id {
		j++
	}
	if j < len(pv) && pv[j].id == id {
		return pv[j].w, j
	}
	return 0, j
}

// lookUp reports whether a vector of few terms is best scored against
// one of many terms by looking each of its terms up in the long one
// (weightFar) rather than by walking both side by side or scattering:
// when the long one has more than eight times the terms.
func lookUp(many, few vec) bool { return len(many) > 8*len(few) }

// weightFar is weight for a term likely far ahead: a binary search.
func weightFar(pv vec, j int, id int32) (float64, int) {
	lo, hi := j, len(pv)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if pv[h].id < id {
			lo = h + 1
		} else {
			hi = h
		}
	}
	if lo < len(pv) && pv[lo].id == id {
		return pv[lo].w, lo
	}
	return 0, lo
}

// add adds v to the profile: the weights of its terms to the profile's,
// its new terms in their places. It merges v in from the back, in place,
// in one pass, noting the profile's weight of each term of v as it goes,
// then adds up the norms' changes in the order of v.
func (p *profile) add(v vec) {
	old := len(p.v)
	pv := slices.Grow(p.v, len(v))[:old+len(v)]
	bp := weightBufs.Get().(*[]float64)
	pw := slices.Grow((*bp)[:0], len(v))[:len(v)] // the profile's weight of each term of v
	*bp = pw
	if old == 0 { // a new event's or story's first vector: v as it is
		copy(pv, v)
		clear(pw)
	} else {
		pv = mergeInto(pv, old, v, pw)
	}
	p.v = pv
	var d float64
	var kd [kinds]float64
	for k, x := range v {
		d += pw[k] * x.w
		kd[x.k] += 2*pw[k]*x.w + x.w*x.w
	}
	weightBufs.Put(bp)
	p.norm2 += 2*d + dotSelf(v)
	for k := range kd {
		p.kn2[k] += kd[k]
	}
	if p.limit > 0 && len(p.v) > 2*p.limit {
		p.prune()
	}
}

// mergeInto merges v into the profile terms pv[:old], from the back, in
// place (pv has room for all of v), and returns the merged terms; pw[k]
// is set to the profile's weight of v[k], 0 for a new term.
func mergeInto(pv vec, old int, v vec, pw []float64) vec {
	// pv[:i+1] is the profile not merged yet, pv[o+1:] the merged end
	i, o := old-1, len(pv)-1
	for k := len(v) - 1; k >= 0; k-- {
		x := v[k]
		for i >= 0 && pv[i].id > x.id { // the profile's terms after x
			pv[o] = pv[i]
			i--
			o--
		}
		if i >= 0 && pv[i].id == x.id {
			pw[k] = pv[i].w
			x.w += pv[i].w
			i--
		} else {
			pw[k] = 0
		}
		pv[o] = x
		o--
	}
	// the merged end moves down over the gap the terms already held left
	return pv[:i+1+copy(pv[i+1:], pv[o+1:])]
}

// cosKinds is the cosine of v and the profile restricted to each kind of
// feature: words, entities, numbers, names (0 when either side has none).
func (p *profile) cosKinds(v vec) [kinds]float64 {
	k, _ := p.cosines(v)
	return k
}

// cosines is cosKinds and, for a unit vector v, cos, in one pass: the
// same products, added in the same order.
func (p *profile) cosines(v vec) (byKind [kinds]float64, all float64) {
	var dot, vn [kinds]float64
	var d float64
	pv := p.v
	j := 0
	var pw float64
	if lookUp(pv, v) {
		// few terms against many: look them up
		for _, x := range v {
			pw, j = weightFar(pv, j, x.id)
			dot[x.k] += pw * x.w
			vn[x.k] += x.w * x.w
			d += pw * x.w
		}
	} else {
		// both sorted by term: walk them side by side
		for _, x := range v {
			pw, j = weight(pv, j, x.id)
			dot[x.k] += pw * x.w
			vn[x.k] += x.w * x.w
			d += pw * x.w
		}
	}
	for k := range byKind {
		if vn[k] > 0 && p.kn2[k] > 0 {
			byKind[k] = dot[k] / math.Sqrt(vn[k]*p.kn2[k])
		}
	}
	if p.norm2 > 0 {
		all = d / math.Sqrt(p.norm2)
	}
	return byKind, all
}

// unit is the profile as a unit vector.
func (p *profile) unit() vec {
	out := slices.Clone(p.v)
	n := p.unitNorm()
	for i := range out {
		out[i].w /= n
	}
	return out
}

// unitNorm is what unit divides the weights by: the norm of the terms
// kept, summed in term order (1 when there are none).
func (p *profile) unitNorm() float64 {
	if n := p.v.norm(); n > 0 {
		return n
	}
	return 1
}

// cos is the cosine of a unit vector and the profile.
func (p *profile) cos(v vec) float64 {
	if p.norm2 <= 0 {
		return 0
	}
	var d float64
	pv := p.v
	j := 0
	var pw float64
	if lookUp(pv, v) {
		for _, x := range v {
			pw, j = weightFar(pv, j, x.id)
			d += pw * x.w
		}
	} else {
		for _, x := range v {
			pw, j = weight(pv, j, x.id)
			d += pw * x.w
		}
	}
	return d / math.Sqrt(p.norm2)
}

// heavier orders terms by weight, the lower term first among equals.
func heavier(a, b tw) int {
	if a.w != b.w {
		if a.w > b.w {
			return -1
		}
		return 1
	}
	return cmp.Compare(a.id, b.id)
}

// prune keeps the limit heaviest terms (the lower term first among equal
// weights) and sums the norms again over them, heaviest first. Equal
// weights add the same amount whichever comes first, so the kept weights
// alone, sorted by kind, give the sums a sort of the terms would.
func (p *profile) prune() {
	bp := weightBufs.Get().(*[]float64)
	defer weightBufs.Put(bp)
	buf := slices.Grow((*bp)[:0], len(p.v))
	for _, x := range p.v {
		if x.w >= p.floor { // no lighter one is kept
			buf = append(buf, x.w)
		}
	}
	*bp = buf
	t := kth(buf, len(buf)-p.limit) // the lightest weight kept
	p.floor = t
	var n [kinds]int
	out := p.v[:0]
	atT := 0 // terms of weight t
	for _, x := range p.v {
		if x.w >= t {
			out = append(out, x)
			n[x.k]++
			if x.w == t {
				atT++
			}
		}
	}
	if len(out) > p.limit {
		// more terms weigh t than are kept: the lower ones stay
		ties := p.limit - (len(out) - atT)
		kept := out[:0]
		for _, x := range out {
			if x.w == t {
				if ties == 0 {
					n[x.k]--
					continue
				}
				ties--
			}
			kept = append(kept, x)
		}
		out = kept
	}
	clear(p.v[len(out):])
	p.v = out
	var byKind [kinds][]float64
	off := 0
	for k := range byKind {
		byKind[k] = buf[off : off : off+n[k]]
		off += n[k]
	}
	for _, x := range p.v {
		byKind[x.k] = append(byKind[x.k], x.w)
	}
	p.kn2 = [kinds]float64{}
	for k, l := range byKind {
		slices.Sort(l) // the heaviest last
		for i := len(l) - 1; i >= 0; i-- {
			p.kn2[k] += l[i] * l[i]
		}
	}
	// all kinds, heaviest first: the heaviest of each kind's heaviest
	// left (-1 once a kind has none left; weights are positive)
	var head [kinds]float64
	for k, l := range byKind {
		head[k] = heaviestLeft(l)
	}
	p.norm2 = 0
	for range p.limit {
		best := 0
		for k := 1; k < int(kinds); k++ {
			if head[k] > head[best] {
				best = k
			}
		}
		w := head[best]
		p.norm2 += w * w
		byKind[best] = byKind[best][:len(byKind[best])-1]
		head[best] = heaviestLeft(byKind[best])
	}
}

// heaviestLeft is the last of a kind's weights sorted (the heaviest),
// -1 when it has none left.
func heaviestLeft(l []float64) float64 {
	if len(l) == 0 {
		return -1
	}
	return l[len(l)-1]
}

// weightBufs are prune's scratch: a profile's weights, to select and
// sort.
var weightBufs = sync.Pool{New: func() any { return new([]float64) }}

// kth returns the k-th smallest of a (from 0), reordering a.
func kth(a []float64, k int) float64 {
	lo, hi := 0, len(a)-1
	for lo < hi {
		x, y, z := a[lo], a[lo+(hi-lo)/2], a[hi]
		if x > y {
			x, y = y, x
		}
		if y > z {
			y = z
		}
		piv := max(x, y) // the median of the three
		// [lo, lt) < piv, [lt, gt] == piv, (gt, hi] > piv
		lt, i, gt := lo, lo, hi
		for i <= gt {
			switch {
			case a[i] < piv:
				a[lt], a[i] = a[i], a[lt]
				lt++
				i++
			case a[i] > piv:
				a[gt], a[i] = a[i], a[gt]
				gt--
			default:
				i++
			}
		}
		switch {
		case k < lt:
			hi = lt - 1
		case k > gt:
			lo = gt + 1
		default:
			return piv
		}
	}
	return a[k]
}

func dotSelf(v vec) float64 {
	var s float64
	for _, x := range v {
		s += x.w * x.w
	}
	return s
}

type event struct {
	seq         int64
	id          string
	story       *story
	c           profile
	members     []*member
	first, last storyline.Date // publication dates of dated members
	lastSeq     int64          // the last document that joined
	indexed     termSet        // the terms it is posted under
	dead        bool
	leaving     bool        // evict is letting it go
	years       map[int]int // how many members are about each year
	daySum      float64     // sum of the dated members' days since 1970
	dated       int
	mid         storyline.Date // center() when midDated members were dated
	midDated    int
	rev         int     // bumped whenever a member joins: what a merge pass computed of it before is stale
	hits        int     // scratch for candidates
	indep       int     // members that are no near-copy (independent)
	norm        float64 // c.unitNorm() at revision normRev
	normRev     int
	manual      int // members placed by hand
	// reports counts the members with a vector, ents the entities they
	// name, by term: the participants that keep two events apart (merge.go)
	reports int
	ents    []termCount
}

// center is the mean publication day of the event's dated members, worked
// out again only when one more is dated (daySum grows with dated alone).
func (ev *event) center() storyline.Date {
	if ev.dated == 0 {
		return storyline.Date{}
	}
	if ev.midDated != ev.dated {
		days := math.Round(ev.daySum / float64(ev.dated))
		ev.mid, ev.midDated = storyline.DateOf(time.Unix(int64(days)*86400, 0).UTC()), ev.dated
	}
	return ev.mid
}

type story struct {
	seq         int64
	id          string
	title       string // its lead event's, when last seen
	p           profile
	first, last storyline.Date
	events      []*event
	lastSeq     int64
	indexed     termSet // the terms it is posted under
	dead        bool
	years       map[int]int
	seen        int64 // the last bestStory that looked at it
	// left counts its events that left the window: stored in it still,
	// they keep it when its last active event merges into another story
	left int
}

// Clusterer places documents into duplicates, events and stories. It is not
// safe for concurrent use.
type Clusterer struct {
	opt         Options
	vocab       *vocab
	seq         int64
	clock       storyline.Date // the latest publication date seen
	pending     []Reassignment // merges made before an eviction, not yet reported
	events      map[string]*event
	stories     map[string]*story
	members     map[string]*member // active members by article ID
	bySeq       map[int64]*member
	lsh         lsh
	copies      copyIndex
	postings    postings[*event] // by term: the events posted under it
	spost       postings[*story]
	yearPenalty float64
	vocabLimit  int
	passes      *passCache      // while settling: what its passes computed
	track       tracker         // what changed since the last Changes
	unsettled   map[*event]bool // events changed since the last SettleChanged
	// scratch for extract
	slot     []int32
	order    []uint64 // for weigh
	orderTmp []uint64
	idfs     []float64 // weigh's idf by document frequency, for idfDocs documents (0: not worked out)
	idfDocs  int
	ids      []int32 // counts.ids and tf
	tf       []float64
	toks     []nlp.Token
	hashes   []uint64
	shingles []uint64 // counts.shingles
	cands    []*event // what candidates returns
	sc       scatter  // for merge passes
	// terms whose posting lists may hold dropped events and stories,
	// until sweep: the others hold none
	stale, staleSt []int32
	look           int64 // bestStory calls
}

// score is the similarity of a unit vector to an event's centroid: the
// cosines of words, entities and numbers, weighed apart so that two events
// of one kind (two earthquakes, two recalls) differ by who, where and how
// many, not only by what.
func (c *Clusterer) score(p *profile, v vec) float64 {
	k := p.cosKinds(v)
	return 0.5*k[kindWord] + 0.3*k[kindEntity] + 0.2*k[kindNumber]
}

// scatter is a unit vector spread out by term, to score it against many
// profiles in one pass over each of them.
type scatter struct {
	w    []float64      // by term id: its weights of the terms in bits, stale for the others
	bits []uint64       // the terms it has, a bit each: far fewer cache misses than w
	vn   [kinds]float64 // the squared norms of its parts, as cosKinds sums them
	u    vec
}

// scatter spreads u/norm out in the clusterer's scratch, until release:
// a unit vector with norm 1, or an event's centroid with its unitNorm,
// which gives the weights of its unit vector (profile.unit) without
// making it.
func (c *Clusterer) scatter(u vec, norm float64) *scatter {
	sc := &c.sc
	if n := len(c.vocab.terms); len(sc.w) < n {
		sc.w = append(sc.w, make([]float64, n-len(sc.w))...)
		sc.bits = append(sc.bits, make([]uint64, (n+63)/64-len(sc.bits))...)
	}
	sc.vn = [kinds]float64{}
	for _, x := range u {
		w := x.w / norm
		sc.w[x.id] = w
		sc.bits[x.id>>6] |= 1 << (x.id & 63)
		sc.vn[x.k] += w * w
	}
	sc.u = u
	return sc
}

// release forgets the terms scattered: their bits (only a term's bit
// says whether its weight in w counts), term by term, or all the bits at
// once for a vector of more terms than an eighth of their words.
func (sc *scatter) release() {
	if 8*len(sc.u) > len(sc.bits) {
		clear(sc.bits)
	} else {
		for _, x := range sc.u {
			sc.bits[x.id>>6] = 0
		}
	}
	sc.u = nil
}

// scoreScattered is score(p, u) for u scattered in sc.
func (c *Clusterer) scoreScattered(p *profile, sc *scatter) float64 {
	k, _ := sc.cosines(p)
	return 0.5*k[kindWord] + 0.3*k[kindEntity] + 0.2*k[kindNumber]
}

// cosines is p.cosines(u) for u scattered in sc. It adds up the same
// products in the same order (by term; the terms u lacks add nothing),
// looking at each term of the profile once.
func (sc *scatter) cosines(p *profile) (byKind [kinds]float64, all float64) {
	var dot [kinds]float64
	var d float64
	bits := sc.bits
	for _, y := range p.v {
		if bits[y.id>>6]&(1<<(y.id&63)) != 0 {
			x := y.w * sc.w[y.id]
			dot[y.k] += x
			d += x
		}
	}
	for k := range byKind {
		if sc.vn[k] > 0 && p.kn2[k] > 0 {
			byKind[k] = dot[k] / math.Sqrt(sc.vn[k]*p.kn2[k])
		}
	}
	if p.norm2 > 0 {
		all = d / math.Sqrt(p.norm2)
	}
	return byKind, all
}

// New returns a Clusterer with no history.
func New(o Options) *Clusterer {
	return &Clusterer{
		opt:         o.withDefaults(),
		vocab:       newVocab(),
		events:      map[string]*event{},
		stories:     map[string]*story{},
		members:     map[string]*member{},
		bySeq:       map[int64]*member{},
		lsh:         lsh{buckets: map[uint64][]int64{}},
		copies:      newCopyIndex(),
		yearPenalty: 0.5,
		vocabLimit:  maxVocab,
		idfs:        make([]float64, 256),
	}
}

// Add places d: as a near-copy of an earlier article (in that article's
// event), in the best matching active event, or in a new event, which then
// joins the best matching story or opens one. Adding an article ID that is
// already placed returns its placement unchanged.
func (c *Clusterer) Add(d Doc) Placement {
	if m, ok := c.members[d.ID]; ok {
		return m.placement()
	}
	c.seq++
	c.tick(d.Published)
	cn := c.extract(&d)
	m := c.newMember(&d, cn)

	if dup, sim := c.findDuplicate(m); dup != nil && !dup.ev.dead {
		m.dupOf, m.sim, m.score = dup.rootID(), sim, sim
		c.join(dup.ev, m, nil)
		p := m.placement()
		c.evict()
		p.Moves = c.takePending()
		return p
	}

	v := c.weigh(cn, true)
	m.top = topTerms(v, queryTerms)
	m.years = cn.years
	best, score := c.bestEvent(&d, v, m.top, cn.years)
	if best != nil && score >= c.opt.EventThreshold {
		m.score = score
		m.terms, m.entities = c.shared(v, &best.c)
		c.join(best, m, v)
		p := m.placement()
		c.evict()
		p.Moves = c.takePending()
		return p
	}
	ev := c.newEvent("e-"+d.ID, m, v)
	m.score = score
	st, sscore := c.bestStory(&d, v, m.top, cn.years)
	if best != nil && best.story != nil && score >= c.opt.SecondThreshold && score > sscore {
		// close to an event without joining it: of its story
		st, sscore = best.story, score
	}
	newStory := false
	if st == nil || sscore < c.opt.StoryThreshold {
		st = c.newStory("s-" + d.ID)
		newStory = true
	}
	c.attach(st, ev, v)
	p := m.placement()
	p.NewEvent, p.NewStory = true, newStory
	if !newStory {
		p.Score = sscore
		p.Terms, p.Entities = c.shared(v, &st.p)
	}
	c.evict()
	p.Moves = c.takePending()
	return p
}

// Settle gives the active events a second look, in three passes, each
// best matching pair first (merge.go): events whose centroids match from
// Options.MergeThreshold merge, unless each has a participant the other
// never names; then every event of at most two articles (near-copies
// aside) joins the event its articles match from Options.SecondThreshold,
// and is dropped (with its story, if that held nothing else); then events
// merge once more, since the small ones may have bridged a gap. Articles
// that opened an event before that event's other reports arrived end up
// with them. Call it when a batch of articles is in (the end of an ingest
// run); it returns the moves. Events holding an article placed by hand
// neither move nor take in other articles, so a user's merges and splits
// stay as they are.
func (c *Clusterer) Settle() []Reassignment {
	c.pending = append(c.pending, c.settle(nil)...)
	c.evict()
	return c.takePending()
}

// settle runs Settle's three passes over the pairs of the active events
// with one of only (all pairs when only is nil).
func (c *Clusterer) settle(only []*event) []Reassignment {
	// The three passes score many of the same pairs, mostly unchanged.
	c.passes = &passCache{sims: map[pairKey]pairSims{}, units: map[*event]cachedUnit{}, tops: map[*event]cachedUnit{}}
	defer func() { c.passes = nil }()
	defer c.sweep()
	moves := c.mergeEvents(c.opt.MergeThreshold, false, only)
	moves = append(moves, c.mergeEvents(c.opt.SecondThreshold, true, only)...)
	if len(moves) == 0 {
		// No event changed: the third pass would push the pairs the
		// first pushed, scored as it scored them, and merge none.
		return nil
	}
	return append(moves, c.mergeEvents(c.opt.MergeThreshold, false, only)...)
}

// takePending returns and forgets the moves of the merges made before
// evicting events.
func (c *Clusterer) takePending() []Reassignment {
	p := c.pending
	c.pending = nil
	return p
}

// settleSize is the most articles an event may hold for Settle to move
// it into another on the second threshold: an event of one or two reports
// has not taken shape yet.
const settleSize = 2

func hasManual(ev *event) bool { return ev.manual > 0 }

// Restore puts d where a store says it belongs (event eventID in story
// storyID, optionally as a near-copy of duplicateOf), creating the event and
// story as needed, without deciding anything. A caller rebuilding state
// from a store restores each event's articles in the order they were added.
func (c *Clusterer) Restore(d Doc, eventID, storyID, duplicateOf string, ms storyline.Membership) {
	if _, ok := c.members[d.ID]; ok {
		return
	}
	c.seq++
	c.tick(d.Published)
	cn := c.extract(&d)
	m := c.newMember(&d, cn)
	m.score, m.terms, m.entities, m.manual = ms.Score, ms.Terms, ms.Entities, ms.Manual
	var v vec
	if duplicateOf != "" {
		m.dupOf, m.sim = duplicateOf, ms.Score
	} else {
		v = c.weigh(cn, true)
		m.top = topTerms(v, queryTerms)
		m.years = cn.years
	}
	if ev := c.events[eventID]; ev != nil && !ev.dead {
		c.join(ev, m, v)
		return
	}
	ev := c.newEvent(eventID, m, v)
	if storyID == "" {
		storyID = "s-" + d.ID
	}
	st := c.stories[storyID]
	if st == nil || st.dead {
		st = c.newStory(storyID)
	}
	c.attach(st, ev, v)
}

func (c *Clusterer) newMember(d *Doc, cn counts) *member {
	m := &member{
		seq: c.seq, id: d.ID, origin: d.Origin, source: d.Source,
		title: headline(d), titled: strings.TrimSpace(d.Title) != "", published: d.Published, dates: d.Dates,
	}
	if sig, ok := minhash(cn.shingles); ok && len(cn.shingles) >= 2*c.opt.Shingle {
		keys := sig.bandKeys()
		m.sig, m.keys = &sig, &keys
	}
	if len(cn.copy.set) > 0 {
		sk := cn.copy
		m.copy = &sk
	}
	return m
}

// findDuplicate returns the earliest active article the new member
// copies, with how alike they are: one whose shingles its own match from
// the duplicate threshold on (Jaccard, from MinHash), or one that holds
// most of the shorter text's narrative and its lead, or is held in the
// new one so (containment, copies.go; the share of the shorter text is
// the similarity then).
func (c *Clusterer) findDuplicate(m *member) (*member, float64) {
	var best *member
	var bestSim float64
	consider := func(o *member, sim float64) {
		if best == nil || earlier(o, best) {
			best, bestSim = o, sim
		}
	}
	if m.sig != nil {
		for _, seq := range c.lsh.candidates(m.keys) {
			o := c.bySeq[seq]
			if o == nil || o.sig == nil {
				continue
			}
			if sim := m.sig.jaccard(o.sig); sim >= c.opt.DuplicateThreshold {
				consider(o, sim)
			}
		}
	}
	if m.copy != nil {
		for _, o := range c.copies.candidates(m.copy, c.opt.minCopyShare()) {
			if o.copy == nil || o == best || !copyWindow(m, o) {
				continue
			}
			if share, ok := c.opt.copyOf(m.copy, o.copy); ok {
				consider(o, share)
			}
		}
	}
	return best, bestSim
}

// earlier orders members by publication date (undated last), then arrival.
func earlier(a, b *member) bool {
	switch {
	case a.published.IsZero() != b.published.IsZero():
		return !a.published.IsZero()
	case a.published != b.published:
		return a.published.Compare(b.published) < 0
	}
	return a.seq < b.seq
}

func (m *member) rootID() string {
	if m.dupOf != "" {
		return m.dupOf
	}
	return m.id
}

func (m *member) placement() Placement {
	p := Placement{ArticleID: m.id, DuplicateOf: m.dupOf, Similarity: m.sim, Score: m.score, Terms: m.terms, Entities: m.entities}
	if m.ev != nil {
		p.EventID = m.ev.id
		if m.ev.story != nil {
			p.StoryID = m.ev.story.id
		}
	}
	return p
}

// bestEvent scores the active events that share a strong term with v.
func (c *Clusterer) bestEvent(d *Doc, v, q vec, years []int) (*event, float64) {
	var best *event
	bestScore := 0.0
	sc := c.scatter(v, 1)
	defer sc.release()
	for _, ev := range c.candidates(q) {
		mid := ev.center()
		tf, yf := c.timeFactor(d.Published, mid, mid, c.opt.TimeScale), c.datedYearFactor(d.Published, years, ev)
		if tf*yf*scoreBound < bestScore {
			continue // its dates and years keep it under the best: no tie either
		}
		var k float64
		if lookUp(ev.c.v, v) {
			k = c.score(&ev.c, v) // few terms against many: look them up
		} else {
			k = c.scoreScattered(&ev.c, sc)
		}
		s := k * tf * yf
		if s > bestScore || (s == bestScore && best != nil && ev.seq < best.seq) {
			best, bestScore = ev, s
		}
	}
	return best, bestScore
}

// candidates are the active events that share one of the terms q, the
// maxCandidates sharing most if there are more, in the clusterer's
// scratch: valid until the next call.
func (c *Clusterer) candidates(q vec) []*event {
	cands := c.cands[:0]
	for _, x := range q {
		for _, ev := range c.postings.posted(x.id, len(c.stale) == 0) {
			if ev.hits == 0 {
				cands = append(cands, ev)
			}
			ev.hits++
		}
	}
	if len(cands) > maxCandidates {
		moreHits := func(a, b *event) int {
			if a.hits != b.hits {
				return b.hits - a.hits
			}
			return cmp.Compare(b.seq, a.seq)
		}
		selectFirst(cands, maxCandidates, moreHits)
		slices.SortFunc(cands[:maxCandidates], moreHits)
	}
	for _, ev := range cands {
		ev.hits = 0
	}
	c.cands = cands
	if len(cands) > maxCandidates {
		clear(cands[maxCandidates:]) // what the scratch keeps
		cands = cands[:maxCandidates]
	}
	return cands
}

// selectFirst reorders s so that its first k elements are the k first in
// the total order cmp (in no particular order among them), in time linear
// in len(s) on average: a quickselect.
func selectFirst[T any](s []T, k int, cmp func(a, b T) int) {
	// s[:lo] come before the rest, s[hi:] after the rest; lo <= k <= hi
	lo, hi := 0, len(s)
	for hi-lo > 1 {
		// the median of three at hi-1, as the pivot
		m := lo + (hi-lo)/2
		if cmp(s[m], s[lo]) < 0 {
			s[m], s[lo] = s[lo], s[m]
		}
		if cmp(s[hi-1], s[lo]) < 0 {
			s[hi-1], s[lo] = s[lo], s[hi-1]
		}
		if cmp(s[m], s[hi-1]) < 0 {
			s[m], s[hi-1] = s[hi-1], s[m]
		}
		p := s[hi-1]
		i := lo
		for j := lo; j < hi-1; j++ {
			if cmp(s[j], p) < 0 {
				s[i], s[j] = s[j], s[i]
				i++
			}
		}
		s[i], s[hi-1] = s[hi-1], s[i]
		switch { // s[lo:i] before the pivot s[i], s[i+1:hi] after it
		case i == k || i == k-1:
			return
		case i > k:
			hi = i
		default:
			lo = i + 1
		}
	}
}

// bestStory scores the open stories that share a strong term with v.
func (c *Clusterer) bestStory(d *Doc, v, q vec, years []int) (*story, float64) {
	c.look++
	var best *story
	bestScore := 0.0
	window := c.opt.StoryWindow.Hours() / 24
	sc := c.scatter(v, 1)
	defer sc.release()
	for _, x := range q {
		for _, st := range c.spost.posted(x.id, len(c.staleSt) == 0) {
			if st.seen == c.look {
				continue
			}
			st.seen = c.look
			if gap, ok := dayGap(d.Published, st.first, st.last); ok && gap > window {
				continue
			}
			if !d.Published.IsZero() && st.first.IsZero() && !nearYear(d.Published.Year, st.years, window/365) {
				continue // an undated story about other years
			}
			var k [kinds]float64
			var cos float64
			if lookUp(st.p.v, v) {
				k, cos = st.p.cosines(v) // few terms against many: look them up
			} else {
				k, cos = sc.cosines(&st.p)
			}
			if k[kindEntity] == 0 && k[kindName] == 0 {
				continue // a story is followed through its key entities
			}
			s := cos * c.yearFactor(years, st.years)
			if d.Published.IsZero() || st.first.IsZero() {
				s /= 2 // no time to go by: the words alone must say more
			}
			if s > bestScore || (s == bestScore && best != nil && st.seq < best.seq) {
				best, bestScore = st, s
			}
		}
	}
	return best, bestScore
}

// timeFactor damps a score by the gap in days between a date and the span
// [first, last]: 1 within a day, then exponentially with the scale. Unknown
// dates do not damp.
func (c *Clusterer) timeFactor(d, first, last storyline.Date, scale float64) float64 {
	gap, ok := dayGap(d, first, last)
	if !ok || gap <= 1 {
		return 1
	}
	return math.Exp(-(gap - 1) / scale)
}

// nearYear reports whether y is within slack years of one of the years.
func nearYear(y int, years map[int]int, slack float64) bool {
	if len(years) == 0 {
		return true
	}
	for x := range years {
		if math.Abs(float64(y-x)) <= math.Max(1, slack) {
			return true
		}
	}
	return false
}

// yearFactor damps the score of an event none of whose years the article
// is about, when both name years: a recall in 2021 and one in 2024 are
// different events even in the same words.
func (c *Clusterer) yearFactor(years []int, of map[int]int) float64 {
	if len(years) == 0 || len(of) == 0 {
		return 1
	}
	for _, y := range years {
		if of[y] > 0 {
			return 1
		}
	}
	return c.yearPenalty
}

// datedYearFactor is yearFactor where a publication date stands behind one
// side, the article's or the event's: years an undated text names (a 2005
// season, a 1967 law) are too loose to keep two reports apart, the year an
// article came out is not.
func (c *Clusterer) datedYearFactor(published storyline.Date, years []int, ev *event) float64 {
	if published.IsZero() && ev.first.IsZero() {
		return 1
	}
	return c.yearFactor(years, ev.years)
}

// sharesYear reports whether two events' articles are about a year in
// common, or either names none: yearFactor of one's years against the
// other's, without listing them.
func sharesYear(a, b map[int]int) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	for y := range a {
		if b[y] > 0 {
			return true
		}
	}
	return false
}

func (c *Clusterer) newEvent(id string, m *member, v vec) *event {
	ev := &event{seq: c.seq, id: id, c: profile{limit: maxCentroid}, years: map[int]int{}}
	c.events[id] = ev
	c.join(ev, m, v)
	return ev
}

func (c *Clusterer) newStory(id string) *story {
	st := &story{seq: c.seq, id: id, p: profile{limit: maxStoryTerms}, years: map[int]int{}}
	c.stories[id] = st
	return st
}

// attach puts an event into a story.
func (c *Clusterer) attach(st *story, ev *event, v vec) {
	ev.story = st
	st.events = append(st.events, ev)
	c.feedStory(st, ev, v)
}

func (c *Clusterer) feedStory(st *story, ev *event, v vec) {
	c.touchStory(st)
	st.lastSeq = c.seq
	st.first, st.last = widen(st.first, st.last, ev.first)
	st.first, st.last = widen(st.first, st.last, ev.last)
	if v == nil {
		return
	}
	st.p.add(v)
	m := ev.members[len(ev.members)-1]
	for _, y := range m.years {
		st.years[y]++
	}
	st.indexed.add(m.top, func(id int32) { c.spost.add(id, st) })
}

// join adds a member to an event; v is nil for a near-copy, which does not
// weigh in the centroid.
func (c *Clusterer) join(ev *event, m *member, v vec) {
	ev.rev++
	c.touchEvent(ev)
	c.placedMember(m)
	m.ev = ev
	ev.members = append(ev.members, m)
	if m.dupOf == "" {
		ev.indep++
	}
	if m.manual {
		ev.manual++
	}
	ev.lastSeq = c.seq
	ev.first, ev.last = widen(ev.first, ev.last, m.published)
	c.members[m.id] = m
	c.bySeq[m.seq] = m
	if !m.indexed { // a member moving between events stays in the indexes
		m.indexed = true
		if m.keys != nil {
			c.lsh.add(m.keys, m.seq)
		}
		if m.copy != nil {
			c.copies.add(m.copy, m)
		}
	}
	if v != nil {
		m.v = v
		for _, y := range m.years {
			ev.years[y]++
		}
		if !m.published.IsZero() && m.published.Precision == storyline.PrecisionDay {
			ev.daySum += float64(m.published.Time().Unix() / 86400)
			ev.dated++
		}
		ev.c.add(v)
		ev.countEntities(v)
		ev.indexed.add(m.top, func(id int32) { c.postings.add(id, ev) })
	}
	if ev.story != nil {
		c.feedStory(ev.story, ev, v)
	}
}

func widen(first, last, d storyline.Date) (storyline.Date, storyline.Date) {
	if d.IsZero() {
		return first, last
	}
	if first.IsZero() || d.Compare(first) < 0 {
		first = d
	}
	if last.IsZero() || d.Compare(last) > 0 {
		last = d
	}
	return first, last
}

// tick advances the clock to a publication date.
func (c *Clusterer) tick(d storyline.Date) {
	if !d.IsZero() && (c.clock.IsZero() || d.Compare(c.clock) > 0) {
		c.clock = d
	}
}

// evict drops events idle for longer than the window, by date or, past
// MaxActive, by arrival; and stories idle for longer than the story window.
// Events about to go get a last chance to merge first (Settle's passes,
// for them alone): a long run's early events would otherwise leave before
// the run ends and settles. The moves wait in c.pending for the caller.
func (c *Clusterer) evict() {
	if c.seq%64 != 0 && len(c.events) <= c.opt.MaxActive {
		return
	}
	defer c.compactVocab()
	defer c.sweep() // before the vocabulary is renumbered
	eventLast := func(ev *event) (storyline.Date, int64) { return ev.last, ev.lastSeq }
	events := window{c.cutoff(c.opt.Window), c.opt.MaxActive, c.seq - int64(c.opt.UndatedIdle)}
	if going := idle(c.events, events, eventLast); len(going) > 0 {
		c.pending = append(c.pending, c.settle(going)...)
	}
	joined := map[string]bool{} // kept until the caller has the moves into them
	for _, mv := range c.pending {
		joined[mv.To] = true
	}
	var leaving []*event
	for _, ev := range idle(c.events, events, eventLast) {
		if !joined[ev.id] {
			leaving = append(leaving, ev)
			ev.leaving = true
		}
	}
	// Which stories go depends on their own dates and arrivals, and on
	// their events: a story holding an event that stays, stays (an
	// undated event in a story dated by events gone before it would be
	// left with no story). Those that changed are kept as they are now,
	// with their events (Changes).
	var stories []*story
	for _, st := range idle(c.stories, window{c.cutoff(c.opt.StoryWindow), c.opt.MaxActive, c.seq - c.undatedStoryIdle()},
		func(st *story) (storyline.Date, int64) { return st.last, st.lastSeq }) {
		if !slices.ContainsFunc(st.events, func(ev *event) bool { return !ev.leaving }) {
			stories = append(stories, st)
		}
	}
	for _, st := range stories {
		c.retireStory(st)
	}
	for _, ev := range leaving {
		c.retireEvent(ev)
		c.dropEvent(ev, false)
	}
	for _, st := range stories {
		c.dropStory(st)
	}
}

// cutoff is the instant before which an item idle for window is dropped,
// or the zero time while the stream has shown no date.
func (c *Clusterer) cutoff(window time.Duration) time.Time {
	if c.clock.IsZero() {
		return time.Time{}
	}
	return c.clock.Time().Add(-window)
}

// undatedStoryIdle is how many articles an undated story stays open
// without taking in one: UndatedIdle, StoryWindow/Window times.
func (c *Clusterer) undatedStoryIdle() int64 {
	return int64(c.opt.UndatedIdle) * max(1, int64(c.opt.StoryWindow/c.opt.Window))
}

// window says which items stay: those whose last date ends from cut on
// (all dated ones while cut is zero), the undated ones last joined after
// the article numbered undatedAfter, and of those at most maxActive.
type window struct {
	cut          time.Time
	maxActive    int
	undatedAfter int64
}

// idle returns the items w lets go: those whose last date ends before the
// cut or, undated, last joined at or before undatedAfter, then, while more
// than maxActive would remain, the least recently joined, in a fixed
// order.
func idle[T interface{ order() int64 }](items map[string]T, w window, last func(T) (storyline.Date, int64)) []T {
	var out, live []T
	for _, it := range items {
		d, seq := last(it)
		if d.IsZero() && seq <= w.undatedAfter || !w.cut.IsZero() && !d.IsZero() && d.End().Before(w.cut) {
			out = append(out, it)
			continue
		}
		live = append(live, it)
	}
	if len(live) > w.maxActive {
		seq := func(it T) int64 { _, s := last(it); return s }
		sort.Slice(live, func(i, j int) bool { return seq(live[i]) < seq(live[j]) })
		out = append(out, live[:len(live)-w.maxActive]...)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].order() < out[j].order() })
	return out
}

// dropEvent forgets ev and its members; when they are moving to another
// event (absorb), they stay in the indexes of copies.
func (c *Clusterer) dropEvent(ev *event, moving bool) {
	ev.dead = true
	delete(c.events, ev.id)
	for id := range ev.indexed.all() {
		c.stale = append(c.stale, id)
	}
	if st := ev.story; st != nil && !moving {
		// The story is told by its active events (Story): one leaving
		// changes its title and span, to be filed with the next Changes
		// whatever the batches, or the stored title would be the one of
		// the last filing before, which depends on where batches end.
		st.left++
		c.touchStory(st)
		if len(st.events) == 1 {
			// Its last active event going, the story keeps the title
			// its events gave it until now (Story sets st.title), not
			// the one of its last filing, which depends on where the
			// batches ended. (A merge that takes its last event either
			// drops it or retires it, naming it so: absorb.)
			c.Story(st.id)
		}
	}
	for _, m := range ev.members {
		delete(c.members, m.id)
		delete(c.bySeq, m.seq)
		if moving {
			continue
		}
		m.indexed = false
		if m.keys != nil {
			c.lsh.remove(m.keys, m.seq)
		}
		if m.copy != nil {
			c.copies.remove(m.copy, m)
		}
	}
	if st := ev.story; st != nil {
		for i, e := range st.events {
			if e == ev {
				st.events = slices.Delete(st.events, i, i+1) // clears the freed slot
				break
			}
		}
	}
}

func (c *Clusterer) dropStory(st *story) {
	st.dead = true
	delete(c.stories, st.id)
	for id := range st.indexed.all() {
		c.staleSt = append(c.staleSt, id)
	}
	for _, ev := range st.events {
		ev.story = nil
	}
}

// sweep takes the dropped events and stories out of the posting lists of
// their terms, each list once however many left it, and releases the
// lists left empty: so that what was dropped can go. (Finding candidates
// skips the dead anyway: when they leave the lists changes nothing else.)
func (c *Clusterer) sweep() {
	c.stale = c.postings.sweep(c.stale)
	c.staleSt = c.spost.sweep(c.staleSt)
}

func (ev *event) isDead() bool { return ev.dead }
func (ev *event) order() int64 { return ev.seq }
func (st *story) order() int64 { return st.seq }
func (st *story) isDead() bool { return st.dead }

// shared names the terms and entities that weigh most in both v and p:
// the 6 and 5 heaviest products (the lower term first among equals).
func (c *Clusterer) shared(v vec, p *profile) (terms, entities []string) {
	var ents [5]tw
	var words [6]tw
	ne, nw := 0, 0
	// insert puts x in the top list, heaviest first, if it is among them.
	insert := func(list []tw, n int, x tw) int {
		if n == len(list) {
			if heavier(x, list[n-1]) >= 0 {
				return n
			}
			n--
		}
		i := n
		for i > 0 && heavier(x, list[i-1]) < 0 {
			list[i] = list[i-1]
			i--
		}
		list[i] = x
		return n + 1
	}
	pv := p.v
	j := 0
	var pw float64
	far := lookUp(pv, v)
	for _, x := range v {
		if far {
			pw, j = weightFar(pv, j, x.id)
		} else {
			pw, j = weight(pv, j, x.id)
		}
		if pw <= 0 {
			continue
		}
		b := tw{x.id, x.k, x.w * pw}
		switch x.k {
		case kindEntity, kindName:
			ne = insert(ents[:], ne, b)
		default:
			nw = insert(words[:], nw, b)
		}
	}
	for _, b := range words[:nw] {
		terms = append(terms, c.vocab.terms[b.id].surface)
	}
	for _, b := range ents[:ne] {
		entities = append(entities, c.vocab.terms[b.id].surface)
	}
	return terms, entities
}

// topTerms returns the n heaviest terms of v (the lower term first among
// equal weights), sorted by term.
func topTerms(v vec, n int) vec { return topTermsOf(v, n, 1) }

// topTermsOf is topTerms of v/norm: the strongest terms of an event's
// unit centroid, from the centroid and its unitNorm.
func topTermsOf(v vec, n int, norm float64) vec {
	if n <= 0 {
		return nil
	}
	var out vec
	if len(v) <= n {
		out = append(vec(nil), v...)
		for i := range out {
			out[i].w /= norm
		}
	} else {
		// the n heaviest so far, in a heap with the lightest on top,
		// the last terms first: terms are numbered as they are first
		// met, and the later, rarer ones weigh most, so the heap takes
		// in fewer and skips more
		out = make(vec, 0, n)
		below := math.Inf(-1) // a weight of v up to this is lighter than out[0] once divided
		for _, x := range slices.Backward(v) {
			if x.w <= below {
				continue
			}
			x.w /= norm
			switch {
			case len(out) < n:
				out = append(out, x)
				for i := len(out) - 1; i > 0; {
					p := (i - 1) / 2
					if !heavierTerm(out[p], out[i]) {
						break
					}
					out[i], out[p] = out[p], out[i]
					i = p
				}
				if len(out) == n {
					below = lighterThan(out[0].w, norm)
				}
			case heavierTerm(x, out[0]):
				siftLightest(out, x)
				below = lighterThan(out[0].w, norm)
			}
		}
	}
	slices.SortFunc(out, func(a, b tw) int { return cmp.Compare(a.id, b.id) })
	return out
}

// heavierTerm orders terms by weight, the lower term first among equals:
// true when a comes before b.
func heavierTerm(a, b tw) bool { return a.w > b.w || a.w == b.w && a.id < b.id }

// siftLightest puts x in place of the lightest of heap h (at its top)
// and moves it down to where it belongs.
func siftLightest(h vec, x tw) {
	i := 0
	for {
		c := 2*i + 1
		if c >= len(h) {
			break
		}
		if r := c + 1; r < len(h) && heavierTerm(h[c], h[r]) {
			c = r // the lighter child
		}
		if !heavierTerm(x, h[c]) {
			break
		}
		h[i] = h[c]
		i = c
	}
	h[i] = x
}

// lighterThan is a weight w such that any weight up to it, divided by
// norm, is less than m (-Inf when there is no telling): topTermsOf skips
// the weights it cannot keep without dividing them. w is m*norm less
// 2^-48 of it: the two products and the division round by at most 2^-53
// of their value each, so w/norm stays under m(1-2^-49), and rounding it
// under m.
func lighterThan(m, norm float64) float64 {
	w := m * norm * (1 - 0x1p-48)
	if !(m > 0 && norm > 0 && w >= 0x1p-1000 && w <= 0x1p1000) {
		return math.Inf(-1) // signs, or products near the ends of the range
	}
	return w
}

// firstParagraph is text up to its first blank line, all of it when it
// has none. nlp.Sentences splits the lines before a blank line as it does
// in the whole text (a blank line ends every sentence, and each line is
// split looking no further than its end): its first sentence is the
// whole text's, without splitting the rest.
func firstParagraph(text string) string {
	if i := strings.Index(text, "\n\n"); i >= 0 {
		return text[:i]
	}
	return text
}

// headline is the title, or else the first sentence of the text, cut to a
// readable length.
func headline(d *Doc) string {
	t := strings.TrimSpace(d.Title)
	if t == "" {
		text := strings.TrimSpace(d.Text)
		if ss := nlp.Sentences(firstParagraph(text)); len(ss) > 0 {
			t = ss[0].Of(text)
		} else if ss := nlp.Sentences(text); len(ss) > 0 {
			t = ss[0].Of(text)
		}
	}
	t = strings.Join(strings.Fields(t), " ")
	if len(t) > 160 {
		cut := strings.LastIndexByte(t[:160], ' ')
		if cut < 80 {
			cut = 160
		}
		t = strings.TrimRight(t[:cut], " ,;:") + "…"
	}
	return t
}
