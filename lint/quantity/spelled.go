package quantity

import (
	"math/bits"

	"github.com/unitlint/unitlint/lint/numeral"
)

// cardinalOf returns the value of a cardinal number word, or 0. A switch
// compiles to comparisons by length and content: no hashing per word.
func cardinalOf(w string) int64 {
	switch w {
	case "one":
		return 1
	case "two":
		return 2
	case "three":
		return 3
	case "four":
		return 4
	case "five":
		return 5
	case "six":
		return 6
	case "seven":
		return 7
	case "eight":
		return 8
	case "nine":
		return 9
	case "ten":
		return 10
	case "eleven":
		return 11
	case "twelve":
		return 12
	case "thirteen":
		return 13
	case "fourteen":
		return 14
	case "fifteen":
		return 15
	case "sixteen":
		return 16
	case "seventeen":
		return 17
	case "eighteen":
		return 18
	case "nineteen":
		return 19
	case "twenty":
		return 20
	case "thirty":
		return 30
	case "forty":
		return 40
	case "fifty":
		return 50
	case "sixty":
		return 60
	case "seventy":
		return 70
	case "eighty":
		return 80
	case "ninety":
		return 90
	}
	return 0
}

// packed is an ASCII word of up to eight letters, lower-cased, held in a
// uint64 with its first letter in the low byte (the bytes after it zero),
// so that reading and comparing words costs a few word operations. 0 is
// no word, or one of nine letters or more.
type packed uint64

// Packed words the spelled-number reader compares against (written out,
// since a constant cannot be computed from a string; TestPackedWords holds
// each to its spelling).
const (
	wordA        packed = 'a'
	wordAn       packed = 'a' | 'n'<<8
	wordOf       packed = 'o' | 'f'<<8
	wordAnd      packed = 'a' | 'n'<<8 | 'd'<<16
	wordHalf     packed = 'h' | 'a'<<8 | 'l'<<16 | 'f'<<24
	wordThree    packed = 't' | 'h'<<8 | 'r'<<16 | 'e'<<24 | 'e'<<32
	wordDozen    packed = 'd' | 'o'<<8 | 'z'<<16 | 'e'<<24 | 'n'<<32
	wordHundred  packed = 'h' | 'u'<<8 | 'n'<<16 | 'd'<<24 | 'r'<<32 | 'e'<<40 | 'd'<<48
	wordQuarter  packed = 'q' | 'u'<<8 | 'a'<<16 | 'r'<<24 | 't'<<32 | 'e'<<40 | 'r'<<48
	wordQuarters packed = wordQuarter | 's'<<56
	wordThousand packed = 't' | 'h'<<8 | 'o'<<16 | 'u'<<24 | 's'<<32 | 'a'<<40 | 'n'<<48 | 'd'<<56
)

// wordAt returns the word of ASCII letters at k, packed (0 when it has
// nine letters or more, or none), and its end.
func wordAt(text []byte, k int) (packed, int) {
	w := load8(text, k)
	l := bits.TrailingZeros64(letterBits(w)^high) / 8 // 8: eight letters or more
	if l == 8 && k+8 < len(text) && isASCIILetter(text[k+8]) {
		return 0, wordEnd(text, k+9)
	}
	return packWord(w, l), k + l
}

// nextWord skips one run of spaces after e and returns the next word,
// packed, and its end; no word (0, e) when no space follows.
func nextWord(text []byte, e int) (packed, int) {
	w := spaceWidth(text, e)
	if w == 0 {
		return 0, e
	}
	return wordAt(text, e+w)
}

// cardinalAt returns the value of the cardinal number word w (packed by
// wordAt) spelled from k to e, or 0.
func cardinalAt(text []byte, k int, w packed, e int) int64 {
	if w == 0 {
		// the one cardinal longer than eight letters
		if e-k == len("seventeen") && hasPrefixFold(text[k:], "seventeen") {
			return 17
		}
		return 0
	}
	if c, ok := numberWord(w); ok {
		return c
	}
	return 0
}

// spelled reads a spelled number followed by a unit at the word start i:
// "two miles", "a hundred miles an hour", "half a kilometer",
// "three-quarters of a mile", "two and a half stone", "a mile".
func (s *Scanner) spelled(text []byte, i int, sc *scratch) (Quantity, int, bool) {
	sv, ok := spelledValue(text, i)
	if !ok {
		return Quantity{}, 0, false
	}
	end := sv.end
	// look for the unit before building any number: most spelled words
	// ("a", "one", "ten") are followed by no unit at all
	num := number{start: i, end: end, spelled: true, locale: s.locale}
	u, us, ue, hyph, ok := s.unitAfter(text, end, &num)
	be, bare := 0, false
	if !ok {
		be, bare = bareDegrees(text, end)
		if !bare {
			return Quantity{}, 0, false
		}
	}
	v, fine := sc.arena.Frac(sv.num, sv.den), sc.arena.Frac(sv.fineNum, sv.fineDen)
	num.written = string(text[i:end])
	num.spelledAmt = numeral.TakeExact(v, fine)
	num.n = numeral.Number{Value: v, Sig: num.spelledAmt.Sig}
	if sign, ss := signBefore(text, i); sign {
		num.neg = true
		num.sign = string(text[ss:i])
		i = ss
	}
	if bare {
		q := Quantity{Kind: Measure, Start: i, End: be, BareDegrees: true, UnitStart: end, UnitEnd: be}
		q.Numbers = sc.numberTexts(&num)
		q.Amounts = sc.amounts.take(num.amount())
		if e, below := belowZero(text, be); below {
			q.End = e
			q.Amounts[0].Value.Neg(q.Amounts[0].Value)
		}
		s.finish(text, &q)
		return q, q.End, true
	}
	q := Quantity{Kind: Measure, Start: i, End: ue}
	q.setUnit(u, us, ue, hyph)
	q.Numbers = sc.numberTexts(&num)
	q.Amounts = sc.amounts.take(num.amount())
	s.finish(text, &q)
	return q, q.End, true
}

// spelledNumber is a spelled number's value and the place value of its
// last word, as small fractions, so that reading one allocates nothing.
type spelledNumber struct {
	num, den         int64 // value
	fineNum, fineDen int64 // place value of the last word
	end              int   // where the number words end
}

// spelledValue reads a spelled number at i: "two", "twenty-five", "a
// hundred", "half a", "three-quarters of a", "two and a half", "a".
func spelledValue(text []byte, i int) (spelledNumber, bool) {
	w, e := wordAt(text, i)
	switch w {
	case wordA, wordAn:
		nw, ne := nextWord(text, e)
		switch nw {
		case wordHundred:
			return spelledNumber{100, 1, 100, 1, ne}, true
		case wordThousand:
			return spelledNumber{1000, 1, 1000, 1, ne}, true
		case wordDozen:
			return spelledNumber{12, 1, 1, 1, ne}, true
		case wordQuarter:
			if end, ok := ofA(text, ne); ok {
				return spelledNumber{1, 4, 1, 4, end}, true
			}
			return spelledNumber{}, false
		case wordHalf:
			return spelledNumber{}, false
		}
		// "a mile": one, when a unit follows (checked by the caller)
		return spelledNumber{1, 1, 1, 1, e}, true
	case wordHalf:
		if nw, ne := nextWord(text, e); nw == wordA || nw == wordAn {
			return spelledNumber{1, 2, 1, 2, ne}, true
		}
		return spelledNumber{}, false
	case wordQuarter:
		if end, ok := ofA(text, e); ok {
			return spelledNumber{1, 4, 1, 4, end}, true
		}
		return spelledNumber{}, false
	}
	// "three-quarters of a", "three quarters of a"
	if w == wordThree && e < len(text) && (text[e] == '-' || text[e] == ' ') {
		if qw, qe := wordAt(text, e+1); qw == wordQuarters {
			if end, ok := ofA(text, qe); ok {
				return spelledNumber{3, 4, 1, 4, end}, true
			}
		}
	}
	base := cardinalAt(text, i, w, e)
	if base == 0 {
		return spelledNumber{}, false
	}
	v, end := base, e
	// "twenty-five"
	if base >= 20 && base%10 == 0 && end < len(text) && text[end] == '-' {
		uw, ue := wordAt(text, end+1)
		if u := cardinalAt(text, end+1, uw, ue); u > 0 && u < 10 {
			v += u
			end = ue
		}
	}
	fine := int64(1)
	// "two hundred", "three thousand"
	nw, ne := nextWord(text, end)
	if nw == wordHundred || nw == wordThousand {
		fine = 100
		if nw == wordThousand {
			fine = 1000
		}
		v *= fine
		end = ne
		nw, ne = nextWord(text, end)
	}
	// "two and a half"
	if nw == wordAnd {
		if aw, ae := nextWord(text, ne); aw == wordA {
			if hw, he := nextWord(text, ae); hw == wordHalf {
				return spelledNumber{2*v + 1, 2, 1, 2, he}, true
			}
		}
	}
	return spelledNumber{v, 1, fine, 1, end}, true
}

// ofA reads " of a" or " of an" after e.
func ofA(text []byte, e int) (int, bool) {
	ow, oe := nextWord(text, e)
	if ow != wordOf {
		return 0, false
	}
	aw, ae := nextWord(text, oe)
	if aw != wordA && aw != wordAn {
		return 0, false
	}
	return ae, true
}
