package report_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/report"
	"github.com/unitlint/unitlint/rules"
)

// The fixture: a CRLF line with non-ASCII characters before the flagged
// pair (so code-point columns, byte columns and offsets all differ), and
// messages with every character the formats must escape.
const fixtureSrc = "Le café – “hot” – hit 35C (50F), 100% sure.\r\nAnd the tunnel, 57km (92 miles), is “long”.\n"

const (
	msgEscapes = `35C is about 95F, not 50F: 100% <sure> & "odd", 'quoted'` + "\nsecond line\r"
	msgPlain   = "57km is about 35.42 miles, not 92 miles"
)

// fixture returns results for two files: one with an error (with a fix), a
// warning and a note; one that could not be read.
func fixture(t *testing.T) []*lint.Result {
	t.Helper()
	src := []byte(fixtureSrc)
	at := func(s string) int {
		i := strings.Index(fixtureSrc, s)
		require.GreaterOrEqual(t, i, 0, s)
		return i
	}
	pair1, pair2 := at("35C (50F)"), at("57km (92 miles)")
	fifty := at("50F")
	res := &lint.Result{Path: "stories/a b.txt", File: lint.NewFile("stories/a b.txt", src), Diagnostics: []lint.Diagnostic{
		{Start: pair1, End: pair1 + len("35C (50F)"), Rule: "conversion", Severity: lint.SeverityError, Message: msgEscapes, Cause: "other",
			Fixes: []lint.SuggestedFix{{Message: "write 95F", Edits: []lint.TextEdit{{Start: fifty, End: fifty + 2, NewText: "95"}}}}},
		{Start: pair2, End: pair2 + len("57km (92 miles)"), Rule: "conversion", Severity: lint.SeverityWarning, Message: msgPlain},
		{Start: pair2, End: pair2 + len("57km"), Rule: "temperature-change", Severity: lint.SeverityInfo, Message: "a note, with: punctuation"},
	}}
	broken := &lint.Result{Path: "stories/gone.txt", Err: errors.New("read stories/gone.txt: permission denied")}
	return []*lint.Result{res, broken}
}

func render(t *testing.T, rep report.Reporter, results []*lint.Result) {
	t.Helper()
	for _, r := range results {
		require.NoError(t, rep.Report(r))
	}
	require.NoError(t, rep.Close())
}

var meta = report.Meta{Version: "9.9.9", BaseDir: "/src/repo", Rules: rules.All()}

func TestGitHub(t *testing.T) {
	var out bytes.Buffer
	render(t, report.NewGitHub(&out, meta), fixture(t))
	want := "::error file=stories/a b.txt,line=1,col=23,endLine=1,endColumn=32,title=unitlint (conversion)::" +
		"35C is about 95F, not 50F: 100%25 <sure> & \"odd\", 'quoted'%0Asecond line%0D%0Afix: 95F\n" +
		"::warning file=stories/a b.txt,line=2,col=17,endLine=2,endColumn=32,title=unitlint (conversion)::57km is about 35.42 miles, not 92 miles\n" +
		"::notice file=stories/a b.txt,line=2,col=17,endLine=2,endColumn=21,title=unitlint (temperature-change)::a note, with: punctuation\n" +
		"::error file=stories/gone.txt,title=unitlint::read stories/gone.txt: permission denied\n"
	assert.Equal(t, want, out.String())
}

func TestGitHubEscapes(t *testing.T) {
	assert.Equal(t, "100%25 a%0D%0Ab: c, d", report.EscapeGitHubData("100% a\r\nb: c, d"))
	assert.Equal(t, "100%25 a%0D%0Ab%3A c%2C d", report.EscapeGitHubProperty("100% a\r\nb: c, d"))
	// % first, so an escape is never escaped twice
	assert.Equal(t, "%250A", report.EscapeGitHubData("%0A"))
}

func TestCheckstyle(t *testing.T) {
	var out bytes.Buffer
	render(t, report.NewCheckstyle(&out, meta), fixture(t))
	want := `<?xml version="1.0" encoding="UTF-8"?>
<checkstyle version="4.3">
  <file name="stories/a b.txt">
    <error line="1" column="23" severity="error" message="35C is about 95F, not 50F: 100% &lt;sure&gt; &amp; &#34;odd&#34;, &#39;quoted&#39;&#xA;second line&#xD; (fix: 95F)" source="unitlint.conversion"></error>
    <error line="2" column="17" severity="warning" message="57km is about 35.42 miles, not 92 miles" source="unitlint.conversion"></error>
    <error line="2" column="17" severity="info" message="a note, with: punctuation" source="unitlint.temperature-change"></error>
  </file>
  <file name="stories/gone.txt">
    <error severity="error" message="read stories/gone.txt: permission denied" source="unitlint"></error>
  </file>
</checkstyle>
`
	assert.Equal(t, want, out.String())

	// and an XML parser reads the message back exactly
	var doc struct {
		Files []struct {
			Name   string `xml:"name,attr"`
			Errors []struct {
				Message string `xml:"message,attr"`
			} `xml:"error"`
		} `xml:"file"`
	}
	require.NoError(t, xml.Unmarshal(out.Bytes(), &doc))
	assert.Equal(t, msgEscapes+" (fix: 95F)", doc.Files[0].Errors[0].Message)
}

func TestCheckstyleEmpty(t *testing.T) {
	var out bytes.Buffer
	render(t, report.NewCheckstyle(&out, meta), nil)
	assert.Equal(t, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n</checkstyle>\n", out.String())
}

func TestRDJSON(t *testing.T) {
	var out bytes.Buffer
	render(t, report.NewRDJSON(&out, meta), fixture(t))
	type pos struct{ Line, Column int }
	type rng struct{ Start, End pos }
	var got struct {
		Source      struct{ Name, URL string }
		Diagnostics []struct {
			Message  string
			Severity string
			Location struct {
				Path  string
				Range *rng
			}
			Code        *struct{ Value string }
			Suggestions []struct {
				Range rng
				Text  string
			}
		}
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &got))
	assert.Equal(t, "unitlint", got.Source.Name)
	assert.Equal(t, "https://github.com/unitlint/unitlint", got.Source.URL)
	require.Len(t, got.Diagnostics, 4)
	d := got.Diagnostics[0]
	assert.Equal(t, msgEscapes, d.Message)
	assert.Equal(t, "ERROR", d.Severity)
	assert.Equal(t, "stories/a b.txt", d.Location.Path)
	// columns count bytes: "Le café – “hot” – hit " is 22 code points, 31 bytes
	assert.Equal(t, &rng{Start: pos{1, 32}, End: pos{1, 41}}, d.Location.Range)
	assert.Equal(t, "conversion", d.Code.Value)
	require.Len(t, d.Suggestions, 1)
	assert.Equal(t, rng{Start: pos{1, 37}, End: pos{1, 39}}, d.Suggestions[0].Range)
	assert.Equal(t, "95", d.Suggestions[0].Text)
	assert.Equal(t, "WARNING", got.Diagnostics[1].Severity)
	assert.Equal(t, &rng{Start: pos{2, 17}, End: pos{2, 32}}, got.Diagnostics[1].Location.Range)
	assert.Empty(t, got.Diagnostics[1].Suggestions)
	assert.Equal(t, "INFO", got.Diagnostics[2].Severity)
	assert.Equal(t, "stories/gone.txt", got.Diagnostics[3].Location.Path)
	assert.Nil(t, got.Diagnostics[3].Location.Range)
	assert.Equal(t, "read stories/gone.txt: permission denied", got.Diagnostics[3].Message)
}

func TestSARIF(t *testing.T) {
	var out bytes.Buffer
	render(t, report.NewSARIF(&out, meta), fixture(t))
	type region struct {
		StartLine, StartColumn, EndLine, EndColumn, CharOffset, CharLength int
	}
	type artifact struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId"`
	}
	var log struct {
		Schema  string `json:"$schema"`
		Version string
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name, Version, InformationURI string
					Rules                         []struct {
						ID                                string
						ShortDescription, FullDescription struct{ Text string }
						Help                              struct{ Text, Markdown string }
						DefaultConfiguration              struct{ Level string }
					}
				}
			}
			OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
			ColumnKind         string
			Invocations        []struct {
				ExecutionSuccessful        bool
				ToolExecutionNotifications []struct {
					Level   string
					Message struct{ Text string }
				}
			}
			Results []struct {
				RuleID    string
				RuleIndex *int
				Level     string
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation artifact
						Region           region
					}
				}
				Fixes []struct {
					Description     struct{ Text string }
					ArtifactChanges []struct {
						ArtifactLocation artifact
						Replacements     []struct {
							DeletedRegion   region
							InsertedContent struct{ Text string }
						}
					}
				}
			}
		}
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &log))
	assert.Equal(t, "2.1.0", log.Version)
	assert.Equal(t, "https://json.schemastore.org/sarif-2.1.0.json", log.Schema)
	require.Len(t, log.Runs, 1)
	run := log.Runs[0]
	assert.Equal(t, "unicodeCodePoints", run.ColumnKind)
	assert.Equal(t, "file:///src/repo/", run.OriginalURIBaseIDs["%SRCROOT%"].URI)
	d := run.Tool.Driver
	assert.Equal(t, "unitlint", d.Name)
	assert.Equal(t, "9.9.9", d.Version)
	assert.Equal(t, "https://github.com/unitlint/unitlint", d.InformationURI)
	require.Len(t, d.Rules, len(rules.All()))
	for i, r := range rules.All() {
		assert.Equal(t, r.Name, d.Rules[i].ID)
	}
	assert.Equal(t, "conversion", d.Rules[0].ID)
	assert.Equal(t, "A quantity and its conversion do not agree.", d.Rules[0].ShortDescription.Text)
	assert.True(t, strings.HasPrefix(d.Rules[0].FullDescription.Text, `A pair such as "1,000 sq km (386 sq miles)" gives one quantity in two units. The rule`), d.Rules[0].FullDescription.Text)
	assert.Contains(t, d.Rules[0].Help.Text, "  bad: Russia claims 100,000 sq km (453 sq miles) of its territory. (100,000 sq km is 38,610 sq miles)")
	assert.Contains(t, d.Rules[0].Help.Markdown, `- ❌ bad: Russia claims 100,000 sq km (453 sq miles) of its territory. — 100,000 sq km is 38,610 sq miles`)
	assert.Equal(t, "error", d.Rules[0].DefaultConfiguration.Level)
	assert.Equal(t, "temperature-change", d.Rules[1].ID)

	require.Len(t, run.Results, 3)
	r := run.Results[0]
	assert.Equal(t, "conversion", r.RuleID)
	require.NotNil(t, r.RuleIndex)
	assert.Equal(t, 0, *r.RuleIndex)
	assert.Equal(t, "error", r.Level)
	assert.Equal(t, strings.TrimSpace(msgEscapes)+".", r.Message.Text)
	loc := r.Locations[0].PhysicalLocation
	assert.Equal(t, artifact{URI: "stories/a%20b.txt", URIBaseID: "%SRCROOT%"}, loc.ArtifactLocation)
	// code points: 22 before the pair, 9 in it
	assert.Equal(t, region{StartLine: 1, StartColumn: 23, EndLine: 1, EndColumn: 32, CharOffset: 22, CharLength: 9}, loc.Region)
	require.Len(t, r.Fixes, 1)
	assert.Equal(t, "write 95F.", r.Fixes[0].Description.Text)
	rep := r.Fixes[0].ArtifactChanges[0].Replacements[0]
	assert.Equal(t, region{StartLine: 1, StartColumn: 28, EndLine: 1, EndColumn: 30, CharOffset: 27, CharLength: 2}, rep.DeletedRegion)
	assert.Equal(t, "95", rep.InsertedContent.Text)

	// the second line starts after 43 code points and the CRLF
	assert.Equal(t, region{StartLine: 2, StartColumn: 17, EndLine: 2, EndColumn: 32, CharOffset: 45 + 16, CharLength: 15}, run.Results[1].Locations[0].PhysicalLocation.Region)
	assert.Equal(t, "warning", run.Results[1].Level)
	assert.Empty(t, run.Results[1].Fixes)
	assert.Equal(t, "note", run.Results[2].Level)
	require.NotNil(t, run.Results[2].RuleIndex)
	assert.Equal(t, 1, *run.Results[2].RuleIndex)

	inv := run.Invocations[0]
	assert.False(t, inv.ExecutionSuccessful)
	require.Len(t, inv.ToolExecutionNotifications, 1)
	assert.Equal(t, "error", inv.ToolExecutionNotifications[0].Level)
	assert.Equal(t, "read stories/gone.txt: permission denied.", inv.ToolExecutionNotifications[0].Message.Text)
}

func TestSARIFPaths(t *testing.T) {
	uri := func(path string) (string, string) {
		var out bytes.Buffer
		f := lint.NewFile(path, []byte("x"))
		render(t, report.NewSARIF(&out, meta), []*lint.Result{{Path: path, File: f, Diagnostics: []lint.Diagnostic{{Start: 0, End: 1, Rule: "conversion", Severity: lint.SeverityError, Message: "m"}}}})
		var log struct {
			Runs []struct {
				Results []struct {
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct {
								URI       string `json:"uri"`
								URIBaseID string `json:"uriBaseId"`
							}
						}
					}
				}
			}
		}
		require.NoError(t, json.Unmarshal(out.Bytes(), &log))
		a := log.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation
		return a.URI, a.URIBaseID
	}
	u, base := uri("/src/repo/news/ä#1.md")
	assert.Equal(t, "news/%C3%A4%231.md", u)
	assert.Equal(t, "%SRCROOT%", base)
	u, base = uri("./news/a.txt")
	assert.Equal(t, "news/a.txt", u)
	assert.Equal(t, "%SRCROOT%", base)
	u, base = uri("/elsewhere/a b.txt")
	assert.Equal(t, "file:///elsewhere/a%20b.txt", u)
	assert.Empty(t, base)
	u, base = uri("../up.txt")
	assert.Equal(t, "file:///src/up.txt", u)
	assert.Empty(t, base)
}

func TestGitLab(t *testing.T) {
	type issue struct {
		Description string `json:"description"`
		CheckName   string `json:"check_name"`
		Fingerprint string `json:"fingerprint"`
		Severity    string `json:"severity"`
		Location    struct {
			Path  string `json:"path"`
			Lines struct {
				Begin int `json:"begin"`
				End   int `json:"end"`
			} `json:"lines"`
		} `json:"location"`
	}
	decode := func(results []*lint.Result) []issue {
		var out bytes.Buffer
		render(t, report.NewGitLab(&out, meta), results)
		var issues []issue
		require.NoError(t, json.Unmarshal(out.Bytes(), &issues))
		return issues
	}
	issues := decode(fixture(t))
	require.Len(t, issues, 4)
	assert.Equal(t, "conversion", issues[0].CheckName)
	assert.Equal(t, "major", issues[0].Severity)
	assert.Equal(t, msgEscapes+" (fix: 95F)", issues[0].Description)
	assert.Equal(t, "stories/a b.txt", issues[0].Location.Path)
	assert.Equal(t, 1, issues[0].Location.Lines.Begin)
	assert.Equal(t, "minor", issues[1].Severity)
	assert.Equal(t, 2, issues[1].Location.Lines.Begin)
	assert.Equal(t, "info", issues[2].Severity)
	assert.Equal(t, "blocker", issues[3].Severity)
	assert.Equal(t, "stories/gone.txt", issues[3].Location.Path)
	seen := map[string]bool{}
	for _, is := range issues {
		assert.Len(t, is.Fingerprint, 32)
		assert.False(t, seen[is.Fingerprint], "fingerprints are unique")
		seen[is.Fingerprint] = true
	}

	// the same finding two lines further down keeps its fingerprint; a
	// second occurrence of the same text gets its own
	one := func(src string) []issue {
		i := strings.Index(src, "57km (92 miles)")
		d := lint.Diagnostic{Start: i, End: i + 15, Rule: "conversion", Severity: lint.SeverityError, Message: "m"}
		res := &lint.Result{Path: "a.txt", File: lint.NewFile("a.txt", []byte(src)), Diagnostics: []lint.Diagnostic{d}}
		if j := strings.LastIndex(src, "57km (92 miles)"); j != i {
			d.Start, d.End = j, j+15
			res.Diagnostics = append(res.Diagnostics, d)
		}
		return decode([]*lint.Result{res})
	}
	a, b := one("57km (92 miles)\n"), one("\n\n57km (92 miles)\n")
	assert.Equal(t, a[0].Fingerprint, b[0].Fingerprint)
	assert.Equal(t, 3, b[0].Location.Lines.Begin)
	twice := one("57km (92 miles)\n57km (92 miles)\n")
	require.Len(t, twice, 2)
	assert.Equal(t, a[0].Fingerprint, twice[0].Fingerprint)
	assert.NotEqual(t, twice[0].Fingerprint, twice[1].Fingerprint)
}
