package quantity

import (
	"math/big"

	"github.com/unitlint/unitlint/lint/judge"
	"github.com/unitlint/unitlint/lint/numeral"
)

// cardinal number words
var cardinals = map[string]int64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// lowerWord is a short ASCII word, lower-cased, held by value so that
// reading words allocates nothing.
type lowerWord struct {
	b [12]byte
	n int
}

// is reports whether the word is s.
func (w *lowerWord) is(s string) bool { return string(w.b[:w.n]) == s }

// cardinal returns the word's value as a cardinal number, or 0.
func (w *lowerWord) cardinal() int64 { return cardinals[string(w.b[:w.n])] }

// word returns the lower-cased ASCII word at k and its end. Words longer
// than 12 letters come back empty (no number word is that long).
func word(text []byte, k int) (lowerWord, int) {
	var w lowerWord
	e := k
	for e < len(text) && isASCIILetter(text[e]) {
		e++
	}
	if e-k > len(w.b) {
		return w, e
	}
	for i := k; i < e; i++ {
		w.b[i-k] = text[i] | 0x20
	}
	w.n = e - k
	return w, e
}

// nextWord skips one run of spaces after e and returns the next word.
func nextWord(text []byte, e int) (lowerWord, int) {
	w := spaceWidth(text, e)
	if w == 0 {
		return lowerWord{}, e
	}
	return word(text, e+w)
}

// spelled reads a spelled number followed by a unit at the word start i:
// "two miles", "a hundred miles an hour", "half a kilometer",
// "three-quarters of a mile", "two and a half stone", "a mile".
func (s *Scanner) spelled(text []byte, i int) (Quantity, int, bool) {
	v, fine, end, ok := spelledValue(text, i)
	if !ok {
		return Quantity{}, 0, false
	}
	num := number{start: i, end: end, spelled: true, written: string(text[i:end])}
	num.spelledAmt = numeral.Exact(v, fine)
	num.n = numeral.Number{Value: v, Sig: num.spelledAmt.Sig}
	if sign, ss := signBefore(text, i); sign {
		num.neg = true
		i = ss
	}
	u, us, ue, hyph, ok := s.unitAfter(text, end, num)
	if !ok {
		if be, bare := bareDegrees(text, end); bare {
			q := Quantity{Kind: Measure, Start: i, End: be, BareDegrees: true, UnitStart: end, UnitEnd: be}
			q.Numbers = []judge.NumberText{num.text()}
			q.Amounts = []numeral.Amount{num.amount()}
			if e, below := belowZero(text, be); below {
				q.End = e
				q.Amounts[0].Value.Neg(q.Amounts[0].Value)
			}
			s.finish(text, &q)
			return q, q.End, true
		}
		return Quantity{}, 0, false
	}
	q := Quantity{Kind: Measure, Start: i, End: ue}
	q.setUnit(u, us, ue, hyph)
	q.Numbers = []judge.NumberText{num.text()}
	q.Amounts = []numeral.Amount{num.amount()}
	s.finish(text, &q)
	return q, q.End, true
}

// spelledValue reads the value of a spelled number at i, with the place
// value of its last word, and returns where the number words end.
func spelledValue(text []byte, i int) (*big.Rat, *big.Rat, int, bool) {
	w, e := word(text, i)
	switch {
	case w.is("a") || w.is("an"):
		nw, ne := nextWord(text, e)
		switch {
		case nw.is("hundred"):
			return big.NewRat(100, 1), big.NewRat(100, 1), ne, true
		case nw.is("thousand"):
			return big.NewRat(1000, 1), big.NewRat(1000, 1), ne, true
		case nw.is("dozen"):
			return big.NewRat(12, 1), big.NewRat(1, 1), ne, true
		case nw.is("quarter"):
			if end, ok := ofA(text, ne); ok {
				return big.NewRat(1, 4), big.NewRat(1, 4), end, true
			}
			return nil, nil, 0, false
		case nw.is("half"):
			return nil, nil, 0, false
		}
		// "a mile": one, when a unit follows (checked by the caller)
		return big.NewRat(1, 1), big.NewRat(1, 1), e, true
	case w.is("half"):
		nw, ne := nextWord(text, e)
		if nw.is("a") || nw.is("an") {
			return big.NewRat(1, 2), big.NewRat(1, 2), ne, true
		}
		return nil, nil, 0, false
	case w.is("quarter"):
		if end, ok := ofA(text, e); ok {
			return big.NewRat(1, 4), big.NewRat(1, 4), end, true
		}
		return nil, nil, 0, false
	}
	// "three-quarters of a", "three quarters of a"
	if w.is("three") {
		k := e
		if k < len(text) && (text[k] == '-' || text[k] == ' ') {
			qw, qe := word(text, k+1)
			if qw.is("quarters") {
				if end, ok := ofA(text, qe); ok {
					return big.NewRat(3, 4), big.NewRat(1, 4), end, true
				}
			}
		}
	}
	base := w.cardinal()
	if base == 0 {
		return nil, nil, 0, false
	}
	v := base
	end := e
	// "twenty-five"
	if base >= 20 && base%10 == 0 && end < len(text) && text[end] == '-' {
		if uw, ue := word(text, end+1); uw.cardinal() > 0 && uw.cardinal() < 10 {
			v += uw.cardinal()
			end = ue
		}
	}
	fine := big.NewRat(1, 1)
	// "two hundred", "three thousand"
	if nw, ne := nextWord(text, end); nw.is("hundred") || nw.is("thousand") {
		m := int64(100)
		if nw.is("thousand") {
			m = 1000
		}
		v *= m
		fine = big.NewRat(m, 1)
		end = ne
	}
	val := big.NewRat(v, 1)
	// "two and a half"
	if nw, ne := nextWord(text, end); nw.is("and") {
		if aw, ae := nextWord(text, ne); aw.is("a") {
			if hw, he := nextWord(text, ae); hw.is("half") {
				val.Add(val, big.NewRat(1, 2))
				return val, big.NewRat(1, 2), he, true
			}
		}
	}
	return val, fine, end, true
}

// ofA reads " of a" or " of an" after e.
func ofA(text []byte, e int) (int, bool) {
	ow, oe := nextWord(text, e)
	if !ow.is("of") {
		return 0, false
	}
	aw, ae := nextWord(text, oe)
	if !aw.is("a") && !aw.is("an") {
		return 0, false
	}
	return ae, true
}
