package quantity

import (
	"bytes"
	"math/big"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/unitlint/unitlint/lint/judge"
	"github.com/unitlint/unitlint/lint/numeral"
	"github.com/unitlint/unitlint/lint/units"
)

// number is one written number while a quantity is being read. Digits
// are parsed into a rational only when the number turns out to be part of
// a quantity: most numbers in copy (years, ages, counts) never are.
type number struct {
	n          numeral.Number
	raw        []byte         // the digits as written, parsed on demand
	locale     numeral.Locale // how raw is written
	arena      *numeral.Arena // where raw's value is cut from
	glued      *fraction      // a fraction glyph glued to the digits ("1½")
	start, end int
	scale      *big.Rat
	neg        bool
	sign       string // the sign as written before the number, when neg
	spelled    bool
	spelledAmt numeral.Amount
	lastDigit  byte // last integer digit, for ordinals
	tensDigit  byte
	written    string
	taken      bool // amount has handed out the value
}

// resolve parses raw digits; a number the lexer accepted always parses,
// and one that does not (impossible) is read as zero.
func (n *number) resolve() {
	if n.raw == nil {
		return
	}
	raw := n.raw
	n.raw = nil
	written := string(raw)
	nm, err := n.arena.ParseLocale(written, n.locale)
	if err != nil {
		nm = numeral.Number{Value: new(big.Rat)}
	}
	n.n = nm
	n.written = written
	if n.glued != nil {
		v := new(big.Rat).Add(nm.Value, n.glued.value)
		n.spelled = true
		n.spelledAmt = numeral.TakeExact(v, n.glued.fine)
		n.written += glyphOf(n.glued)
	}
}

// glyphOf writes a fraction back as its glyph.
func glyphOf(f *fraction) string {
	switch {
	case f.value.Cmp(big.NewRat(1, 2)) == 0:
		return "½"
	case f.value.Cmp(big.NewRat(1, 4)) == 0:
		return "¼"
	}
	return "¾"
}

// amount returns the number's amount, scale and sign applied. The amount
// takes the number's value as its own: it is called once per number.
func (n *number) amount() numeral.Amount {
	n.resolve()
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

// text returns the number as a judge.NumberText.
func (n *number) text() judge.NumberText {
	n.resolve()
	nt := judge.NumberText{Start: n.start, End: n.end, Text: n.written, Style: n.n.Style, Scale: n.scale, Spelled: n.spelled,
		Sign: n.sign, SignStart: n.start}
	if n.spelled && n.locale == numeral.European {
		// a fix writes a spelled number in digits, with the copy's mark
		nt.Style = numeral.Style{Decimal: ","}
	}
	if n.sign != "" {
		nt.SignStart = n.start - len(n.sign)
	}
	return nt
}

// maxNumberLen bounds the length of a written number, in bytes: a longer
// run of digits is no quantity copy writes (a serial number, a hash, a
// test of the linter), and is skipped, which also bounds the cost of the
// exact arithmetic on its value.
const maxNumberLen = 100

// lexNumber reads the digits of a number at i: "1,000", "12 500", "0.75",
// ".31", "1½", "½". Grouping with an ASCII space needs a first group of two
// or three digits; grouping with "," or a typographic space one to three.
// In the European locale "." groups and "," marks decimals ("1.000,5"),
// and an ASCII space may follow a single digit ("1 000,5").
func (s *Scanner) lexNumber(text []byte, i int, sc *scratch) (number, int, bool) {
	n := len(text)
	groupMark, decMark := byte(','), byte('.')
	if s.locale == numeral.European {
		groupMark, decMark = '.', ','
	}
	if f, ok := fractionAt(text, i); ok {
		e := i + 2
		nm := numeral.Number{Value: f.value, Decimals: 0, Sig: 1}
		num := number{n: nm, start: i, end: e, spelled: true, written: string(text[i:e])}
		num.spelledAmt = numeral.TakeExact(f.value, f.fine)
		return num, e, true
	}
	j := i
	for j < n && isDigit(text[j]) {
		j++
	}
	first := j - i
	if first == 0 && (j >= n || text[j] != '.') {
		return number{}, i, false
	}
	groupSep := ""
	if first > 0 && first <= 3 {
		for {
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
			j = k + 3
		}
	}
	if j+1 < n && text[j] == decMark && isDigit(text[j+1]) {
		j++
		for j < n && isDigit(text[j]) {
			j++
		}
	}
	if j == i || (j == i+1 && text[i] == decMark) || j-i > maxNumberLen {
		return number{}, j, false
	}
	num := number{raw: text[i:j], locale: s.locale, arena: &sc.arena, start: i, end: j}
	// last integer digits, for ordinals
	k := j - 1
	for k >= i && text[k] != decMark && !isDigit(text[k]) {
		k--
	}
	if bytes.IndexByte(text[i:j], decMark) < 0 && k >= i {
		num.lastDigit = text[k]
		if k-1 >= i && isDigit(text[k-1]) {
			num.tensDigit = text[k-1]
		}
	}
	// a fraction glyph glued to the digits: "1½"
	if f, ok := fractionAt(text, j); ok && bytes.IndexByte(text[i:j], decMark) < 0 {
		glued := f // only a glued fraction escapes to the heap
		num.glued = &glued
		j += 2
		num.end = j
	}
	return num, j, true
}

// groupSepAt returns the width and text of a thousands separator at j:
// the locale's mark ("," or "."), or a space.
func groupSepAt(text []byte, j int, mark byte) (int, string) {
	if j >= len(text) {
		return 0, ""
	}
	switch text[j] {
	case mark:
		if mark == '.' {
			return 1, "."
		}
		return 1, ","
	case ' ':
		return 1, " "
	}
	for _, sp := range [...]string{"\u00a0", "\u2009", "\u202f"} {
		if hasPrefix(text[j:], sp) {
			return len(sp), sp
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

type fraction struct{ value, fine *big.Rat }

// fractionAt reads a vulgar fraction glyph at i.
func fractionAt(text []byte, i int) (fraction, bool) {
	if i+1 >= len(text) || text[i] != 0xC2 {
		return fraction{}, false
	}
	switch text[i+1] {
	case 0xBD: // ½
		return fraction{big.NewRat(1, 2), big.NewRat(1, 2)}, true
	case 0xBC: // ¼
		return fraction{big.NewRat(1, 4), big.NewRat(1, 4)}, true
	case 0xBE: // ¾
		return fraction{big.NewRat(3, 4), big.NewRat(1, 4)}, true
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
	r, w := utf8.DecodeLastRune(text[:i])
	if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '/' {
		return true
	}
	if r == '-' && i-w > 0 {
		r2, _ := utf8.DecodeLastRune(text[:i-w])
		return unicode.IsLetter(r2) || unicode.IsDigit(r2)
	}
	return false
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

// currencyWordStarts marks the first bytes of currencyWords.
var currencyWordStarts = func() (t [256]bool) {
	for _, c := range currencyWords {
		t[c.written[0]] = true
	}
	return t
}()

// currencyAfter reads a currency code or name after an amount ending at j:
// "10bn yuan", "500 euros". ("pounds" is left to the unit catalogue: it is
// a weight as often as money.)
func currencyAfter(text []byte, j int) (string, int, bool) {
	w := spaceWidth(text, j)
	if w == 0 {
		return "", 0, false
	}
	k := j + w
	if k >= len(text) || !currencyWordStarts[text[k]] {
		return "", 0, false
	}
	for _, c := range currencyWords {
		if hasPrefix(text[k:], c.written) && (k+len(c.written) >= len(text) || !isWordByte(text[k+len(c.written)])) {
			return c.code, k + len(c.written), true
		}
	}
	return "", 0, false
}

// currencyScale reads a scale glued to a money amount, where "m" and "k"
// can only mean million and thousand: "£3m", "$1.5bn", "£10k".
func currencyScale(text []byte, j int) (*big.Rat, int) {
	if j >= len(text) || !scaleStarts[lower(text[j])] {
		return nil, j
	}
	for i, sw := range scaleWords {
		if !sw.glued || !hasPrefixFold(text[j:], sw.word) {
			continue
		}
		k := j + len(sw.word)
		if k < len(text) && isWordByte(text[k]) {
			continue
		}
		return scaleValues[i], k
	}
	return nil, j
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

// scaleWord reads a scale word after a number ending at j. "m" and "k"
// glued to a number are a scale only where they cannot be metres or a
// kilo-something: before a unit ("1.2m sq ft") or a noun ("3m people").
func (s *Scanner) scaleWord(text []byte, j int) (*big.Rat, int) {
	n := len(text)
	if j >= n {
		return nil, j
	}
	if !scaleStarts[lower(text[j])] {
		// not glued: a scale word after a space, or none
		w := spaceWidth(text, j)
		if w == 0 || j+w >= n || !scaleStarts[lower(text[j+w])] {
			return nil, j
		}
	}
	for i, sw := range scaleWords {
		k := j
		if sw.glued && hasPrefixFold(text[k:], sw.word) {
			k += len(sw.word)
		} else if sw.space {
			w := spaceWidth(text, k)
			if w == 0 || !hasPrefixFold(text[k+w:], sw.word) {
				continue
			}
			k += w + len(sw.word)
		} else {
			continue
		}
		if k < n && isWordByte(text[k]) {
			continue
		}
		if sw.word == "m" || sw.word == "k" {
			if !s.scaleBeforeUnitOrNoun(text, k, sw.word == "m") {
				continue
			}
		}
		return scaleValues[i], k
	}
	return nil, j
}

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
	var buf [matchBuf]units.Match
	for _, m := range s.cat.AppendMatch(buf[:0], text[at:]) {
		if !m.Spelling.Ambiguous {
			return true
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
	for _, mw := range measureWords {
		if string(word) == mw {
			return false
		}
	}
	return true
}

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

// hedgeBefore finds a hedge ending right before i (one space between).
func hedgeBefore(text []byte, i int) (judge.Hedge, int, bool) {
	if i > 0 && text[i-1] == '~' {
		return judge.HedgeApprox, i - 1, true
	}
	// the word before the space: letters, and a final dot ("c.")
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
	if e-k > maxHedgeWord || k == e || text[k] == '.' {
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
// ends a paragraph, and nothing joins across it) at j, or 0.
func spaceWidth(text []byte, j int) int {
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
