// Package dateparser is storyline's own stand-in for
// github.com/markusmobius/go-dateparser, put in its place by a replace
// directive in storyline's go.mod.
//
// go-htmldate (linked through go-trafilatura) imports go-dateparser for one
// thing: its "extensive search", a last resort that parses free text for a
// date when a page's markup has none. storyline turns that search off (it
// finds dates in text with its own temporal tagger, and labels where each
// date came from), so the real package is never called. Linked, it still
// costs every storyline process about 0.25 CPU-seconds and 95 MB of
// allocation before main starts: package initialisation compiles regular
// expressions for some 200 languages, and about 25 MB of them stay live for
// the life of the process.
//
// This package provides the part of go-dateparser's API that go-htmldate
// uses (Parser, Configuration, ParserType, PreferredDateSource, Date), with
// a small parser of absolute English dates behind it, so that a caller who
// does turn the extensive search on still gets dates like "March 3, 2021",
// "3rd of March 2021" or "2021-03-03". It knows no other language and no
// relative expressions ("yesterday"); storyline's timex package does.
package dateparser
