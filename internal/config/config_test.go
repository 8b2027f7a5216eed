package config_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/internal/config"
	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/markup"
	"github.com/unitlint/unitlint/lint/numeral"
	"github.com/unitlint/unitlint/rules"
)

const everyKey = `# house style of the foreign desk
tolerance: strict
gallon: imperial
ton: metric
locale: de
rules:
  conversion: warning
  temperature-change: off
ignore:
  - drafts/**
  - "**/*.tmp.md"
extensions:
  .mdx: markdown
  .HTM: text
  .text: text
`

func TestParseEveryKey(t *testing.T) {
	c, err := config.Parse(".unitlint.yaml", []byte(everyKey), "/news")
	require.NoError(t, err)
	src := func(line int) config.Source { return config.Source{File: ".unitlint.yaml", Line: line} }

	assert.Equal(t, ".unitlint.yaml", c.File)
	assert.Equal(t, "/news", c.Base)
	assert.Equal(t, config.Setting[lint.Tolerance]{Value: lint.Strict, Source: src(2)}, c.Tolerance)
	assert.Equal(t, config.Setting[lint.GallonStyle]{Value: lint.GallonImperial, Source: src(3)}, c.Gallon)
	assert.Equal(t, config.Setting[lint.TonStyle]{Value: lint.TonMetric, Source: src(4)}, c.Ton)
	assert.Equal(t, "de", c.Locale.Value.String())
	assert.Equal(t, numeral.European, c.Locale.Value.Numbers)
	assert.Equal(t, src(5), c.Locale.Source)
	assert.Equal(t, map[string]config.Setting[lint.Severity]{
		"conversion":         {Value: lint.SeverityWarning, Source: src(7)},
		"temperature-change": {Value: lint.SeverityOff, Source: src(8)},
	}, c.Rules)
	assert.Equal(t, []config.Setting[string]{{Value: "drafts/**", Source: src(10)}, {Value: "**/*.tmp.md", Source: src(11)}}, c.Ignore)
	assert.Equal(t, config.Setting[markup.Kind]{Value: markup.Markdown, Source: src(13)}, c.Extensions[".mdx"])
	assert.Equal(t, config.Setting[markup.Kind]{Value: markup.Text, Source: src(14)}, c.Extensions[".htm"], "keys are lower-cased and override the default")
	assert.Equal(t, config.Setting[markup.Kind]{Value: markup.Text, Source: src(15)}, c.Extensions[".text"])
	assert.Equal(t, config.Setting[markup.Kind]{Value: markup.Markdown}, c.Extensions[".md"], "defaults stay")

	assert.Equal(t, lint.Options{
		Tolerance:    lint.Strict,
		Gallon:       lint.GallonImperial,
		Ton:          lint.TonMetric,
		NumberLocale: numeral.European,
		Severity:     map[string]lint.Severity{"conversion": lint.SeverityWarning, "temperature-change": lint.SeverityOff},
	}, c.Options())

	for path, want := range map[string]markup.Kind{"a/story.mdx": markup.Markdown, "A.HTM": markup.Text, "b.md": markup.Markdown, "c.html": markup.HTML} {
		got, ok := c.Markup(path)
		assert.True(t, ok, path)
		assert.Equal(t, want, got, path)
	}
	_, ok := c.Markup("notes.rst")
	assert.False(t, ok)
}

func TestParseOtherSpellings(t *testing.T) {
	c, err := config.Parse("u.yaml", []byte("rules:\n  conversion: on\n  temperature-change: false\ngallon: US\nignore: /drafts/\n"), "/news")
	require.NoError(t, err)
	assert.Equal(t, lint.SeverityError, c.Rules["conversion"].Value, "on is the rule's default severity")
	assert.Equal(t, lint.SeverityOff, c.Rules["temperature-change"].Value)
	assert.Equal(t, lint.GallonUS, c.Gallon.Value, "values are read case-insensitively")
	assert.Equal(t, []config.Setting[string]{{Value: "drafts", Source: config.Source{File: "u.yaml", Line: 5}}}, c.Ignore, "one glob, written clean")

	for _, empty := range []string{"", "# nothing yet\n", "~\n", "rules:\nignore:\nextensions:\n"} {
		c, err := config.Parse("u.yaml", []byte(empty), "/news")
		require.NoError(t, err, "%q", empty)
		assert.Equal(t, lint.Options{}, c.Options(), "%q is the defaults", empty)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ name, yaml, want string }{
		{"unknown key", "tolerance: strict\nrules:\n  conversion: error\ntolerence: lenient\n", //nolint:misspell // the typo is what is tested
			`.unitlint.yaml:4: unknown key "tolerence" (did you mean "tolerance"?)`}, //nolint:misspell // the typo is what is tested
		{"unknown key without a near one", "colour: blue\n",
			`.unitlint.yaml:1: unknown key "colour" (keys: tolerance, gallon, ton, locale, rules, ignore, extensions)`},
		{"bad tolerance", "\ntolerance: loose\n",
			`.unitlint.yaml:2: tolerance must be strict, standard or lenient, not "loose"`},
		{"bad gallon", "gallon: metric\n",
			`.unitlint.yaml:1: gallon must be auto, us or imperial, not "metric"`},
		{"bad ton", "ton: imperial\n",
			`.unitlint.yaml:1: ton must be auto, short, long or metric, not "imperial"`},
		{"empty ton", "ton:\n",
			`.unitlint.yaml:1: ton must be auto, short, long or metric, not ""`},
		{"list for a value", "tolerance:\n  - strict\n",
			`.unitlint.yaml:2: tolerance must be a single value, not a list`},
		{"bad rule name", "rules:\n  convertion: off\n", //nolint:misspell // the typo is what is tested
			`.unitlint.yaml:2: unknown rule "convertion" (did you mean "conversion"?)`}, //nolint:misspell // the typo is what is tested
		{"rule nowhere near", "rules:\n  no-such-rule: off\n",
			`.unitlint.yaml:2: unknown rule "no-such-rule" (rules: ` + strings.Join(ruleNames(), ", ") + `)`},
		{"bad severity", "rules:\n  conversion: loud\n",
			`.unitlint.yaml:2: rules.conversion must be on, off, info, warning or error, not "loud"`},
		{"rules as a list", "rules:\n  - conversion\n",
			`.unitlint.yaml:2: rules must be a mapping of rule names to on, off, info, warning or error, not a list`},
		{"bad locale tag", "locale: not a tag!\n",
			`.unitlint.yaml:1: locale must be a BCP 47 language tag such as en, de or fr-CA, not "not a tag!"`},
		{"unknown locale", "locale: qq\n",
			`.unitlint.yaml:1: locale must be a BCP 47 language tag such as en, de or fr-CA, not "qq"`},
		{"locale with another decimal mark", "locale: ar\n",
			`.unitlint.yaml:1: locale "ar" writes numbers as ١٬٢٣٤٫٥; unitlint reads a decimal point (as en does) or a decimal comma (as de and fr do)`},
		{"bad glob", "ignore:\n  - drafts/**\n  - \"drafts/[\"\n",
			`.unitlint.yaml:3: ignore: "drafts/[" is not a valid glob`},
		{"glob leaving the tree", "ignore: [../other]\n",
			`.unitlint.yaml:1: ignore: "../other" does not name paths below the configuration file's directory`},
		{"ignore as a mapping", "ignore:\n  drafts: yes\n",
			`.unitlint.yaml:2: ignore must be a list of path globs, not a mapping`},
		{"bad extension key", "extensions:\n  mdx: markdown\n",
			`.unitlint.yaml:2: extension "mdx" must be a dot and a suffix, as in ".mdx"`},
		{"bad markup", "extensions:\n  .mdx: mdown\n",
			`.unitlint.yaml:2: extension ".mdx" must be markdown, html or text, not "mdown"`},
		{"duplicate key", "ton: long\ngallon: us\nton: short\n",
			`.unitlint.yaml:3: duplicate key "ton" (first at line 1)`},
		{"not a mapping", "- tolerance: strict\n",
			`.unitlint.yaml:1: the configuration must be a mapping of keys to values, not a list`},
		{"malformed YAML", "tolerance: strict\nrules: [conversion,\n",
			`.unitlint.yaml:2: did not find expected node content`},
		{"malformed YAML on line 3", "tolerance: strict\ngallon: us\nton metric\nlocale: en\n",
			`.unitlint.yaml:3: could not find expected ':'`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := config.Parse(".unitlint.yaml", []byte(tc.yaml), "/news")
			require.Error(t, err)
			assert.Equal(t, tc.want, err.Error())
			var cerr *config.Error
			assert.ErrorAs(t, err, &cerr)
		})
	}
}

// ruleNames lists the registered rules.
func ruleNames() []string {
	var names []string
	for _, r := range rules.All() {
		names = append(names, r.Name)
	}
	return names
}

// ruleLines are the lines Describe writes for the rules, one per
// registered rule in registry order: set holds the lines of the rules the
// configuration sets, the others have their default.
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

func TestParseLocale(t *testing.T) {
	for tag, want := range map[string]numeral.Locale{
		"en": numeral.English, "en-GB": numeral.English, "ja": numeral.English, "de-CH": numeral.English,
		"de": numeral.European, "fr": numeral.European, "fr-CA": numeral.European, "es": numeral.European, "pt-BR": numeral.European,
	} {
		l, err := config.ParseLocale(tag)
		require.NoError(t, err, tag)
		assert.Equal(t, want, l.Numbers, tag)
		assert.Equal(t, tag, l.String())
	}
}

// tree makes files (path → contents) under a new repository root (it
// holds .git, so discovery stops there) and moves the test into it.
func tree(t *testing.T, files map[string]string) string {
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

func TestDiscovery(t *testing.T) {
	root := tree(t, map[string]string{
		".unitlint.yaml":              "tolerance: lenient\n",
		"world/europe/.unitlint.yaml": "# the Europe desk\nlocale: fr\n",
		"world/europe/paris.txt":      "",
		"world/asia/tokyo.txt":        "",
		"top.txt":                     "",
	})
	l, err := config.NewLoader("", nil)
	require.NoError(t, err)

	c, err := l.ForFile("top.txt")
	require.NoError(t, err)
	assert.Equal(t, ".unitlint.yaml", c.File)
	assert.Equal(t, root, c.Base)
	assert.Equal(t, lint.Lenient, c.Tolerance.Value)

	asia, err := l.ForFile(filepath.Join("world", "asia", "tokyo.txt"))
	require.NoError(t, err)
	assert.Same(t, c, asia, "a directory without a file has its parent's, read once")

	eu, err := l.ForFile(filepath.Join("world", "europe", "paris.txt"))
	require.NoError(t, err)
	assert.Equal(t, filepath.Join("world", "europe", ".unitlint.yaml"), eu.File)
	assert.Equal(t, filepath.Join(root, "world", "europe"), eu.Base)
	assert.Equal(t, config.Source{File: filepath.Join("world", "europe", ".unitlint.yaml"), Line: 2}, eu.Locale.Source)
	assert.Equal(t, lint.Standard, eu.Tolerance.Value, "the nearest file wins whole: nothing is inherited")
	assert.Equal(t, config.Source{}, eu.Tolerance.Source)

	abs, err := l.ForDir(filepath.Join(root, "world", "europe"))
	require.NoError(t, err)
	assert.Same(t, eu, abs, "absolute and relative paths find the same file")
}

func TestDiscoveryStopsAtRepositoryRoot(t *testing.T) {
	outer := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(outer, config.FileName), []byte("tolerance: strict\n"), 0o644))
	repo := filepath.Join(outer, "repo")
	require.NoError(t, os.MkdirAll(filepath.Join(repo, ".git"), 0o755))
	require.NoError(t, os.MkdirAll(filepath.Join(repo, "a"), 0o755))
	t.Chdir(repo)
	l, err := config.NewLoader("", nil)
	require.NoError(t, err)
	c, err := l.ForDir("a")
	require.NoError(t, err)
	assert.Empty(t, c.File, "the file above the repository root is not read")
	assert.Equal(t, lint.Standard, c.Tolerance.Value)

	got, ok := config.RepoRoot("a")
	assert.True(t, ok)
	assert.Equal(t, repo, got)
}

func TestConfigFlagOverridesDiscovery(t *testing.T) {
	root := tree(t, map[string]string{
		".unitlint.yaml":     "tolerance: lenient\n",
		"sub/house.yaml":     "tolerance: strict\nignore: [sub/drafts]\n",
		"sub/x/story.txt":    "",
		"sub/.unitlint.yaml": "ton: long\n",
	})
	l, err := config.NewLoader(filepath.Join("sub", "house.yaml"), nil)
	require.NoError(t, err)
	for _, dir := range []string{".", "sub", filepath.Join("sub", "x")} {
		c, err := l.ForDir(dir)
		require.NoError(t, err)
		assert.Equal(t, filepath.Join("sub", "house.yaml"), c.File, dir)
		assert.Equal(t, lint.Strict, c.Tolerance.Value, dir)
		assert.Equal(t, lint.TonAuto, c.Ton.Value, dir)
	}
	c, err := l.ForDir(".")
	require.NoError(t, err)
	assert.Equal(t, root, c.Base, "--config globs are relative to the working directory")
	_, ignored := c.Ignored(filepath.Join("sub", "drafts", "a.md"))
	assert.True(t, ignored)

	_, err = config.NewLoader("missing.yaml", nil)
	assert.EqualError(t, err, "--config missing.yaml: no such file or directory")
	_, err = config.NewLoader(filepath.Join("sub", ".unitlint.yaml"), []config.Override{{Key: "ton", Value: "heavy"}})
	assert.EqualError(t, err, `--ton must be auto, short, long or metric, not "heavy"`)
	var flagErr *config.FlagError
	assert.ErrorAs(t, err, &flagErr)
}

func TestPrecedence(t *testing.T) {
	tree(t, map[string]string{".unitlint.yaml": "tolerance: lenient\ngallon: imperial\n"})
	l, err := config.NewLoader("", []config.Override{{Key: "tolerance", Value: "strict"}, {Key: "locale", Value: "fr"}})
	require.NoError(t, err)
	c, err := l.ForDir(".")
	require.NoError(t, err)
	assert.Equal(t, config.Setting[lint.Tolerance]{Value: lint.Strict, Source: config.Source{Flag: "tolerance"}}, c.Tolerance, "flag beats file")
	assert.Equal(t, config.Setting[lint.GallonStyle]{Value: lint.GallonImperial, Source: config.Source{File: ".unitlint.yaml", Line: 2}}, c.Gallon, "file beats default")
	assert.Equal(t, config.Setting[lint.TonStyle]{}, c.Ton, "default")
	assert.Equal(t, config.Source{Flag: "locale"}, c.Locale.Source)
	assert.Equal(t, "flag --tolerance", c.Tolerance.Source.String())
	assert.Equal(t, ".unitlint.yaml:2", c.Gallon.Source.String())
	assert.Equal(t, "default", c.Ton.Source.String())

	// with no file at all, the flags still apply
	empty := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(empty, ".git"), 0o755))
	d, err := l.ForDir(empty)
	require.NoError(t, err)
	assert.Equal(t, lint.Strict, d.Tolerance.Value)
	assert.Empty(t, d.File)
}

func TestBrokenFileIsAnError(t *testing.T) {
	tree(t, map[string]string{"a/.unitlint.yaml": "tolerence: strict\n", "a/b/story.txt": ""}) //nolint:misspell // the typo is what is tested
	require.NoError(t, os.Mkdir(config.FileName, 0o755))                                       // a directory where the file should be
	l, err := config.NewLoader("", nil)
	require.NoError(t, err)
	_, err = l.ForFile(filepath.Join("a", "b", "story.txt"))
	assert.EqualError(t, err, filepath.Join("a", ".unitlint.yaml")+`:1: unknown key "tolerence" (did you mean "tolerance"?)`) //nolint:misspell // the typo is what is tested
	_, err2 := l.ForDir("a")
	assert.Same(t, err, err2, "the file is read once")
	_, err = l.ForDir(".")
	assert.EqualError(t, err, ".unitlint.yaml: is a directory")
}

func TestIgnored(t *testing.T) {
	c, err := config.Parse(".unitlint.yaml", []byte("ignore:\n  - drafts\n  - \"**/*.tmp.md\"\n  - wire/*/raw/**\n"), filepath.FromSlash("/news"))
	require.NoError(t, err)
	for path, want := range map[string]string{
		"/news/drafts":               "drafts",
		"/news/drafts/a.md":          "drafts",
		"/news/drafts/deep/b.md":     "drafts",
		"/news/x.tmp.md":             "**/*.tmp.md",
		"/news/world/y.tmp.md":       "**/*.tmp.md",
		"/news/wire/ap/raw/1.txt":    "wire/*/raw/**",
		"/news/world/drafts/a.md":    "", // "drafts" is anchored to the file's directory
		"/news/wire/ap/cooked/1.txt": "",
		"/news/story.md":             "",
		"/elsewhere/drafts/a.md":     "",
		"/news":                      "",
	} {
		g, ok := c.Ignored(filepath.FromSlash(path))
		assert.Equal(t, want != "", ok, path)
		assert.Equal(t, want, g.Value, path)
	}
}

func TestDescribe(t *testing.T) {
	tree(t, map[string]string{
		".unitlint.yaml": "# house style\ntolerance: strict\nrules:\n  temperature-change: off\nignore:\n  - drafts/**\nextensions:\n  .mdx: markdown\n",
		"drafts/a.md":    "",
	})
	l, err := config.NewLoader("", []config.Override{{Key: "gallon", Value: "us"}})
	require.NoError(t, err)
	c, err := l.ForFile(filepath.Join("drafts", "a.md"))
	require.NoError(t, err)
	var b strings.Builder
	require.NoError(t, c.Describe(&b, "drafts/a.md"))
	assert.Equal(t, `# configuration of drafts/a.md
# file: .unitlint.yaml
# drafts/a.md is ignored by "drafts/**" (.unitlint.yaml:6)
tolerance: strict             # .unitlint.yaml:2
gallon: us                    # flag --gallon
ton: auto                     # default
locale: en                    # default
rules:
`+ruleLines(map[string]string{"temperature-change": "  temperature-change: off     # .unitlint.yaml:4\n"})+`ignore:
  - "drafts/**"               # .unitlint.yaml:6
extensions:
  .htm: html                  # default
  .html: html                 # default
  .markdown: markdown         # default
  .md: markdown               # default
  .mdx: markdown              # .unitlint.yaml:8
  .txt: text                  # default
`, b.String())

	b.Reset()
	require.NoError(t, config.Default().Describe(&b, "."))
	assert.Equal(t, `# configuration of .
# file: none found (defaults)
tolerance: standard           # default
gallon: auto                  # default
ton: auto                     # default
locale: en                    # default
rules:
`+ruleLines(nil)+`ignore: []                    # default
extensions:
  .htm: html                  # default
  .html: html                 # default
  .markdown: markdown         # default
  .md: markdown               # default
  .txt: text                  # default
`, b.String())
}

func FuzzParse(f *testing.F) {
	f.Add(everyKey)
	f.Add("rules:\n  conversion: [a, b]\n")
	f.Add("a: &x {b: *x}\n")
	f.Add("ignore: ['[', '**']\nextensions: {.x: html}\n")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := config.Parse(".unitlint.yaml", []byte(s), "/news")
		if err != nil {
			var cerr *config.Error
			if !assert.ErrorAs(t, err, &cerr) {
				return
			}
			assert.True(t, strings.HasPrefix(err.Error(), ".unitlint.yaml"), err.Error())
			return
		}
		o := c.Options()
		for name := range o.Severity {
			assert.NotNil(t, rules.ByName(name), name)
		}
	})
}
