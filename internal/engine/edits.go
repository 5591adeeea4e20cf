package engine

import (
	"slices"

	"github.com/mohscode/mohscode/internal/codetable"
	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/diag"
	"github.com/mohscode/mohscode/internal/edits"
)

// ApplyEdits checks a claim against the CMS edit tables the user gave (nil
// when not given), adds their findings and names the tables applied, so
// that the output never passes silently. The column-2 line of a PTP pair
// with modifier indicator 1 gets the distinct-service modifier of the
// claim's built-in payer profile (docs/coding-rules.md section 3); an Engine
// uses its own profile, built-in or not.
func ApplyEdits(c *coding.Claim, mue *edits.MUETable, ptp *edits.PTPTable) {
	p, _ := codetable.BuiltinProfile(c.Encounter.PayerProfile)
	applyEdits(c, mue, ptp, p.DistinctLesionModifier)
}

// applyEdits is ApplyEdits with the profile's distinct-service modifier.
func applyEdits(c *coding.Claim, mue *edits.MUETable, ptp *edits.PTPTable, distinct string) {
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
	diag.List(c.Findings).Sort()
	if ptp != nil && distinct != "" {
		markColumn2(c, ptp, dos, distinct)
	}
}

// markColumn2 puts the distinct-service modifier on every line that is
// column 2 to another line of the claim in a PTP edit with modifier
// indicator 1 and carries no NCCI-associated modifier yet.
func markColumn2(c *coding.Claim, ptp *edits.PTPTable, dos, distinct string) {
	for j := range c.Lines {
		l2 := &c.Lines[j]
		if slices.ContainsFunc(l2.Modifiers, edits.NCCIModifier) {
			continue
		}
		for i, l1 := range c.Lines {
			if e, ok := ptp.Lookup(l1.Code, l2.Code, dos); ok && i != j && e.Indicator == edits.ModifierAllowed {
				l2.Modifiers = append(slices.Clip(l2.Modifiers), distinct)
				break
			}
		}
	}
}
