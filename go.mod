module github.com/unitlint/unitlint

go 1.26.8
