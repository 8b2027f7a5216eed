//go:build race

package judge

// raceEnabled: the race detector slows the exact path about tenfold, so the
// long randomised tests use their -short size.
const raceEnabled = true
