package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
)

// cue is what a single line says about being boilerplate. A strong cue is
// enough on its own; a weak one (a telling phrase inside a long line) only
// counts inside a boilerplate section.
type cue struct {
	kind   app.BoilerplateKind
	strong bool
}

// cuePattern marks lines of one kind. A match is strong when the line has
// at most maxWords words (0: any length). An unanchored pattern lists
// lower-case words of which one must be in the line before it is tried.
type cuePattern struct {
	re       *regexp.Regexp
	kind     app.BoilerplateKind
	maxWords int
	need     []string
}

// Facts about each pattern, computed once: matched against the
// lower-cased line; a whole-line label (^...$) that cannot match a line of
// more than maxWords words; anchored at the start so the line's head is
// enough.
var cueFolded, cueWhole, cueHead []bool

const headBytes = 160

// init compiles case-insensitive patterns that need no capital letters
// into patterns over the lower-cased line, which match much faster.
func init() {
	n := len(cuePatterns)
	cueFolded, cueWhole, cueHead = make([]bool, n), make([]bool, n), make([]bool, n)
	for i := range cuePatterns {
		p := &cuePatterns[i]
		src := p.re.String()
		if strings.HasPrefix(src, "(?i)") && !strings.Contains(src, `\p{Lu}`) {
			src = strings.TrimPrefix(src, "(?i)")
			p.re = regexp.MustCompile(src)
			cueFolded[i] = true
		}
		body := strings.TrimPrefix(src, "(?i)")
		anchored := strings.HasPrefix(body, "^") && !topLevelBar(body)
		cueWhole[i] = anchored && strings.HasSuffix(body, "$") && p.maxWords > 0
		cueHead[i] = anchored && !strings.HasSuffix(body, "$") && !strings.Contains(body, ".*") && !strings.Contains(body, "+$")
	}
}

var cuePatterns = []cuePattern{
	// reader comments
	{regexp.MustCompile(`(?i)^\d+\s+(?:thoughts?|comments?|responses?|replies|reactions?)\b`), app.BoilerComments, 0, nil},
	{regexp.MustCompile(`(?i)^(?:comments?|reader comments|discussion|join the (?:discussion|conversation)|leave a (?:reply|comment)|post (?:a |your )?comment|add (?:a |your )?comment|write a comment|notify of|view all comments|load more comments|show comments|inline feedbacks?|newest\s+oldest|oldest\s+newest|most voted|sort by|reply|comment)\b`), app.BoilerComments, 6, nil},
	{regexp.MustCompile(`(?i)your email(?: address)? will (?:not be published|stay private|never be)|required fields are marked|fields marked \* (?:are|must)|be the first to comment|please comment|get new replies|notify me of|replies by email|log ?in to (?:comment|reply)|comments? (?:are|is) closed|cancel reply`), app.BoilerComments, 14,
		[]string{"your email", "required fields", "fields marked", "first to comment", "please comment", "new replies", "notify me", "replies by email", "log in to", "login to", "is closed", "are closed", "cancel reply"}},
	{regexp.MustCompile(`(?i)^(?:name|e-?mail|website)\s*\*?$`), app.BoilerComments, 2, nil},
	// newsletters and subscriptions
	{regexp.MustCompile(`(?i)^(?:sign up|subscribe|register|join (?:our|the|us))\b`), app.BoilerNewsletter, 20, nil},
	{regexp.MustCompile(`(?i)^by (?:registering|subscribing|signing up)\b`), app.BoilerNewsletter, 0, nil},
	{regexp.MustCompile(`(?i)newsletter|mailing list|in your inbox|to your inbox|unsubscribe|no spam|summari[sz]ed in one email|email alerts?|daily briefing`), app.BoilerNewsletter, 12,
		[]string{"newsletter", "mailing list", "inbox", "unsubscribe", "no spam", "one email", "email alert", "daily briefing"}},
	// donation appeals
	{regexp.MustCompile(`(?i)we need your help|support (?:us|our (?:work|journalism|reporting|coverage)|independent (?:journalism|media))\b|supporting us\b|becom(?:e|ing) a (?:regular |monthly )?(?:supporter|member|patron)|make a (?:one[- ]off |one-time |small )?(?:contribution|donation)|paypal|patreon|billed (?:once|monthly|annually)|\$\d+(?:\.\d\d)? (?:once|a month|monthly|per month|billed)|(?:has|have) no paywall|don't have a paywall|reader[- ](?:supported|funded)`), app.BoilerDonation, 0,
		[]string{"your help", "support us", "support our", "support independent", "supporting us", "becom", "contribution", "donation", "paypal", "patreon", "billed", "$", "paywall", "reader-", "reader supported", "reader funded"}},
	{regexp.MustCompile(`(?i)\bdonat(?:e|ion)|contribution|ad ?blockers|paywall|costs money|chip in`), app.BoilerDonation, 12,
		[]string{"donat", "contribution", "blocker", "paywall", "costs money", "chip in"}},
	// related links and teasers
	{regexp.MustCompile(`(?i)^(?:related(?: links| articles| stories| posts| content| news| coverage| reading| topics)?|read more|read also|also read|see also|more from\b.*|more on this(?: story)?|more stories|you may (?:also )?like|you might (?:also )?(?:like|be interested in)|recommended(?: for you| stories| articles)?|popular posts(?: from this blog)?|popular|most (?:read|popular|viewed|shared|commented)|editor'?s?'? (?:picks?|choice)|trending(?: now| stories)?|top stories|latest (?:news|stories|posts|articles)|in other news|further reading|previous (?:post|article)|next (?:post|article)|what to read next)[:.]?$`), app.BoilerRelated, 6, nil},
	{regexp.MustCompile(`(?i)^(?:related(?: stories| articles| coverage| content)?|read more|read also|also read|see also|more|recommended|watch|listen)\s*:\s*\S`), app.BoilerRelated, 20, nil},
	{regexp.MustCompile(`(?i)(?:\.\.\.|…)\s*read more\W*$|\bread more\s*[»›>→]\W*$|\bcontinue reading\W*$`), app.BoilerRelated, 0,
		[]string{"read more", "continue reading"}},
	// share prompts
	{regexp.MustCompile(`(?i)^(?:share(?: this(?: article| story| post| page)?)?(?: on| via| with)?(?: (?:facebook|twitter|x|whatsapp|linkedin|telegram|email|reddit))?|click to (?:share|email|print).*|follow us(?: on .*)?|share via.*|copy link)[:.!]?$`), app.BoilerShare, 8, nil},
	// advertising
	{regexp.MustCompile(`(?i)^(?:advertisement|advertising|sponsored(?: content| links?| stories)?|ads?|promoted(?: content| stories)?|let'?s block ads!?.*|scroll to continue.*|story continues below.*)$`), app.BoilerAd, 8, nil},
	// photo captions and credits
	{regexp.MustCompile(`(?i)^(?:photo|image|picture|file photo|pictured|credit|caption|photograph|illustration)s?\s*(?:by\b|:|credit\b|courtesy\b|[-–—]|\()`), app.BoilerCredit, 40, nil},
	{regexp.MustCompile(`(?i)\((?:[^()]*\s)?(?:photo|image|picture)s? (?:by|credit|courtesy)\b[^()]*\)`), app.BoilerCredit, 60,
		[]string{"photo", "image", "picture"}},
	{regexp.MustCompile(`(?i)\b(?:photo|picture|image)s?\s*(?:by|:|credit:?|courtesy(?: of)?)\s+\p{Lu}[^.!?]*$`), app.BoilerCredit, 60,
		[]string{"photo", "image", "picture"}},
	// feed footers, legal lines
	{regexp.MustCompile(`(?i)^from\s.*https?://\S+$`), app.BoilerFooter, 0, nil},
	{regexp.MustCompile(`^via\s+\S`), app.BoilerFooter, 6, nil},
	{regexp.MustCompile(`(?i)^(?:©|\(c\)\s|copyright\b)|all rights reserved`), app.BoilerFooter, 25,
		[]string{"©", "(c)", "copyright", "rights reserved"}},
	{regexp.MustCompile(`(?i)^(?:tags?|filed under|categories|category|posted in|topics?)\s*:`), app.BoilerFooter, 30, nil},
	{regexp.MustCompile(`(?i)^(?:privacy policy|terms of (?:use|service)|cookie (?:policy|settings)|about us|contact us)\b`), app.BoilerFooter, 10, nil},
}

// shareWords are the words of a bare row of share buttons.
var shareWords = map[string]bool{
	"share": true, "tweet": true, "email": true, "print": true, "whatsapp": true, "facebook": true,
	"twitter": true, "linkedin": true, "pinterest": true, "reddit": true, "telegram": true, "messenger": true,
	"x": true, "copy": true, "link": true, "flipboard": true, "pocket": true,
}

// classify returns the cue a single line gives.
func classify(l *line) cue {
	if l.blank() {
		return cue{}
	}
	t := l.t
	lower := strings.ToLower(t)
	var weak cue
	if creditBracket(t) && !bodyLike(l) && l.words <= 60 {
		return cue{kind: app.BoilerCredit, strong: true}
	}
	for i, p := range cuePatterns {
		if p.need != nil && !containsAny(lower, p.need) || cueWhole[i] && l.words > p.maxWords {
			continue
		}
		subject := t
		if cueFolded[i] {
			subject = lower
		}
		if cueHead[i] && len(subject) > headBytes {
			cut := headBytes
			for cut > 0 && !utf8.RuneStart(subject[cut]) {
				cut--
			}
			subject = subject[:cut]
		}
		if !p.re.MatchString(subject) {
			continue
		}
		if p.kind == app.BoilerCredit && bodyLike(l) {
			continue // a sentence that happens to end in brackets
		}
		if p.maxWords == 0 || l.words <= p.maxWords {
			return cue{kind: p.kind, strong: true}
		}
		if weak.kind == "" {
			weak = cue{kind: p.kind}
		}
	}
	if weak.kind != "" {
		return weak
	}
	if isShareRow(t) {
		return cue{kind: app.BoilerShare, strong: true}
	}
	return cue{}
}

// topLevelBar reports whether a pattern has an alternation outside groups.
func topLevelBar(src string) bool {
	depth := 0
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			depth--
		case '|':
			if depth == 0 {
				return true
			}
		}
	}
	return false
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

var (
	reCreditWords = regexp.MustCompile(`(?i)\b(?:photos?|images?|pictures?|credit|getty|file|via)\b`)
	reAcronym     = regexp.MustCompile(`^\p{Lu}{2,6}$`)
)

// creditBracket reports whether a line ends with a bracketed photo credit:
// "(Reuters)", "(Photo: Jane Doe/Outlet)", "(LPA)", "(Army photo by ...)".
func creditBracket(t string) bool {
	t = strings.TrimRightFunc(t, unicode.IsSpace)
	if !strings.HasSuffix(t, ")") {
		return false
	}
	open := strings.LastIndexByte(t, '(')
	if open < 0 {
		return false
	}
	inner := strings.TrimSpace(t[open+1 : len(t)-1])
	if inner == "" || strings.ContainsAny(inner, "()") {
		return false
	}
	return agencyName(inner) != "" || reAcronym.MatchString(inner) || reCreditWords.MatchString(inner)
}

func isShareRow(t string) bool {
	if n := countWords(t); n < 1 || n > 10 {
		return false
	}
	f := strings.FieldsFunc(strings.ToLower(t), func(r rune) bool {
		return !unicode.IsLetter(r)
	})
	if len(f) < 2 || len(f) > 10 {
		return false
	}
	for _, w := range f {
		if !shareWords[w] {
			return false
		}
	}
	return true
}

// sectionKind reports whether boilerplate of kind k opens a section that
// runs on over the following blocks (as opposed to a single line).
func sectionKind(k app.BoilerplateKind) bool {
	switch k {
	case app.BoilerComments, app.BoilerRelated, app.BoilerNewsletter, app.BoilerDonation, app.BoilerFooter:
		return true
	}
	return false
}

// isSectionLabel reports whether t is a short ALL-CAPS label such as
// "IRAQ WARS" that heads a teaser.
func isSectionLabel(t string) bool {
	if countWords(t) > 5 {
		return false
	}
	letters := 0
	for _, r := range t {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsLetter(r):
			letters++
		}
	}
	return letters >= 3
}

// reAppeal matches the voice of a site talking to its readers.
var reAppeal = regexp.MustCompile(`(?i)^(?:our|we|we're|we've|if you|please|thank|thanks|you|your)\b|\b(?:our (?:news|journalism|reporting|coverage|work|sites?|readers|team)|your support|support us)\b`)

// markBoilerplate sets the boilerplate kind of every line. Lines in the
// header get line-level marks only. After the first body line a strong cue
// of a section kind (comments, related links, newsletter, donation, footer)
// opens a section that continues over following blocks while they look like
// more of the same; reader comments run to the end of the text.
func (a *analysis) markBoilerplate() {
	for _, i := range a.masthead {
		a.kind[i] = app.BoilerMasthead
	}
	// block facts
	nblocks := 0
	for i := range a.lines {
		if b := a.lines[i].block; b+1 > nblocks {
			nblocks = b + 1
		}
	}
	strongKind := make([]app.BoilerplateKind, nblocks) // first strong cue's kind per block
	hasBody := make([]bool, nblocks)
	for i := range a.lines {
		l := &a.lines[i]
		if l.blank() {
			continue
		}
		if i >= a.firstBody && isSectionLabel(l.t) {
			if j := a.nextNonBlank(i); j >= 0 && a.lines[j].block == l.block && !a.cues[i].strong {
				a.cues[i] = cue{kind: app.BoilerRelated, strong: true}
			}
		}
		if a.cues[i].strong && strongKind[l.block] == "" {
			strongKind[l.block] = a.cues[i].kind
		}
		if bodyLike(l) && a.cues[i].kind == "" {
			hasBody[l.block] = true
		}
	}
	// near[i] is the kind of the nearest cue line in line i's block: the
	// preceding one, else the following one (two linear passes).
	near := make([]app.BoilerplateKind, len(a.lines))
	var last app.BoilerplateKind
	lastBlock := -1
	for i := range a.lines {
		b := a.lines[i].block
		if b < 0 {
			continue
		}
		if b != lastBlock {
			last, lastBlock = "", b
		}
		if a.cues[i].kind != "" {
			last = a.cues[i].kind
		}
		near[i] = last
	}
	last, lastBlock = "", -1
	for i := len(a.lines) - 1; i >= 0; i-- {
		b := a.lines[i].block
		if b < 0 {
			continue
		}
		if b != lastBlock {
			last, lastBlock = "", b
		}
		if a.cues[i].kind != "" {
			last = a.cues[i].kind
		}
		if near[i] == "" {
			near[i] = last
		}
	}
	kindNear := func(i int) app.BoilerplateKind {
		if near[i] != "" {
			return near[i]
		}
		return strongKind[a.lines[i].block]
	}

	var state app.BoilerplateKind
	stateBlock := -1 // the block where the current section opened
	open := func(k app.BoilerplateKind, b int) {
		if sectionKind(k) && k != state {
			state, stateBlock = k, b
		}
	}
	for i := range a.lines {
		l := &a.lines[i]
		if l.blank() || a.kind[i] != "" {
			continue
		}
		c := a.cues[i]
		if i < a.firstBody || i == a.title {
			if c.strong && i != a.title {
				a.kind[i] = c.kind
			}
			continue
		}
		b := l.block
		switch {
		case state == app.BoilerComments:
			// reader comments run to the end; only a clearly different
			// block (a strong cue of another section) changes the kind
			a.kind[i] = app.BoilerComments
			if c.strong && c.kind != app.BoilerComments && sectionKind(c.kind) {
				a.kind[i] = c.kind
				open(c.kind, b)
			}
		case c.strong || c.kind != "" && state != "":
			a.kind[i] = c.kind
			open(c.kind, b)
		case state != "":
			switch {
			case strongKind[b] != "" && !(bodyLike(l) && b == stateBlock):
				a.kind[i] = kindNear(i)
			case !bodyLike(l) && !hasBody[b]:
				a.kind[i] = state
			case (state == app.BoilerDonation || state == app.BoilerNewsletter) && reAppeal.MatchString(l.t):
				a.kind[i] = state
			default:
				state, stateBlock = "", -1 // the body resumes
			}
		case !bodyLike(l):
			// a short line leading into a section ("Thanks for being here;")
			if j := a.nextNonBlank(i); j == i+1 && a.lines[j].block == b && a.cues[j].strong && sectionKind(a.cues[j].kind) {
				a.kind[i] = a.cues[j].kind
			}
		}
	}
}
