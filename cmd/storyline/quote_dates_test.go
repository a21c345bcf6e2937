package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestQuoteDates: a quote without a date of its own is shown with its
// article's date as articles show it: an estimate marked as one, never a
// page date its text disputes; a quote of an article with no date to
// show stays undated. The articles are made up.
func TestQuoteDates(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		// A page date its text contradicts: the summit it reports came
		// four years later.
		"disputed.txt": " date 2017-07-11 The two presidents met in Geneva on Wednesday, June 16, 2021, and agreed to return their envoys.\n\n" +
			"“We expect the ambassadors back at their posts soon,” Dmitry Peskov said.\n\n" +
			"Officials said on Wednesday the talks had lasted four hours.",
		// Nothing but a weekday: no date to show.
		"undated.txt": "The foreign minister resigned on Monday, officials said.\n\n" +
			"“The minister has served his country with honour,” Maria Zakharova told reporters.",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "q.db")
	mustCLI(t, db, "ingest", dir)
	var rows []struct {
		Speaker   string `json:"speaker"`
		Date      string `json:"date"`
		Estimated bool   `json:"estimated"`
	}
	out := mustCLI(t, db, "quotes", "--json")
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("quotes --json: %v\n%s", err, out)
	}
	want := map[string]struct {
		date      string
		estimated bool
	}{"Dmitry Peskov": {"2021-06", true}, "Maria Zakharova": {"", false}}
	seen := 0
	for _, r := range rows {
		w, ok := want[r.Speaker]
		if !ok {
			continue
		}
		seen++
		if r.Date != w.date || r.Estimated != w.estimated {
			t.Errorf("quote of %s dated %q (estimated %v), want %q (estimated %v)", r.Speaker, r.Date, r.Estimated, w.date, w.estimated)
		}
	}
	if seen != len(want) {
		t.Fatalf("quotes of %d of the %d speakers: %s", seen, len(want), out)
	}
	text := mustCLI(t, db, "quotes")
	if strings.Contains(text, "2017-07-11") || !strings.Contains(text, "≈ 2021-06") {
		t.Errorf("quotes shows the disputed page date or no estimate:\n%s", text)
	}
	ent := mustCLI(t, db, "entity", "Dmitry Peskov")
	if strings.Contains(ent, "2017-07-11  ") || !strings.Contains(ent, "≈ 2021-06") {
		t.Errorf("entity page shows the disputed page date as a date, or no estimate:\n%s", ent)
	}
}
