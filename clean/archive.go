package clean

import (
	"net/url"
	"regexp"
	"strings"
)

// Archive copies.
//
// A page read from a web archive has the archive's URL, which holds when
// the archive captured the page ("megalodon.jp/ref/2025-0220-1958-29/...",
// "web.archive.org/web/20190314083012/..."): that is never when the page
// was published. The original URL follows the capture in the path; its
// date, host and slug are the page's.

var (
	// archivePathRe is an archive's path up to the original URL: a
	// capture stamp (digits with dashes, dots or a flag like "id_"), or
	// "newest"/"oldest"; archive.today's "/o/<id>/" form too.
	archivePathRe = regexp.MustCompile(`^/(?:ref/|web/|wait/)?(?:\d[\d.-]{3,30}[a-z_]*|newest|oldest|o/[A-Za-z0-9]{3,12}|\*)/`)
	// archiveHosts are the archives whose paths hold the original URL.
	archiveHosts = map[string]bool{"megalodon.jp": true, "web.archive.org": true, "wayback.archive.org": true,
		"archive.org": true, "archive.today": true, "archive.ph": true, "archive.is": true, "archive.li": true,
		"archive.vn": true, "archive.md": true, "archive.fo": true, "webcitation.org": true, "arquivo.pt": true,
		"webarchive.nationalarchives.gov.uk": true, "wayback.webarchive.org.uk": true, "webarchive.loc.gov": true}
)

// isArchiveHost reports whether a host is a web archive's.
func isArchiveHost(host string) bool {
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	return archiveHosts[host]
}

// OriginalURL returns the URL of the page an archive copy was made of
// ("https://megalodon.jp/ref/2025-0220-1958-29/https://edition.cnn.com/..."
// gives "https://edition.cnn.com/..."), or u itself when it is no archive's
// copy. ok reports whether u is an archive's URL at all: an archive URL
// that names no original ("archive.ph/AbC12") gives "" and true, so that
// no date or outlet is read from the archive's own URL.
func OriginalURL(u string) (orig string, archived bool) {
	if !strings.Contains(u, "archive") && !strings.Contains(u, "megalodon") && !strings.Contains(u, "webcitation") &&
		!strings.Contains(u, "arquivo") && !strings.Contains(u, "webcache.googleusercontent") {
		return u, false
	}
	pu, err := url.Parse(u)
	if err != nil || pu.Host == "" {
		return u, false
	}
	host := strings.TrimPrefix(strings.ToLower(pu.Hostname()), "www.")
	if host == "webcache.googleusercontent.com" {
		// search?q=cache:<id>:<original>+<words>
		q := pu.Query().Get("q")
		q, _, _ = strings.Cut(strings.TrimPrefix(q, "cache:"), " ")
		if _, rest, ok := strings.Cut(q, ":"); ok && !strings.HasPrefix(rest, "//") {
			q = rest
		}
		return validOriginal(withScheme(q)), true
	}
	if !isArchiveHost(host) {
		return u, false
	}
	// The path as written, with the original's "https://" (which a parser
	// may fold to "https:/") and its query.
	rest := u[strings.Index(u, pu.Host)+len(pu.Host):]
	loc := archivePathRe.FindStringIndex(rest)
	if loc == nil {
		return "", true
	}
	orig = rest[loc[1]:]
	if dec, err := url.PathUnescape(orig); err == nil && strings.HasPrefix(strings.ToLower(dec), "http") {
		orig = dec
	}
	if orig == "" {
		return "", true
	}
	// "https:/host/..." (a slash folded away) and a bare "host/path".
	for _, scheme := range []string{"http:/", "https:/"} {
		if len(orig) > len(scheme) && strings.EqualFold(orig[:len(scheme)], scheme) && orig[len(scheme)] != '/' {
			orig = orig[:len(scheme)] + "/" + orig[len(scheme):]
		}
	}
	return validOriginal(withScheme(orig)), true
}

// validOriginal returns u when it is a web address with a host name
// ("news.example"), else "".
func validOriginal(u string) string {
	pu, err := url.Parse(u)
	if err != nil || !strings.Contains(pu.Hostname(), ".") {
		return ""
	}
	return u
}

// withScheme gives a bare "host/path" an http scheme; "" stays "".
func withScheme(s string) string {
	if s == "" || strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") {
		return s
	}
	if i := strings.Index(s, "://"); i >= 0 && i < 8 {
		return s
	}
	return "http://" + s
}

// pageURL is the URL whose date, host and slug are the page's: the
// original of an archive copy, else the URL itself.
func pageURL(u string) string {
	orig, _ := OriginalURL(u)
	return orig
}
