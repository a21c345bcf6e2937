package source

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

func cp(enc *charmap.Charmap, s string) string {
	b, err := enc.NewEncoder().String(s)
	if err != nil {
		panic(err)
	}
	return b
}

// TestDecodeMixed: a UTF-8 text with stretches in a legacy encoding keeps
// its UTF-8 and has only those stretches decoded, each noted: no mojibake.
func TestDecodeMixed(t *testing.T) {
	ru := "Анатолий Антонов"
	cases := []struct {
		name, in, want, repair string
	}{
		{"a Windows-1251 name in UTF-8 text",
			"“Relations are at a low,” said " + cp(charmap.Windows1251, ru) + ", Russia’s envoy.",
			"“Relations are at a low,” said " + ru + ", Russia’s envoy.",
			"15 byte(s) in 2 run(s) not UTF-8, decoded from Windows-1251, the first at byte 35"},
		{"a Windows-1251 line in a UTF-8 Russian text",
			"Посол России в США.\n" + cp(charmap.Windows1251, "Заявление «ТАСС»: посол вернётся.") + "\nКонец.",
			"Посол России в США.\nЗаявление «ТАСС»: посол вернётся.\nКонец.",
			"decoded from Windows-1251"},
		{"a Windows-1251 name in ASCII text",
			"The ambassador, " + cp(charmap.Windows1251, ru) + ", flew home on Sunday after the talks in Moscow ended.",
			"The ambassador, " + ru + ", flew home on Sunday after the talks in Moscow ended.",
			"decoded from Windows-1251"},
		{"a Latin-1 word in UTF-8 text",
			"The envoy met the minister at a caf" + "\xe9" + " — briefly.",
			"The envoy met the minister at a café — briefly.",
			"1 byte(s) in 1 run(s) not UTF-8, decoded from Windows-1252, the first at byte 35"},
		{"Windows-1252 quotes in UTF-8 text",
			"He said \x93yes\x94 — twice.",
			"He said “yes” — twice.",
			"decoded from Windows-1252"},
		{"stray bytes stay replaced",
			"the ambassador\xff said — yes \x80\x80",
			"the ambassador\uFFFD said — yes \uFFFD\uFFFD",
			"3 invalid UTF-8 byte(s) replaced, the first at byte 14"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, repairs, err := Decode([]byte(c.in))
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Errorf("Decode = %q\nwant     %q", got, c.want)
			}
			if !strings.Contains(strings.Join(repairs, "; "), c.repair) {
				t.Errorf("repairs = %q, want %q", repairs, c.repair)
			}
		})
	}
	// Whole legacy texts are still decoded whole.
	fr := "Le président a rappelé l'ambassadeur à Moscou, a déclaré le ministère."
	for _, c := range []struct{ in, want, repair string }{
		{cp(charmap.Windows1251, "Посол России в США вернулся в Вашингтон."), "Посол России в США вернулся в Вашингтон.", "decoded from Windows-1251"},
		{cp(charmap.ISO8859_1, fr), fr, "decoded from Latin-1"},
	} {
		got, repairs, err := Decode([]byte(c.in))
		if err != nil || got != c.want || len(repairs) != 1 || repairs[0] != c.repair {
			t.Errorf("Decode(%q) = %q, %q, %v; want %q, %q", c.in, got, repairs, err, c.want, c.repair)
		}
	}
}
