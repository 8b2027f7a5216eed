package lint

import "github.com/unitlint/unitlint/lint/numeral"

// Tolerance is the judgement profile: how much rounding a pair may show.
type Tolerance uint8

// Tolerance profiles (see the README's "How a pair is judged").
const (
	Standard Tolerance = iota
	Strict
	Lenient
)

// String returns "standard", "strict" or "lenient".
func (t Tolerance) String() string {
	return [...]string{"standard", "strict", "lenient"}[t]
}

// GallonStyle says which gallon (and pint, fluid ounce, mpg) a bare
// "gallon" means.
type GallonStyle uint8

// Gallon styles. GallonAuto reads the copy's spelling ("litres", "tonnes",
// "£" are British cues; "liters", "metric tons" American): British copy
// means imperial, American copy US, and copy with no or mixed cues accepts
// either.
const (
	GallonAuto GallonStyle = iota
	GallonUS
	GallonImperial
)

// TonStyle says which ton a bare "ton" means.
type TonStyle uint8

// Ton styles. TonAuto: American copy means the short ton, British copy the
// long ton or the tonne, and copy with no cues any of them.
const (
	TonAuto TonStyle = iota
	TonShort
	TonLong
	TonMetric
)

// Options are the settings of a run: house style, tolerance and per-rule
// severities. The zero value is the default.
type Options struct {
	Tolerance Tolerance
	Gallon    GallonStyle
	Ton       TonStyle
	// NumberLocale is how the copy writes numbers: numeral.English
	// ("1,000.5", the zero value) or numeral.European ("1.000,5",
	// "1 000,5").
	NumberLocale numeral.Locale
	// Severity overrides a rule's default severity by rule name;
	// SeverityOff disables the rule.
	Severity map[string]Severity
	// ReportUnusedSuppressions reports each inline suppression that
	// suppressed nothing, as a warning of rule "unused-suppression".
	ReportUnusedSuppressions bool
}

// SeverityOf returns the effective severity of an analyzer.
func (o *Options) SeverityOf(a *Analyzer) Severity {
	if o != nil {
		if s, ok := o.Severity[a.Name]; ok {
			return s
		}
	}
	return a.Severity
}
