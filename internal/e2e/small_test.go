//go:build !e2ebig

package e2e_test

// bigCases are built in with the e2ebig tag (big_test.go).
func bigCases() []matrixCase { return nil }
