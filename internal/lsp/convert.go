package lsp

import (
	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/unitlint/unitlint/lint"
)

// Source is the source of every diagnostic the server publishes.
const Source = "unitlint"

// DefaultRuleDocs is where each rule's documentation is, by default: the
// rule's name is appended as the fragment.
const DefaultRuleDocs = "https://github.com/unitlint/unitlint/blob/main/docs/rules.md#"

// severities maps the engine's severities to the protocol's.
var severities = [...]protocol.DiagnosticSeverity{
	lint.SeverityOff:     protocol.DiagnosticSeverityHint,
	lint.SeverityInfo:    protocol.DiagnosticSeverityInformation,
	lint.SeverityWarning: protocol.DiagnosticSeverityWarning,
	lint.SeverityError:   protocol.DiagnosticSeverityError,
}

// converter turns an analysis's findings into protocol values for one
// session: its position encoding and the rule documentation's address.
type converter struct {
	enc      encoding
	ruleDocs string
}

// diagnostic converts one finding of a, a document at u.
func (c converter) diagnostic(u uri.URI, a *analysis, d *lint.Diagnostic) protocol.Diagnostic {
	sev := protocol.DiagnosticSeverityError
	if int(d.Severity) < len(severities) {
		sev = severities[d.Severity]
	}
	pd := protocol.Diagnostic{
		Range:           rangeOf(a.file, d.Start, d.End, c.enc),
		Severity:        sev,
		Code:            protocol.String(d.Rule),
		CodeDescription: protocol.CodeDescription{Href: uri.URI(c.ruleDocs + d.Rule)},
		Source:          protocol.NewOptional(Source),
		Message:         protocol.String(d.Message),
	}
	for _, r := range d.Related {
		pd.RelatedInformation = append(pd.RelatedInformation, protocol.DiagnosticRelatedInformation{
			Location: protocol.Location{URI: u, Range: rangeOf(a.file, r.Start, r.End, c.enc)},
			Message:  r.Message,
		})
	}
	return pd
}

// diagnostics converts every finding of a.
func (c converter) diagnostics(u uri.URI, a *analysis) []protocol.Diagnostic {
	out := make([]protocol.Diagnostic, len(a.diags))
	for i := range a.diags {
		out[i] = c.diagnostic(u, a, &a.diags[i])
	}
	return out
}

// edits converts a fix's edits.
func (c converter) edits(a *analysis, edits []lint.TextEdit) []protocol.TextEdit {
	out := make([]protocol.TextEdit, len(edits))
	for i, e := range edits {
		out[i] = protocol.TextEdit{Range: rangeOf(a.file, e.Start, e.End, c.enc), NewText: e.NewText}
	}
	return out
}

// codec encodes the payloads of the connection with the protocol's
// union-aware JSON codec; raw messages pass through.
type codec struct{}

// Marshal implements jsonrpc2.Codec.
func (codec) Marshal(v any) ([]byte, error) {
	if m, ok := v.(jsonrpc2.RawMessage); ok {
		if m == nil {
			return []byte("null"), nil
		}
		return m, nil
	}
	return protocol.Marshal(v)
}

// Unmarshal implements jsonrpc2.Codec.
func (codec) Unmarshal(data []byte, v any) error {
	if p, ok := v.(*jsonrpc2.RawMessage); ok {
		*p = append(jsonrpc2.RawMessage(nil), data...)
		return nil
	}
	return protocol.Unmarshal(data, v)
}
