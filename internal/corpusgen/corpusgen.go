// Package corpusgen writes synthetic news articles for benchmarks: plain
// text in the seeds' shapes (header date line with a URL, title, byline,
// dateline, paragraphs, scraper debris), 3-5 KB each, the same for the
// same seed.
package corpusgen

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"syscall"
	"time"
)

var (
	places   = []string{"MOSCOW", "WASHINGTON", "GENEVA", "BRUSSELS", "KYIV", "BEIJING", "LONDON"}
	outlets  = []string{"Baltic Wire", "Capital Ledger", "Harbour Daily", "Eurasia Monitor", "Nordic Courier"}
	domains  = []string{"balticwire.example", "capital-ledger.example", "harbour-daily.example", "eurasia-monitor.example"}
	names    = []string{"Anatoly Antonov", "Maria Zakharova", "Jen Psaki", "John Sullivan", "Sergei Ryabkov", "Dmitry Peskov"}
	subjects = []string{"The ambassador", "The foreign ministry", "A spokeswoman", "The delegation", "Officials in Moscow", "The State Department", "Diplomats"}
	verbs    = []string{"said", "told reporters", "warned", "insisted", "announced", "confirmed", "noted"}
	objects  = []string{"that consultations would continue", "that relations had reached a dead end", "that sanctions were being prepared",
		"that the talks lasted more than two hours", "that the envoy would return after the summit", "that the embassy was working calmly",
		"that the report contained no evidence", "that a dialogue on strategic stability would begin", "that visas remained suspended"}
	whens  = []string{"on Monday", "on Wednesday", "late on Friday", "last week", "on March 17", "on June 16", "earlier this month", "in a statement"}
	debris = []string{"[ad_1]", "Share this article", "Advertisement", "Subscribe to our newsletter"}
)

// Article returns synthetic article i for a seed.
func Article(seed uint64, i int) []byte {
	r := rand.New(rand.NewPCG(seed, uint64(i)))
	pick := func(s []string) string { return s[r.IntN(len(s))] }
	day := 1 + r.IntN(28)
	month := 1 + r.IntN(12)
	year := 2021 + r.IntN(4)
	title := fmt.Sprintf("%s %s %s, article %d", pick(subjects), pick(verbs), strings.TrimPrefix(pick(objects), "that "), i)
	var b strings.Builder
	fmt.Fprintf(&b, " date %04d-%02d-%02d https://%s/news/%04d%02d%02d/story-%d.html\n\n", year, month, day, pick(domains), year, month, day, i)
	fmt.Fprintf(&b, "%s\n\n", title)
	if r.IntN(2) == 0 {
		fmt.Fprintf(&b, "%s\n", title)
	}
	fmt.Fprintf(&b, "By %s\n\n", pick(names))
	size := 3000 + r.IntN(2000)
	fmt.Fprintf(&b, "%s, %s %d – %s. ", pick(places), monthName(month), day, pick(outlets))
	for b.Len() < size {
		for range 3 + r.IntN(3) {
			fmt.Fprintf(&b, "%s %s %s %s, adding that %s would %s. ", pick(subjects), pick(verbs), pick(whens), pick(objects),
				pick(names), strings.TrimPrefix(pick([]string{"to consider the matter", "to travel to Geneva", "to meet the press"}), "to "))
		}
		b.WriteString("\n\n")
		if r.IntN(5) == 0 {
			fmt.Fprintf(&b, "%s\n\n", pick(debris))
		}
	}
	b.WriteString("Read More\n")
	return []byte(b.String())
}

func monthName(m int) string {
	return []string{"January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December"}[m-1]
}

// CPUTime returns the CPU time, user and system, this process has used:
// on a shared machine, a steadier measure of work than the wall clock.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// ShortJSON returns synthetic article i for a seed as one line of JSON
// (title, text, source, published), a few hundred bytes: reports of some
// forty happenings over a year, several outlets each, for tests that need
// many articles quickly.
func ShortJSON(seed uint64, i int) []byte {
	r := rand.New(rand.NewPCG(seed, uint64(i)))
	pick := func(s []string) string { return s[r.IntN(len(s))] }
	h := r.IntN(40) // the happening
	hr := rand.New(rand.NewPCG(seed+1, uint64(h)))
	who := names[hr.IntN(len(names))]
	place := places[hr.IntN(len(places))]
	obj := objects[hr.IntN(len(objects))]
	day := time.Date(2022, time.January, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, h*9+r.IntN(2))
	title := fmt.Sprintf("%s %s %s, report %d", who, pick(verbs), strings.TrimPrefix(obj, "that "), i)
	text := fmt.Sprintf("%s, %s – %s %s %s %s. %s %s %s, adding that talks in %s would resume. "+
		"The meeting in %s was the %dth this year, %s said.",
		place, day.Format("January 2"), who, pick(verbs), pick(whens), obj,
		pick(subjects), pick(verbs), pick(objects), place[:1]+strings.ToLower(place[1:]),
		place, 3+h, pick(subjects))
	line := fmt.Sprintf(`{"title": %q, "text": %q, "source": %q, "published": %q}`,
		title, text, pick(outlets), day.Format("2006-01-02"))
	return []byte(line)
}
