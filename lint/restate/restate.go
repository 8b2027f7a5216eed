// Package restate ties a quantity stated in one unit early in an article to
// a later mention of the same thing in another unit ("The pipeline will run
// 1,200km ... the 1,200-mile pipeline"), so that the two can be judged like
// a conversion pair. It ties two mentions only on clear evidence, never by
// dimension alone:
//
//   - the later mention refers back: "the 30,000-acre blaze", "its density
//     of 11,000 per sq mile", "At 7,900ft, it is ...", "never known 120F heat";
//   - it has exactly one earlier mention of its dimension to refer to (or,
//     among several, exactly one whose sentence holds the later mention's
//     head noun);
//   - its head noun names what the earlier sentence talks about: the same
//     word or stem ("lake" / "Lake Orvan"), a word of the same kind ("blaze"
//     / "fire"), or a noun that refers back to whatever precedes it
//     ("structure", "haul", "cargo").
package restate

import (
	"bytes"
	"context"
	"sort"
	"strings"

	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/pairs"
	"github.com/unitlint/unitlint/lint/quantity"
)

// Relation says how a later mention refers back.
type Relation string

// Relations.
const (
	RelHeadNoun Relation = "head-noun" // "the 280-sq-mile lake" after "Lake Orvan covers 450 sq km"
	RelKindred  Relation = "kindred"   // "the 30,000-acre blaze" after "The fire has burned 12,000 hectares"
	RelAnaphor  Relation = "anaphor"   // "the 490ft structure" after "The viaduct stands 150 metres"
	RelAtIt     Relation = "at-it"     // "At 7,900ft, it is the deepest" after "The borehole is 2,400 metres deep"
)

// Tie is a later mention restating an earlier quantity.
type Tie struct {
	// Pair holds the earlier mention as A and the later one as B, judged
	// like a conversion pair; its Start and End span both mentions.
	pairs.Pair
	Relation Relation
	// Noun is the later mention's head noun ("lake").
	Noun string
}

// Analyzer finds the ties of a document; its result is []Tie.
var Analyzer = &lint.Analyzer{
	Name:     "restatements",
	Summary:  "ties a quantity to its later restatement in another unit",
	Doc:      "The restatements analyzer finds a later mention that refers back to an earlier quantity in another unit (\"the 1,200-mile pipeline\" after \"The pipeline will run 1,200km\").",
	Requires: []*lint.Analyzer{quantity.Analyzer, pairs.Analyzer, pairs.LocaleAnalyzer},
	Run: func(p *lint.Pass) (any, error) {
		qs, _ := p.ResultOf[quantity.Analyzer].([]quantity.Quantity)
		ps, _ := p.ResultOf[pairs.Analyzer].([]pairs.Pair)
		locale := p.ResultOf[pairs.LocaleAnalyzer].(func() pairs.Locale)
		return find(p.Context, pairs.NewFinder(p.Options), p.Doc.Text, qs, ps, locale)
	},
}

// Find returns the ties among the quantities qs of text, given the pairs
// already found (a quantity that is the conversion half of a pair is
// judged there, not here).
func Find(f *pairs.Finder, text []byte, qs []quantity.Quantity, ps []pairs.Pair) []Tie {
	out, _ := FindContext(context.Background(), f, text, qs, ps)
	return out
}

// checkEvery is how many quantities FindContext reads between looks at its
// context.
const checkEvery = 4096

// FindContext is Find that stops when ctx is done and returns its error.
func FindContext(ctx context.Context, f *pairs.Finder, text []byte, qs []quantity.Quantity, ps []pairs.Pair) ([]Tie, error) {
	return find(ctx, f, text, qs, ps, pairs.LazyLocale(text))
}

// find is FindContext with the document's locale (pairs.LazyLocale),
// shared with the pairs analyzer.
func find(ctx context.Context, f *pairs.Finder, text []byte, qs []quantity.Quantity, ps []pairs.Pair, locale func() pairs.Locale) ([]Tie, error) {
	if len(qs) < 2 {
		return nil, nil
	}
	// which quantities (by index) are a pair's A or B, found by start
	inPairA, inPairB := make([]bool, len(qs)), make([]bool, len(qs))
	var fromA, fromB int
	for k := range ps {
		p := &ps[k]
		mark(qs, inPairA, p.A.Start, &fromA)
		mark(qs, inPairB, p.B.Start, &fromB)
	}
	var out []Tie
	words := &sentenceWords{text: text, qs: qs}
	for j := range qs {
		if j%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		later := &qs[j]
		if later.Kind != quantity.Measure || later.Unit == nil || inPairB[j] || inPairA[j] {
			continue
		}
		ref, ok := referringForm(text, later)
		if !ok {
			continue
		}
		// the earlier mentions of the same dimension, in earlier sentences
		// (among the maxLookBack quantities before)
		sentStart := sentenceStart(text, later.HedgeStart)
		var cands []int
		for i := max(j-maxLookBack, 0); i < j; i++ {
			q := &qs[i]
			if q.Kind != quantity.Measure || q.Unit == nil || q.End > sentStart || inPairB[i] {
				continue
			}
			if sameDimension(q, later) {
				cands = append(cands, i)
			}
		}
		if len(cands) == 0 {
			continue
		}
		pick, rel := choose(cands, ref, words)
		if pick < 0 {
			continue
		}
		earlier := &qs[pick]
		if earlier.Unit.ID == later.Unit.ID {
			continue // the same unit: no conversion to check
		}
		p, ok := f.Relate(text, earlier, later, locale)
		if !ok {
			continue
		}
		out = append(out, Tie{Pair: p, Relation: rel, Noun: ref.noun})
	}
	return out, nil
}

// mark sets in[i] for the first quantity qs[i] (in text order) that
// starts at start, if any. from is where the previous search for the same
// half of a pair ended: the pairs come in text order, so the quantity is
// found by stepping forward from there; where a quantity before from
// starts at or after start (pairs out of order), by binary search.
func mark(qs []quantity.Quantity, in []bool, start int, from *int) {
	i := *from
	if i > 0 && qs[i-1].Start >= start {
		i = sort.Search(len(qs), func(i int) bool { return qs[i].Start >= start })
	}
	for i < len(qs) && qs[i].Start < start {
		i++
	}
	*from = i
	if i < len(qs) && qs[i].Start == start {
		in[i] = true
	}
}

// sameDimension reports whether two quantities measure the same thing
// (temperature readings and changes count as one).
func sameDimension(a, b *quantity.Quantity) bool {
	return a.Unit.Dim == b.Unit.Dim
}

// reference is how a later mention refers back.
type reference struct {
	noun string // head noun, lower-case ("" for the "At N, it" form)
	atIt bool
}

// determiners that make a following "N-unit noun" refer to something known
var determiners = [...]string{"the", "this", "that", "its", "their", "his", "her"}

// words before a bare "N-unit noun" that introduce a new thing, not a known one
var newThing = [...]string{"a", "an", "another", "one", "each", "every", "some", "any", "no", "of", "and", "or", "than"}

// referringForm reads whether the quantity is written as a reference back.
func referringForm(text []byte, q *quantity.Quantity) (reference, bool) {
	before := bytes.TrimRight(text[:q.HedgeStart], " \t\u00a0")
	prev := lastWord(before)
	// "At 7,900ft, it is ..." / "At 105ft, the statue ..."
	if strings.EqualFold(prev, "at") && atSentenceStart(before) {
		rest := bytes.TrimLeft(text[q.End:], " ")
		if bytes.HasPrefix(rest, []byte(",")) {
			w := firstWord(bytes.TrimLeft(rest[1:], " "))
			if w == "it" || w == "the" || w == "this" || w == "its" {
				noun := ""
				if w != "it" {
					noun = firstWord(bytes.TrimLeft(bytes.TrimLeft(rest[1:], " ")[len(w):], " "))
				}
				return reference{atIt: true, noun: noun}, true
			}
		}
		return reference{}, false
	}
	// "its density of 11,000 per sq mile"
	if strings.EqualFold(prev, "of") {
		b2 := bytes.TrimRight(before[:len(before)-2], " ")
		noun := lastWord(b2)
		b3 := bytes.TrimRight(b2[:len(b2)-len(noun)], " ")
		det := strings.ToLower(lastWord(b3))
		if noun != "" && in(det, determiners[:]) {
			return reference{noun: strings.ToLower(noun)}, true
		}
		return reference{}, false
	}
	// "the 30,000-acre blaze", "the 5 million cubic feet reservoir"
	noun := headNoun(text[q.End:])
	if noun == "" {
		return reference{}, false
	}
	det := strings.ToLower(prev)
	switch {
	case in(det, determiners[:]):
		return reference{noun: noun}, true
	case det == "" || in(det, newThing[:]) || isNumberWord(det):
		return reference{}, false
	}
	// no determiner: "never known 120F heat" — only a mass noun right
	// after a verb; a capitalised word before is a name, not a verb
	if isMassNoun(noun) && det == prev {
		return reference{noun: noun}, true
	}
	return reference{}, false
}

// maxLookBack bounds the earlier quantities a later mention may restate:
// the nearest maxLookBack quantities before it. A news article seldom holds
// as many in all; the bound keeps a long file (a day's copy in one file)
// linear, where looking back over the whole file for every mention was
// quadratic.
const maxLookBack = 256

// sentenceWords gives the lower-case words of the sentence holding each
// quantity, reading each sentence once: a quantity is a candidate for
// every later mention within maxLookBack. The candidates of one mention lie
// within maxLookBack quantities of each other, so a ring of that many
// slots holds them all.
type sentenceWords struct {
	text []byte
	qs   []quantity.Quantity
	ring [maxLookBack]struct {
		i     int // quantity index + 1; 0 for an empty slot
		words []string
	}
}

// of returns the words of quantity i's sentence.
func (w *sentenceWords) of(i int) []string {
	slot := &w.ring[i%maxLookBack]
	if slot.i != i+1 {
		slot.i, slot.words = i+1, lowerWords(sentence(w.text, w.qs[i].Start))
	}
	return slot.words
}

// choose picks the antecedent among candidates: the only one, or the only
// one whose sentence names the later mention's head noun.
func choose(cands []int, ref reference, words *sentenceWords) (int, Relation) {
	type hit struct {
		i   int
		rel Relation
	}
	var hits []hit
	for _, i := range cands {
		if rel, ok := names(words, i, ref); ok {
			hits = append(hits, hit{i, rel})
		}
	}
	switch {
	case len(cands) == 1 && len(hits) == 1:
		return hits[0].i, hits[0].rel
	case len(cands) == 1 && ref.atIt && ref.noun == "":
		return cands[0], RelAtIt
	case len(hits) == 1 && hits[0].rel != RelAnaphor:
		// several candidates: only a named head noun singles one out
		return hits[0].i, hits[0].rel
	}
	return -1, ""
}

// names reports whether the sentence of quantity i talks about what ref
// names.
func names(sw *sentenceWords, i int, ref reference) (Relation, bool) {
	if ref.noun == "" {
		return RelAtIt, ref.atIt
	}
	words := sw.of(i)
	stem := stemOf(ref.noun)
	for _, w := range words {
		if stemOf(w) == stem {
			if ref.atIt {
				return RelAtIt, true
			}
			return RelHeadNoun, true
		}
	}
	if g := kindOf(ref.noun); g != "" {
		for _, w := range words {
			if kindOf(w) == g {
				return RelKindred, true
			}
		}
	}
	if isAnaphor(ref.noun) {
		return RelAnaphor, true
	}
	return "", false
}
