package config

import (
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/unitlint/unitlint/lint/numeral"
)

// Locale is the number locale: a BCP 47 language tag and the way numbers
// are written in it, English ("1,000.5") or European ("1.000,5",
// "1 000,5").
type Locale struct {
	Tag     language.Tag
	Numbers numeral.Locale
}

// String returns the language tag.
func (l Locale) String() string { return l.Tag.String() }

// defaultLocale is English.
var defaultLocale = Locale{Tag: language.English, Numbers: numeral.English}

// localeSample is the number the locale's CLDR data writes to show its
// decimal mark.
const localeSample = 1234.5

// ParseLocale reads a BCP 47 language tag ("en", "de", "fr-CA") and picks
// its number style from the Unicode CLDR data golang.org/x/text carries: a
// locale that writes a decimal point reads numbers the English way, one
// that writes a decimal comma the European way. A locale with another
// decimal mark (Arabic's "٫") is an error: the scanner reads neither.
func ParseLocale(s string) (Locale, error) {
	tag, err := language.Parse(s)
	if err != nil {
		return Locale{}, fmt.Errorf("must be a BCP 47 language tag such as en, de or fr-CA, not %q", s)
	}
	sample := message.NewPrinter(tag).Sprintf("%.1f", localeSample)
	// the decimal mark is the rune before the last digit
	last, n := utf8.DecodeLastRuneInString(sample)
	mark, _ := utf8.DecodeLastRuneInString(sample[:len(sample)-n])
	switch {
	case last == '5' && mark == '.':
		return Locale{Tag: tag, Numbers: numeral.English}, nil
	case last == '5' && mark == ',':
		return Locale{Tag: tag, Numbers: numeral.European}, nil
	}
	return Locale{}, fmt.Errorf("%q writes numbers as %s; unitlint reads a decimal point (as en does) or a decimal comma (as de and fr do)", s, sample)
}
