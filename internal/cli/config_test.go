package cli_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/internal/cli"
	"github.com/unitlint/unitlint/rules"
)

// newsroom writes files (slash paths → contents) under a new repository
// root and moves the test into it.
func newsroom(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(root, ".git"), 0o755))
	for p, body := range files {
		p = filepath.Join(root, filepath.FromSlash(p))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
	}
	t.Chdir(root)
	return root
}

// diagnostics runs check --format json and returns "path:line:col rule
// severity" for each diagnostic.
func diagnostics(t *testing.T, args ...string) (int, []string, string) {
	t.Helper()
	code, out, errOut := run(t, "", nil, append([]string{"check", "--format", "json"}, args...)...)
	var got jsonCheck
	require.NoError(t, json.Unmarshal([]byte(out), &got), out)
	var ds []string
	for _, d := range got.Diagnostics {
		ds = append(ds, fmt.Sprintf("%s:%d:%d %s %s", filepath.ToSlash(d.Path), d.Start.Line, d.Start.Column, d.Rule, d.Severity))
	}
	return code, ds, errOut
}

const wrong = "The rail tunnel runs for 57km (92 miles).\n"

func TestPerDirectoryConfig(t *testing.T) {
	newsroom(t, map[string]string{
		"a/.unitlint.yaml": "rules:\n  conversion: off\n",
		"a/story.txt":      wrong,
		"b/.unitlint.yaml": "rules:\n  conversion: warning\n",
		"b/story.txt":      wrong,
		"c/story.txt":      wrong,
		"house.yaml":       "rules:\n  conversion: info\n",
	})
	code, ds, _ := diagnostics(t, "c/story.txt", "a", "b/story.txt")
	assert.Equal(t, cli.ExitFindings, code)
	assert.Equal(t, []string{
		"c/story.txt:1:26 conversion error",   // no file: the default
		"b/story.txt:1:26 conversion warning", // b's file
	}, ds, "each file has its own configuration; results in input order")

	code, ds, _ = diagnostics(t, "--fail-level", "error", "b")
	assert.Equal(t, cli.ExitClean, code, "a warning does not fail at --fail-level error")
	assert.Equal(t, []string{"b/story.txt:1:26 conversion warning"}, ds)

	_, ds, _ = diagnostics(t, "--config", "house.yaml", ".")
	assert.Equal(t, []string{
		"a/story.txt:1:26 conversion info",
		"b/story.txt:1:26 conversion info",
		"c/story.txt:1:26 conversion info",
	}, ds, "--config replaces every file's own")
}

const european = "The border runs for 1.000 km (621 miles).\n"

func TestEuropeanLocale(t *testing.T) {
	newsroom(t, map[string]string{
		"de/.unitlint.yaml": "locale: de\n",
		"de/story.txt":      european,
		"en/story.txt":      european,
		"fr/.unitlint.yaml": "locale: fr-FR\n",
		"fr/story.txt":      "Le tunnel mesure 1 000,5 km (621,7 miles) et 57,2 km (35,5 miles).\n",
	})
	code, out, _ := run(t, "", nil, "pairs", "--format", "json", "de/story.txt")
	assert.Equal(t, cli.ExitClean, code)
	assert.Equal(t, `{"pairs":[
{"path":"de/story.txt","shape":"paren","start":{"line":1,"column":21,"offset":20},"end":{"line":1,"column":40,"offset":39},"from":{"text":"1.000 km","value":1000,"unit":"km"},"to":{"text":"621 miles","value":621,"unit":"mi"},"expected":621.371192237334,"verdict":"ok","level":"ok"}
]}
`, out)

	code, ds, _ := diagnostics(t, "de", "en", "fr")
	assert.Equal(t, cli.ExitFindings, code)
	assert.Equal(t, []string{"en/story.txt:1:21 conversion error"}, ds, "in English 1.000 km is one kilometre")

	// a flag beats the file, both ways
	_, ds, _ = diagnostics(t, "--locale", "en", "de")
	assert.Equal(t, []string{"de/story.txt:1:21 conversion error"}, ds)
	_, ds, _ = diagnostics(t, "--locale", "de", "en")
	assert.Empty(t, ds)

	_, out, _ = run(t, "", nil, "pairs", "fr/story.txt")
	assert.Equal(t, "fr/story.txt:1:18: 1 000,5 km -> 621,7 miles: exact 621.7 mi: ok\nfr/story.txt:1:46: 57,2 km -> 35,5 miles: exact 35.54 mi: ok\n", out)
}

func TestBadConfig(t *testing.T) {
	newsroom(t, map[string]string{
		"desk/.unitlint.yaml": "tolerance: strict\nrules:\n  conversion: error\ntolerence: lenient\n", //nolint:misspell // the typo is what is tested
		"desk/one.txt":        wrong,
		"desk/two.txt":        wrong,
		"other/story.txt":     wrong,
	})
	code, ds, errOut := diagnostics(t, ".")
	assert.Equal(t, cli.ExitError, code)
	assert.Equal(t, []string{"other/story.txt:1:26 conversion error"}, ds, "the files the broken file governs are not linted; the others are")
	assert.Equal(t, "unitlint: "+filepath.Join("desk", ".unitlint.yaml")+`:4: unknown key "tolerence" (did you mean "tolerance"?)`+"\n", errOut) //nolint:misspell // the typo is what is tested

	code, _, errOut = run(t, "", nil, "check", "--config", filepath.Join("desk", ".unitlint.yaml"), "other")
	assert.Equal(t, cli.ExitError, code)
	assert.Equal(t, "unitlint: "+filepath.Join("desk", ".unitlint.yaml")+`:4: unknown key "tolerence" (did you mean "tolerance"?)`+"\n", errOut) //nolint:misspell // the typo is what is tested

	code, _, errOut = run(t, "", nil, "check", "--tolerance", "loose", "other")
	assert.Equal(t, cli.ExitError, code)
	assert.True(t, strings.HasPrefix(errOut, "unitlint: usage: --tolerance must be strict, standard or lenient, not \"loose\"\n\n"), errOut)
	code, _, errOut = run(t, "", nil, "pairs", "--locale", "xx-!!", "other")
	assert.Equal(t, cli.ExitError, code)
	assert.True(t, strings.HasPrefix(errOut, "unitlint: usage: --locale must be a BCP 47 language tag such as en, de or fr-CA, not \"xx-!!\"\n"), errOut)
}

func TestIgnoredFileNamed(t *testing.T) {
	newsroom(t, map[string]string{
		".unitlint.yaml":  "ignore:\n  - drafts\n",
		"drafts/wip.txt":  wrong,
		"notes.rst":       wrong,
		"story.txt":       wrong,
		"drafts/more.txt": wrong,
	})
	code, ds, errOut := diagnostics(t, filepath.Join("drafts", "wip.txt"), "notes.rst", ".")
	assert.Equal(t, cli.ExitFindings, code)
	assert.Equal(t, []string{"notes.rst:1:26 conversion error", "story.txt:1:26 conversion error"}, ds,
		"a file named is linted as text whatever its extension; a walk skips it")
	assert.Equal(t, "unitlint: "+filepath.Join("drafts", "wip.txt")+`: skipped: ignored by "drafts" (.unitlint.yaml:2)`+"\n", errOut)
}

// ruleLines are the lines `unitlint config` writes for the rules, one
// per registered rule in registry order: set holds the lines of the
// rules the configuration sets, the others have their default.
func ruleLines(set map[string]string) string {
	var b strings.Builder
	for _, r := range rules.All() {
		if line, ok := set[r.Name]; ok {
			b.WriteString(line)
			continue
		}
		fmt.Fprintf(&b, "%-30s# default\n", "  "+r.Name+": "+r.Severity.String())
	}
	return b.String()
}

func TestConfigCommand(t *testing.T) {
	newsroom(t, map[string]string{
		".unitlint.yaml":       "gallon: imperial\nignore: [\"**/*.tmp.md\"]\n",
		"world/.unitlint.yaml": "# the foreign desk\nlocale: de\nton: metric\nrules:\n  conversion: warning\nextensions:\n  .mdx: markdown\n",
		"world/paris.mdx":      "",
		"house.yaml":           "tolerance: lenient\n",
	})
	code, out, errOut := run(t, "", nil, "config", "--tolerance", "strict", filepath.Join("world", "paris.mdx"))
	assert.Equal(t, cli.ExitClean, code, errOut)
	file := filepath.Join("world", ".unitlint.yaml")
	assert.Equal(t, `# configuration of `+filepath.Join("world", "paris.mdx")+`
# file: `+file+`
tolerance: strict             # flag --tolerance
gallon: auto                  # default
ton: metric                   # `+file+`:3
locale: de                    # `+file+`:2
rules:
`+ruleLines(map[string]string{"conversion": "  conversion: warning         # " + file + ":5\n"})+`ignore: []                    # default
extensions:
  .htm: html                  # default
  .html: html                 # default
  .markdown: markdown         # default
  .md: markdown               # default
  .mdx: markdown              # `+file+`:7
  .txt: text                  # default
`, out)

	code, out, _ = run(t, "", nil, "config")
	assert.Equal(t, cli.ExitClean, code)
	assert.Equal(t, `# configuration of .
# file: .unitlint.yaml
tolerance: standard           # default
gallon: imperial              # .unitlint.yaml:1
ton: auto                     # default
locale: en                    # default
rules:
`+ruleLines(nil)+`ignore:
  - "**/*.tmp.md"             # .unitlint.yaml:2
extensions:
  .htm: html                  # default
  .html: html                 # default
  .markdown: markdown         # default
  .md: markdown               # default
  .txt: text                  # default
`, out, "the working directory's configuration")

	code, out, _ = run(t, "", nil, "config", "--config", "house.yaml", "world")
	assert.Equal(t, cli.ExitClean, code)
	assert.Contains(t, out, "# file: house.yaml\ntolerance: lenient            # house.yaml:1\ngallon: auto ")

	code, _, errOut = run(t, "", nil, "config", "a", "b")
	assert.Equal(t, cli.ExitError, code)
	assert.Contains(t, errOut, "unitlint: usage: config takes at most one PATH, got 2\n")
	code, _, errOut = run(t, "", nil, "config", "nope.md")
	assert.Equal(t, cli.ExitError, code)
	assert.Equal(t, "unitlint: nope.md: no such file or directory\n", errOut)
}
