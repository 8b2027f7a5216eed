// Package pairs finds conversion pairs in prose: two quantities of one
// dimension written as a conversion of one another ("A (B)", "A or B",
// "(A or B)", "A – or B –", "A, or B,", "A — roughly B —", "A = B",
// "A (B; C)", "a 10-mile (16km) stretch"), and turns each into a
// judge.Pair with the house style and the temperature cues of its context.
package pairs

import (
	"bytes"
	"context"
	"slices"
	"strings"

	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/judge"
	"github.com/unitlint/unitlint/lint/quantity"
	"github.com/unitlint/unitlint/lint/units"
)

// Shape is how a pair is written.
type Shape string

// Pair shapes.
const (
	ShapeParen  Shape = "paren"  // A (B)
	ShapeOr     Shape = "or"     // A or B, A, or B, A – or B –, (A or B)
	ShapeDash   Shape = "dash"   // A — roughly B —
	ShapeEquals Shape = "equals" // A = B
	ShapeSlash  Shape = "slash"  // A/B
	// ShapeRestated: a later mention restating an earlier quantity in
	// another unit (package restate).
	ShapeRestated Shape = "restated"
)

// Pair is one conversion pair found in a document's text.
type Pair struct {
	// A and B are the two quantities, shared with the quantities
	// analyzer's result (read-only).
	A, B  *quantity.Quantity
	Shape Shape
	// Start and End span the pair in the document text, from A's start to
	// B's end.
	Start, End int
	// Judge is the pair as the judge reads it: operands with house-style
	// alternatives and the temperature cue.
	Judge judge.Pair
	// Locale is the copy's locale as read from its spelling.
	Locale Locale
}

// Finder finds pairs. It is immutable and safe for concurrent use.
type Finder struct {
	scanner *quantity.Scanner
	gallon  lint.GallonStyle
	ton     lint.TonStyle
}

// DefaultCatalogue returns the shared unit catalogue.
func DefaultCatalogue() *units.Catalogue { return units.Default() }

// NewFinder returns a finder for the house style and number locale in
// opts.
func NewFinder(opts *lint.Options) *Finder {
	if opts == nil {
		opts = &lint.Options{}
	}
	return &Finder{
		scanner: quantity.NewScannerLocale(units.Default(), opts.NumberLocale),
		gallon:  opts.Gallon,
		ton:     opts.Ton,
	}
}

// Catalogue returns the finder's unit catalogue.
func (f *Finder) Catalogue() *units.Catalogue { return f.scanner.Catalogue() }

// Analyzer finds the pairs of a document; its result is []Pair.
var Analyzer = &lint.Analyzer{
	Name:     "pairs",
	Summary:  "finds conversion pairs (a quantity and its conversion) in prose",
	Doc:      "The pairs analyzer reads every quantity of the document and joins two of them into a pair where they are written as a conversion of one another. Rules judge the pairs it finds.",
	Requires: []*lint.Analyzer{quantity.Analyzer, LocaleAnalyzer},
	Run: func(p *lint.Pass) (any, error) {
		qs, _ := p.ResultOf[quantity.Analyzer].([]quantity.Quantity)
		locale := p.ResultOf[LocaleAnalyzer].(func() Locale)
		return NewFinder(p.Options).find(p.Context, p.Doc.Text, qs, locale)
	},
}

// LocaleAnalyzer reads the copy's locale from its spelling the first time
// it is asked; its result is the func() Locale that asks (LazyLocale), so
// that the analyzers of one document share one reading.
var LocaleAnalyzer = &lint.Analyzer{
	Name:    "locale",
	Summary: "reads the copy's variety of English from its spelling, once, when asked",
	Doc:     "The locale analyzer reads whether copy is British or American from its spelling (\"litre\" or \"liter\", \"tyre\", \"U.S.\"), which decides what a bare \"gallon\" or \"ton\" means. Most documents never need it: it reads the text only when first asked.",
	Run: func(p *lint.Pass) (any, error) {
		return LazyLocale(p.Doc.Text), nil
	},
}

// Find returns the pairs in text, in order.
func (f *Finder) Find(text []byte) []Pair {
	return f.FindIn(text, f.scanner.Scan(text))
}

// FindIn returns the pairs among the quantities qs found in text.
func (f *Finder) FindIn(text []byte, qs []quantity.Quantity) []Pair {
	out, _ := f.FindInContext(context.Background(), text, qs)
	return out
}

// checkEvery is how many quantities FindInContext reads between looks at
// its context.
const checkEvery = 4096

// FindInContext is FindIn that stops when ctx is done and returns its
// error.
func (f *Finder) FindInContext(ctx context.Context, text []byte, qs []quantity.Quantity) ([]Pair, error) {
	return f.find(ctx, text, qs, LazyLocale(text))
}

// find is FindInContext with the document's locale (LazyLocale).
func (f *Finder) find(ctx context.Context, text []byte, qs []quantity.Quantity, locale func() Locale) ([]Pair, error) {
	if len(qs) < 2 {
		return nil, nil
	}
	// B is taken by its pair, so pairs rarely outnumber half the
	// quantities; sizing for that spares copying the large Pair values
	out := make([]Pair, 0, len(qs)/2+1)
	d := &document{text: text, locale: locale}
	// the operands' texts, cut from one string: sized for every quantity
	// once, it seldom grows
	n := 0
	for i := range qs {
		n += qs[i].End - qs[i].Start
	}
	d.texts.Grow(n)
	clauseFloor, nextCheck := 0, 0
	for i := 0; i+1 < len(qs); i++ {
		if i >= nextCheck {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			nextCheck = i + checkEvery
		}
		a, b := &qs[i], &qs[i+1]
		shape, ok := joined(text, a, b)
		if !ok {
			continue
		}
		var p *Pair
		if out, p = nextSlot(out); !f.makePair(d, p, a, b, shape, clauseFloor) {
			continue
		}
		out = out[:len(out)+1]
		clauseFloor = b.End
		next := i + 2 // B is taken: it cannot start the next pair
		// "A (B; C)": one quantity, a second conversion
		for k := i + 2; k < len(qs) && semicolonNext(text, &qs[k-1], &qs[k]); k++ {
			if out, p = nextSlot(out); f.makePair(d, p, a, &qs[k], ShapeParen, clauseFloor) {
				out = out[:len(out)+1]
				clauseFloor = qs[k].End
			}
			next = k + 1
		}
		i = next - 1
	}
	return out, nil
}

// nextSlot returns out, grown where it is full, and the slot past its
// end: makePair builds a pair there, in place of copying it in, and out
// takes it by reslicing. The slot is zero (out's spare capacity is only
// written by makePair, which writes nothing when it fails), as makePair
// needs.
func nextSlot(out []Pair) ([]Pair, *Pair) {
	out = slices.Grow(out, 1)
	return out, &out[:len(out)+1][len(out)]
}

// Relate builds the pair of an earlier quantity a and a later mention b
// that restates it in another unit of the same dimension; the temperature
// cue reads the words before a and after b. locale is the document's
// (LazyLocale), shared by every pair of it.
func (f *Finder) Relate(text []byte, a, b *quantity.Quantity, locale func() Locale) (Pair, bool) {
	var p Pair
	ok := f.makePair(&document{text: text, locale: locale}, &p, a, b, ShapeRestated, 0)
	return p, ok
}

// document is what the pairs of one document share: its text and locale,
// the generic families resolved under that locale (so the operands of
// one family share their Alt slice), and the string the operands' texts
// are cut from.
type document struct {
	text     []byte
	locale   func() Locale
	generics []generic
	texts    strings.Builder
}

// generic is a generic family ("gallon") as resolveGeneric reads it in
// one document.
type generic struct {
	family string
	unit   *units.Unit
	alt    []*units.Unit
}

// resolve is resolveGeneric for the document, once per family.
func (d *document) resolve(f *Finder, family string) (*units.Unit, []*units.Unit) {
	for _, g := range d.generics {
		if g.family == family {
			return g.unit, g.alt
		}
	}
	u, alt := f.resolveGeneric(family, d.locale)
	d.generics = append(d.generics, generic{family: family, unit: u, alt: alt})
	return u, alt
}

// cut returns text[start:end] as a string, cut from the one the
// document's operand texts share: written after them, it leaves the
// strings already cut unchanged.
func (d *document) cut(start, end int) string {
	d.texts.Write(d.text[start:end])
	s := d.texts.String()
	return s[len(s)-(end-start):]
}

// LazyLocale returns a function that detects the copy's locale the first
// time it is asked: most documents never need it.
func LazyLocale(text []byte) func() Locale {
	var loc *Locale
	return func() Locale {
		if loc == nil {
			l := DetectLocale(text)
			loc = &l
		}
		return *loc
	}
}

// makePair checks two quantities can be a conversion of one another and
// builds the pair in p, which must be the zero Pair (a fresh slot): it
// sets only the fields the pair has, sparing a copy of the whole value
// and the write barriers on its pointers. p is left as it was when they
// cannot be a pair.
func (f *Finder) makePair(d *document, p *Pair, a, b *quantity.Quantity, shape Shape, clauseFloor int) bool {
	if a.Kind != quantity.Measure || b.Kind != quantity.Measure {
		return false
	}
	ua, ub := a.Unit, b.Unit
	cat := f.Catalogue()
	// a bare "degrees" takes the other scale from the other side
	switch {
	case a.BareDegrees && b.BareDegrees:
		return false
	case a.BareDegrees:
		ua = otherScale(cat, ub)
	case b.BareDegrees:
		ub = otherScale(cat, ua)
	}
	if ua == nil || ub == nil {
		return false
	}
	// "100ml (3.4oz)": oz beside a volume is a fluid ounce; "955 millibars
	// (28.2 inches)": inches beside a pressure are inches of mercury.
	ua, ub = reinterpret(cat, ua, ub), reinterpret(cat, ub, ua)
	if ua == ub && !a.BareDegrees && !b.BareDegrees {
		return false // "5km or 10km": a choice, not a conversion
	}
	if ua.Dim != ub.Dim {
		// units of two dimensions only where the shape is unmistakable
		if shape != ShapeParen || ua.System == ub.System || isTemperature(ua) || isTemperature(ub) {
			return false
		}
	}
	p.A, p.B, p.Shape, p.Start, p.End = a, b, shape, a.Start, b.End
	d.texts.Grow(a.End - a.Start + b.End - b.Start)
	f.operand(d, &p.Judge.A, a, ua)
	f.operand(d, &p.Judge.B, b, ub)
	if isTemperature(ua) {
		p.Judge.Temp = TemperatureCue(d.text, a, b, clauseFloor)
	}
	if a.Spelling != nil && a.Spelling.Generic || b.Spelling != nil && b.Spelling.Generic {
		p.Locale = d.locale()
	}
	return true
}

// operand builds the judge's view of a quantity in op, which must be the
// zero Operand (makePair's p is zero).
func (f *Finder) operand(d *document, op *judge.Operand, q *quantity.Quantity, u *units.Unit) {
	op.Amounts, op.Unit, op.Major, op.Hedge, op.Numbers = q.Amounts, u, q.Major, q.Hedge, q.Numbers
	op.UnitStart, op.UnitEnd = q.UnitStart, q.UnitEnd
	op.Text = d.cut(q.Start, q.End)
	// the unit lies inside the quantity: its text shares the one copy
	if q.Start <= q.UnitStart && q.UnitStart <= q.UnitEnd && q.UnitEnd <= q.End {
		op.UnitText = op.Text[q.UnitStart-q.Start : q.UnitEnd-q.Start]
	} else {
		op.UnitText = d.cut(q.UnitStart, q.UnitEnd)
	}
	if q.Spelling != nil && q.Spelling.Generic && u == q.Spelling.Unit {
		op.Unit, op.Alt = d.resolve(f, q.Spelling.Family)
	}
}

// isTemperature reports whether u is a temperature reading or change unit.
func isTemperature(u *units.Unit) bool {
	return u.Dim == units.Temperature || u.Dim == units.TemperatureChange
}

// otherScale returns the temperature scale opposite to u: a bare
// "degrees" beside Celsius is Fahrenheit, and the other way round.
func otherScale(cat *units.Catalogue, u *units.Unit) *units.Unit {
	if u == nil || u.Dim != units.Temperature {
		return nil
	}
	if u.System == units.Metric {
		return cat.Unit("degF")
	}
	return cat.Unit("degC")
}

// reinterpret reads a unit the way its partner says it must be meant.
func reinterpret(cat *units.Catalogue, u, partner *units.Unit) *units.Unit {
	switch {
	case u.ID == "oz" && partner.Dim == units.Volume:
		if fam := cat.Family("floz"); len(fam) > 0 {
			return fam[0]
		}
	case u.ID == "in" && partner.Dim == units.Pressure:
		if v := cat.Unit("inHg"); v != nil {
			return v
		}
	}
	return u
}

// joined reports whether the text between a and b joins them as a
// conversion, and how: not when a paragraph ends between them.
func joined(text []byte, a, b *quantity.Quantity) (Shape, bool) {
	if b.HedgeStart < a.End {
		return "", false
	}
	mid := text[a.End:b.HedgeStart]
	// the text between most quantities is long and joins nothing: the
	// paragraph ends are looked for only where it does
	shape, ok := joinedBy(mid, text[b.End:], a, b)
	if !ok || blankLine(mid) {
		return "", false
	}
	return shape, true
}

// joinedBy reports whether mid, the text between a and b, joins them as
// a conversion, and how; after is the text after b.
func joinedBy(mid, after []byte, a, b *quantity.Quantity) (Shape, bool) {
	// an adjective glued to A: "320m-high (1,050ft)"
	mid = trimAdjectiveSuffix(mid)
	t := trimSpace(mid)
	// every joiner ends in one of these bytes: "(", "or", "=", "/", an
	// en or em dash, "--"; the text between most quantities is prose
	if len(t) == 0 {
		return "", false
	}
	switch t[len(t)-1] {
	case '(', 'r', '=', '/', 0x93, 0x94, '-':
	default:
		return "", false
	}
	switch {
	case string(t) == "(":
		if closesBracket(after) {
			return ShapeParen, true
		}
	case isOrJoiner(t):
		return ShapeOr, true
	case string(t) == "=" || string(t) == "/" && len(mid) == 1:
		if string(t) == "=" {
			return ShapeEquals, true
		}
		if a.Unit != nil && b.Unit != nil && a.Unit.System != b.Unit.System {
			return ShapeSlash, true
		}
	case isDash(t):
		if isDash(leadingToken(after)) {
			return ShapeDash, true
		}
	}
	return "", false
}

// semicolonNext reports whether c follows prev as "; C" inside a bracket:
// "(1.9 billion gallons; 254 million cubic feet)".
func semicolonNext(text []byte, prev, c *quantity.Quantity) bool {
	if c.HedgeStart < prev.End {
		return false
	}
	t := trimSpace(text[prev.End:c.HedgeStart])
	return string(t) == ";" && closesBracket(text[c.End:])
}

// closesBracket reports whether the text after a bracketed quantity ends
// the bracket: ")" or ";" or "," (possibly after one word: "100ft across)").
func closesBracket(after []byte) bool {
	t := trimLeftSpace(after)
	if len(t) == 0 {
		return false
	}
	switch t[0] {
	case ')', ';', ',', ']':
		return true
	}
	// one word, then the bracket
	k := 0
	for k < len(t) && isLetter(t[k]) {
		k++
	}
	if k == 0 {
		return false
	}
	t = trimLeftSpace(t[k:])
	return len(t) > 0 && t[0] == ')'
}

// isOrJoiner matches "or", ", or", "– or", "— or", "deep, or" (one
// adjective between A and the joiner).
func isOrJoiner(t []byte) bool {
	if !bytes.HasSuffix(t, []byte("or")) {
		return false
	}
	rest := trimSpace(t[:len(t)-2])
	if len(t) > 2 && isLetter(t[len(t)-3]) {
		return false
	}
	rest = bytes.TrimSuffix(rest, []byte(","))
	rest = trimSpace(rest)
	for _, d := range [...]string{"\u2013", "\u2014", "-"} {
		rest = bytes.TrimSuffix(rest, []byte(d))
	}
	rest = trimSpace(rest)
	rest = bytes.TrimSuffix(rest, []byte(","))
	rest = trimSpace(rest)
	if len(rest) == 0 {
		return true
	}
	// one adjective: "7 feet deep, or about 2 meters"
	for _, c := range rest {
		if !isLetter(c) {
			return false
		}
	}
	return len(rest) <= 12
}

// adjective suffixes glued to a hyphenated quantity
var adjectiveSuffixes = [...]string{"-high", "-long", "-wide", "-deep", "-tall", "-thick", "-plus"}

func trimAdjectiveSuffix(mid []byte) []byte {
	if len(mid) == 0 || mid[0] != '-' { // each suffix begins with "-"
		return mid
	}
	for _, s := range adjectiveSuffixes {
		if bytes.HasPrefix(mid, []byte(s)) {
			return mid[len(s):]
		}
	}
	return mid
}

// blankLine reports whether b holds a blank line (two line ends with only
// spaces between).
func blankLine(b []byte) bool {
	ends := 0
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '\n':
			ends++
			if ends == 2 {
				return true
			}
		case '\r':
			ends++
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
			if ends == 2 {
				return true
			}
		case ' ', '\t':
		default:
			ends = 0
		}
	}
	return false
}

func isDash(t []byte) bool {
	switch string(t) {
	case "\u2014", "\u2013", "--":
		return true
	}
	return false
}

// leadingToken returns the first non-space token (a dash or a bracket).
func leadingToken(b []byte) []byte {
	t := trimLeftSpace(b)
	for _, d := range [...]string{"\u2014", "\u2013", "--"} {
		if bytes.HasPrefix(t, []byte(d)) {
			return t[:len(d)]
		}
	}
	return nil
}

func isLetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

// isSpaceAt returns the width of a space rune at the start of b, or 0.
func isSpaceAt(b []byte) int {
	switch {
	case len(b) == 0:
		return 0
	case b[0] == ' ' || b[0] == '\t' || b[0] == '\n' || b[0] == '\r':
		return 1
	case len(b) >= 2 && b[0] == 0xC2 && b[1] == 0xA0:
		return 2
	case len(b) >= 3 && b[0] == 0xE2 && b[1] == 0x80 && (b[2] == 0x89 || b[2] == 0xAF || b[2] == 0x8A):
		return 3
	}
	return 0
}

func trimLeftSpace(b []byte) []byte {
	for {
		w := isSpaceAt(b)
		if w == 0 {
			return b
		}
		b = b[w:]
	}
}

func trimSpace(b []byte) []byte {
	b = trimLeftSpace(b)
	for len(b) > 0 {
		switch {
		case b[len(b)-1] == ' ' || b[len(b)-1] == '\t' || b[len(b)-1] == '\n' || b[len(b)-1] == '\r':
			b = b[:len(b)-1]
		case len(b) >= 2 && b[len(b)-2] == 0xC2 && b[len(b)-1] == 0xA0:
			b = b[:len(b)-2]
		case len(b) >= 3 && b[len(b)-3] == 0xE2 && b[len(b)-2] == 0x80 && (b[len(b)-1] == 0x89 || b[len(b)-1] == 0xAF || b[len(b)-1] == 0x8A):
			b = b[:len(b)-3]
		default:
			return b
		}
	}
	return b
}
