package storyline

import (
	"fmt"
	"net/url"
	"strings"
)

// ContentSecurityPolicy is what the server's pages and the html export of a
// timeline allow: their own stylesheet and script and nothing else; nothing
// inline runs, nothing is framed, forms post only back to the server.
const ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// WebURL returns an article URL fit to be a link on a page or in an
// export: an absolute http or https URL, with every byte that could end a
// Markdown link or an HTML attribute percent-encoded. Anything else
// (javascript:, data:, a relative path, junk) returns "": show it as text,
// never as a link.
func WebURL(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	out := u.String()
	var b strings.Builder
	for i := 0; i < len(out); i++ {
		c := out[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-._~:/?#[]@!$&*+,;=%", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}
