package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/unitlint/unitlint/lint"
)

// invocation is the flags of one `unitlint check` in a file.
type invocation struct {
	where string // file:line
	args  []string
}

// shellStop ends a command in a shell line.
var shellStop = map[string]bool{"|": true, "||": true, "&&": true, ";": true, ">": true, "<": true, "2>": true, "#": true}

// shellWords splits a command line into words, dropping quotes (no
// expansion: "$PATHS" stays "$PATHS").
func shellWords(s string) []string {
	var words []string
	var b strings.Builder
	quote, in := rune(0), false
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			b.WriteRune(r)
		case r == '"' || r == '\'':
			quote, in = r, true
		case r == ' ' || r == '\t':
			if in {
				words = append(words, b.String())
				b.Reset()
				in = false
			}
		default:
			b.WriteRune(r)
			in = true
		}
	}
	if in {
		words = append(words, b.String())
	}
	return words
}

// checkInvocations finds every `unitlint check ...` in text (shell lines,
// with backslash continuations) and returns the words after "check", up to
// the end of the command.
func checkInvocations(name, text string) []invocation {
	var out []invocation
	lines := strings.Split(text, "\n")
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		at := strings.Index(line, "unitlint check")
		if at < 0 {
			continue
		}
		cmd := line[at+len("unitlint check"):]
		for strings.HasSuffix(strings.TrimSpace(cmd), "\\") && i+1 < len(lines) {
			i++
			cmd = strings.TrimSuffix(strings.TrimSpace(cmd), "\\") + " " + lines[i]
		}
		var args []string
		for _, w := range shellWords(cmd) {
			if shellStop[w] {
				break
			}
			args = append(args, strings.TrimRight(w, "`"))
		}
		out = append(out, invocation{where: name + ":" + strconv.Itoa(i+1), args: args})
	}
	return out
}

// yamlArgs finds pre-commit `args: [...]` lists in text (the snippets
// pass them after the hook's entry, `unitlint check`).
var yamlArgs = regexp.MustCompile(`(?m)^\s*(?:#\s*)?args:\s*(\[.*\])\s*$`)

func argsInvocations(t *testing.T, name, text string) []invocation {
	var out []invocation
	for _, m := range yamlArgs.FindAllStringSubmatchIndex(text, -1) {
		var args []string
		require.NoError(t, yaml.Unmarshal([]byte(text[m[2]:m[3]]), &args), "%s: args", name)
		line := strings.Count(text[:m[0]], "\n") + 1
		out = append(out, invocation{where: name + ":" + strconv.Itoa(line), args: args})
	}
	return out
}

// checkArgs checks an invocation's flags against the check command's real
// flag set: every flag exists, takes a value when it needs one, and the
// literal values of enumerated flags are valid.
func checkArgs(t *testing.T, inv invocation) {
	t.Helper()
	fs, _ := newCheckFlagSet("check", false)
	for i := 0; i < len(inv.args); i++ {
		w := inv.args[i]
		if !strings.HasPrefix(w, "-") || w == "-" {
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(w, "-"), "=")
		fl := fs.Lookup(name)
		if !assert.NotNil(t, fl, "%s: unitlint check has no flag -%s", inv.where, name) {
			continue
		}
		if bf, ok := fl.Value.(interface{ IsBoolFlag() bool }); ok && bf.IsBoolFlag() {
			continue
		}
		if !hasValue {
			if !assert.Less(t, i+1, len(inv.args), "%s: -%s needs a value", inv.where, name) {
				continue
			}
			i++
			value = inv.args[i]
		}
		if strings.Contains(value, "$") {
			continue // a variable: checked where it is set
		}
		assert.NoError(t, fs.Set(name, value), "%s: -%s %s", inv.where, name, value)
		switch name {
		case "format":
			assert.Contains(t, checkFormats, value, "%s: no format %q", inv.where, value)
		case "fail-level":
			sev, err := lint.ParseSeverity(value)
			assert.NoError(t, err, inv.where)
			assert.NotEqual(t, lint.SeverityOff, sev, inv.where)
		}
	}
}

// codeBlocks blanks every line of a Markdown text outside fenced code
// blocks (keeping the line numbers).
func codeBlocks(md string) string {
	lines := strings.Split(md, "\n")
	in := false
	for i, l := range lines {
		fence := strings.HasPrefix(strings.TrimSpace(l), "```")
		if fence {
			in = !in
		}
		if fence || !in {
			lines[i] = ""
		}
	}
	return strings.Join(lines, "\n")
}

func readRepoFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", name))
	require.NoError(t, err)
	return string(b)
}

// TestDocSnippetFlags keeps the CI snippets in sync with the real flags:
// every `unitlint check` in docs/ci.md, action.yml and
// .pre-commit-hooks.yaml, and every pre-commit args list in docs/ci.md,
// uses only flags the check command defines, with valid values.
func TestDocSnippetFlags(t *testing.T) {
	docs := codeBlocks(readRepoFile(t, "docs/ci.md"))
	action := readRepoFile(t, "action.yml")
	hooks := readRepoFile(t, ".pre-commit-hooks.yaml")

	var all []invocation
	docInv := checkInvocations("docs/ci.md", docs)
	assert.Len(t, docInv, 8, "the snippets of docs/ci.md")
	all = append(all, docInv...)
	docArgs := argsInvocations(t, "docs/ci.md", docs)
	assert.NotEmpty(t, docArgs, "the pre-commit args of docs/ci.md")
	all = append(all, docArgs...)
	actInv := checkInvocations("action.yml", action)
	// the args input's description, and the two runs (SARIF, annotations)
	assert.Len(t, actInv, 3)
	all = append(all, actInv...)
	hookInv := checkInvocations(".pre-commit-hooks.yaml", hooks)
	assert.Len(t, hookInv, 2)
	all = append(all, hookInv...)

	formats := map[string]bool{}
	for _, inv := range all {
		checkArgs(t, inv)
		for i, a := range inv.args {
			if a == "--format" && i+1 < len(inv.args) {
				formats[inv.args[i+1]] = true
			}
		}
	}
	// every CI format is shown somewhere
	for _, f := range []string{"github", "sarif", "gitlab", "rdjson", "checkstyle", "html"} {
		assert.True(t, formats[f], "no snippet uses --format %s", f)
	}
}

// TestSnippetCheckerCatchesDrift makes sure the checker above can fail.
func TestSnippetCheckerCatchesDrift(t *testing.T) {
	inv := checkInvocations("x.md", "run: unitlint check --formatt github --fail-level sometimes --fix \\\n  --output | tee x\n")
	require.Len(t, inv, 1)
	assert.Equal(t, []string{"--formatt", "github", "--fail-level", "sometimes", "--fix", "--output"}, inv[0].args)
	ft := &testing.T{}
	checkArgs(ft, inv[0])
	assert.True(t, ft.Failed(), "an unknown flag, a bad level and a missing value are caught")
	for _, args := range [][]string{{"--formatt", "github"}, {"--fail-level", "sometimes"}, {"--format", "xml"}, {"--output"}} {
		ft := &testing.T{}
		checkArgs(ft, invocation{where: "x", args: args})
		assert.True(t, ft.Failed(), "%v", args)
	}
	ok := &testing.T{}
	checkArgs(ok, invocation{where: "x", args: []string{"--format=sarif", "--fix", "--output", "$OUT", "--fail-level", "error", "a.md"}})
	assert.False(t, ok.Failed())
}

// TestActionAndHooks checks the action's and the hooks' structure.
func TestActionAndHooks(t *testing.T) {
	var action struct {
		Inputs map[string]struct {
			Default *string `yaml:"default"`
		} `yaml:"inputs"`
		Runs struct {
			Using string `yaml:"using"`
			Steps []struct {
				Uses string            `yaml:"uses"`
				Run  string            `yaml:"run"`
				With map[string]string `yaml:"with"`
				Env  map[string]string `yaml:"env"`
				If   string            `yaml:"if"`
			} `yaml:"steps"`
		} `yaml:"runs"`
	}
	text := readRepoFile(t, "action.yml")
	require.NoError(t, yaml.Unmarshal([]byte(text), &action))
	assert.Equal(t, "composite", action.Runs.Using)
	for _, in := range []string{"paths", "fail-level", "sarif", "args", "version"} {
		require.Contains(t, action.Inputs, in)
		assert.NotNil(t, action.Inputs[in].Default, "input %s has a default", in)
	}
	// every input the steps read is declared
	for _, m := range regexp.MustCompile(`inputs\.([a-z-]+)`).FindAllStringSubmatch(text, -1) {
		assert.Contains(t, action.Inputs, m[1], "undeclared input %s", m[1])
	}
	var uses []string
	for _, s := range action.Runs.Steps {
		if s.Uses != "" {
			uses = append(uses, strings.Split(s.Uses, "@")[0])
		}
	}
	assert.Equal(t, []string{"actions/setup-go", "github/codeql-action/upload-sarif"}, uses)

	var hooks []struct {
		ID       string   `yaml:"id"`
		Entry    string   `yaml:"entry"`
		Language string   `yaml:"language"`
		Types    []string `yaml:"types"`
		TypesOr  []string `yaml:"types_or"`
	}
	require.NoError(t, yaml.Unmarshal([]byte(readRepoFile(t, ".pre-commit-hooks.yaml")), &hooks))
	require.Len(t, hooks, 2)
	for _, h := range hooks {
		assert.Equal(t, "golang", h.Language, h.ID)
		assert.True(t, strings.HasPrefix(h.Entry, "unitlint check"), h.ID)
		assert.Equal(t, []string{"text"}, h.Types, h.ID)
		for _, ty := range []string{"markdown", "html", "plain-text"} {
			assert.True(t, slices.Contains(h.TypesOr, ty), "%s: types_or %s", h.ID, ty)
		}
	}
}
