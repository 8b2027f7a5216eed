package report_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/lint/report"
)

// TestSARIFValidator runs the official SARIF validator (the Microsoft SARIF
// Multitool, pinned in tools/sarif/package.json and installed there by
// .ci/run) over the SARIF of the example articles and of the fixture, and
// fails on any error- or warning-level result it reports. It needs npx;
// .ci/run makes sure both are present, so CI always runs it.
func TestSARIFValidator(t *testing.T) {
	npx, err := exec.LookPath("npx")
	if err != nil {
		t.Skip("npx is not installed: the SARIF validator cannot run (.ci/run installs it)")
	}
	root := repoRoot(t)
	tool := filepath.Join(root, "tools", "sarif")
	dir := t.TempDir()

	// the example articles, with paths relative to the repository root
	var articlesOut bytes.Buffer
	render(t, report.NewSARIF(&articlesOut, report.Meta{Version: "0.0.0-test", BaseDir: root}), articleResults(t))
	require.Contains(t, articlesOut.String(), `"ruleId": "conversion"`, "the articles have findings to validate")

	var fixtureOut bytes.Buffer
	render(t, report.NewSARIF(&fixtureOut, meta), fixture(t))

	for name, log := range map[string][]byte{"articles.sarif": articlesOut.Bytes(), "fixture.sarif": fixtureOut.Bytes()} {
		t.Run(name, func(t *testing.T) {
			in := filepath.Join(dir, name)
			require.NoError(t, os.WriteFile(in, log, 0o644))
			out := filepath.Join(dir, "validation-"+name)
			cmd := exec.Command(npx, "--yes", "@microsoft/sarif-multitool", "validate", "--output", out, in)
			cmd.Dir = tool
			// the validator is a .NET program: it needs no ICU in invariant mode
			cmd.Env = append(os.Environ(), "DOTNET_CLI_TELEMETRY_OPTOUT=1", "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1")
			console, err := cmd.CombinedOutput()
			require.NoError(t, err, "sarif-multitool failed:\n%s", console)
			for _, p := range problems(t, out) {
				t.Errorf("SARIF validator: %s", p)
			}
		})
	}
}

// problems reads the validator's own SARIF log and returns its error- and
// warning-level results, and its failed tool notifications.
func problems(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err, "the validator wrote no log")
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						DefaultConfiguration struct {
							Level string `json:"level"`
						} `json:"defaultConfiguration"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Invocations []struct {
				ExecutionSuccessful        bool `json:"executionSuccessful"`
				ToolExecutionNotifications []struct {
					Level   string `json:"level"`
					Message struct {
						Text string `json:"text"`
					} `json:"message"`
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string `json:"level"`
				Message   struct {
					Text      string   `json:"text"`
					ID        string   `json:"id"`
					Arguments []string `json:"arguments"`
				} `json:"message"`
			} `json:"results"`
		} `json:"runs"`
	}
	require.NoError(t, json.Unmarshal(b, &log))
	require.NotEmpty(t, log.Runs)
	var out []string
	for _, run := range log.Runs {
		for _, inv := range run.Invocations {
			if !inv.ExecutionSuccessful {
				out = append(out, "the validator's run did not succeed")
			}
			for _, n := range inv.ToolExecutionNotifications {
				if n.Level == "error" || n.Level == "warning" {
					out = append(out, n.Level+": "+n.Message.Text)
				}
			}
		}
		for _, r := range run.Results {
			// a result without a level has its rule's default level, and
			// a rule without one "warning"
			level := r.Level
			if level == "" && r.RuleIndex >= 0 && r.RuleIndex < len(run.Tool.Driver.Rules) {
				level = run.Tool.Driver.Rules[r.RuleIndex].DefaultConfiguration.Level
			}
			if level == "" {
				level = "warning"
			}
			if level == "error" || level == "warning" {
				out = append(out, fmt.Sprintf("%s %s: %s%s %s", level, r.RuleID, r.Message.Text, r.Message.ID, strings.Join(r.Message.Arguments, " | ")))
			}
		}
	}
	return out
}
