package quantity

import (
	"context"
	"math/big"
	"unicode"
	"unicode/utf8"

	"github.com/unitlint/unitlint/lint/judge"
	"github.com/unitlint/unitlint/lint/numeral"
	"github.com/unitlint/unitlint/lint/units"
)

// Scanner finds quantities. It is immutable and safe for concurrent use.
type Scanner struct {
	cat    *units.Catalogue
	locale numeral.Locale
}

// NewScanner returns a scanner that reads units from cat and numbers in
// the English locale.
func NewScanner(cat *units.Catalogue) *Scanner {
	return &Scanner{cat: cat, locale: numeral.English}
}

// NewScannerLocale returns a scanner for a number locale.
func NewScannerLocale(cat *units.Catalogue, loc numeral.Locale) *Scanner {
	return &Scanner{cat: cat, locale: loc}
}

// Catalogue returns the scanner's unit catalogue.
func (s *Scanner) Catalogue() *units.Catalogue { return s.cat }

// numberWords are the words a spelled number starts with.
var numberWords = [...]string{
	"a", "an", "half", "quarter", "one", "two", "three", "four", "five", "six", "seven",
	"eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
	"seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty",
	"seventy", "eighty", "ninety",
}

// maxNumberWord is the length of the longest number word.
const maxNumberWord = len("seventeen")

// isNumberWord reports whether the ASCII word w is one of numberWords,
// in any case.
func isNumberWord(w []byte) bool {
	if len(w) > maxNumberWord {
		return false
	}
	var buf [maxNumberWord]byte
	for i, c := range w {
		buf[i] = c | 0x20
	}
	switch string(buf[:len(w)]) {
	case "a", "an", "half", "quarter":
		return true
	}
	return cardinalOf(string(buf[:len(w)])) != 0
}

// Scan returns the quantities in text, in order, not overlapping.
func (s *Scanner) Scan(text []byte) []Quantity {
	out, _ := s.ScanContext(context.Background(), text)
	return out
}

// scanChunk is how many bytes ScanContext scans between looks at its
// context: a few milliseconds of work.
const scanChunk = 256 << 10

// ScanContext is Scan that stops when ctx is done and returns its error,
// so that cancelling the lint of a file of hundreds of megabytes takes
// effect within milliseconds.
func (s *Scanner) ScanContext(ctx context.Context, text []byte) ([]Quantity, error) {
	var out []Quantity
	var sc scratch
	for i := 0; i < len(text); {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		out, i = s.scan(text, i, min(i+scanChunk, len(text)), out, &sc)
	}
	return out, nil
}

// reserve returns out, made with room for the quantities news copy of
// textLen bytes usually holds (one every few hundred bytes) when it is
// still nil: the first quantity sizes the slice, so prose with none
// allocates nothing.
func reserve(out []Quantity, textLen int) []Quantity {
	if out == nil {
		return make([]Quantity, 0, textLen/256+1)
	}
	return out
}

// appendQuantity appends q to out, keeping quantities apart: a hedge of q
// that reaches back into the quantity before it is dropped (in "5 C. 3C"
// the "C." is the first quantity's unit, not "circa"), and so is q itself
// when its own text does (in "5C$3" the C is a unit or a currency, not
// both: the first reading stands).
func appendQuantity(out []Quantity, q Quantity) []Quantity {
	n := len(out)
	if n == 0 || q.HedgeStart >= out[n-1].End {
		return append(out, q)
	}
	if q.Start < out[n-1].End {
		return out
	}
	q.Hedge, q.HedgeStart = judge.HedgeNone, q.Start
	return append(out, q)
}

// followStarts marks the bytes other than the first byte of a unit
// spelling (units.Catalogue.MayStart) that may follow the digits of a
// quantity: a space (ASCII, or the lead byte of a no-break or thin one), a
// hyphen or en dash (a range, "10-mile", "-degree"), "%", the first letter
// of a glued scale word ("3m", "1.5bn"). After any other byte the number
// is no quantity.
var followStarts = func() (t [256]bool) {
	for _, c := range []byte(" \t\r\n\xc2\xe2-%") {
		t[c] = true
	}
	for _, sw := range scaleWords {
		t[sw.word[0]] = true
		t[sw.word[0]-'a'+'A'] = true
	}
	return t
}()

// mayFollow reports whether the byte c after a number's digits may begin
// what makes it a quantity: a unit, a scale, a currency, a range.
func (s *Scanner) mayFollow(c byte) bool { return followStarts[c] || s.cat.MayStart(c) }

// follow is what comes after a number's digits (or its scale word) at
// j: the byte there, the width of the spaces there and the byte after
// them. Its tests tell, from a table lookup or two, that scaleWord,
// currencyScale, currencyAfter or rangeJoin would find nothing at j, so
// that numeric calls none of them after most numbers.
type follow struct {
	c    byte // text[j], 0 at the end of the text
	w    int  // spaceWidth(text, j)
	next byte // the byte after the spaces, 0 when there are none
}

// followAt reads what follows at j.
func followAt(text []byte, j int) follow {
	var f follow
	if j < len(text) {
		f.c = text[j]
	}
	f.w = spaceWidth(text, j)
	if f.w > 0 && j+f.w < len(text) {
		f.next = text[j+f.w]
	}
	return f
}

// mayScale reports whether scaleWord may find a scale word.
func (f follow) mayScale() bool {
	return scaleStarts[lower(f.c)] || f.w > 0 && spacedScales[lower(f.next)] != 0
}

// mayGluedScale reports whether currencyScale may find a scale word.
func (f follow) mayGluedScale() bool { return gluedScales[lower(f.c)] != 0 }

// mayCurrency reports whether currencyAfter may find a currency.
func (f follow) mayCurrency() bool { return f.w > 0 && currencyWordsAt[f.next] != 0 }

// mayRange reports whether rangeJoin may find what joins a range.
func (f follow) mayRange() bool {
	return f.c == '-' || f.c == 0xE2 || f.w > 0 && rangeWordStarts[f.next]
}

// afterLowerWord reports whether the number at i follows one ASCII space
// after a lower-case ASCII letter: then prevIsIdentifier and
// currencyBefore are false, and signBefore is unless the letter is "s" or
// "e" ("minus", "negative").
func afterLowerWord(text []byte, i int) bool {
	return i >= 2 && i <= len(text) && text[i-1] == ' ' && text[i-2]-'a' < 26
}

// numeric reads a quantity starting with a digit, a leading dot or a
// fraction glyph at i. It returns the end of what it consumed (at least
// the number token) and whether a quantity was found.
func (s *Scanner) numeric(text []byte, i int, sc *scratch) (Quantity, int, bool) {
	// a number glued to a letter or to "letter-" is an identifier: A1, F-35, COVID-19
	// after a space after a lower-case letter (the usual case) a number
	// is part of no identifier and has no currency code before it (a code
	// ends in a capital), and a sign only after "minus" or "negative"
	afterWord := afterLowerWord(text, i)
	if !afterWord && prevIsIdentifier(text, i) {
		return Quantity{}, skipNumberToken(text, i), false
	}
	var first number
	numEnd, ok := s.lexNumber(text, i, sc, &first)
	if !ok {
		return Quantity{}, skipNumberToken(text, i), false
	}
	start := i
	if !afterWord || text[i-2] == 's' || text[i-2] == 'e' {
		if neg, signStart := signBefore(text, i); neg {
			start = signStart
			first.neg = true
			first.sign = sc.text.of(text[signStart:i])
		}
	}
	if !afterWord || start != i {
		if sym, code, ok := currencyBefore(text, start); ok {
			return s.currency(text, start-len(sym), &first, numEnd, code, sc)
		}
	}
	j := numEnd
	// most stray numbers ("(42)", "in 2019.") end here
	if j >= len(text) || !s.mayFollow(text[j]) {
		return Quantity{}, j, false
	}
	// a percentage or a per-cent figure is no quantity
	if text[j] == '%' {
		return Quantity{}, j + 1, false
	}
	f := followAt(text, j)
	var scale *big.Rat
	scaleEnd := j
	if f.mayScale() {
		scale, scaleEnd = s.scaleWord(text, j)
	}
	if scale == nil && f.mayGluedScale() {
		scale, scaleEnd = currencyScale(text, j)
		if scale != nil {
			if _, _, ok := currencyAfter(text, scaleEnd); !ok {
				scale, scaleEnd = nil, j
			}
		}
	}
	if scale != nil {
		first.scale = scale
		j = scaleEnd
		f = followAt(text, j)
	}
	// "10bn yuan", "500 euros", "5m USD"
	if f.mayCurrency() {
		if code, end, ok := currencyAfter(text, j); ok {
			first.resolve(text, sc)
			q := Quantity{Kind: Currency, Start: start, End: end, Symbol: code}
			q.Numbers = sc.numberTexts(&first)
			q.Amounts = sc.amounts.take(first.amount())
			s.finish(text, &q)
			return q, end, true
		}
	}
	// range or dimensions: "5-10km", "5 to 10 miles", "between 5 and 10", "12 by 16 feet"
	if f.mayRange() {
		if k, dims, joined := rangeJoin(text, j, start); joined {
			var second number
			if end2, ok := s.rangeEnd(text, k, sc, &second); ok {
				// (resolved before the unit is read: a glued glyph makes the
				// second number spelled, and ambiguousOK asks)
				first.resolve(text, sc)
				second.resolve(text, sc)
				u, uStart, uEnd, hyph, ok := s.unitAfter(text, end2, &second)
				if !ok {
					return Quantity{}, end2, false
				}
				q := Quantity{Kind: Measure, Start: start, Range: !dims, Dimensions: dims, End: uEnd}
				q.setUnit(u, uStart, uEnd, hyph)
				q.Numbers = sc.numberTexts(&first, &second)
				q.Amounts = sc.amounts.take(first.amount(), second.amount())
				s.finish(text, &q)
				return q, q.End, true
			}
		}
	}
	u, uStart, uEnd, hyph, ok := s.unitAfter(text, j, &first)
	if !ok {
		end, bare := bareDegrees(text, j)
		if !bare {
			return Quantity{}, j, false
		}
		first.resolve(text, sc)
		q := Quantity{Kind: Measure, Start: start, End: end, BareDegrees: true, UnitStart: j, UnitEnd: end}
		q.Numbers = sc.numberTexts(&first)
		q.Amounts = sc.amounts.take(first.amount())
		if e, below := belowZero(text, end); below {
			q.End = e
			q.Amounts[0].Value.Neg(q.Amounts[0].Value)
		}
		q.Hyphenated = text[j] == '-'
		s.finish(text, &q)
		return q, q.End, true
	}
	first.resolve(text, sc)
	q := Quantity{Kind: Measure, Start: start, End: uEnd}
	q.setUnit(u, uStart, uEnd, hyph)
	switch {
	case s.addUnitRange(text, &q, &first, u.Spelling, sc):
		// a range with the unit on both ends: "28C-30C"
	case first.scale == nil && s.addCompound(text, &q, &first, sc):
		// compound: "6ft 2in", "5 feet, 11 inches", "9st 2lb" (a scaled
		// major part, "2m ft 3in", is no compound a fix could write)
	default:
		q.Numbers = sc.numberTexts(&first)
		q.Amounts = sc.amounts.take(first.amount())
		if e, below := belowZero(text, uEnd); below && u.Spelling.Unit.Dim == units.Temperature {
			q.End = e
			q.Amounts[0].Value.Neg(q.Amounts[0].Value)
		}
	}
	s.finish(text, &q)
	return q, q.End, true
}

// addUnitRange reads a range with its unit on both ends ("28C-30C")
// after the measure q of the number first, whose first unit is sp, and
// makes q that range. Most quantities are followed by no hyphen or dash:
// that is tested first, before anything is read.
func (s *Scanner) addUnitRange(text []byte, q *Quantity, first *number, sp *units.Spelling, sc *scratch) bool {
	w := rangeMarkAt(text, q.End)
	if w == 0 {
		return false
	}
	var second number
	u2, end, ok := s.unitRangeTail(text, q.End+w, sp, sc, &second)
	if !ok {
		return false
	}
	second.resolve(text, sc)
	q.Range = true
	q.Numbers = sc.numberTexts(first, &second)
	q.Amounts = sc.amounts.take(first.amount(), second.amount())
	q.UnitStart, q.UnitEnd = u2.start, u2.end
	q.End = end
	return true
}

// addCompound reads the minor part of a compound ("2in" after "6ft")
// after the measure q of the number first and makes q the compound, in
// its minor unit. Most units are the major unit of no compound: that is
// tested first.
func (s *Scanner) addCompound(text []byte, q *Quantity, first *number, sc *scratch) bool {
	minorID := compoundMinor(q.Unit)
	if minorID == "" {
		return false
	}
	var minor number
	mu, end, ok := s.compoundTail(text, q.End, minorID, sc, &minor)
	if !ok {
		return false
	}
	minor.resolve(text, sc)
	q.Major = q.Unit
	q.Unit = mu.Spelling.Unit
	q.Spelling = mu.Spelling
	q.UnitStart, q.UnitEnd = mu.start, mu.end
	q.Numbers = sc.numberTexts(first, &minor)
	q.Amounts = sc.amounts.take(compoundAmount(first.amount(), minor.amount(), q.Major, q.Unit, &sc.arena))
	q.End = end
	return true
}

// finish sets the hedge of a measure.
func (s *Scanner) finish(text []byte, q *Quantity) {
	q.HedgeStart = q.Start
	if h, hs, ok := hedgeBefore(text, q.Start); ok {
		q.Hedge = h
		q.HedgeStart = hs
	}
}

// unitMatch is a unit spelling found in the text.
type unitMatch struct {
	Spelling   *units.Spelling
	start, end int
}

// setUnit records a quantity's unit.
func (q *Quantity) setUnit(u unitMatch, start, end int, hyph bool) {
	q.Unit = u.Spelling.Unit
	q.Spelling = u.Spelling
	q.UnitStart, q.UnitEnd = start, end
	q.Hyphenated = hyph
}

// unitAfter finds the unit after a number ending at j: glued ("35C"),
// after one space ("35 °C"), or after a hyphen ("10-mile"). Ambiguous
// spellings are accepted glued, or after a space when what follows cannot
// be the rest of a sentence ("1.8 m)"), never when a word follows ("5 in the").
func (s *Scanner) unitAfter(text []byte, j int, num *number) (unitMatch, int, int, bool, bool) {
	n := len(text)
	if j >= n {
		return unitMatch{}, 0, 0, false, false
	}
	if s.mayUnitAt(text, j) {
		if u, ok := s.unitAt(text, j, 0, num); ok {
			return u, u.start, u.end, false, true
		}
	}
	if text[j] == '-' {
		if j+1 < n && isASCIILetter(text[j+1]) && s.mayUnitAt(text, j+1) {
			if u, ok := s.unitAt(text, j+1, '-', num); ok {
				return u, u.start, u.end, true, true
			}
		}
		return unitMatch{}, 0, 0, false, false
	}
	w := spaceWidth(text, j)
	if w == 0 {
		return unitMatch{}, 0, 0, false, false
	}
	at := j + w
	if s.mayUnitAt(text, at) {
		if u, ok := s.unitAt(text, at, ' ', num); ok {
			return u, u.start, u.end, false, true
		}
	}
	// "1,250 people per sq km": up to two words (nouns, never "per"),
	// then a density unit
	k := at
	for words := 0; words < 2; words++ {
		e := k
		for e < n && isASCIILetter(text[e]) {
			e++
		}
		if e == k || e-k == 3 && isPer(text[k:e]) {
			break
		}
		w := spaceWidth(text, e)
		if w == 0 {
			break
		}
		k = e + w
		if k >= n || !s.cat.MayStartDensity(text[k]) {
			continue
		}
		var buf [matchBuf]units.Match
		for _, m := range s.cat.AppendMatch(buf[:0], text[k:]) {
			if m.Spelling.Unit.Dim == units.Density {
				return unitMatch{Spelling: m.Spelling, start: k, end: k + m.Len}, k, k + m.Len, false, true
			}
		}
	}
	return unitMatch{}, 0, 0, false, false
}

// mayUnitAt reports whether a unit spelling may start at at: false
// when the catalogue tells from the first two bytes (or the last byte)
// that none does, and unitAt would find nothing.
func (s *Scanner) mayUnitAt(text []byte, at int) bool {
	if at+1 < len(text) {
		return s.cat.MayStartPair(text[at], text[at+1])
	}
	return at < len(text) && s.cat.MayStart(text[at])
}

// unitAt returns the longest unit spelling at at that the scanner accepts
// after a number num and the separator sep (0 glued, '-' or ' ').
func (s *Scanner) unitAt(text []byte, at int, sep byte, num *number) (unitMatch, bool) {
	var buf [matchBuf]units.Match
	for _, m := range s.cat.AppendMatch(buf[:0], text[at:]) {
		sp := m.Spelling
		end := at + m.Len
		if sp.Unit.Dim == units.Density && sep == 0 {
			// "1,250per sq km" is not written; densities need a space
			continue
		}
		if sp.Ambiguous && !ambiguousOK(text, end, sep, sp, num) {
			continue
		}
		return unitMatch{Spelling: sp, start: at, end: end}, true
	}
	return unitMatch{}, false
}

// isPer reports whether the ASCII word w is "per", in any case.
func isPer(w []byte) bool {
	return len(w) == 3 && lower(w[0]) == 'p' && lower(w[1]) == 'e' && lower(w[2]) == 'r'
}

// ambiguousOK decides whether an ambiguous unit spelling is a unit here.
func ambiguousOK(text []byte, end int, sep byte, sp *units.Spelling, num *number) bool {
	if num.spelled {
		// "one in ten", "a ton of": spelled numbers take only word units
		return len(sp.Text) >= 4 && isASCIILetter(sp.Text[0])
	}
	switch sp.Text {
	case "st":
		// ordinals: 1st, 21st
		if sep == 0 && num.lastDigit == '1' && num.tensDigit != '1' {
			return false
		}
	case "m":
		if sep == 0 && num.scale != nil {
			return false
		}
	}
	if sep == 0 || sep == '-' {
		return true
	}
	// after a space: what follows must not continue a sentence
	k := end
	for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
		k++
	}
	if k >= len(text) {
		return true
	}
	r, _ := utf8.DecodeRune(text[k:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// compoundTail reads into num the minor part of a compound, in the unit
// minorID, after a major unit ending at j: "6ft 2in", "5 feet, 11
// inches", "7lb 8oz", "9st 2lb". It returns the minor unit and the end.
func (s *Scanner) compoundTail(text []byte, j int, minorID string, sc *scratch, num *number) (unitMatch, int, bool) {
	k := j
	if k < len(text) && text[k] == ',' {
		k++
	}
	w := spaceWidth(text, k)
	if w == 0 && k == j {
		// "6ft2in" is not written; require a space
		return unitMatch{}, 0, false
	}
	k += w
	if k >= len(text) || !isDigit(text[k]) {
		return unitMatch{}, 0, false
	}
	e, ok := s.lexNumber(text, k, sc, num)
	if !ok {
		return unitMatch{}, 0, false
	}
	u, us, ue, hyph, ok := s.unitAfter(text, e, num)
	if !ok || hyph || u.Spelling.Unit.ID != minorID {
		return unitMatch{}, 0, false
	}
	return unitMatch{Spelling: u.Spelling, start: us, end: ue}, ue, true
}

// compounds are the imperial values written in two units, major first,
// with the number of minor units in a major one.
var compounds = [...]struct {
	major, minor string
	per          int64
}{
	{"ft", "in", 12},
	{"lb", "oz", 16},
	{"st", "lb", 14},
}

// compoundMinor returns the ID of the minor unit of a compound whose major
// unit is u ("in" for "ft"), or "" when u is the major unit of none.
func compoundMinor(u *units.Unit) string {
	if len(u.ID) != 2 {
		return "" // (every major unit's ID has two letters)
	}
	for _, c := range compounds {
		if c.major == u.ID {
			return c.minor
		}
	}
	return ""
}

// compoundAmount returns a compound's total in its minor unit: "6ft 2in"
// is 74 in, its Fine that of the minor number. The total is cut from
// arena when the arithmetic fits in int64s.
func compoundAmount(major, minor numeral.Amount, mu, nu *units.Unit, arena *numeral.Arena) numeral.Amount {
	for _, c := range compounds {
		if c.major == mu.ID && c.minor == nu.ID {
			return numeral.TakeExact(arena.MulAdd(major.Value, c.per, minor.Value), minor.Fine)
		}
	}
	return minor
}

// rangeWordStarts marks the bytes that start what joins a range after a
// space: "to", "by", "and", an en dash, a hyphen.
var rangeWordStarts = func() (t [256]bool) {
	for _, c := range []byte("tTbBaA-\xe2") {
		t[c] = true
	}
	return t
}()

// rangeJoin reads what joins the first number of a range or dimensions
// (and its scale), ending at j, to the second: "-", "–", " to ", " and "
// (after "between" or an opening bracket), " by " (dimensions). It
// returns where the second number must start.
func rangeJoin(text []byte, j, start int) (k int, dims, ok bool) {
	n := len(text)
	if j >= n {
		return 0, false, false
	}
	k = j
	switch {
	case text[k] == '-':
		k++
	case hasPrefix(text[k:], "\u2013"): // en dash
		k += 3
	default:
		w := spaceWidth(text, k)
		if w == 0 {
			return 0, false, false
		}
		k += w
		if k >= n || !rangeWordStarts[text[k]] {
			return 0, false, false
		}
		switch {
		case hasWordAt(text, k, "to"):
			k += 2
		case hasWordAt(text, k, "by"):
			k += 2
			dims = true
		case hasWordAt(text, k, "and"):
			if !betweenBefore(text, start) {
				return 0, false, false
			}
			k += 3
		case hasPrefix(text[k:], "\u2013"):
			k += 3
		case hasPrefix(text[k:], "-"):
			k++
		default:
			return 0, false, false
		}
		w = spaceWidth(text, k)
		if w == 0 {
			return 0, false, false
		}
		k += w
	}
	if k >= n || !isDigit(text[k]) {
		return 0, false, false
	}
	return k, dims, true
}

// rangeEnd reads into second the second number of a range or dimensions
// at k, where rangeJoin found it must start, with its scale word, and
// returns its end.
func (s *Scanner) rangeEnd(text []byte, k int, sc *scratch, second *number) (int, bool) {
	e, ok := s.lexNumber(text, k, sc, second)
	if !ok {
		return 0, false
	}
	if scale, se := s.scaleWord(text, e); scale != nil {
		second.scale = scale
		e = se
	}
	return e, true
}

// rangeMarkAt returns the width of the hyphen or en dash at j that joins
// the two ends of a range ("28C-30C", "28C–30C"), or 0.
func rangeMarkAt(text []byte, j int) int {
	switch {
	case j < len(text) && text[j] == '-':
		return 1
	case hasPrefix(text[j:], "\u2013"):
		return 3
	}
	return 0
}

// unitRangeTail reads into num "30C" at k, past the hyphen or en dash
// after "28C": a range with the same unit spelled on both ends. It
// returns the second unit and the end.
func (s *Scanner) unitRangeTail(text []byte, k int, sp *units.Spelling, sc *scratch, num *number) (unitMatch, int, bool) {
	if k >= len(text) || !isDigit(text[k]) {
		return unitMatch{}, 0, false
	}
	e, ok := s.lexNumber(text, k, sc, num)
	if !ok {
		return unitMatch{}, 0, false
	}
	u, us, ue, hyph, ok := s.unitAfter(text, e, num)
	if !ok || hyph || u.Spelling.Unit != sp.Unit {
		return unitMatch{}, 0, false
	}
	return unitMatch{Spelling: u.Spelling, start: us, end: ue}, ue, true
}

// currency reads a money amount after its symbol: "£3m", "$6.4bn".
func (s *Scanner) currency(text []byte, start int, num *number, j int, sym string, sc *scratch) (Quantity, int, bool) {
	if scale, e := currencyScale(text, j); scale != nil {
		num.scale = scale
		j = e
	} else if scale, e := s.scaleWord(text, j); scale != nil {
		num.scale = scale
		j = e
	}
	num.resolve(text, sc)
	q := Quantity{Kind: Currency, Start: start, End: j, Symbol: sym}
	q.Numbers = sc.numberTexts(num)
	q.Amounts = sc.amounts.take(num.amount())
	q.HedgeStart = start
	if h, hs, ok := hedgeBefore(text, start); ok {
		q.Hedge, q.HedgeStart = h, hs
	}
	return q, j, true
}

// matchBuf is the room for unit matches at one place that the scanner
// keeps on the stack: a spelling has few prefixes that are spellings too.
const matchBuf = 8
