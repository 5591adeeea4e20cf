package audit_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/audit"
	"github.com/mohscode/mohscode/internal/engine"
)

func TestWriteText(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, audit.WriteText(&b, monthReport(t)))
	out := b.String()
	for _, want := range []string{
		"Audit of testdata/month-claims.csv: 16 notes, 65 billed lines\n",
		"\n== ../../samples/nose-two-stage.txt (claim id nose-two-stage), commercial: 3 of 3 lines match\n",
		"\n== ../../samples/back-seven-blocks.txt (claim id back-seven-blocks), commercial: 2 of 3 lines match (1 modifiers differ)\n",
		"audit-modifier-unsupported",
		"12032 ×1 59 billed with 59, which the coding rules do not give this line",
		": NO CLAIMS: no line of the claims file names this note; the engine suggests 17313 ×1, 17314 ×1, 15100 ×1\n",
		"\n== nd-temple, medicare: 2 of 2 lines match\n",
		"Claim ids with no note:\n  ghost-note               claims lines 84, 85: no note has this id\n",
		"  Notes: 16 read, 15 audited, 11 with differences, 1 without claims\n",
		"  Lines: the engine suggests 59, 64 billed; 48 match, 3 units differ, 5 modifiers differ, 3 missing, 8 extra\n",
		"precision 94.9%, recall 87.5% (same code and lesion); exact (units and modifiers too): precision 81.4%, recall 75.0%",
		"  Mohs 1731x          33      37      30       2      1          0        4      81.1%\n",
		"       2  extra 17311\n",
		"       3  audit-mohs-with-separate-pathology   error\n",
	} {
		assert.Contains(t, out, want)
	}
	// a note whose lines all match shows no table
	nose := out[strings.Index(out, "== ../../samples/nose-two-stage.txt"):]
	nose = nose[:strings.Index(nose[1:], "==")+1]
	assert.NotContains(t, nose, "STATUS")
}

func TestWriteJSON(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, audit.WriteJSON(&b, monthReport(t)))
	var got struct {
		Claims string `json:"claims"`
		Notes  []struct {
			ID     string `json:"id"`
			Status string `json:"status"`
			Lines  []struct {
				Status   string         `json:"status"`
				Code     string         `json:"code"`
				Engine   map[string]any `json:"engine"`
				Billed   map[string]any `json:"billed"`
				Findings []string       `json:"audit_findings"`
				Why      string         `json:"why"`
				Evidence []int          `json:"evidence"`
			} `json:"lines"`
			Findings      []map[string]any `json:"audit_findings"`
			Documentation []map[string]any `json:"documentation_findings"`
		} `json:"notes"`
		Unmatched []map[string]any `json:"unmatched_claims"`
		Summary   map[string]any   `json:"summary"`
	}
	require.NoError(t, json.Unmarshal(b.Bytes(), &got))
	assert.Equal(t, "testdata/month-claims.csv", got.Claims)
	require.Len(t, got.Notes, 16)
	back := got.Notes[1]
	require.Len(t, back.Lines, 3)
	l := back.Lines[2]
	assert.Equal(t, "differs", l.Status)
	assert.Equal(t, "12032", l.Code)
	assert.Equal(t, []any{}, l.Engine["modifiers"])
	assert.Equal(t, []any{"59"}, l.Billed["modifiers"])
	assert.EqualValues(t, 11, l.Billed["claims_line"])
	assert.Equal(t, []string{"audit-modifier-unsupported"}, l.Findings)
	assert.Equal(t, []int{27}, l.Evidence)
	assert.Equal(t, "audit-modifier-unsupported", back.Findings[0]["rule"])
	assert.Equal(t, "no-claims", got.Notes[12].Status)
	assert.NotEmpty(t, got.Notes[12].Documentation)
	assert.Len(t, got.Unmatched, 1)
	for _, key := range []string{"precision", "recall", "exact_precision", "exact_recall", "families", "top_differences", "audit_findings", "matched", "missing", "extra"} {
		assert.Contains(t, got.Summary, key)
	}
	// a missing line has no billed side, an extra line no engine side
	assert.Nil(t, got.Notes[2].Lines[3].Billed)
	assert.Nil(t, got.Notes[3].Lines[6].Engine)
}

func TestWriteCSV(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, audit.WriteCSV(&b, monthReport(t)))
	recs, err := csv.NewReader(&b).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, audit.CSVHeader, recs[0])
	rows := recs[1:]
	// 8 differing, 3 missing, 8 extra, 1 not audited, 1 note without
	// claims, 1 claim id without a note
	assert.Len(t, rows, 22)
	col := map[string]int{}
	for i, name := range recs[0] {
		col[name] = i
	}
	byStatus := map[string]int{}
	for _, r := range rows {
		require.Len(t, r, len(audit.CSVHeader))
		byStatus[r[col["status"]]]++
	}
	assert.Equal(t, map[string]int{"units differ": 3, "modifiers differ": 5, "missing": 3, "extra": 8, "not audited": 1, "no-claims": 1, "no-note": 1}, byStatus)
	first := rows[0]
	assert.Equal(t, []string{"../../samples/back-seven-blocks.txt", "back-seven-blocks", "modifiers differ", "12032", "repair", "1",
		"1", "59", "1", "", "11", "27", "audit-modifier-unsupported"}, first[:13])
	last := rows[len(rows)-1]
	assert.Equal(t, []string{"", "ghost-note", "no-note"}, last[:3])
	assert.Equal(t, "84:85", last[col["claims_line"]])
}

func TestWriteHTMLIsSelfContained(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, audit.WriteHTML(&b, monthReport(t)))
	page := b.String()
	assert.True(t, strings.HasPrefix(page, "<!DOCTYPE html>"))
	assert.Contains(t, page, `<svg id="chart"`)
	assert.Contains(t, page, `<table class="sortable" id="lines">`)
	assert.Contains(t, page, "<script>")
	for _, external := range []string{"http://", "https://", "<link", " src=", "@import", "url("} {
		assert.NotContains(t, page, external)
	}
	// note text is escaped: H&E from the notes
	assert.Contains(t, page, "routine only (H&amp;E, toluidine blue)")
}

// TestWriteHTMLEscapes: text from notes and claims cannot inject markup.
func TestWriteHTMLEscapes(t *testing.T) {
	evil := `<img src=x onerror=alert(1)>`
	r := runAudit(t, "\""+evil+"\",17311,1,,1\n\""+evil+"\",88314,1,59,\"<i>x</i>\"\n", audit.Options{}, evil, twoStages)
	var b bytes.Buffer
	require.NoError(t, audit.WriteHTML(&b, r))
	page := b.String()
	assert.NotContains(t, page, evil)
	assert.NotContains(t, page, "<i>x</i>")
	assert.Contains(t, page, "&lt;img src=x onerror=alert(1)&gt;")
	assert.Regexp(t, regexp.MustCompile(`&lt;i&gt;x&lt;/i&gt;`), page)
}

// TestWriteTextOmitsEmptySections: a report with nothing audited has no
// table, no agreement figures and no empty headings.
func TestWriteTextOmitsEmptySections(t *testing.T) {
	eng, err := engine.New(engine.Options{Limits: engine.Limits{LineBytes: 20}})
	require.NoError(t, err)
	r := runAudit(t, "bad,17311,1\n", audit.Options{Engine: eng}, "bad", "Site: nose\nStage 1: 2 blocks; margins: clear\n")
	var b bytes.Buffer
	require.NoError(t, audit.WriteText(&b, r))
	out := b.String()
	assert.Contains(t, out, ": NOT CODED: ")
	assert.Contains(t, out, "  Lines: none audited\n")
	for _, absent := range []string{"FAMILY", "precision", "Claim ids with no note", "Audit findings:", "Documentation findings:", "Most frequent"} {
		assert.NotContains(t, out, absent)
	}
	for _, line := range strings.Split(out, "\n") {
		assert.False(t, strings.HasSuffix(line, ":") && !strings.HasPrefix(line, "=="), "an empty heading: %q", line)
	}
}
