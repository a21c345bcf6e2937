package entity

import (
	"strings"

	"github.com/storyline/storyline"
)

// unglueVerbs gives back its name to a person whose last word has a
// "says" glued to it, a typo no space separates ("President Barack
// Obamasays the company will pay"): the mention ends, and the name is
// written, before the verb. Its span becomes a part of its tokens.
func (x *extractor) unglueVerbs() {
	for _, m := range x.ms {
		if m.drop || m.unknown || m.kind != storyline.Person || m.b-m.a < 2 || m.sub != [2]int{} {
			continue
		}
		last := &x.toks[m.b-1]
		if len(last.text) < len("Xxxsays") || !last.cap || !strings.HasSuffix(last.text, "says") {
			continue
		}
		start, end := int(x.toks[m.a].start), int(last.end)-len("says")
		m.sub = [2]int{start, end}
		m.name = strings.TrimSuffix(m.name, "says")
	}
}
