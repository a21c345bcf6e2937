package timex

// English is the rule set for English news text. It is data: another
// language is another Lang value of the same shape.
var English = &Lang{
	Name: "en",
	// Titles and "vs." take their dot and never end a sentence, so "On
	// Friday, Mr. Smith said" keeps the verb in the expression's sentence.
	Abbrev: []string{"mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "adm",
		"prof", "rev", "vs", "messrs"},
	Lexicon: map[string]map[string]string{
		"month": {
			"january": "1", "february": "2", "march": "3", "april": "4", "may": "5", "june": "6",
			"july": "7", "august": "8", "september": "9", "october": "10", "november": "11", "december": "12",
			"jan": "1", "jan.": "1", "feb": "2", "feb.": "2", "mar.": "3", "apr": "4", "apr.": "4",
			"jun.": "6", "jul.": "7", "aug": "8", "aug.": "8", "sep.": "9", "sept": "9", "sept.": "9",
			"oct": "10", "oct.": "10", "nov": "11", "nov.": "11", "dec": "12", "dec.": "12",
		},
		// monthabbr are month names and their three-letter abbreviations
		// with or without a dot, for dates that leave no doubt
		// ("11-Mar-2019").
		"monthabbr": {
			"january": "1", "february": "2", "march": "3", "april": "4", "may": "5", "june": "6",
			"july": "7", "august": "8", "september": "9", "october": "10", "november": "11", "december": "12",
			"jan": "1", "feb": "2", "mar": "3", "apr": "4", "jun": "6", "jul": "7", "aug": "8", "sep": "9", "sept": "9",
			"oct": "10", "nov": "11", "dec": "12",
		},
		// monthname are the month names that stand alone as a date: not
		// "Jan" or "Dec" without a dot, which are more often names.
		"monthname": {
			"january": "1", "february": "2", "march": "3", "april": "4", "may": "5", "june": "6",
			"july": "7", "august": "8", "september": "9", "october": "10", "november": "11", "december": "12",
			"jan.": "1", "feb.": "2", "mar.": "3", "apr.": "4", "jun.": "6", "jul.": "7", "aug.": "8",
			"sep.": "9", "sept.": "9", "oct.": "10", "nov.": "11", "dec.": "12",
		},
		"weekday": {
			"monday": "1", "tuesday": "2", "wednesday": "3", "thursday": "4", "friday": "5", "saturday": "6", "sunday": "7",
			"mon.": "1", "tue.": "2", "tues.": "2", "wed.": "3", "thu.": "4", "thur.": "4", "thurs.": "4",
			"fri.": "5", "sat.": "6", "sun.": "7",
		},
		"weekdays": {
			"mondays": "1", "tuesdays": "2", "wednesdays": "3", "thursdays": "4", "fridays": "5", "saturdays": "6", "sundays": "7",
		},
		"num": {
			"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
			"nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
			"fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19",
			"twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70",
			"eighty": "80", "ninety": "90", "hundred": "100", "thousand": "1000",
		},
		"ord": {
			"first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6", "seventh": "7",
			"eighth": "8", "ninth": "9", "tenth": "10", "eleventh": "11", "twelfth": "12", "thirteenth": "13",
			"fourteenth": "14", "fifteenth": "15", "sixteenth": "16", "seventeenth": "17", "eighteenth": "18",
			"nineteenth": "19", "twentieth": "20", "thirtieth": "30",
		},
		"quarter": {"first": "1", "second": "2", "third": "3", "fourth": "4", "1st": "1", "2nd": "2", "3rd": "3", "4th": "4"},
		"half":    {"first": "1", "second": "2", "1st": "1", "2nd": "2"},
		"unit": {
			"day": "D", "days": "D", "week": "W", "weeks": "W", "month": "M", "months": "M",
			"year": "Y", "years": "Y", "quarter": "Q", "quarters": "Q", "decade": "DE", "decades": "DE",
			"century": "CE", "centuries": "CE", "hour": "TH", "hours": "TH", "minute": "TM", "minutes": "TM",
			"weekend": "WE", "weekends": "WE",
		},
		// cal are the units a "last", "this" or "next" can name.
		"cal": {"day": "D", "week": "W", "month": "M", "year": "Y", "quarter": "Q", "decade": "DE", "century": "CE", "weekend": "WE"},
		// durunit are the units of durations, seconds included.
		"durunit": {
			"day": "D", "days": "D", "week": "W", "weeks": "W", "month": "M", "months": "M",
			"year": "Y", "years": "Y", "quarter": "Q", "quarters": "Q", "decade": "DE", "decades": "DE",
			"century": "CE", "centuries": "CE", "hour": "TH", "hours": "TH", "minute": "TM", "minutes": "TM",
			"seconds": "TS",
		},
		"plural": {
			"days": "D", "weeks": "W", "months": "M", "years": "Y", "decades": "DE", "centuries": "CE",
			"hours": "TH", "minutes": "TM", "quarters": "Q",
		},
		"setunit": {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y", "nightly": "P1D", "hourly": "PT1H"},
		// holiday values are MM-DD, or MM-N-W for the Nth weekday W of a month.
		"holiday": {"christmas": "12-25", "thanksgiving": "11-4-4", "halloween": "10-31"},
		// holidayday are holidays named only with "Day" ("Independence Day").
		"holidayday": {"independence": "07-04", "valentine": "02-14", "labor": "09-1-1"},
		"season":     {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"},
		"pod":        {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"},
		"rel":        {"last": "-1", "past": "-1", "previous": "-1", "next": "+1", "coming": "+1", "this": "0", "current": "0"},
		"relnear":    {"last": "-1", "next": "+1", "this": "0"},
		"durmod":     {"past": "", "last": "", "next": "", "first": "", "coming": "", "previous": "", "following": "", "final": "", "latest": ""},
		"deict":      {"yesterday": "-1", "tomorrow": "+1"},
		"fuzzy":      {"several": "X", "few": "X", "many": "X", "some": "X", "couple": "2"},
		"approx": {"about": "", "nearly": "", "almost": "", "around": "", "roughly": "", "approximately": "",
			"some": "", "over": "", "only": "", "just": "", "barely": "", "under": "", "within": ""},
		// durpre and agopre are the approximations TimeBank writes inside
		// a duration or an "ago" ("nearly two years").
		"durpre": {"nearly": ""},
		"agopre": {"nearly": "", "almost": "", "about": ""},
		"mod":    {"early": "", "mid": "", "late": "", "earlier": "", "later": ""},
		"after":  {"later": "+1", "afterward": "+1", "afterwards": "+1", "earlier": "-1", "previously": "-1"},
		"before": {"after": "+1", "before": "-1"},
		"next":   {"next": "+1", "following": "+1", "previous": "-1", "preceding": "-1", "prior": "-1"},
		"zone":   {"est": "", "edt": "", "cst": "", "cdt": "", "mst": "", "mdt": "", "pst": "", "pdt": "", "gmt": "", "utc": ""},
		"ampm":   {"a.m.": "am", "p.m.": "pm", "am": "am", "pm": "pm"},
	},
	Capitalised: []string{"may", "march", "sun.", "sat.", "wed.", "jan", "dec", "aug", "oct", "nov", "sept", "apr", "feb"},
	Connectors:  []string{"of", "the", "a", "an", "than", "more", "less", "at", "in", "on", "its", "this", "and"},
	PastCues: []string{"was", "were", "had", "did", "said", "told", "ago", "last", "came", "went", "made", "took",
		"gave", "met", "left", "began", "saw", "found", "got", "sold", "rose", "fell", "became", "held", "won",
		"lost", "paid", "brought", "bought", "spoke", "wrote", "sent", "led", "ran", "hit", "put", "cut",
		"spent", "kept", "felt", "knew", "thought", "heard", "fled", "struck", "broke", "chose", "drew", "been",
		"arrived", "wasn't", "weren't", "didn't", "hadn't", "earlier", "yesterday", "previously", "announced",
		"meant", "taken", "given", "seen", "done", "gone", "shot", "flew", "shut", "fought", "stood", "grew",
		"sought", "sank", "rang", "swept", "threw", "understood", "withdrew", "set"},
	FutureCues: []string{"will", "shall", "ll", "tomorrow", "upcoming", "scheduled", "expected", "won't",
		"forthcoming", "would", "might", "until", "expects", "hopes", "intends", "slated",
		"is to", "are to", "am to", "is due", "are due", "due to be", "plans to", "plan to", "planning to",
		"going to", "set to", "is likely to", "are likely to", "aims to", "as soon as", "as early as"},
	PlanCues:    []string{"planned to", "planned a", "planned an", "planned another"},
	OpenerCues:  []string{"until"},
	PresentCues: []string{"is", "are", "am", "says", "say"},
	PastSuffix:  "ed",
	NotPast: []string{"need", "needed", "speed", "indeed", "hundred", "united", "limited", "red", "bed", "feed",
		"seed", "proceed", "exceed", "succeed", "breed", "bred", "shed", "wed", "embed", "based", "related",
		"concerned", "interested", "supposed", "used", "detailed", "advanced", "combined",
		"scheduled", "expected", "proposed", "unexpected", "alleged", "allied", "armed", "listed",
		"tired", "qualified", "experienced", "talented", "skilled", "balanced", "complicated", "sophisticated",
		"dedicated", "distinguished", "estimated", "unprecedented", "unidentified", "named", "called",
		"ed", "united", "red", "speed", "weed", "greed", "deed", "creed"},
	PastAux:      []string{"had", "hadn't"},
	ModalPastAux: []string{"was", "were", "wasn't", "weren't"},
	GroupWords:   []string{"been", "be", "being", "not", "also", "still", "already", "just", "to", "n't", "t", "now", "reportedly", "then", "only", "never"},
	PastNext:     []string{"' s"},
	Modifiers:    []string{"a", "an", "the", "its", "their", "his", "her", "our", "still", "-", "newly"},
	Rules: []Rule{
		// Calendar dates.
		{Name: "iso_date", Pattern: "iso=#iso", Norm: "date", Confidence: 0.95},
		{Name: "slash_date", Pattern: "slash=#slash", Norm: "date", Confidence: 0.7},
		{Name: "weekday_month_day", Pattern: "@weekday ,? m=@month d=#day ,? y=#year?", Norm: "date", Confidence: 0.95},
		{Name: "month_day_year", Pattern: "m=@month d=#day ,? y=#year?", Norm: "date", Confidence: 0.9},
		// "the week of March 6": the week that day falls in.
		{Name: "week_of_day", Pattern: "the week of m=@month d=#day ,? y=#year?", Norm: "date", Set: "wk=1", Confidence: 0.85},
		{Name: "day_month_year", Pattern: "the? d=#day of? m=@month ,? y=#year?", Norm: "date", Confidence: 0.9},
		// "11-Mar-2019", "(11-Mar-2019)": a day, a month's name and a year joined by dashes.
		{Name: "day_month_year_dashed", Pattern: "d=#day - m=@monthabbr - y=#year", Norm: "date", Confidence: 0.9},
		// "May'2017": a month glued to its year by an apostrophe.
		{Name: "month_apostrophe_year", Pattern: "m=@monthabbr ' y=#year", Norm: "date", Confidence: 0.85},
		{Name: "month_ordinal", Pattern: "m=@month d=#ord ,? y=#year?", Norm: "date", Confidence: 0.8},
		{Name: "month_ord", Pattern: "m=@month the d=#ord", Norm: "date", Confidence: 0.8},
		{Name: "ord_of_month", Pattern: "the d=#ord of m=@month ,? y=#year?", Norm: "date", Confidence: 0.85},
		{Name: "month_year", Pattern: "@mod? -? m=@month of|,? y=#year", Norm: "date", Confidence: 0.9},
		{Name: "month_rel_year", Pattern: "@mod? -? m=@month yoff=@relnear year", Norm: "date", Confidence: 0.85},
		{Name: "month", Pattern: "@mod? -? m=@monthname", Norm: "date", Confidence: 0.75},
		{Name: "part_of_month", Pattern: "the beginning|end|middle|start of m=@month ,? y=#year?", Norm: "date", Confidence: 0.8},
		{Name: "rel_month", Pattern: "@mod? rel=@relnear m=@month", Norm: "date", Confidence: 0.8},
		// A four-digit number before a time zone or "hours" is a clock time
		// ("completed at 1930 CDT", "by 0030 GMT"), not a year.
		// A year right after a capitalised word is part of a name
		// ("Trump 2020", "Tokyo 2020"), unless that word is a preposition.
		{Name: "year", Pattern: "@mod? -? y=#year", Norm: "date", NotBefore: "est edt cst cdt mst mdt pst pdt gmt utc bst cet cest msk hours hrs",
			NotAfterName: "in since by until till from during before after through of the that this for at on to and or than early late mid around about between circa year", Confidence: 0.75},
		{Name: "the_year_words", Pattern: "the? year y=#yearw", Norm: "date", NotBefore: "years year", Confidence: 0.75},
		{Name: "year_words", Pattern: "y=#yearw", Norm: "date", NotBefore: "years year", After: "in since by until from during before after through", Confidence: 0.6},
		{Name: "month_year_words", Pattern: "m=@month of|,? y=#yearw", Norm: "date", Confidence: 0.8},
		{Name: "season_year_words", Pattern: "the? @mod? season=@season of? y=#yearw", Norm: "date", Confidence: 0.8},
		{Name: "the_year", Pattern: "the full|entire|fiscal? year", Norm: "date", Set: "yoff=0", After: "for of in during throughout", NotBefore: "ended ending before after earlier ago", Confidence: 0.5},
		{Name: "year_end", Pattern: "year -? '? s? end", Norm: "date", Set: "yoff=0", After: "by at before until around", Confidence: 0.5},
		{Name: "fiscal_year", Pattern: "fiscal year? y=#year", Norm: "date", Confidence: 0.9},
		{Name: "part_of_year", Pattern: "the beginning|end|middle|start of y=#year", Norm: "date", Confidence: 0.85},
		{Name: "decade", Pattern: "the? @mod? -? '? dec=#decade", Norm: "date", Confidence: 0.8},
		{Name: "century", Pattern: "the? cent=#ord century", Norm: "date", Confidence: 0.8},
		{Name: "season_year", Pattern: "the? @mod? season=@season of? y=#year", Norm: "date", Confidence: 0.85},
		{Name: "season", Pattern: "the @mod? season=@season", Norm: "date", NotBefore: "of", Confidence: 0.6},
		{Name: "season_prep", Pattern: "@mod? season=@season", Norm: "date", NotBefore: "of", After: "in into over during through since until by", Confidence: 0.6},
		{Name: "this_past_season", Pattern: "this past season=@season", Norm: "date", Set: "rel=-1", Confidence: 0.75},
		{Name: "rel_season", Pattern: "@mod? rel=@relnear season=@season", Norm: "date", Confidence: 0.8},
		{Name: "quarter", Pattern: "the? fiscal? q=@quarter fiscal? quarter of? y=#year?", Norm: "date", Confidence: 0.8},
		{Name: "quarter_adj", Pattern: "fiscal? q=@quarter - quarter", Norm: "date", Confidence: 0.8},
		{Name: "quarter_year_s", Pattern: "the? y=#year '? s? fiscal? q=@quarter -? quarter", Norm: "date", Confidence: 0.8},
		{Name: "quarter_rel_year", Pattern: "yoff=@relnear year ' s q=@quarter -? quarter", Norm: "date", Confidence: 0.8},
		{Name: "half", Pattern: "the? fiscal? h=@half half of? y=#year?", Norm: "date", Confidence: 0.7},
		{Name: "weekday", Pattern: "w=@weekday", Norm: "date", Confidence: 0.8},
		{Name: "weekday_pod", Pattern: "w=@weekday @pod", Norm: "date", Confidence: 0.8},
		{Name: "rel_weekday", Pattern: "rel=@relnear w=@weekday", Norm: "date", Confidence: 0.85},

		// Relative to the last mentioned date.
		{Name: "the_next_unit", Pattern: "the off=@next u=@cal", Norm: "shift", Set: "ref=anaph", Confidence: 0.75},
		// "the next morning": the day after the last one mentioned.
		{Name: "the_next_pod", Pattern: "the off=@next @pod", Norm: "shift", Set: "ref=anaph u=D", Confidence: 0.7},
		{Name: "the_unit_after", Pattern: "the u=@cal off=@after", Norm: "shift", Set: "ref=anaph", Confidence: 0.75},
		{Name: "the_unit_before", Pattern: "the u=@cal off=@before", Norm: "shift", Set: "ref=anaph", Confidence: 0.75},
		{Name: "n_units_after", Pattern: "n=#n u=@unit off=@after", Norm: "shift", Set: "ref=anaph qref=1", Confidence: 0.7},
		{Name: "a_unit_after", Pattern: "a|an u=@unit off=@after", Norm: "shift", Set: "ref=anaph n=1 qref=1", Confidence: 0.7},
		{Name: "n_units_before", Pattern: "n=#n u=@unit off=@before", Norm: "shift", Set: "ref=anaph", EndsClause: true, Confidence: 0.6},
		{Name: "a_unit_before", Pattern: "a|an u=@unit off=@before", Norm: "shift", Set: "ref=anaph n=1", EndsClause: true, Confidence: 0.6},
		{Name: "that_unit", Pattern: "that same? u=@cal", Norm: "shift", Set: "ref=anaph off=0", Confidence: 0.6},
		{Name: "the_same_unit", Pattern: "the same u=@cal", Norm: "shift", Set: "ref=anaph off=0", Confidence: 0.6},

		// Quarters and periods of financial reports, against the last
		// mentioned quarter.
		{Name: "the_quarter", Pattern: "the|that latest|same|recent? fiscal? quarter|period", Norm: "shift", Set: "ref=anaph u=Q off=0", Confidence: 0.6},
		{Name: "year_ago_nth_quarter", Pattern: "the|its? comparable? year -? ago|earlier fiscal? q=@quarter -? quarter", Norm: "date", Set: "yoff=-1", Confidence: 0.7},
		{Name: "year_period", Pattern: "the y=#year fiscal? quarter|period", Norm: "yearq", Confidence: 0.6},
		{Name: "year_ago_quarter", Pattern: "the|its? comparable? year -? ago|earlier quarter|period?", Norm: "shift", Set: "ref=dct u=Y off=-1 qref=2", Confidence: 0.6},
		// "the same period last year", "the quarter a year ago", "last
		// year's quarter": the quarter reported, a year before.
		{Name: "period_last_year", Pattern: "the|its same|corresponding|comparable? quarter|period last year", Norm: "shift", Set: "ref=dct u=Y off=-1 qref=2", Confidence: 0.6},
		{Name: "period_year_ago", Pattern: "the|its same|corresponding|comparable? quarter|period a year ago|earlier", Norm: "shift", Set: "ref=dct u=Y off=-1 qref=2", Confidence: 0.6},
		{Name: "last_years_period", Pattern: "last year ' s quarter|period", Norm: "shift", Set: "ref=dct u=Y off=-1 qref=2", Confidence: 0.6},

		// Holidays.
		{Name: "holiday", Pattern: "hol=@holiday day|eve?", Norm: "date", Confidence: 0.8},
		{Name: "holiday_day", Pattern: "hol=@holidayday '? s? day", Norm: "date", Confidence: 0.8},
		{Name: "holiday_year", Pattern: "hol=@holiday day? ,? y=#year", Norm: "date", Confidence: 0.85},
		{Name: "rel_holiday", Pattern: "rel=@relnear hol=@holiday day?", Norm: "date", Confidence: 0.8},
		{Name: "christmas_eve", Pattern: "christmas eve", Norm: "date", Set: "hol=12-24", Confidence: 0.85},
		{Name: "new_years", Pattern: "new year ' s day|eve", Norm: "date", Confidence: 0.85},

		// Relative to the document creation time.
		{Name: "deictic_day", Pattern: "@mod? off=@deict", Norm: "shift", Set: "u=D ref=dct", Confidence: 0.9},
		// "today's world" is the present age, not a day.
		{Name: "today", Pattern: "@mod? today", Norm: "shift", Set: "u=D ref=dct off=0", NotBefore: "'", Confidence: 0.9},
		{Name: "deictic_pod", Pattern: "@mod? off=@deict pod=@pod", Norm: "time", Confidence: 0.85},
		{Name: "this_pod", Pattern: "@mod? this pod=@pod", Norm: "time", Confidence: 0.8},
		{Name: "tonight", Pattern: "tonight", Norm: "time", Set: "pod=NI", Confidence: 0.8},
		{Name: "last_night", Pattern: "last night", Norm: "time", Set: "pod=NI off=-1", Confidence: 0.8},
		{Name: "day_before_yesterday", Pattern: "the day before yesterday", Norm: "shift", Set: "u=D off=-2 ref=dct", Confidence: 0.9},
		{Name: "day_after_tomorrow", Pattern: "the day after tomorrow", Norm: "shift", Set: "u=D off=2 ref=dct", Confidence: 0.9},
		{Name: "rel_unit", Pattern: "@mod? the? rel=@rel fiscal? u=@cal", Norm: "shift", Set: "ref=dct", Confidence: 0.8},
		{Name: "this_unit_mod", Pattern: "earlier|later this u=@cal", Norm: "shift", Set: "ref=dct off=0", Confidence: 0.8},
		{Name: "the_weekend", Pattern: "the weekend", Norm: "shift", Set: "ref=dct u=WE off=0", Confidence: 0.6},
		{Name: "ago", Pattern: "@agopre? n=#n -? u=@unit ago", Norm: "shift", Set: "ref=dct off=-1 qref=1", Confidence: 0.85},
		{Name: "ago_than", Pattern: "more|less than n=#n -? u=@unit ago", Norm: "shift", Set: "ref=dct off=-1 qref=1", Confidence: 0.85},
		{Name: "a_unit_ago", Pattern: "@agopre? a|an u=@unit ago", Norm: "shift", Set: "ref=dct off=-1 n=1 qref=1", Confidence: 0.85},
		{Name: "a_unit_ago_than", Pattern: "more|less than a|an u=@unit ago", Norm: "shift", Set: "ref=dct off=-1 n=1 qref=1", Confidence: 0.85},
		{Name: "fuzzy_ago", Pattern: "n=@fuzzy u=@plural ago", Norm: "shift", Set: "ref=dct off=-1", Confidence: 0.7},
		{Name: "now", Pattern: "now|currently|nowadays|presently", Norm: "ref", Set: "v=PRESENT_REF", Confidence: 0.7},
		{Name: "current", Pattern: "current", Norm: "ref", Set: "v=PRESENT_REF", Confidence: 0.5},
		{Name: "then_current", Pattern: "then -? current", Norm: "ref", Set: "v=PAST_REF", Confidence: 0.5},
		{Name: "these_days", Pattern: "these days", Norm: "ref", Set: "v=PRESENT_REF", Confidence: 0.7},
		{Name: "at_present", Pattern: "at present", Norm: "ref", Set: "v=PRESENT_REF", Confidence: 0.7},
		{Name: "recently", Pattern: "recently|lately", Norm: "ref", Set: "v=PAST_REF", Confidence: 0.7},
		{Name: "recent", Pattern: "recent", Norm: "ref", Set: "v=PAST_REF", Confidence: 0.4},
		{Name: "recent_units", Pattern: "recent u=@plural", Norm: "dur", Type: "DURATION", Set: "n=X", Confidence: 0.6},
		{Name: "the_past", Pattern: "the past", Norm: "ref", Set: "v=PAST_REF", Confidence: 0.5},
		{Name: "coming_units", Pattern: "the? coming|future u=@plural", Norm: "ref", Set: "v=FUTURE_REF", Confidence: 0.6},
		{Name: "units_ahead", Pattern: "the u=@plural ahead", Norm: "ref", Set: "v=FUTURE_REF", Confidence: 0.6},
		{Name: "units_ago", Pattern: "u=@plural ago", Norm: "ref", Set: "v=PAST_REF", Confidence: 0.6},
		{Name: "end_of_unit", Pattern: "the end|beginning|start|middle of the|this u=@cal", Norm: "shift", Set: "ref=dct off=0", Confidence: 0.6},
		{Name: "the_future", Pattern: "the near|foreseeable? future", Norm: "ref", Set: "v=FUTURE_REF", Confidence: 0.7},
		// "in the near term", "over the long term": the time ahead.
		{Name: "the_term", Pattern: "the near|short|long|longer term", Norm: "ref", Set: "v=FUTURE_REF", After: "in over for of during", Confidence: 0.6},

		// Durations.
		{Name: "duration", Pattern: "@durpre? the? @durmod? n=#n fr=#frac? more|additional|extra|further? trading|business|working? u=@durunit", Norm: "dur", Type: "DURATION", NotBefore: "old", Confidence: 0.75},
		{Name: "duration_than", Pattern: "no? more|less|fewer than the? @durmod? n=#n fr=#frac? u=@durunit", Norm: "dur", Type: "DURATION", Confidence: 0.75},
		{Name: "duration_at_least", Pattern: "at least the? @durmod? n=#n fr=#frac? more|additional|extra|further? u=@durunit", Norm: "dur", Type: "DURATION", Confidence: 0.75},
		{Name: "duration_up_to", Pattern: "up to n=#n fr=#frac? u=@durunit", Norm: "dur", Type: "DURATION", Confidence: 0.7},
		{Name: "duration_adj", Pattern: "n=#n - u=@durunit", Norm: "dur", Type: "DURATION", NotBefore: "old", Confidence: 0.7},
		{Name: "duration_a", Pattern: "more|less than a|an u=@durunit", Norm: "dur", Type: "DURATION", Confidence: 0.6},
		{Name: "duration_one", Pattern: "@durpre? a|an u=@durunit", Norm: "dur", Type: "DURATION", NotBefore: "old ago earlier later or",
			After: "in for over within nearly almost about around than lasting least only just past", Confidence: 0.5},
		// "an additional year", "an extra week": a span to add.
		{Name: "duration_extra", Pattern: "a|an additional|extra u=@durunit", Norm: "dur", Type: "DURATION", NotBefore: "old ago earlier later or", Confidence: 0.6},
		{Name: "duration_and_half", Pattern: "@durpre? n=#n u=@durunit and a half", Norm: "dur", Type: "DURATION", Set: "fr=1/2", Confidence: 0.7},
		{Name: "duration_one_and_half", Pattern: "@durpre? a|an u=@durunit and a half", Norm: "dur", Type: "DURATION", Set: "fr=1/2", Confidence: 0.7},
		{Name: "year_ended", Pattern: "the fiscal? year", Norm: "dur", Type: "DURATION", Set: "u=Y n=1", Before: "ended ending", Confidence: 0.6},
		{Name: "for_units", Pattern: "u=@plural", Norm: "dur", Type: "DURATION", Set: "n=X", After: "for within", Confidence: 0.5},
		{Name: "durations_long", Pattern: "u=@plural - long|old", Norm: "dur", Type: "DURATION", Set: "n=X", Confidence: 0.6},
		{Name: "duration_long", Pattern: "u=@durunit - long", Norm: "dur", Type: "DURATION", Set: "n=1", Confidence: 0.6},
		{Name: "duration_fuzzy", Pattern: "the? next|past|last? a? n=@fuzzy of? u=@plural", Norm: "dur", Type: "DURATION", Confidence: 0.6},
		{Name: "duration_half", Pattern: "a|an? half u=@durunit", Norm: "dur", Type: "DURATION", Set: "n=X", Confidence: 0.5},

		// Sets.
		{Name: "set_word", Pattern: "v=@setunit", Norm: "set", Type: "SET", Confidence: 0.7},
		{Name: "set_every_unit", Pattern: "every|each u=@cal", Norm: "setu", Type: "SET", Confidence: 0.8},
		{Name: "set_every_weekday", Pattern: "every|each w=@weekday", Norm: "setw", Type: "SET", Confidence: 0.8},
		{Name: "set_every_month", Pattern: "every|each m=@monthname", Norm: "setm", Type: "SET", Confidence: 0.8},
		{Name: "set_weekdays", Pattern: "w=@weekdays", Norm: "setw", Type: "SET", Confidence: 0.6},

		// Clock times.
		{Name: "clock", Pattern: "hour=#clock ampm=@ampm?", Norm: "time", Confidence: 0.8},
		{Name: "hour_ampm", Pattern: "hour=#hour ampm=@ampm", Norm: "time", Confidence: 0.85},
		{Name: "noon", Pattern: "hour=noon|midnight|midday", Norm: "time", Confidence: 0.7},
		{Name: "hour_weekday", Pattern: "hour=#hour ampm=@ampm @zone? w=@weekday", Norm: "time", Confidence: 0.85},
		{Name: "clock_weekday", Pattern: "hour=#clock ampm=@ampm? @zone? w=@weekday", Norm: "time", Confidence: 0.85},
		{Name: "noon_weekday", Pattern: "hour=noon|midnight w=@weekday", Norm: "time", Confidence: 0.8},
		{Name: "hour_month_day", Pattern: "hour=#hour ampm=@ampm @zone? ,? m=@month d=#day ,? y=#year?", Norm: "date", Confidence: 0.85},
		{Name: "clock_month_day", Pattern: "hour=#clock ampm=@ampm? @zone? ,? m=@month d=#day ,? y=#year?", Norm: "date", Confidence: 0.85},
		{Name: "hour_zone", Pattern: "hour=#hour ampm=@ampm @zone", Norm: "time", Confidence: 0.85},
	},
}
