package storyline_test

import (
	"testing"

	"github.com/storyline/storyline"
)

func TestWebURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://planet.example/recall", "https://planet.example/recall"},
		{" http://planet.example/a?b=c#d ", "http://planet.example/a?b=c#d"},
		{"https://planet.example/a(b)", "https://planet.example/a%28b%29"},
		{`https://planet.example/"><script>`, "https://planet.example/%22%3E%3Cscript%3E"},
		{"https://planet.example/?q=a b'c", "https://planet.example/?q=a%20b%27c"},
		{"HTTPS://planet.example/", "https://planet.example/"},
		{"javascript:alert(1)", ""},
		{"JavaScript://planet.example/%0aalert(1)", ""},
		{"data:text/html,<script>", ""},
		{"//planet.example/x", ""},
		{"/articles/1", ""},
		{"https://", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := storyline.WebURL(tt.in); got != tt.want {
			t.Errorf("WebURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
