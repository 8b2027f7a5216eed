// Package corpus reads the labelled development corpus
// (../shared/corpus/dev.jsonl beside the project) for tests: its lines, and
// the byte spans of each labelled pair found the way eval/score.py finds them.
package corpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// Pair is one labelled pair of a corpus line.
type Pair struct {
	A       string   `json:"a"`
	B       string   `json:"b"`
	Kind    string   `json:"kind"`
	Exact   *float64 `json:"exact"`
	Verdict string   `json:"verdict"`
	Cause   *string  `json:"cause"`
	Fix     *string  `json:"fix"`
	// Byte spans of A and B in the line's text.
	AStart, AEnd, BStart, BEnd int `json:"-"`
}

// Line is one corpus line.
type Line struct {
	ID    string   `json:"id"`
	Text  string   `json:"text"`
	Pairs []Pair   `json:"pairs"`
	Tags  []string `json:"tags"`
}

// HasTag reports whether the line carries tag.
func (l *Line) HasTag(tag string) bool {
	for _, t := range l.Tags {
		if t == tag {
			return true
		}
	}
	return false
}

// Path returns the corpus file's path: $UNITLINT_CORPUS, or
// ../shared/corpus/dev.jsonl beside the repository root.
func Path() string {
	if p := os.Getenv("UNITLINT_CORPUS"); p != "" {
		return p
	}
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..")
	return filepath.Join(root, "..", "shared", "corpus", "dev.jsonl")
}

// Load reads the corpus and locates every pair's spans.
func Load() ([]Line, error) {
	f, err := os.Open(Path())
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	defer f.Close()
	var out []Line
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var l Line
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return nil, fmt.Errorf("corpus: %w", err)
		}
		if err := locate(&l); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, sc.Err()
}

// locate finds each pair's spans as score.py does: A at or after the end of
// the previous pair's A (else at the previous A), B after A.
func locate(l *Line) error {
	cursor, prev := 0, 0
	for i := range l.Pairs {
		p := &l.Pairs[i]
		a := index(l.Text, p.A, cursor)
		if a < 0 {
			a = index(l.Text, p.A, prev)
		}
		if a < 0 {
			return fmt.Errorf("corpus: %s: %q not found", l.ID, p.A)
		}
		b := index(l.Text, p.B, a+len(p.A))
		if b < 0 {
			b = index(l.Text, p.B, 0)
		}
		if b < 0 {
			return fmt.Errorf("corpus: %s: %q not found", l.ID, p.B)
		}
		p.AStart, p.AEnd = a, a+len(p.A)
		p.BStart, p.BEnd = b, b+len(p.B)
		prev, cursor = a, a+len(p.A)
	}
	return nil
}

func index(s, sub string, from int) int {
	if from > len(s) {
		return -1
	}
	i := strings.Index(s[from:], sub)
	if i < 0 {
		return -1
	}
	return from + i
}
