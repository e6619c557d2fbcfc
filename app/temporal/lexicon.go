package temporal

import "time"

// months maps the month words the finder knows (lower case) to their month.
// Abbreviations are listed with abbrev so the grammar can demand a day or a
// year next to them.
var months = map[string]time.Month{
	"january": time.January, "february": time.February, "march": time.March,
	"april": time.April, "may": time.May, "june": time.June, "july": time.July,
	"august": time.August, "september": time.September, "october": time.October,
	"november": time.November, "december": time.December,
	"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April,
	"jun": time.June, "jul": time.July, "aug": time.August, "sep": time.September,
	"sept": time.September, "oct": time.October, "nov": time.November, "dec": time.December,
}

// weekdays maps weekday names (lower case) to their weekday.
var weekdays = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
	"sunday": time.Sunday,
}

// dayParts are the parts of a day that may follow a weekday or a relative
// day ("Friday morning", "yesterday evening").
var dayParts = map[string]bool{"morning": true, "afternoon": true, "evening": true, "night": true}

// numberWords are the counts a duration may be written with.
var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"several": 3, "few": 3, "couple": 2, "dozen": 12,
}

// units are the duration units, singular and plural, to their unit name.
var units = map[string]string{
	"day": "day", "days": "day", "week": "week", "weeks": "week",
	"month": "month", "months": "month", "year": "year", "years": "year",
	"decade": "decade", "decades": "decade", "hour": "hour", "hours": "hour",
}

// seasons maps season words to the month each season starts (northern
// hemisphere, meteorological seasons).
var seasons = map[string]time.Month{
	"spring": time.March, "summer": time.June, "autumn": time.September,
	"fall": time.September, "winter": time.December,
}

// approxWords make the expression that follows approximate (EDTF "~").
var approxWords = map[string]bool{
	"around": true, "about": true, "approximately": true, "roughly": true,
	"circa": true, "nearly": true, "almost": true, "some": true,
}

// Prepositions the finder keeps inside a span, by the kinds they may lead.
var (
	prepDate   = map[string]bool{"on": true, "since": true, "by": true, "until": true, "till": true, "before": true, "after": true, "from": true}
	prepPeriod = map[string]bool{"in": true, "since": true, "by": true, "until": true, "till": true, "before": true, "after": true, "during": true, "throughout": true, "from": true}
)

// notYearNouns are counted things: "in 1500 fighters" is not a year.
var notYearNouns = map[string]bool{
	"people": true, "fighters": true, "troops": true, "soldiers": true, "civilians": true,
	"militants": true, "men": true, "women": true, "children": true, "families": true,
	"residents": true, "homes": true, "houses": true, "km": true, "kilometres": true,
	"kilometers": true, "miles": true, "metres": true, "meters": true, "dollars": true,
	"tonnes": true, "tons": true, "votes": true, "units": true, "members": true,
	"cases": true, "deaths": true, "casualties": true, "refugees": true, "rockets": true,
	"missiles": true, "vehicles": true, "square": true, "percent": true, "times": true,
}

// Tense cues read around an expression (see tense.go).
var (
	futureCues = map[string]bool{
		"will": true, "shall": true, "ll": true, "upcoming": true, "scheduled": true,
		"can": true, "may": true, "might": true, "intends": true, "intend": true,
		"tomorrow": true,
	}
	// futureBeforeTo are future cues only when "to" follows: "is expected to".
	futureBeforeTo = map[string]bool{
		"expected": true, "expects": true, "plans": true, "plan": true, "planned": true,
		"planning": true, "due": true, "set": true, "going": true, "aims": true,
		"is": true, "are": true, "hopes": true, "vowed": true, "vows": true, "pledged": true,
	}
	pastCues = map[string]bool{
		"was": true, "were": true, "had": true, "did": true, "said": true, "told": true,
		"took": true, "taken": true, "began": true, "begun": true, "fell": true, "fallen": true,
		"fought": true, "won": true, "lost": true, "met": true, "went": true, "gone": true,
		"came": true, "ran": true, "left": true, "saw": true, "seen": true, "broke": true,
		"broken": true, "struck": true, "hit": true, "got": true, "made": true, "held": true,
		"led": true, "sent": true, "built": true, "drove": true, "flew": true, "shot": true,
		"killed": true, "ago": true, "overran": true, "rose": true, "spoke": true,
	}
	// notPastEd are words ending in -ed that are no past-tense cue.
	notPastEd = map[string]bool{
		"need": true, "indeed": true, "speed": true, "seed": true, "red": true, "bed": true,
		"hundred": true, "united": true, "based": true, "armed": true,
		"feed": true, "breed": true, "shed": true, "wed": true, "proceed": true,
		"succeed": true, "exceed": true, "creed": true, "greed": true, "deed": true,
	}
)
