package markup_test

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/unitlint/unitlint/lint"
	"github.com/unitlint/unitlint/lint/markup"
)

// countdown is a context that is done after its Err has been asked n
// times: a cancellation that falls at a set point of the work.
type countdown struct {
	context.Context
	left  atomic.Int64
	asked atomic.Int64
}

func newCountdown(n int64) *countdown {
	c := &countdown{Context: context.Background()}
	c.left.Store(n)
	return c
}

func (c *countdown) Err() error {
	c.asked.Add(1)
	if c.left.Add(-1) < 0 {
		return context.Canceled
	}
	return nil
}

// TestParseCancelled holds a Markdown or HTML parse to stop once its
// context is done: it returns the context's error, having looked at the
// context once every few hundred lines or tokens, not once per file, and
// a context that is never done lets it finish.
func TestParseCancelled(t *testing.T) {
	para := "The road runs 5 km (3 miles) past the <b>old</b> mill.\n\n"
	for _, tt := range []struct {
		kind markup.Kind
		src  string
	}{
		{markup.Markdown, strings.Repeat(para, 20000)},
		{markup.HTML, strings.Repeat("<p>"+para+"</p>\n", 20000)},
	} {
		t.Run(string(tt.kind), func(t *testing.T) {
			parse := tt.kind.Parser()
			f := lint.NewFile("a", []byte(tt.src))

			ctx := newCountdown(3)
			doc, err := parse(ctx, f)
			require.ErrorIs(t, err, context.Canceled)
			assert.Nil(t, doc)
			assert.LessOrEqual(t, ctx.asked.Load(), int64(5), "it went on after the cancellation")

			ctx = newCountdown(1 << 40)
			doc, err = parse(ctx, f)
			require.NoError(t, err)
			assert.Equal(t, 20000, strings.Count(string(doc.Text), "5 km (3 miles)"))
			assert.Greater(t, ctx.asked.Load(), int64(20), "it looked at the context too seldom")
		})
	}
}

// TestParseCancelledInTheWalk holds a Markdown parse to stop in the walk
// over goldmark's tree too: one line of emphasis, which goldmark reads in
// its inline phase (where it cannot look at the context), makes a tree of
// 60,000 nodes, and a cancellation that falls while they are mapped ends
// the parse.
func TestParseCancelledInTheWalk(t *testing.T) {
	src := strings.Repeat("*ten* miles ", 20000) + "\n"
	f := lint.NewFile("a.md", []byte(src))
	parse := markup.Markdown.Parser()

	never := newCountdown(1 << 40)
	doc, err := parse(never, f)
	require.NoError(t, err)
	assert.Equal(t, 20000, strings.Count(string(doc.Text), "ten miles"))
	assert.Greater(t, never.asked.Load(), int64(100), "the walk looked at the context too seldom")

	ctx := newCountdown(50)
	doc, err = parse(ctx, f)
	require.ErrorIs(t, err, context.Canceled)
	assert.Nil(t, doc)
	assert.LessOrEqual(t, ctx.asked.Load(), int64(52), "it went on after the cancellation")
}
