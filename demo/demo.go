// Package demo holds the sample corpus that "storyline demo" ingests: news
// articles written for this project, in their own words, retelling the
// real events of March 2021 to March 2024 around Russia's ambassador to the
// United States, Anatoly Antonov, in the shapes scraped news comes in
// (header date lines, URLs with dates, datelines, translated copies,
// repeated titles, ad markers, a near-duplicate wire copy, sources that
// disagree on a date or a number, a Windows-1251 file, a JSONL feed).
package demo

import (
	"embed"
	"io/fs"
)

//go:embed corpus
var files embed.FS

// Corpus returns the sample corpus: the article files at its root.
func Corpus() fs.FS {
	sub, err := fs.Sub(files, "corpus")
	if err != nil {
		panic(err) // the directory is embedded: it is there
	}
	return sub
}
