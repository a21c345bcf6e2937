package timeline

import (
	"strings"
	"testing"

	"github.com/storyline/storyline"
)

// qaStory is a made-up airline story told by four outlets: the crash of
// Sunday 10 March, the regulator's hearing of Wednesday 27 March, and
// background sentences that recall the crash "in March".
func qaStory() map[string]*storyline.Article {
	arts := map[string]*storyline.Article{}
	for id, src := range map[string]string{"a": "Coast Herald", "b": "Valley News", "c": "Harbour Times", "d": "Plains Daily", "e": "Ridge Post"} {
		arts[id] = &storyline.Article{ID: id, Source: src}
	}
	arts["a"].Published = day(2019, 3, 10)
	arts["b"].Published = day(2019, 3, 10)
	arts["c"].Published = day(2019, 3, 27)
	arts["d"].Published = day(2019, 4, 4)
	arts["e"].Published = day(2019, 3, 11)
	return arts
}

func stmt(art string, sentence int, text string, date storyline.Date, dateText string, actors ...string) storyline.Statement {
	return storyline.Statement{ArticleID: art, Sentence: sentence, Start: 100 * sentence, End: 100*sentence + len(text), Text: text, Date: date, DateText: dateText, Actors: actors, Numbers: Numbers(text)}
}

// entryOf returns the entries that cite the article's sentence opening
// with prefix.
func entryOf(tl *storyline.Timeline, art, prefix string) []storyline.Entry {
	var out []storyline.Entry
	for _, e := range tl.Entries {
		for _, c := range e.Sources {
			if c.ArticleID == art && strings.HasPrefix(c.Sentence, prefix) {
				out = append(out, e)
				break
			}
		}
	}
	return out
}

// A sentence dated to a month corroborates the happening of that month
// it tells itself: "the jet that crashed in March" is cited with the
// crash of 10 March, not with the hearing of 27 March that another
// sentence of the same month matches.
func TestCorroborateEachStatement(t *testing.T) {
	arts := qaStory()
	arts["k"] = &storyline.Article{ID: "k", Source: "Lake Gazette", Published: day(2019, 4, 5)}
	stmts := []storyline.Statement{
		stmt("a", 0, "A Skyways jet crashed near Lakeside shortly after take-off, killing all 157 people on board.", day(2019, 3, 10), "Sunday", "Skyways", "Lakeside"),
		stmt("b", 0, "The Skyways jet crashed shortly after take-off from Lakeside on Sunday, killing 157 people.", day(2019, 3, 10), "Sunday", "Skyways", "Lakeside"),
		stmt("c", 0, "Senators questioned the aviation regulator about the certification of the jet at a hearing on Wednesday.", day(2019, 3, 27), "Wednesday", "Senate"),
		stmt("c", 1, "The regulator defended the certification of the jet before the senators.", day(2019, 3, 27), ""),
		stmt("d", 0, "In March the Skyways jet crashed shortly after take-off from Lakeside when its flight control system failed.", storyline.Month(2019, 3), "In March", "Skyways", "Lakeside"),
		stmt("k", 0, "In March senators questioned the regulator about the certification of the Skyways jet and its flight control system.", storyline.Month(2019, 3), "In March", "Senate", "Skyways"),
	}
	tl := Build(stmts, arts, Options{})
	crash := entryOf(tl, "d", "In March the Skyways jet crashed")
	hearing := entryOf(tl, "k", "In March senators")
	if len(crash) != 1 || crash[0].Date != day(2019, 3, 10) {
		t.Errorf("the month's crash sentence is cited in %+v, want the crash of 10 March", crash)
	}
	if len(hearing) != 1 || hearing[0].Date != day(2019, 3, 27) {
		t.Errorf("the month's hearing sentence is cited in %+v, want the hearing of 27 March", hearing)
	}
}

// A page that dates the crash "yesterday" from the day after it tells
// the crash that the other outlets date on the day: one entry, with the
// date disagreement, even though its own other sentence, dated by its
// publication day, is cited with the crash. An estimate of an article's
// date makes no date conflict against a date sources give.
func TestOneHappeningAcrossDates(t *testing.T) {
	arts := qaStory()
	arts["f"] = &storyline.Article{ID: "f", Source: "Island Times", Published: day(2019, 3, 10)}
	arts["g"] = &storyline.Article{ID: "g", Source: "Bay Courier"}
	g := arts["g"]
	g.Estimated = day(2019, 3, 11)
	est := storyline.EstimatePrefix + "written after the crash of 10 March"
	stmts := []storyline.Statement{
		stmt("a", 0, "A Skyways jet crashed near Lakeside shortly after take-off, killing all 157 people on board.", day(2019, 3, 10), "Sunday", "Skyways", "Lakeside"),
		stmt("b", 0, "The Skyways jet crashed shortly after take-off from Lakeside on Sunday, killing 157 people.", day(2019, 3, 10), "Sunday", "Skyways", "Lakeside"),
		stmt("e", 0, "The Skyways jet that went down near Lakeside crashed minutes after take-off, killing 157 people.", day(2019, 3, 10), "Sunday", "Skyways", "Lakeside"),
		stmt("f", 0, "A Skyways jet bound for the coast crashed yesterday morning near Lakeside with 157 people on board, the airline said.", day(2019, 3, 9), "yesterday morning", "Skyways", "Lakeside"),
		stmt("f", 3, "Skyways said rescuers reached the site near Lakeside where the jet crashed after take-off.", day(2019, 3, 10), "", "Skyways", "Lakeside"),
		stmt("a", 5, "The regulator said the investigation is ongoing and it is too early to draw conclusions.", day(2019, 3, 12), "Tuesday", "Regulator"),
		stmt("g", 0, "The investigation is ongoing and it is too early to draw conclusions, the regulator said.", day(2019, 3, 11), est, "Regulator"),
	}
	stmts[6].Estimated = true
	tl := Build(stmts, arts, Options{})
	crash := entryOf(tl, "f", "A Skyways jet bound")
	if len(crash) != 1 || crash[0].Date != day(2019, 3, 10) || crash[0].Outlets != 4 {
		t.Fatalf("the crash of 'yesterday' is in %+v, want the entry of 10 March with 4 outlets", crash)
	}
	var dates []string
	for _, c := range crash[0].Conflicts {
		if c.Kind == "date" {
			for _, v := range c.Versions {
				dates = append(dates, v.Value)
			}
		}
	}
	if strings.Join(dates, " ") != "2019-03-10 2019-03-09" {
		t.Errorf("the crash's date conflict is %v, want 2019-03-10 against 2019-03-09", dates)
	}
	inquiry := entryOf(tl, "g", "The investigation")
	if len(inquiry) != 1 || inquiry[0].Date != day(2019, 3, 12) {
		t.Fatalf("the estimated report is in %+v, want the entry of 12 March", inquiry)
	}
	for _, c := range inquiry[0].Conflicts {
		if c.Kind == "date" {
			t.Errorf("an estimate makes a date conflict: %+v", c)
		}
	}
}

// A statement dated by its publication day that tells the happening a
// report of the day before names goes to that happening, even when a
// report of its own day with a word in common ("the crash") took it in.
// A fragment of a broken sentence opens no entry.
func TestReportedTheDayAfter(t *testing.T) {
	arts := qaStory()
	arts["h"] = &storyline.Article{ID: "h", Source: "Metro Wire", Published: day(2019, 3, 13)}
	arts["i"] = &storyline.Article{ID: "i", Source: "Star Ledger", Published: day(2019, 3, 13)}
	arts["j"] = &storyline.Article{ID: "j", Source: "Capital Journal", Published: day(2019, 3, 13)}
	stmts := []storyline.Statement{
		stmt("a", 0, "Skyways chief Abebe Tessema told a television interviewer on Tuesday that the pilot reported flight control problems.", day(2019, 3, 12), "Tuesday", "Abebe Tessema", "Skyways"),
		stmt("j", 0, "The regulator grounded every Skyways jet of the model on Wednesday after the crash.", day(2019, 3, 13), "Wednesday", "Regulator", "Skyways"),
		stmt("h", 0, "Skyways chief Abebe Tessema says the pilot reported flight control problems before the crash.", day(2019, 3, 13), "", "Abebe Tessema", "Skyways"),
		stmt("i", 0, "and said it would not affect the jobs of the workers at the", day(2019, 3, 13), ""),
	}
	tl := Build(stmts, arts, Options{})
	chief := entryOf(tl, "h", "Skyways chief")
	if len(chief) != 1 || chief[0].Date != day(2019, 3, 12) {
		t.Errorf("the chief's interview reported on Wednesday is in %+v, want the entry of 12 March", chief)
	}
	if got := entryOf(tl, "i", "and said"); len(got) != 0 {
		t.Errorf("a fragment makes an entry: %+v", got)
	}
}

// The theme of a story (the crash, in a story about a crash) groups the
// reports of its own day, not those of other days that only recall it:
// Wednesday's grounding and the president's remarks of that day, both
// "after the crash", are two entries. A sentence dated only by "now" or
// "current" is dated by its publication day, and its report of the day
// before joins that day's happening.
func TestThemeAndPresent(t *testing.T) {
	arts := qaStory()
	for id, pub := range map[string]storyline.Date{"l": day(2019, 3, 13), "m": day(2019, 3, 13), "n": day(2019, 4, 5), "o": day(2019, 4, 6)} {
		arts[id] = &storyline.Article{ID: id, Source: "Outlet " + id, Published: pub}
	}
	stmts := []storyline.Statement{
		stmt("a", 0, "A Skyways jet crashed near Lakeside shortly after take-off, killing all 157 people on board.", day(2019, 3, 10), "Sunday", "Skyways", "Lakeside"),
		stmt("b", 0, "The Skyways jet crashed shortly after take-off from Lakeside on Sunday, killing 157 people.", day(2019, 3, 10), "Sunday", "Skyways", "Lakeside"),
		stmt("e", 0, "The Skyways jet that went down near Lakeside crashed minutes after take-off, killing 157 people.", day(2019, 3, 10), "Sunday", "Skyways", "Lakeside"),
		stmt("l", 0, "The president lamented the complexity of modern planes today after the deadly crash of the Skyways jet.", day(2019, 3, 13), "today", "President", "Skyways"),
		stmt("m", 0, "The regulator grounded every Skyways jet of the model on Wednesday after the crash.", day(2019, 3, 13), "Wednesday", "Regulator", "Skyways"),
		stmt("n", 0, "Skyways announced on Friday it would cut production of the jet by a fifth.", day(2019, 4, 5), "Friday", "Skyways"),
		stmt("o", 0, "The Skyways chief said the production cut of the jet would not affect current jobs.", day(2019, 4, 6), "current", "Skyways"),
	}
	tl := Build(stmts, arts, Options{})
	president, grounding := entryOf(tl, "l", "The president"), entryOf(tl, "m", "The regulator")
	if len(president) != 1 || len(grounding) != 1 || president[0].Text == grounding[0].Text {
		t.Errorf("the president's remarks and the grounding share an entry: %+v", president)
	}
	crash := entryOf(tl, "a", "A Skyways jet crashed")
	if len(crash) != 1 || crash[0].Outlets != 3 {
		t.Errorf("the crash is in %+v, want one entry of 3 outlets", crash)
	}
	cut := entryOf(tl, "o", "The Skyways chief")
	if len(cut) != 1 || cut[0].Date != day(2019, 4, 5) {
		t.Errorf("the chief's words on the cut are in %+v, want the cut of 5 April", cut)
	}
}

// An entry's headline tells its happening: not a later report that
// names the day only in a relative clause ("the jet that crashed on
// Sunday"), but a report of the day itself.
func TestHeadlineTellsTheHappening(t *testing.T) {
	arts := qaStory()
	arts["p"] = &storyline.Article{ID: "p", Source: "Outlet p", Published: day(2019, 3, 11)}
	stmts := []storyline.Statement{
		stmt("p", 0, "The flight recorder recovered from the Skyways jet that crashed on Sunday near Lakeside is the voice recorder.", day(2019, 3, 10), "Sunday", "Skyways", "Lakeside"),
		stmt("a", 0, "A Skyways jet bound for the coast crashed near Lakeside on Sunday.", day(2019, 3, 10), "Sunday", "Skyways", "Lakeside"),
	}
	tl := Build(stmts, arts, Options{})
	if len(tl.Entries) != 1 || !strings.HasPrefix(tl.Entries[0].Text, "A Skyways jet") {
		t.Errorf("entries %+v, want one headlined by the report of the crash", tl.Entries)
	}
}

// "trim", "slash", "reduce" and "cut" name one kind of happening: the
// month's plan to trim output corroborates the cut announced on Friday.
func TestCutIsOneKind(t *testing.T) {
	arts := qaStory()
	arts["q"] = &storyline.Article{ID: "q", Source: "Outlet q", Published: day(2019, 4, 6)}
	stmts := []storyline.Statement{
		stmt("a", 0, "Skyways said on Friday it would cut output of the jet to 42 a month.", day(2019, 4, 5), "Friday", "Skyways"),
		stmt("q", 2, "The company plans to trim output of the jet to 42 a month from mid-April.", storyline.Month(2019, 4), "mid-April"),
	}
	tl := Build(stmts, arts, Options{})
	if len(tl.Entries) != 1 || tl.Entries[0].Date != day(2019, 4, 5) || tl.Entries[0].Articles != 2 {
		t.Errorf("entries %+v, want the cut of 5 April citing both", tl.Entries)
	}
}
