package names

// Word lists for Suggest, all lower case.

// calendarWords are weekday and month names and their abbreviations: never
// a mention, even capitalised ("on Thursday", "Nov. 2").
var calendarWords = setOf(
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
	"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
)

// titleWords are ranks and offices written before a name: "Lt. Gen.
// Abdulamir Yarallah", "Prime Minister Haider al-Abadi". They split a run
// and are left out of the mention.
var titleWords = setOf(
	"prime", "minister", "president", "vice", "general", "gen", "lt", "lieutenant", "col", "colonel",
	"maj", "major", "brig", "brigadier", "sgt", "sergeant", "capt", "captain", "cmdr", "commander",
	"adm", "admiral", "dr", "mr", "mrs", "ms", "secretary", "spokesman", "spokeswoman", "spokesperson",
	"sen", "senator", "rep", "gov", "governor", "premier", "ayatollah", "sheikh", "shaykh", "sheik",
	"king", "prince", "emir", "mullah", "imam", "chief", "pvt", "cpl",
)

// joinWords may stand lower-case between two capitalised words of one name:
// Osama bin Laden, Qatari al Obeidi, Staffan de Mistura. "of" is not one:
// it joins "Law of Armed Conflict" but also "ridding Iraq of ISIS".
var joinWords = setOf(
	"al", "el", "ul", "bin", "ibn", "bint", "ben", "de", "da", "di", "du", "des", "del", "della",
	"van", "von", "der", "den", "ter", "la", "le",
)

// hyphenParticles may start a hyphenated name in lower case: al-Abadi,
// as-Sadr, ez-Zor, abu-Risha.
var hyphenParticles = setOf(
	"al", "el", "ul", "ad", "ar", "as", "ash", "az", "ez", "at", "an", "ath", "adh",
	"ed", "er", "es", "et", "en", "bin", "ibn", "abu", "umm", "bani", "ben", "ould",
)

// nameParticles are capitalised words that belong inside a name but are no
// name on their own: a run never ends with one.
var nameParticles = setOf(
	"al", "el", "ul", "abu", "umm", "bin", "ibn", "bint", "ben", "bani", "banu", "ould", "abd",
	"de", "da", "di", "du", "van", "von", "der", "den", "la", "le", "of", "the",
)

// stopWords are common English words that start sentences capitalised;
// a run never starts with one.
var stopWords = setOf(
	"a", "about", "above", "according", "across", "after", "afterwards", "again", "against", "ago",
	"all", "almost", "along", "already", "also", "although", "among", "an", "and", "another", "any",
	"anyone", "are", "around", "as", "at", "be", "because", "been", "before", "being", "below",
	"besides", "between", "both", "but", "by", "can", "could", "despite", "did", "do", "does",
	"during", "each", "earlier", "either", "else", "even", "eventually", "ever", "every", "few",
	"finally", "first", "for", "from", "further", "had", "has", "have", "he", "her", "here", "hers",
	"him", "his", "how", "however", "i", "if", "in", "including", "inside", "instead", "into", "is",
	"it", "its", "just", "last", "later", "least", "less", "let", "like", "many", "meanwhile", "more",
	"moreover", "most", "much", "my", "near", "neither", "never", "next", "no", "nor", "not", "now",
	"of", "off", "often", "on", "once", "one", "only", "or", "other", "others", "our", "out", "over",
	"own", "per", "perhaps", "previously", "prior", "rather", "recently", "regarding", "same",
	"several", "she", "should", "since", "so", "some", "soon", "still", "such", "than", "that",
	"the", "their", "them", "then", "there", "therefore", "these", "they", "this", "those",
	"though", "through", "throughout", "thus", "to", "today", "together", "tomorrow", "too",
	"toward", "towards", "two", "under", "unlike", "until", "up", "upon", "us", "very", "via",
	"was", "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom",
	"whose", "why", "will", "with", "within", "without", "would", "yesterday", "yet", "you", "your",
	"yes", "thanks", "please", "update", "updated", "read", "more", "related", "links", "share",
	"subscribe", "sign", "join", "comments", "comment", "reply", "leave", "post", "photo", "editor",
	"by", "new", "news", "good", "well", "just", "three", "four", "five", "six", "ten", "hundreds",
	"thousands", "dozens", "most", "some", "remaining", "units", "sources", "officials", "residents",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// demonyms are nationality and group adjectives: capitalised, but on their
// own ("Iraqi forces", "Syrian side") they name no entity. Inside a longer
// name they stay ("Syrian Democratic Forces").
var demonyms = setOf(
	"iraqi", "iraqis", "syrian", "syrians", "iranian", "iranians", "turkish", "kurdish", "kurd", "kurds", "arab", "arabs",
	"american", "americans", "russian", "russians", "british", "french", "german", "jordanian", "saudi", "lebanese",
	"israeli", "palestinian", "egyptian", "yemeni", "afghan", "pakistani", "sunni", "sunnis", "shia", "shiite", "shiites",
	"yazidi", "yazidis", "christian", "christians", "muslim", "muslims", "western", "eastern", "northern", "southern",
)
