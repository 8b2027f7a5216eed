package judge

// JudgeExact is Judge on the exact path alone, and AssertSameResult the
// comparison of two Results, for the tests of package judge_test.
var (
	JudgeExact       = func(p Pair, opts Options) Result { return judgeWith(p, opts, true) }
	AssertSameResult = assertSameResult
)

// QuickPass is quickPass, for the tests of package judge_test.
func QuickPass(p Pair, opts Options) (Result, bool) {
	return quickPass(&p, profileFor(opts.Tolerance), opts.Catalogue)
}
