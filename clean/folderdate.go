package clean

import (
	"strings"

	"github.com/storyline/storyline"
)

// FolderDate returns the day the innermost folder of an input's path is
// named by, written YYYY-MM-DD ("timeline17/bpoil_bbc/InputDocs/2010-05-01/
// 1387.htm.txt": 1 May 2010), as collections of news file their articles
// by the day they were published. The file's own name is not read, nor a
// folder named otherwise ("2010", "may-2010").
func FolderDate(origin string) (storyline.Date, bool) {
	dir, _, ok := cutLast(origin, "/")
	for ok {
		var name string
		dir, name, ok = cutLast(dir, "/")
		if len(name) == 10 && name[4] == '-' && name[7] == '-' && digits(name[:4]) && digits(name[5:7]) && digits(name[8:]) {
			return validDay(atoi(name[:4]), atoi(name[5:7]), atoi(name[8:]))
		}
	}
	return storyline.Date{}, false
}

// cutLast cuts s around the last sep: ("a/b/c", "/") gives "a/b", "c".
// Without sep it gives "", s, false.
func cutLast(s, sep string) (before, after string, found bool) {
	if i := strings.LastIndex(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return "", s, false
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
