package storyline

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"
)

// Precision says how much of a Date is known.
type Precision uint8

// Precisions, from knowing nothing to knowing the day.
const (
	PrecisionNone Precision = iota
	PrecisionYear
	PrecisionMonth
	PrecisionDay
)

// String returns "day", "month", "year" or "" for PrecisionNone.
func (p Precision) String() string {
	switch p {
	case PrecisionYear:
		return "year"
	case PrecisionMonth:
		return "month"
	case PrecisionDay:
		return "day"
	}
	return ""
}

// Date is a calendar date known to a precision: a day, a month or a year.
// The zero Date is unknown.
type Date struct {
	Year      int
	Month     time.Month // 0 when Precision < PrecisionMonth
	Day       int        // 0 when Precision < PrecisionDay
	Precision Precision
}

// Day returns the Date of a day.
func Day(year int, month time.Month, day int) Date {
	return Date{Year: year, Month: month, Day: day, Precision: PrecisionDay}
}

// Month returns the Date of a month.
func Month(year int, month time.Month) Date {
	return Date{Year: year, Month: month, Precision: PrecisionMonth}
}

// Year returns the Date of a year.
func Year(year int) Date { return Date{Year: year, Precision: PrecisionYear} }

// DateOf returns the day of t.
func DateOf(t time.Time) Date { return Day(t.Year(), t.Month(), t.Day()) }

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Precision == PrecisionNone }

// String formats the date as YYYY-MM-DD, YYYY-MM or YYYY; "" when unknown.
func (d Date) String() string {
	switch d.Precision {
	case PrecisionDay:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
	case PrecisionMonth:
		return fmt.Sprintf("%04d-%02d", d.Year, int(d.Month))
	case PrecisionYear:
		return fmt.Sprintf("%04d", d.Year)
	}
	return ""
}

// Time returns the first instant of the date in UTC; the zero time when unknown.
func (d Date) Time() time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	m, day := d.Month, d.Day
	if m == 0 {
		m = time.January
	}
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, m, day, 0, 0, 0, 0, time.UTC)
}

// End returns the first instant after the date (the next day, month or year).
func (d Date) End() time.Time {
	t := d.Time()
	switch d.Precision {
	case PrecisionDay:
		return t.AddDate(0, 0, 1)
	case PrecisionMonth:
		return t.AddDate(0, 1, 0)
	case PrecisionYear:
		return t.AddDate(1, 0, 0)
	}
	return t
}

// Truncate lowers the precision of d to p (never raises it).
func (d Date) Truncate(p Precision) Date {
	if p >= d.Precision {
		return d
	}
	out := Date{Year: d.Year, Precision: p}
	if p >= PrecisionMonth {
		out.Month = d.Month
	}
	if p == PrecisionNone {
		return Date{}
	}
	return out
}

// Contains reports whether o falls inside d (a day inside its month, say).
func (d Date) Contains(o Date) bool {
	if d.IsZero() || o.IsZero() || o.Precision < d.Precision {
		return false
	}
	return o.Truncate(d.Precision) == d
}

// Compare orders dates by their first instant, then by precision (coarser
// first). Unknown dates sort before every known one.
func (d Date) Compare(o Date) int {
	if c := d.Time().Compare(o.Time()); c != 0 {
		return c
	}
	switch {
	case d.Precision < o.Precision:
		return -1
	case d.Precision > o.Precision:
		return 1
	}
	return 0
}

// ParseDate reads YYYY-MM-DD, YYYY-MM or YYYY. The empty string is the zero
// Date. Anything else, or an impossible day, is an EINVALID error.
func ParseDate(s string) (Date, error) {
	bad := func() (Date, error) {
		return Date{}, Errorf(EINVALID, "date %q: want YYYY-MM-DD, YYYY-MM or YYYY", s)
	}
	num := func(t string) (int, bool) {
		for _, r := range t {
			if r < '0' || r > '9' {
				return 0, false
			}
		}
		n, err := strconv.Atoi(t)
		return n, err == nil
	}
	switch len(s) {
	case 0:
		return Date{}, nil
	case 4:
		y, ok := num(s)
		if !ok {
			return bad()
		}
		return Year(y), nil
	case 7:
		y, ok1 := num(s[:4])
		m, ok2 := num(s[5:])
		if !ok1 || !ok2 || s[4] != '-' || m < 1 || m > 12 {
			return bad()
		}
		return Month(y, time.Month(m)), nil
	case 10:
		y, ok1 := num(s[:4])
		m, ok2 := num(s[5:7])
		dd, ok3 := num(s[8:])
		if !ok1 || !ok2 || !ok3 || s[4] != '-' || s[7] != '-' || m < 1 || m > 12 || dd < 1 {
			return bad()
		}
		t := time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC)
		if t.Day() != dd {
			return bad()
		}
		return Day(y, time.Month(m), dd), nil
	}
	return bad()
}

// MarshalJSON writes the date as its string, or null when unknown.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

// UnmarshalJSON reads what MarshalJSON writes.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}
