package diag_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/diag"
)

var blocks = &diag.Rule{ID: "blocks-missing", Severity: diag.Error, Doc: "d"}
var mue = &diag.Rule{ID: "mue-exceeded", Severity: diag.Warning, Escalates: diag.Error, Doc: "d"}

// TestList: findings sort by line, column, rule; render one way as text;
// and keep their shape in JSON.
func TestList(t *testing.T) {
	l := diag.List{
		blocks.At("1", 9, 0, "Lesion 1, stage 2 has no block count"),
		mue.At("", 3, 0, "17312: 9 units"),
		blocks.At("1", 9, 11, "Blocks: expected a count"),
	}
	l.Sort()
	var b bytes.Buffer
	require.NoError(t, l.WriteText(&b, "note.txt"))
	assert.Equal(t, "note.txt:3: mue-exceeded: 17312: 9 units\n"+
		"note.txt:9: blocks-missing: Lesion 1, stage 2 has no block count\n"+
		"note.txt:9:11: blocks-missing: Blocks: expected a count\n", b.String())
	assert.True(t, l.HasError())
	assert.False(t, diag.List{mue.At("", 1, 0, "x")}.HasError())

	out, err := json.Marshal(l[2])
	require.NoError(t, err)
	assert.JSONEq(t, `{"rule":"blocks-missing","severity":"error","lesion":"1","line":9,"column":11,"message":"Blocks: expected a count"}`, string(out))
}

func TestRuleSeverities(t *testing.T) {
	assert.Equal(t, []diag.Severity{diag.Error}, blocks.Severities())
	assert.Equal(t, []diag.Severity{diag.Warning, diag.Error}, mue.Severities())
	assert.Equal(t, 1, blocks.At("", 0, 0, "x").Line, "a finding is never before line 1")
}
