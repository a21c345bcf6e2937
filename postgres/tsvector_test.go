package postgres_test

import (
	"context"
	"testing"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/postgres"
)

// The search vector the store makes of an article's title and text is
// the one PostgreSQL's to_tsvector('simple', ...) makes of words: the
// same words, positions and weights, the text numbered on from the title.
// (They differ where PostgreSQL's parser reads "U.S." or "well-known" as
// one word: the store reads u and s, well and known, and splits the
// queries the same way.)
func TestSearchVectorAsServer(t *testing.T) {
	ctx := context.Background()
	st := open(t)
	cases := []struct{ title, text string }{
		{"Antonov recalled for consultations", "Russia called its ambassador home after the interview, on 17 March 2021."},
		{"", "No title: the text alone, words   spaced\n\nand paragraphs. Antonov's return; Antonov said so too."},
		{"Выборы президента", "Посольство в Вашингтоне готовит избирательный участок. Élysée café, naïve Zürich."},
		{"Title words repeat", "Repeat repeat REPEAT the title words: Title, words!"},
		{"", ""},
	}
	for i, c := range cases {
		a := &storyline.Article{ID: string(rune('a' + i)), Origin: "test", Title: c.title, Text: c.text}
		if _, err := st.PutArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		var same bool
		var ours, theirs string
		err := st.Pool().QueryRow(ctx, `SELECT search = v, search::text, v::text FROM articles,
			(SELECT setweight(to_tsvector('simple', $2), 'A') || setweight(to_tsvector('simple', $3), 'B') AS v) x
			WHERE id = $1`, a.ID, c.title, c.text).Scan(&same, &ours, &theirs)
		if err != nil {
			t.Fatal(err)
		}
		if !same {
			t.Errorf("title %q, text %q:\nstored    %s\nto_tsvector %s", c.title, c.text, ours, theirs)
		}
	}
}

// Articles stored before the store made search vectors itself (when the
// server generated them) get theirs when the store is next opened.
func TestSearchVectorFilled(t *testing.T) {
	ctx := context.Background()
	st := open(t)
	for _, id := range []string{"x1", "x2"} {
		a := &storyline.Article{ID: id, Origin: "test", Title: "Geneva summit " + id, Text: "The presidents met in Geneva."}
		if _, err := st.PutArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.Pool().Exec(ctx, `UPDATE articles SET search = NULL WHERE id = 'x2'`); err != nil {
		t.Fatal(err)
	}
	url := st.Pool().Config().ConnString()
	again, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	hits, err := again.Search(ctx, "geneva x2", 10)
	if err != nil || len(hits) != 1 || hits[0].Article.ID != "x2" {
		t.Fatalf("Search after reopening: %v, %v; want x2", hits, err)
	}
}
