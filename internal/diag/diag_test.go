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

// TestCapped: past n findings of one rule, one finding counts the rest;
// other rules are untouched.
func TestCapped(t *testing.T) {
	var l diag.List
	for i := 1; i <= 5; i++ {
		l = append(l, blocks.At("1", i, 0, "stage %d", i))
	}
	l = append(l, mue.At("", 9, 0, "x"))
	got := l.Capped(2)
	require.Len(t, got, 4)
	assert.Equal(t, []int{1, 2, 3, 9}, []int{got[0].Line, got[1].Line, got[2].Line, got[3].Line})
	assert.Equal(t, "3 more blocks-missing findings in this note are not listed (at most 2 per rule)", got[2].Message)
	assert.Equal(t, l, l.Capped(5), "a list within the cap is returned as it is")
}
