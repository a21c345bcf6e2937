package clean

import (
	"net/url"
	"regexp"

	"github.com/storyline/storyline"
)

// urlDayFirstRe is a day, a month and a year run together in a path,
// set off by dashes, underscores or slashes, as publishers in Europe write
// them in a slug: "/283741-envoy-interview-03022022-talks" (3 February
// 2022).
var urlDayFirstRe = regexp.MustCompile(`[-_/](0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])((?:19|20)\d{2})(?:[-_./]|$)`)

// urlDayFirst reads a day written day first in a URL's path (see
// urlDayFirstRe). ambiguous is true when the month may come first
// ("03022022": 3 February, or March 2 as the United States write it),
// which only the page's language tells: URLDate takes the date only when
// it is not ambiguous ("23022023"), publication also when the page is not
// in English.
func urlDayFirst(u string) (d storyline.Date, ambiguous, ok bool) {
	u = pageURL(u)
	if u == "" {
		return storyline.Date{}, false, false
	}
	pu, err := url.Parse(u)
	if err != nil {
		return storyline.Date{}, false, false
	}
	m := urlDayFirstRe.FindStringSubmatch(pu.Path)
	if m == nil {
		return storyline.Date{}, false, false
	}
	day, month := atoi(m[1]), atoi(m[2])
	d, ok = validDay(atoi(m[3]), month, day)
	return d, ok && day <= 12 && day != month, ok
}
