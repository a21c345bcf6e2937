package clean

import (
	"regexp"
	"slices"
	"strings"
	"time"
)

// Date lines in other languages.
//
// Pages in German, Italian, French, Spanish, Portuguese and Dutch give
// their dates with the month's name in their language, the day first:
// "Montag, 16. September 2013", "giovedì 15 giugno 2023", "3 février
// 2022", "6 de Dezembro de 2006", "8 oktober 2020". The date line reader
// reads them with their year only: a day and a month alone ("dinsdag 2
// juli") are as often a day to come as the day of the page.

// foreignMonths are the months' names in those languages, in lower case,
// those spelt as in English among them ("september", "april").
var foreignMonths = map[string]time.Month{
	// German
	"januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "april": 4, "mai": 5, "juni": 6,
	"juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
	// Italian
	"gennaio": 1, "febbraio": 2, "marzo": 3, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
	"agosto": 8, "settembre": 9, "ottobre": 10, "novembre": 11, "dicembre": 12,
	// French
	"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "juin": 6, "juillet": 7,
	"août": 8, "aout": 8, "septembre": 9, "octobre": 10, "décembre": 12, "decembre": 12,
	// Spanish
	"enero": 1, "febrero": 2, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "septiembre": 9,
	"setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
	// Portuguese
	"janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7, "setembro": 9,
	"outubro": 10, "novembro": 11, "dezembro": 12,
	// Dutch
	"januari": 1, "februari": 2, "maart": 3, "mei": 5, "augustus": 8, "december": 12,
}

// foreignWeekdays are the days of the week in those languages, in lower
// case. Portuguese names end in "-feira", which a date line's words
// split off.
var foreignWeekdays = strings.Fields(`montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag
	lunedì martedì mercoledì giovedì venerdì sabato domenica lunedi martedi mercoledi giovedi venerdi
	lundi mardi mercredi jeudi vendredi samedi dimanche
	lunes martes miércoles miercoles jueves viernes sábado domingo
	segunda terça terca quarta quinta sexta feira
	maandag dinsdag woensdag donderdag vrijdag zaterdag zondag`)

// foreignLineWords are the other words a date line in those languages may
// hold beside its date: "de" and "del" within it ("6 de Dezembro de
// 2006"), the labels of the published and the updated date and the words
// around them ("Pubblicato il", "Aktualisiert am ... um").
var foreignLineWords = strings.Fields(`de del am um vom il le el em op alle ore
	veröffentlicht aktualisiert pubblicato aggiornato publié publicado publicada actualizado atualizado
	gepubliceerd bijgewerkt`)

// foreignMonthAlt is an alternation of foreignMonths' names, the longest
// first.
var foreignMonthAlt = func() string {
	names := make([]string, 0, len(foreignMonths))
	for name := range foreignMonths {
		names = append(names, name)
	}
	slices.SortFunc(names, func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	return strings.Join(names, "|")
}()

var (
	// foreignDateRe is a day, a month named in one of those languages and
	// a year, with the groups of lineDateRes: "15 giugno 2023", "16.
	// September 2013", "6 de Dezembro de 2006", "8 de octubre del 2020".
	foreignDateRe = regexp.MustCompile(`(?i)\b(?P<d>\d{1,2})\.?\s+(?:de\s+)?(?P<m>` + foreignMonthAlt + `)\.?,?\s+(?:del?\s+)?(?P<y>(?:19|20)\d{2})\b`)
	// foreignCalendarRe is the date a site's calendar prints atop every
	// page in those languages: a weekday, the day, the month and the year
	// ("Montag, 16. September 2013", "giovedì 15 giugno 2023").
	foreignCalendarRe = regexp.MustCompile(`(?i)^(?:` + strings.Join(foreignWeekdays, "|") + `)(?:-feira)?,?\s+\d{1,2}\.?\s+(?:de\s+)?(?:` +
		foreignMonthAlt + `),?\s+(?:del?\s+)?(?:19|20)\d{2}$`)
)

// foreignUpdated and foreignPublished are the labels of the two kinds of
// date (see updatedRe and publishedRe) in those languages.
const (
	foreignUpdated   = `\b(?:aktualisiert|aggiornat[oa]|actualizad[oa]|atualizad[oa]|bijgewerkt)\b|\bmis\s+à\s+jour`
	foreignPublished = `\b(?:ver(?:ö|oe)ffentlicht|pubblicat[oa]|publicad[oa]|gepubliceerd)\b|\bpubli[ée]`
)

// lineMonthNum is the number of a month named in English or in one of
// those languages, or 0.
func lineMonthNum(s string) int {
	if m := monthNum(s); m > 0 {
		return m
	}
	return int(foreignMonths[strings.TrimSuffix(strings.ToLower(s), ".")])
}

// maskDayDots writes the full stop after a day that a month's name and a
// year follow as a space ("16. September 2013" as "16  September 2013"),
// as German writes the day, so that the stop before a capital is not read
// as the end of a sentence. The line keeps its length: the dates' offsets
// hold in s.
func maskDayDots(s string) string {
	var b []byte
	for i := strings.Index(s, ". "); i >= 0; {
		if dayDot(s, i) {
			if b == nil {
				b = []byte(s)
			}
			b[i] = ' '
		}
		j := strings.Index(s[i+2:], ". ")
		if j < 0 {
			break
		}
		i += 2 + j
	}
	if b == nil {
		return s
	}
	return string(b)
}

// dayDot reports whether the full stop at s[i] ends a day of one or two
// digits that a month's name and a year follow.
func dayDot(s string, i int) bool {
	k := i
	for k > 0 && k > i-3 && isDigit(s[k-1]) {
		k--
	}
	if k == i || i-k > 2 || k > 0 && (isDigit(s[k-1]) || s[k-1] == '.' || s[k-1] == ':') {
		return false
	}
	rest := strings.TrimLeft(s[i+1:], " ")
	w := rest
	if e := strings.IndexAny(rest, " .,"); e >= 0 {
		w = rest[:e]
	}
	if w == "" || lineMonthNum(w) == 0 {
		return false
	}
	rest = strings.TrimLeft(rest[len(w):], " .,")
	return len(rest) >= 4 && (strings.HasPrefix(rest, "19") || strings.HasPrefix(rest, "20")) &&
		isDigit(rest[2]) && isDigit(rest[3]) && (len(rest) == 4 || !isDigit(rest[4]))
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
