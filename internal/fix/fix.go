// Package fix applies suggested fixes to a file's text: Apply merges the
// edits of many fixes, skipping any that would overlap an earlier one;
// File applies the preferred fix of every diagnostic, lints the result
// again and repeats until nothing more applies; Diff shows the change as
// a unified diff. Writing the result is package atomicfile's job.
package fix

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sort"

	"github.com/aymanbagabas/go-udiff"

	"github.com/unitlint/unitlint/lint"
)

// Reasons a fix is not applied.
var (
	// ErrOverlap: an edit overlaps an edit of a fix applied before it.
	ErrOverlap = errors.New("overlaps another fix")
	// ErrInvalid: an edit lies outside the text, or ends before it starts.
	ErrInvalid = errors.New("edit outside the text")
	// ErrNoEffect: the fix would leave the text as it is.
	ErrNoEffect = errors.New("the fix changes nothing")
	// ErrUnsettled: fixing went on changing the text for MaxPasses passes.
	ErrUnsettled = errors.New("fixes did not settle")
)

// Skip is a fix Apply did not apply.
type Skip struct {
	// Index is the fix's index in the slice given to Apply.
	Index int
	// Err says why: ErrOverlap or ErrInvalid, wrapped with detail.
	Err error
}

// Apply applies fixes to src in the order given, all the edits of a fix
// or none: a fix with an edit that overlaps an edit already accepted (or
// another edit of its own, or inserts where another edit starts, where the
// order of the two would be a guess) is skipped, as is a fix with an edit
// outside src. It returns the new text, the indexes of the fixes applied
// and the fixes skipped. src is not modified.
func Apply(src []byte, fixes []lint.SuggestedFix) (out []byte, applied []int, skipped []Skip) {
	var accepted []lint.TextEdit
	for i, fx := range fixes {
		if err := check(src, fx.Edits, accepted); err != nil {
			skipped = append(skipped, Skip{Index: i, Err: err})
			continue
		}
		accepted = append(accepted, fx.Edits...)
		applied = append(applied, i)
	}
	sort.SliceStable(accepted, func(i, j int) bool { return accepted[i].Start < accepted[j].Start })
	out = make([]byte, 0, len(src))
	pos := 0
	for _, e := range accepted {
		out = append(out, src[pos:e.Start]...)
		out = append(out, e.NewText...)
		pos = e.End
	}
	out = append(out, src[pos:]...)
	return out, applied, skipped
}

// check reports why edits cannot join accepted, or nil.
func check(src []byte, edits, accepted []lint.TextEdit) error {
	for i, e := range edits {
		if e.Start < 0 || e.End < e.Start || e.End > len(src) {
			return fmt.Errorf("%w: [%d, %d) of %d bytes", ErrInvalid, e.Start, e.End, len(src))
		}
		for _, a := range edits[:i] {
			if conflict(a, e) {
				return fmt.Errorf("%w: its own edits overlap at byte %d", ErrOverlap, e.Start)
			}
		}
		for _, a := range accepted {
			if conflict(a, e) {
				return fmt.Errorf("%w at byte %d", ErrOverlap, a.Start)
			}
		}
	}
	return nil
}

// conflict reports whether two edits overlap, or one inserts where the
// other starts.
func conflict(a, b lint.TextEdit) bool {
	if a.Start < b.End && b.Start < a.End {
		return true
	}
	return a.Start == b.Start && (a.Start == a.End || b.Start == b.End)
}

// MaxPasses bounds the lint-and-fix passes of File.
const MaxPasses = 4

// LintFunc lints a file's new text (with the same parser and options as
// the first time).
type LintFunc func(ctx context.Context, src []byte) (*lint.Result, error)

// Outcome is what File did to a file.
type Outcome struct {
	// Before and After are the text before and after fixing.
	Before, After []byte
	// Fixed counts the fixes applied.
	Fixed int
	// Result is the lint result of After: what remains.
	Result *lint.Result
	// Unfixed are the diagnostics of Result that carry a fix File could
	// not apply, each with the reason.
	Unfixed []Unfixed
}

// Changed reports whether fixing changed the text.
func (o *Outcome) Changed() bool { return !bytes.Equal(o.Before, o.After) }

// Unfixed is a remaining diagnostic whose fix was not applied.
type Unfixed struct {
	Diagnostic lint.Diagnostic
	Err        error
}

// File applies the preferred (first) fix of every diagnostic of res, then
// lints the new text with relint and repeats — so a fix skipped because it
// overlapped another gets its turn once the other is in — until no fix
// applies, the text stops changing, or MaxPasses passes are done. res must
// have been linted from its File's source.
func File(ctx context.Context, res *lint.Result, relint LintFunc) (*Outcome, error) {
	src := res.File.Source()
	o := &Outcome{Before: src, After: src, Result: res}
	for range MaxPasses {
		fixes, _ := preferred(o.Result.Diagnostics)
		if len(fixes) == 0 {
			break
		}
		next, applied, _ := Apply(o.After, fixes)
		if len(applied) == 0 || bytes.Equal(next, o.After) {
			break
		}
		r, err := relint(ctx, next)
		if err != nil {
			return nil, fmt.Errorf("lint %s after fixing: %w", res.Path, err)
		}
		if r.Err != nil {
			return nil, fmt.Errorf("lint %s after fixing: %w", res.Path, r.Err)
		}
		o.Fixed += len(applied)
		o.After, o.Result = next, r
	}
	o.Unfixed = unfixed(o.After, o.Result.Diagnostics)
	return o, nil
}

// preferred returns the first fix of each diagnostic that has one, and the
// diagnostics' indexes.
func preferred(ds []lint.Diagnostic) ([]lint.SuggestedFix, []int) {
	var fixes []lint.SuggestedFix
	var idx []int
	for i, d := range ds {
		if len(d.Fixes) > 0 {
			fixes = append(fixes, d.Fixes[0])
			idx = append(idx, i)
		}
	}
	return fixes, idx
}

// unfixed explains why each fixable diagnostic of the final text is still
// there.
func unfixed(src []byte, ds []lint.Diagnostic) []Unfixed {
	fixes, idx := preferred(ds)
	if len(fixes) == 0 {
		return nil
	}
	_, applied, skipped := Apply(src, fixes)
	var out []Unfixed
	for _, s := range skipped {
		out = append(out, Unfixed{Diagnostic: ds[idx[s.Index]], Err: s.Err})
	}
	for _, i := range applied {
		one, _, _ := Apply(src, fixes[i:i+1])
		err := ErrUnsettled
		if bytes.Equal(one, src) {
			err = ErrNoEffect
		}
		out = append(out, Unfixed{Diagnostic: ds[idx[i]], Err: err})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Diagnostic.Start < out[j].Diagnostic.Start })
	return out
}

// Diff returns a unified diff from before to after, with git's a/ and b/
// labels so that `git apply` and `patch -p1` take it; "" when they are
// equal.
func Diff(path string, before, after []byte) (string, error) {
	edits := udiff.Lines(string(before), string(after))
	d, err := udiff.ToUnified("a/"+path, "b/"+path, string(before), edits, udiff.DefaultContextLines)
	if err != nil {
		return "", fmt.Errorf("diff %s: %w", path, err)
	}
	return d, nil
}
