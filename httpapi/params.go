package httpapi

import (
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/storyline/storyline"
)

// MaxLimit caps the limit parameter of every list.
const MaxLimit = 1000

// params reads query parameters, refusing unknown ones and repeated ones
// so a typo is an error rather than a silently ignored filter.
type params struct {
	q   url.Values
	err error
}

func readParams(u *url.URL, allowed ...string) *params {
	p := &params{}
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		p.err = storyline.Errorf(storyline.EINVALID, "query string: %v", err)
		return p
	}
	p.q = q
	var unknown []string
	for k, vs := range q {
		if !slices.Contains(allowed, k) {
			unknown = append(unknown, k)
			continue
		}
		if len(vs) > 1 {
			p.fail(storyline.Errorf(storyline.EINVALID, "parameter %q given %d times; give it once", k, len(vs)))
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		p.fail(storyline.Errorf(storyline.EINVALID, "unknown parameter %s; this endpoint takes: %s",
			strings.Join(unknown, ", "), strings.Join(allowed, ", ")))
	}
	return p
}

func (p *params) fail(err error) {
	if p.err == nil {
		p.err = err
	}
}

func (p *params) str(name string) string {
	return strings.TrimSpace(p.q.Get(name))
}

// int reads a whole number in [min, max]; def when absent.
func (p *params) int(name string, def, min, max int) int {
	s := p.str(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < min || n > max {
		p.fail(storyline.Errorf(storyline.EINVALID, "parameter %s=%q: want a whole number from %d to %d", name, s, min, max))
		return def
	}
	return n
}

// bool reads true or false (1 or 0); false when absent.
func (p *params) bool(name string) bool {
	switch s := p.str(name); s {
	case "", "false", "0":
		return false
	case "true", "1":
		return true
	default:
		p.fail(storyline.Errorf(storyline.EINVALID, "parameter %s=%q: want true or false", name, s))
		return false
	}
}

func (p *params) date(name string) storyline.Date {
	d, err := storyline.ParseDate(p.str(name))
	if err != nil {
		p.fail(storyline.Errorf(storyline.EINVALID, "parameter %s: %s", name, storyline.ErrorMessage(err)))
	}
	return d
}

// oneOf reads a value from a fixed set; "" when absent.
func (p *params) oneOf(name string, values ...string) string {
	s := p.str(name)
	if s != "" && !slices.Contains(values, s) {
		p.fail(storyline.Errorf(storyline.EINVALID, "parameter %s=%q: want one of %s", name, s, strings.Join(values, ", ")))
	}
	return s
}

// dateRange checks that from does not start after to ends.
func (p *params) dateRange(from, to storyline.Date) {
	if !from.IsZero() && !to.IsZero() && !from.Time().Before(to.End()) {
		p.fail(storyline.Errorf(storyline.EINVALID, "from %s is after to %s", from, to))
	}
}
