package search_test

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/evidence-workbench/workbench/app/search"
)

// nameSet is one line of ../names/testdata/variants.txt.
type nameSet struct {
	Kind, Canonical string
	Aliases         []string
	Variants        []string
	Unreachable     map[string]bool
}

// loadVariants reads the names package's table of spellings.
func loadVariants(tb testing.TB) []nameSet {
	tb.Helper()
	var sets []nameSet
	for _, f := range readTable(tb, "variants.txt") {
		s := nameSet{Kind: f[0], Canonical: f[1], Unreachable: map[string]bool{}}
		for _, v := range f[2:] {
			if a, ok := strings.CutPrefix(v, "="); ok {
				s.Aliases = append(s.Aliases, a)
				continue
			}
			if u, ok := strings.CutPrefix(v, "~"); ok {
				v = u
				s.Unreachable[v] = true
			}
			s.Variants = append(s.Variants, v)
		}
		sets = append(sets, s)
	}
	return sets
}

func readTable(tb testing.TB, name string) [][]string {
	tb.Helper()
	f, err := os.Open(filepath.Join("..", "names", "testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var row []string
		for _, c := range strings.Split(line, "|") {
			row = append(row, strings.TrimSpace(c))
		}
		rows = append(rows, row)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return rows
}

// Building blocks of generated names: first names and syllables from
// Arabic, Kurdish and Persian names as English-language news spells them.
var (
	firstNames = strings.Fields(`Ahmed Mohammed Muhammad Ali Hassan Hussein Omar Abdullah Khalid Mahmoud
		Mustafa Ibrahim Yusuf Karim Jamal Kamal Saad Said Tariq Ziad Walid Nabil Faisal Hamid Majid Rashid
		Nasser Salim Adnan Haidar Jawad Reza Mehdi Hossein Mohsen Morteza Farhad Dara Azad Shirwan Rebwar
		Karwan Aso Hiwa Sherko Bakhtiar Nechirvan Fuad Qubad Qais Laith Muthanna Uday Qusay Sabah Falah
		Jabbar Abbas Salah Riyadh Bashir Hisham Yasin Anwar Suleiman Akram Fadhil Kadhim Sattar Wathiq
		Fatima Zainab Maryam Aisha Layla Noor Huda Rana Shirin Nasrin Parisa Hana Rozhan Avin Soraya`)
	consonants = strings.Fields("b d f h j k kh l m n q r s sh t th w y z gh dh b d h k l m n r s t")
	vowels     = strings.Fields("a a a i i u u e o ou ai ee aa")
	suffixes   = strings.Fields(`i awi ani ali ouri ari iri ashi iyah oun ein ini uri`)
	placeHead  = strings.Fields(`Tal Tell Jurf Ain Umm Abu Qasr Deir Kafr Bir Wadi Jabal Nahr Sheikh Khan`)
	placeTail  = strings.Fields(`iyah abad shahr an ein ah a o ar`)
	groups     = []string{"Islamic State", "the Popular Mobilization Forces", "the Iraqi army",
		"Kata'ib Hezbollah", "the Peshmerga", "the coalition", "the Joint Operations Command",
		"Asa'ib Ahl al-Haq", "tribal fighters", "the counter-terrorism service"}
	weekdays  = strings.Fields("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
	templates = []string{
		"%[1]s said %[3]d militants were killed near %[2]s on %[5]s.",
		"%[1]s announced that %[2]s had been retaken from %[4]s.",
		"Troops advanced %[3]d km towards %[2]s, according to %[1]s.",
		"About %[3]d families returned to %[2]s after %[4]s cleared the area.",
		"%[1]s, a spokesman for %[4]s, denied reports of civilian casualties in %[2]s.",
		"Air strikes hit %[3]d targets around %[2]s, %[4]s said on %[5]s.",
		"%[4]s took control of the road between %[2]s and the border, %[1]s told reporters.",
		"Residents of %[2]s said %[3]d people had fled since %[5]s, %[1]s reported.",
		"%[1]s accused %[4]s of shelling %[2]s, killing %[3]d civilians.",
		"The offensive on %[2]s will take %[3]d days, %[1]s predicted.",
	}
)

// generator makes realistic, reproducible palette data.
type generator struct{ r *rand.Rand }

func newGenerator() *generator { return &generator{rand.New(rand.NewPCG(2017, 11))} }

func (g *generator) pick(list []string) string { return list[g.r.IntN(len(list))] }

// syllable is a consonant, a vowel and sometimes a closing consonant.
func (g *generator) syllable() string {
	s := g.pick(consonants) + g.pick(vowels)
	if g.r.IntN(3) == 0 {
		s += g.pick(consonants)
	}
	return s
}

func (g *generator) surname() string {
	var b strings.Builder
	for n := 1 + g.r.IntN(2); n > 0; n-- {
		b.WriteString(g.syllable())
	}
	b.WriteString(g.pick(suffixes))
	s := b.String()
	s = strings.ToUpper(s[:1]) + s[1:]
	switch g.r.IntN(4) {
	case 0:
		return "al-" + s
	case 1:
		return "Al " + s
	}
	return s
}

func (g *generator) person() string {
	switch g.r.IntN(5) {
	case 0:
		return g.pick(firstNames) + " " + g.pick(firstNames) + " " + g.surname()
	case 1:
		return "Abu " + g.pick(firstNames) + " " + g.surname()
	}
	return g.pick(firstNames) + " " + g.surname()
}

func (g *generator) place() string {
	var b strings.Builder
	for n := 2 + g.r.IntN(2); n > 0; n-- {
		b.WriteString(g.syllable())
	}
	b.WriteString(g.pick(placeTail))
	s := b.String()
	s = strings.ToUpper(s[:1]) + s[1:]
	if g.r.IntN(3) == 0 {
		return g.pick(placeHead) + " " + s
	}
	return s
}

// respell makes another romanisation of a name: vowels and doubled letters
// change, articles and apostrophes come and go.
func (g *generator) respell(s string) string {
	repl := [][2]string{{"ou", "u"}, {"u", "ou"}, {"ei", "ay"}, {"ai", "ay"}, {"i", "ee"}, {"e", "i"},
		{"ss", "s"}, {"al-", "Al "}, {"Al ", "al-"}, {"a", "a'"}, {"ll", "l"}, {"q", "k"}}
	for n := 1 + g.r.IntN(2); n > 0; n-- {
		p := repl[g.r.IntN(len(repl))]
		s = strings.Replace(s, p[0], p[1], 1)
	}
	return s
}

// benchItems returns n entity names and aliases (the real names from
// testdata among them) and n claim statements.
func benchItems(tb testing.TB, n int) []search.Item {
	tb.Helper()
	g := newGenerator()
	items := make([]search.Item, 0, 2*n)
	var real []string
	for _, s := range loadVariants(tb) {
		real = append(real, s.Canonical)
		items = append(items, search.Item{Kind: search.KindEntity, ID: "real:" + s.Canonical, Text: s.Canonical})
		for _, a := range s.Aliases {
			items = append(items, search.Item{Kind: search.KindEntity, ID: "real:" + s.Canonical, Text: a, Parent: s.Canonical})
		}
	}
	var people, places []string
	for id := 0; len(items) < n; id++ {
		var name string
		if g.r.IntN(3) == 0 {
			name = g.place()
			places = append(places, name)
		} else {
			name = g.person()
			people = append(people, name)
		}
		eid := fmt.Sprintf("e%d", id)
		items = append(items, search.Item{Kind: search.KindEntity, ID: eid, Text: name})
		if g.r.IntN(3) == 0 && len(items) < n {
			items = append(items, search.Item{Kind: search.KindEntity, ID: eid, Text: g.respell(name), Parent: name})
		}
	}
	for id := 0; id < n; id++ {
		person, place := g.pick(people), g.pick(places)
		if g.r.IntN(4) == 0 {
			person, place = g.pick(real), g.pick(real)
		}
		text := fmt.Sprintf(g.pick(templates), person, place, 2+g.r.IntN(2000), g.pick(groups), g.pick(weekdays))
		items = append(items, search.Item{Kind: search.KindClaim, ID: fmt.Sprintf("c%d", id), Text: text, Parent: "a" + fmt.Sprint(id%500)})
	}
	return items
}
