package quantity

import (
	"bytes"
	"math/big"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/unitlint/unitlint/lint/judge"
	"github.com/unitlint/unitlint/lint/numeral"
	"github.com/unitlint/unitlint/lint/units"
)

// number is one written number while a quantity is being read. lexNumber
// reads the digits' value into an int64 (pending); the rational value and
// the written text are made by resolve only when the number turns out to
// be part of a quantity: most numbers in copy (years, ages, counts) never
// are.
type number struct {
	n          numeral.Number
	start, end int
	scale      *big.Rat
	neg        bool
	sign       string // the sign as written before the number, when neg
	spelled    bool
	spelledAmt numeral.Amount
	locale     numeral.Locale
	lastDigit  byte // last integer digit, for ordinals
	tensDigit  byte
	written    string
	taken      bool // amount has handed out the value

	// set by lexNumber and used by resolve:
	pending   bool  // the value and the written text are still to be made
	long      bool  // more than 18 digits: resolve parses the text
	glyph     byte  // the second byte of a fraction glyph glued to the digits ("1½"), or 0
	mant      int64 // the digits, marks dropped (when not long)
	digitsEnd int   // the end of the digits, before a glued glyph
}

// resolve makes the value and the written text of a number lexNumber
// read. It does nothing for a number made otherwise or resolved before.
func (n *number) resolve(text []byte, sc *scratch) {
	if !n.pending {
		return
	}
	n.pending = false
	if n.long {
		// a number the lexer accepted always parses; one that does not
		// (impossible) is read as zero
		nm, err := sc.arena.ParseLocale(string(text[n.start:n.digitsEnd]), n.locale)
		if err != nil {
			nm = numeral.Number{Value: new(big.Rat)}
		}
		n.n = nm
	} else {
		n.n.Value = sc.arena.Decimal(n.mant, n.n.Decimals)
	}
	n.written = sc.text.of(text[n.start:n.end]) // with a glued glyph as written
	if n.glyph != 0 {
		f, _ := fractionAt(text, n.digitsEnd)
		v := new(big.Rat).Add(n.n.Value, f.value)
		n.spelled = true
		n.spelledAmt = numeral.TakeExact(v, f.fine)
	}
}

// amount returns the number's amount, scale and sign applied. The amount
// takes the number's value as its own: it is called once per number.
func (n *number) amount() numeral.Amount {
	if n.pending {
		panic("quantity: the amount of a number not resolved")
	}
	if n.taken {
		panic("quantity: a number's amount taken twice")
	}
	n.taken = true
	var a numeral.Amount
	if n.spelled {
		// the value becomes the amount's own (a sign may negate it); the
		// place values are read-only and shared
		a = n.spelledAmt
	} else {
		a = n.n.TakeAmount(n.scale)
	}
	if n.neg {
		a.Value.Neg(a.Value)
	}
	return a
}

// setText writes the number into nt, a judge.NumberText in its slab.
func (n *number) setText(nt *judge.NumberText) {
	if n.pending {
		panic("quantity: the text of a number not resolved")
	}
	*nt = judge.NumberText{Start: n.start, End: n.end, Text: n.written, Style: n.n.Style, Scale: n.scale, Spelled: n.spelled,
		Sign: n.sign, SignStart: n.start}
	if n.spelled && n.locale == numeral.European {
		// a fix writes a spelled number in digits, with the copy's mark
		nt.Style = numeral.Style{Decimal: ","}
	}
	if n.sign != "" {
		nt.SignStart = n.start - len(n.sign)
	}
}

// maxNumberLen bounds the length of a written number, in bytes: a longer
// run of digits is no quantity copy writes (a serial number, a hash, a
// test of the linter), and is skipped, which also bounds the cost of the
// exact arithmetic on its value.
const maxNumberLen = 100

// maxMantDigits is the most digits lexNumber reads into an int64.
const maxMantDigits = 18

// digitRun counts the digits of a number as lexNumber reads them: what
// numeral.ParseLocale computes from the same digits, without a second
// pass over them or a string.
type digitRun struct {
	mant    int64 // the first maxMantDigits digits
	digits  int   // digits read
	leading int   // leading zeros (all the digits while they are zeros)
	zeros   int   // trailing zeros
}

// read reads the run of digits at j and returns its end.
func (r *digitRun) read(text []byte, j int) int {
	for ; j < len(text); j++ {
		d := text[j] - '0'
		if d > 9 {
			break
		}
		r.digit(d)
	}
	return j
}

// digit reads one digit, 0 to 9.
func (r *digitRun) digit(d byte) {
	if r.digits < maxMantDigits {
		r.mant = r.mant*10 + int64(d)
	}
	r.digits++
	if d != 0 {
		r.zeros = 0
		return
	}
	r.zeros++
	if r.leading == r.digits-1 {
		r.leading++
	}
}

// lexNumber reads the digits of a number at i into num, which must be the
// zero number: "1,000", "12 500", "0.75", ".31", "1½", "½". Grouping
// with an ASCII space needs a first group of two or three digits;
// grouping with "," or a typographic space one to three. In the European
// locale "." groups and "," marks decimals ("1.000,5"), and an ASCII space
// may follow a single digit ("1 000,5"). It returns the number's end, or
// where reading stopped and false when there is no number.
func (s *Scanner) lexNumber(text []byte, i int, sc *scratch, num *number) (int, bool) {
	n := len(text)
	groupMark, decMark := byte(','), byte('.')
	if s.locale == numeral.European {
		groupMark, decMark = '.', ','
	}
	if f, ok := fractionAt(text, i); ok {
		e := i + 2
		// the glyph's value is shared: the amount gets a copy of its own
		// (no locale: a fix writes it in the English style)
		v := new(big.Rat).Set(f.value)
		*num = number{n: numeral.Number{Value: v, Sig: 1}, start: i, end: e, spelled: true,
			written: sc.text.of(text[i:e]), spelledAmt: numeral.TakeExact(v, f.fine)}
		return e, true
	}
	var run digitRun
	j := run.read(text, i)
	first := j - i
	if first == 0 && (j >= n || text[j] != '.') {
		return i, false
	}
	groupSep := ""
	if first > 0 && first <= 3 {
		for j < n {
			w, sep := groupSepAt(text, j, groupMark)
			if w == 0 || (groupSep != "" && sep != groupSep) {
				break
			}
			if sep == " " && first < 2 && s.locale == numeral.English {
				break
			}
			k := j + w
			if k+3 > n || !isDigit(text[k]) || !isDigit(text[k+1]) || !isDigit(text[k+2]) || (k+3 < n && isDigit(text[k+3])) {
				break
			}
			groupSep = sep
			j = run.read(text, k) // the group's three digits: no fourth follows
		}
	}
	intDigits := run.digits
	hasDec := j+1 < n && text[j] == decMark && isDigit(text[j+1])
	if hasDec {
		j = run.read(text, j+1)
	}
	if j == i || (j == i+1 && text[i] == decMark) || j-i > maxNumberLen {
		return j, false
	}
	num.start, num.end, num.digitsEnd = i, j, j
	num.locale = s.locale
	num.pending = true
	num.mant, num.long = run.mant, run.digits > maxMantDigits
	num.n.Decimals = run.digits - intDigits
	// significant figures as numeral.ParseLocale counts them: leading
	// zeros never count, trailing zeros of an integer neither
	if trimmed := run.digits - run.leading; trimmed > 0 {
		num.n.Sig = trimmed
		if !hasDec {
			num.n.TrailingZeros = run.zeros
			num.n.Sig -= run.zeros
		}
	}
	if groupSep != "" {
		num.n.Style.Group = groupSep
	}
	num.n.Style.LeadingDot = first == 0
	if s.locale == numeral.European {
		num.n.Style.Decimal = ","
	}
	if !hasDec {
		// last integer digits, for ordinals
		num.lastDigit = text[j-1]
		if j-2 >= i && isDigit(text[j-2]) {
			num.tensDigit = text[j-2]
		}
		// a fraction glyph glued to the digits: "1½"
		if j+1 < n && text[j] == 0xC2 {
			if _, ok := fractionAt(text, j); ok {
				num.glyph = text[j+1]
				j += 2
				num.end = j
			}
		}
	}
	return j, true
}

// groupSepAt returns the width and text of a thousands separator at j
// (j < len(text)): the locale's mark ("," or "."), or a space.
func groupSepAt(text []byte, j int, mark byte) (int, string) {
	switch c := text[j]; c {
	case mark:
		if mark == '.' {
			return 1, "."
		}
		return 1, ","
	case ' ':
		return 1, " "
	case 0xC2, 0xE2:
		for _, sp := range [...]string{"\u00a0", "\u2009", "\u202f"} {
			if hasPrefix(text[j:], sp) {
				return len(sp), sp
			}
		}
	}
	return 0, ""
}

// skipNumberToken returns the end of the run of digits and number
// punctuation at i, so that "2-1" or "1939-45" is skipped whole.
func skipNumberToken(text []byte, i int) int {
	j := i
	for j < len(text) {
		c := text[j]
		if isDigit(c) || ((c == '.' || c == ',' || c == '-' || c == '/') && j+1 < len(text) && isDigit(text[j+1])) {
			j++
			continue
		}
		break
	}
	if j == i {
		return i + 1
	}
	return j
}

// fraction is a vulgar fraction glyph's value and place value, shared and
// read-only.
type fraction struct{ value, fine *big.Rat }

// fractions are the values of ½, ¼ and ¾.
var fractions = [...]fraction{
	{big.NewRat(1, 2), big.NewRat(1, 2)},
	{big.NewRat(1, 4), big.NewRat(1, 4)},
	{big.NewRat(3, 4), big.NewRat(1, 4)},
}

// fractionAt reads a vulgar fraction glyph at i. Its values are shared
// and read-only.
func fractionAt(text []byte, i int) (fraction, bool) {
	if i+1 >= len(text) || text[i] != 0xC2 {
		return fraction{}, false
	}
	switch text[i+1] {
	case 0xBD: // ½
		return fractions[0], true
	case 0xBC: // ¼
		return fractions[1], true
	case 0xBE: // ¾
		return fractions[2], true
	}
	return fraction{}, false
}

// prevIsIdentifier reports whether the number at i is part of an
// identifier: glued to a letter or digit before it ("A1", "B52"), or after
// "letter-" ("F-35", "COVID-19", "C-130").
func prevIsIdentifier(text []byte, i int) bool {
	if i == 0 {
		return false
	}
	if c := text[i-1]; c < utf8.RuneSelf {
		if isASCIILetter(c) || isDigit(c) || c == '_' || c == '/' {
			return true
		}
		if c != '-' || i == 1 {
			return false
		}
		r, _ := utf8.DecodeLastRune(text[:i-1])
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	r, _ := utf8.DecodeLastRune(text[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// signBefore reports a minus sign before the number at i: "-20C",
// "−5C" (U+2212), "minus 12", "negative 4". It returns where the sign starts.
func signBefore(text []byte, i int) (bool, int) {
	before := text[:i]
	if len(before) > 0 && before[len(before)-1] == '-' && !wordBefore(before[:len(before)-1]) {
		return true, i - 1
	}
	if bytes.HasSuffix(before, []byte("\u2212")) && !wordBefore(before[:len(before)-3]) {
		return true, i - 3
	}
	if i == 0 || !spaceTails[text[i-1]] {
		return false, i // no space, so no "minus" or "negative", before
	}
	if e := i - spaceWidthBefore(text, i); e == i || e == 0 || (lower(text[e-1]) != 's' && lower(text[e-1]) != 'e') {
		return false, i // no "minus" or "negative" before
	}
	for _, w := range [...]string{"minus", "negative"} {
		if k, ok := wordEndingAt(text, i, w); ok {
			return true, k
		}
	}
	return false, i
}

// wordBefore reports whether text ends in a letter or digit.
func wordBefore(text []byte) bool {
	if len(text) == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRune(text)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// wordEndingAt reports whether the word w (case-insensitive), followed by
// one space, ends right before i, and returns where it starts.
func wordEndingAt(text []byte, i int, w string) (int, bool) {
	k := i
	sw := spaceWidthBefore(text, k)
	if sw == 0 {
		return 0, false
	}
	k -= sw
	if k < len(w) || !bytes.EqualFold(text[k-len(w):k], []byte(w)) {
		return 0, false
	}
	k -= len(w)
	if k > 0 && isWordByte(text[k-1]) {
		return 0, false
	}
	return k, true
}

// currencySymbols are the symbols and codes written before an amount,
// longest first, with the ISO 4217 code each stands for ("$" is taken as
// the US dollar unless the copy says "C$", "A$" ...).
var currencySymbols = [...]struct{ written, code string }{
	{"US$", "USD"}, {"C$", "CAD"}, {"A$", "AUD"}, {"NZ$", "NZD"}, {"HK$", "HKD"},
	{"£", "GBP"}, {"$", "USD"}, {"€", "EUR"}, {"¥", "JPY"}, {"₹", "INR"},
	{"USD ", "USD"}, {"GBP ", "GBP"}, {"EUR ", "EUR"}, {"JPY ", "JPY"}, {"CNY ", "CNY"},
	{"INR ", "INR"}, {"CHF ", "CHF"}, {"CAD ", "CAD"}, {"AUD ", "AUD"},
}

// currencyBefore returns the currency symbol or code written right before
// i and the ISO code it stands for.
func currencyBefore(text []byte, i int) (string, string, bool) {
	if i == 0 || !currencyEnds[text[i-1]] || (text[i-1] == ' ' && (i < 2 || text[i-2] < 'A' || text[i-2] > 'Z')) {
		return "", "", false // (a code before a space ends in a capital)
	}
	for _, c := range currencySymbols {
		if bytes.HasSuffix(text[:i], []byte(c.written)) {
			k := i - len(c.written)
			if k > 0 && isASCIILetter(text[k-1]) && isASCIILetter(c.written[0]) {
				continue // "SUSD 5"
			}
			return c.written, c.code, true
		}
	}
	return "", "", false
}

// currencyEnds marks the last bytes of currencySymbols: a number after
// any other byte has no currency symbol.
var currencyEnds = func() (t [256]bool) {
	for _, c := range currencySymbols {
		t[c.written[len(c.written)-1]] = true
	}
	return t
}()

// currencyWords are codes and names written after an amount.
var currencyWords = [...]struct{ written, code string }{
	{"USD", "USD"}, {"GBP", "GBP"}, {"EUR", "EUR"}, {"JPY", "JPY"}, {"CNY", "CNY"},
	{"INR", "INR"}, {"CHF", "CHF"}, {"CAD", "CAD"}, {"AUD", "AUD"},
	{"yuan", "CNY"}, {"renminbi", "CNY"}, {"euros", "EUR"}, {"euro", "EUR"}, {"yen", "JPY"},
	{"rupees", "INR"}, {"rupee", "INR"}, {"dollars", "USD"}, {"US dollars", "USD"},
	{"Swiss francs", "CHF"},
}

// currencyAfter reads a currency code or name after an amount ending at j:
// "10bn yuan", "500 euros". ("pounds" is left to the unit catalogue: it is
// a weight as often as money.)
func currencyAfter(text []byte, j int) (string, int, bool) {
	w := spaceWidth(text, j)
	if w == 0 {
		return "", 0, false
	}
	k := j + w
	if k >= len(text) {
		return "", 0, false
	}
	for m := currencyWordsAt[text[k]]; m != 0; m &= m - 1 {
		c := &currencyWords[bits.TrailingZeros32(m)]
		if hasPrefix(text[k:], c.written) && (k+len(c.written) >= len(text) || !isWordByte(text[k+len(c.written)])) {
			return c.code, k + len(c.written), true
		}
	}
	return "", 0, false
}

// currencyWordsAt holds, for a byte, a bit per entry of currencyWords that
// starts with it: the entries to try, in order. (A uint32 holds them all:
// the constant below does not compile when there are more than 32.)
const _ = uint(32 - len(currencyWords))

var currencyWordsAt = func() (t [256]uint32) {
	for i, c := range currencyWords {
		t[c.written[0]] |= 1 << i
	}
	return t
}()

// currencyScale reads a scale glued to a money amount, where "m" and "k"
// can only mean million and thousand: "£3m", "$1.5bn", "£10k".
func currencyScale(text []byte, j int) (*big.Rat, int) {
	if j >= len(text) {
		return nil, j
	}
	g := gluedScales[lower(text[j])]
	if g == 0 {
		return nil, j
	}
	sw := &scaleWords[g-1]
	k := j + len(sw.word)
	if !hasPrefixFold(text[j:], sw.word) || k < len(text) && isWordByte(text[k]) {
		return nil, j
	}
	return scaleValues[g-1], k
}

// scale words and their values
var scaleWords = [...]struct {
	word  string
	value int64
	glued bool // may be glued to the digits ("3m", "1.5bn")
	space bool // may follow a space ("2 million")
}{
	{"trillion", 1e12, false, true},
	{"billion", 1e9, false, true},
	{"million", 1e6, false, true},
	{"thousand", 1e3, false, true},
	{"tn", 1e12, true, true},
	{"bn", 1e9, true, true},
	{"m", 1e6, true, false},
	{"k", 1e3, true, false},
}

// scaleValues holds the value of each of scaleWords, shared and read-only
// like every scale a number keeps.
var scaleValues = func() (t [len(scaleWords)]*big.Rat) {
	for i, sw := range scaleWords {
		t[i] = big.NewRat(sw.value, 1)
	}
	return t
}()

// scaleStarts marks the first letters of scaleWords, in lower case.
var scaleStarts = func() (t [256]bool) {
	for _, sw := range scaleWords {
		t[sw.word[0]] = true
	}
	return t
}()

// gluedScales holds, for a lower-case letter, 1 + the index in scaleWords
// of the scale word that may be glued to the digits and starts with it, or
// 0: no two start with the same letter.
var gluedScales = func() (t [256]uint8) {
	for i, sw := range scaleWords {
		if sw.glued {
			if t[sw.word[0]] != 0 {
				panic("quantity: two glued scale words start with " + sw.word[:1])
			}
			t[sw.word[0]] = uint8(i + 1)
		}
	}
	return t
}()

// scaleWord reads a scale word after a number ending at j. "m" and "k"
// glued to a number are a scale only where they cannot be metres or a
// kilo-something: before a unit ("1.2m sq ft") or a noun ("3m people").
func (s *Scanner) scaleWord(text []byte, j int) (*big.Rat, int) {
	n := len(text)
	if j >= n {
		return nil, j
	}
	if c := lower(text[j]); scaleStarts[c] {
		// glued: "3m", "1.5bn"; the words that follow a space start
		// after one
		g := gluedScales[c]
		if g == 0 {
			return nil, j
		}
		sw := &scaleWords[g-1]
		k := j + len(sw.word)
		if !hasPrefixFold(text[j:], sw.word) || k < n && isWordByte(text[k]) {
			return nil, j
		}
		if (sw.word == "m" || sw.word == "k") && !s.scaleBeforeUnitOrNoun(text, k, sw.word == "m") {
			return nil, j
		}
		return scaleValues[g-1], k
	}
	w := spaceWidth(text, j)
	if w == 0 || j+w >= n {
		return nil, j
	}
	at := j + w
	c := lower(text[at])
	for m := spacedScales[c]; m != 0; m &= m - 1 {
		i := bits.TrailingZeros8(m)
		sw := &scaleWords[i]
		if !hasPrefixFold(text[at:], sw.word) {
			continue
		}
		if k := at + len(sw.word); k >= n || !isWordByte(text[k]) {
			return scaleValues[i], k
		}
	}
	return nil, j
}

// spacedScales holds, for a lower-case letter, a bit per entry of
// scaleWords that may follow a space and starts with it, in order. (A
// uint8 holds them all: the constant below does not compile when there
// are more than eight.)
const _ = uint(8 - len(scaleWords))

var spacedScales = func() (t [256]uint8) {
	for i, sw := range scaleWords {
		if sw.space {
			t[sw.word[0]] |= 1 << i
		}
	}
	return t
}()

// measureWords follow a length in metres: "5m tall", "2.5m high".
var measureWords = [...]string{
	"tall", "high", "long", "wide", "deep", "away", "across", "thick", "below", "above",
	"under", "up", "down", "from", "of", "in", "into", "off", "to", "on", "at", "and", "or",
	"by", "per", "behind", "ahead", "further", "farther", "higher", "lower", "deeper",
	"longer", "short", "shy", "apart", "underground", "underwater", "offshore", "inland",
	"beneath", "downstream", "upstream", "over", "beyond", "sq", "square", "cubic",
}

// scaleBeforeUnitOrNoun decides whether a glued "m" or "k" ending at k is a
// scale: yes before a unit ("1.2m sq ft", "2m barrels") or, for "m", before
// a noun ("3m people"); no before a bracket, punctuation or a measure word.
func (s *Scanner) scaleBeforeUnitOrNoun(text []byte, k int, isM bool) bool {
	w := spaceWidth(text, k)
	if w == 0 {
		return false
	}
	at := k + w
	if at >= len(text) || !isASCIILetter(text[at]) {
		return false
	}
	if s.mayUnitAt(text, at) {
		var buf [matchBuf]units.Match
		for _, m := range s.cat.AppendMatch(buf[:0], text[at:]) {
			if !m.Spelling.Ambiguous {
				return true
			}
		}
	}
	if !isM {
		return false
	}
	e := at
	for e < len(text) && isASCIILetter(text[e]) {
		e++
	}
	word := text[at:e]
	if word[0] >= 'A' && word[0] <= 'Z' {
		return false
	}
	return !isMeasureWord[string(word)]
}

// isMeasureWord holds measureWords.
var isMeasureWord = func() map[string]bool {
	m := make(map[string]bool, len(measureWords))
	for _, w := range measureWords {
		m[w] = true
	}
	return m
}()

// bareDegrees reads "degrees" or "degree" (or "-degree") after a number
// that no unit followed: a temperature whose scale the pair decides.
func bareDegrees(text []byte, j int) (int, bool) {
	k := j
	if k < len(text) && text[k] == '-' {
		k++
	} else {
		w := spaceWidth(text, k)
		if w == 0 {
			return 0, false
		}
		k += w
	}
	if k >= len(text) || lower(text[k]) != 'd' {
		return 0, false
	}
	for _, w := range [...]string{"degrees", "degree"} {
		if hasPrefixFold(text[k:], w) && (k+len(w) >= len(text) || !isWordByte(text[k+len(w)])) {
			return k + len(w), true
		}
	}
	return 0, false
}

// belowZero reads " below zero" after a temperature.
func belowZero(text []byte, j int) (int, bool) {
	w := spaceWidth(text, j)
	if w == 0 {
		return 0, false
	}
	k := j + w
	const bz = "below zero"
	if hasPrefixFold(text[k:], bz) && (k+len(bz) >= len(text) || !isWordByte(text[k+len(bz)])) {
		return k + len(bz), true
	}
	return 0, false
}

// hedges and their kinds, longest first where one is a suffix of another
var hedges = [...]struct {
	words string
	kind  judge.Hedge
}{
	{"more than", judge.HedgeLower},
	{"just over", judge.HedgeLower},
	{"well over", judge.HedgeLower},
	{"at least", judge.HedgeLower},
	{"upwards of", judge.HedgeLower},
	{"in excess of", judge.HedgeLower},
	{"exceeding", judge.HedgeLower},
	{"over", judge.HedgeLower},
	{"above", judge.HedgeLower},
	{"less than", judge.HedgeUpper},
	{"fewer than", judge.HedgeUpper},
	{"just under", judge.HedgeUpper},
	{"well under", judge.HedgeUpper},
	{"well below", judge.HedgeUpper},
	{"up to", judge.HedgeUpper},
	{"at most", judge.HedgeUpper},
	{"as much as", judge.HedgeUpper},
	{"as many as", judge.HedgeUpper},
	{"as high as", judge.HedgeUpper},
	{"nearly", judge.HedgeUpper},
	{"almost", judge.HedgeUpper},
	{"close to", judge.HedgeUpper},
	{"under", judge.HedgeUpper},
	{"below", judge.HedgeUpper},
	{"an estimated", judge.HedgeApprox},
	{"estimated", judge.HedgeApprox},
	{"approximately", judge.HedgeApprox},
	{"roughly", judge.HedgeApprox},
	{"around", judge.HedgeApprox},
	{"about", judge.HedgeApprox},
	{"some", judge.HedgeApprox},
	{"circa", judge.HedgeApprox},
	{"ca.", judge.HedgeApprox},
	{"c.", judge.HedgeApprox},
}

// hedgesByLastWord indexes hedges by their last word, lower-cased with a
// final dot ("than", "over", "c."), in the order of hedges: a number
// preceded by none of these words needs no look at the list.
var hedgesByLastWord = func() map[string][]int {
	m := make(map[string][]int)
	for i, h := range hedges {
		last := h.words[strings.LastIndexByte(h.words, ' ')+1:]
		m[last] = append(m[last], i)
	}
	return m
}()

// maxHedgeWord is the length of the longest last word of a hedge.
const maxHedgeWord = len("approximately")

// hedgeWordLengths holds, for the first letter of a hedge's last word
// (five bits, either case), a bit per length such a word has: most words
// before a number are no hedge's, and need no lookup.
var hedgeWordLengths = func() (t [32]uint16) {
	for last := range hedgesByLastWord {
		t[last[0]&31] |= 1 << len(last)
	}
	return t
}()

// hedgeBefore finds a hedge ending right before i (one space between).
func hedgeBefore(text []byte, i int) (judge.Hedge, int, bool) {
	if i > 0 && text[i-1] == '~' {
		return judge.HedgeApprox, i - 1, true
	}
	// the word before the space: letters, and a final dot ("c.")
	if i == 0 || !spaceTails[text[i-1]] {
		return judge.HedgeNone, i, false
	}
	e := i - spaceWidthBefore(text, i)
	if e == i || e == 0 {
		return judge.HedgeNone, i, false
	}
	k := e
	if text[k-1] == '.' {
		k--
	}
	for k > 0 && e-k <= maxHedgeWord && isASCIILetter(text[k-1]) {
		k--
	}
	if e-k > maxHedgeWord || k == e || text[k] == '.' || hedgeWordLengths[text[k]&31]&(1<<(e-k)) == 0 {
		return judge.HedgeNone, i, false
	}
	var buf [maxHedgeWord]byte
	for j := k; j < e; j++ {
		buf[j-k] = lower(text[j])
	}
	for _, h := range hedgesByLastWord[string(buf[:e-k])] {
		if k, ok := wordEndingAt(text, i, hedges[h].words); ok {
			return hedges[h].kind, k, true
		}
	}
	return judge.HedgeNone, i, false
}

// lower returns the ASCII letter c in lower case, other bytes as they are.
func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// betweenBefore reports whether the range starting at i follows "between"
// or an opening bracket (the mirror of a "between" range: "(8 and 16km)").
func betweenBefore(text []byte, i int) bool {
	if _, ok := wordEndingAt(text, i, "between"); ok {
		return true
	}
	k := i
	for k > 0 && text[k-1] == ' ' {
		k--
	}
	return k > 0 && text[k-1] == '('
}

// spaceWidth returns the width of the run of spaces (ASCII space, tab,
// no-break, thin, narrow no-break, and at most one line end: a blank line
// ends a paragraph, and nothing joins across it) at j, or 0. The usual
// cases, one ASCII space before a word and no space at all, cost no call.
func spaceWidth(text []byte, j int) int {
	if j < len(text) && spaceLeads[text[j]] {
		return spaceRun(text, j)
	}
	return 0
}

// spaceLeads marks the bytes a run of spaces starts with.
var spaceLeads = func() (t [256]bool) {
	for _, c := range []byte(" \t\n\r\xc2\xe2") {
		t[c] = true
	}
	return t
}()

// spaceRun is spaceWidth past its quick test.
func spaceRun(text []byte, j int) int {
	// most often one ASCII space and a word
	if j+1 < len(text) && text[j] == ' ' && isASCIILetter(text[j+1]) {
		return 1
	}
	k := j
	lineEnds := 0
	for k < len(text) {
		switch c := text[k]; {
		case c == ' ' || c == '\t':
			k++
		case c == '\n' || c == '\r':
			if lineEnds > 0 {
				return k - j
			}
			lineEnds++
			k++
			if c == '\r' && k < len(text) && text[k] == '\n' {
				k++
			}
		case c == 0xC2 && k+1 < len(text) && text[k+1] == 0xA0:
			k += 2
		case c == 0xE2 && k+2 < len(text) && text[k+1] == 0x80 && (text[k+2] == 0x89 || text[k+2] == 0xAF):
			k += 3
		default:
			return k - j
		}
	}
	return k - j
}

// spaceTails marks the last bytes of the spaces spaceWidthBefore reads:
// before any other byte there is no space.
var spaceTails = func() (t [256]bool) {
	for _, c := range []byte(" \t\n\r\xa0\x89\xaf") {
		t[c] = true
	}
	return t
}()

// spaceWidthBefore returns the width of the run of spaces ending at i.
func spaceWidthBefore(text []byte, i int) int {
	// most often one ASCII space after a word
	if i >= 2 && i <= len(text) && text[i-1] == ' ' && isASCIILetter(text[i-2]) {
		return 1
	}
	k := i
	for k > 0 {
		switch {
		case text[k-1] == ' ' || text[k-1] == '\t' || text[k-1] == '\n' || text[k-1] == '\r':
			k--
		case k >= 2 && text[k-2] == 0xC2 && text[k-1] == 0xA0:
			k -= 2
		case k >= 3 && text[k-3] == 0xE2 && text[k-2] == 0x80 && (text[k-1] == 0x89 || text[k-1] == 0xAF):
			k -= 3
		default:
			return i - k
		}
	}
	return i - k
}

func hasPrefix(b []byte, s string) bool { return len(b) >= len(s) && string(b[:len(s)]) == s }

func hasPrefixFold(b []byte, s string) bool {
	return len(b) >= len(s) && bytes.EqualFold(b[:len(s)], []byte(s))
}

// hasWordAt reports whether word w stands at k, followed by a non-letter.
func hasWordAt(text []byte, k int, w string) bool {
	return hasPrefixFold(text[k:], w) && (k+len(w) >= len(text) || !isWordByte(text[k+len(w)]))
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

// isWordByte reports whether c continues a word (ASCII letter or digit,
// or a byte of a multi-byte rune, which is treated as a letter).
func isWordByte(c byte) bool { return isASCIILetter(c) || isDigit(c) || c >= 0x80 && c != 0xA0 }
