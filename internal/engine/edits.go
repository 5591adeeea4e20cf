package engine

import (
	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/diag"
	"github.com/mohscode/mohscode/internal/edits"
)

// ApplyEdits checks a claim against the CMS edit tables the user gave (nil
// when not given), adds their findings and names the tables applied, so
// that the output never passes silently.
func ApplyEdits(c *coding.Claim, mue *edits.MUETable, ptp *edits.PTPTable) {
	c.Edits.MUE, c.Edits.PTP = edits.Applied(mue, ptp)
	if mue == nil && ptp == nil {
		return
	}
	lines := make([]edits.Line, len(c.Lines))
	for i, l := range c.Lines {
		lines[i] = edits.Line{Seq: l.Seq, Code: l.Code, Units: l.Units, Modifiers: l.Modifiers, Lesion: l.Lesion}
		if len(l.Evidence) > 0 {
			lines[i].EvidenceLine = l.Evidence[0].Line
		}
	}
	dos := ""
	if c.Encounter.DateOfService != nil {
		dos = *c.Encounter.DateOfService
	}
	found := edits.Check(lines, dos, mue, ptp)
	if len(found) == 0 {
		return
	}
	c.Findings = append(c.Findings, found...)
	diag.Sort(c.Findings)
}
