//go:build !race

package judge

// raceEnabled is false: see race_test.go.
const raceEnabled = false
