package main

import (
	"io"
	"os"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// terminalSafe wraps w so that the control characters in what it writes
// (ESC and the other C0 controls but tab and newline, DEL, the C1
// controls) are shown as the Unicode pictures of controls (␛, ␀, ...)
// instead: a title holding ANSI escapes cannot recolour, clear or retitle
// the terminal that lists it. Each control becomes one character, so
// columns stay aligned.
type terminalSafe struct{ w io.Writer }

func (t terminalSafe) Write(p []byte) (int, error) {
	if !hasControl(p) {
		return t.w.Write(p)
	}
	out := make([]byte, 0, len(p)+16)
	for i := 0; i < len(p); {
		r, n := utf8.DecodeRune(p[i:])
		switch {
		case r == '\t' || r == '\n':
			out = append(out, p[i])
		case r < 0x20:
			out = utf8.AppendRune(out, 0x2400+r) // ␀ ... ␟
		case r == 0x7f:
			out = utf8.AppendRune(out, 0x2421) // ␡
		case r >= 0x80 && r < 0xa0:
			out = utf8.AppendRune(out, utf8.RuneError)
		default:
			out = append(out, p[i:i+n]...)
		}
		i += n
	}
	if _, err := t.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// hasControl reports whether p holds a byte terminalSafe replaces: a C0
// control but tab and newline, DEL, or the first byte of a C1 control.
func hasControl(p []byte) bool {
	for i, c := range p {
		if c < 0x20 && c != '\t' && c != '\n' || c == 0x7f || c == 0xc2 && i+1 < len(p) && p[i+1] >= 0x80 && p[i+1] < 0xa0 {
			return true
		}
	}
	return false
}

// guardOutput makes a command's standard output terminal-safe, unless it
// prints JSON (which escapes control characters itself) or the raw bytes
// of an input to a file or a pipe.
func (a *app) guardOutput(cmd *cobra.Command) {
	flag := func(name string) string {
		if f := cmd.Flags().Lookup(name); f != nil {
			return f.Value.String()
		}
		return ""
	}
	switch {
	case flag("json") == "true" || flag("format") == "json":
		return
	case flag("raw") == "true" && !isTerminal(a.stdout):
		return
	}
	a.stdout = terminalSafe{a.stdout}
}

// isTerminal reports whether w is a terminal (not merely a character
// device: /dev/null is one too).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
