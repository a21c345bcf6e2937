package dateparser

import (
	"errors"
	"fmt"
	"time"
)

// ParserType names one way of reading a date. This package implements
// CustomFormat (Go layouts given to Parse) and AbsoluteTime (English dates
// with a month, a day and a year); the other types are accepted and ignored.
type ParserType uint8

const (
	Timestamp ParserType = iota
	NegativeTimestamp
	RelativeTime
	CustomFormat
	AbsoluteTime
	NoSpacesTime
)

// PreferredDateSource says where a date without a year falls relative to
// Configuration.CurrentTime.
type PreferredDateSource uint8

const (
	// CurrentPeriod takes the current year.
	CurrentPeriod PreferredDateSource = iota
	// Past takes the latest year that puts the date at or before the current time.
	Past
	// Future takes the earliest year that puts the date at or after the current time.
	Future
)

// Configuration holds the settings Parse honours.
type Configuration struct {
	// CurrentTime is the moment incomplete dates are read against; the
	// zero time means time.Now.
	CurrentTime time.Time
	// PreferredDateSource places a date that has no year.
	PreferredDateSource PreferredDateSource
	// StrictParsing makes AbsoluteTime accept only dates with a day, a
	// month and a year; a layout given to Parse is taken as time.Parse
	// reads it.
	StrictParsing bool
}

// Date is a parsed date. Time is midnight UTC of the day found.
type Date struct {
	Time time.Time
}

// Parser reads dates with the parser types it lists, in order. The zero
// Parser uses CustomFormat and AbsoluteTime.
type Parser struct {
	ParserTypes []ParserType
}

// ErrNoDate is wrapped by the error Parse returns when the text holds no
// date it can read.
var ErrNoDate = errors.New("no date found")

// Parse reads the first date in s. formats are Go time layouts (as for
// time.Parse), tried on the whole of s before anything else when the parser
// uses CustomFormat.
func (p *Parser) Parse(cfg *Configuration, s string, formats ...string) (Date, error) {
	if cfg == nil {
		cfg = &Configuration{}
	}
	types := p.ParserTypes
	if len(types) == 0 {
		types = []ParserType{CustomFormat, AbsoluteTime}
	}
	for _, t := range types {
		switch t {
		case CustomFormat:
			for _, layout := range formats {
				if tm, err := time.Parse(layout, s); err == nil {
					return Date{Time: day(tm.Year(), tm.Month(), tm.Day())}, nil
				}
			}
		case AbsoluteTime:
			if d, ok := absolute(s, cfg); ok {
				return Date{Time: d}, nil
			}
		}
	}
	return Date{}, fmt.Errorf("dateparser: reading %q: %w", s, ErrNoDate)
}

func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
