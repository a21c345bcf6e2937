// Package storyline holds the domain of storyline: articles read from news
// sources, what the extractors find in them (time expressions, entities,
// quotes, dated statements), the events and stories they are grouped into,
// and the timelines told back from them.
//
// The package uses the standard library only. Stages live in their own
// packages (source, clean, timex, entity, quote, cluster, timeline) and the
// stores in one package per dependency (sqlite, postgres).
package storyline
