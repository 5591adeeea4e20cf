package audit

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
)

// WriteText writes the report for people: each note with the lines that do
// not match, its audit findings and its documentation findings; then the
// claim ids that name no note, and the summary. A section with nothing in
// it is left out.
func WriteText(w io.Writer, r *Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Audit of %s: %d notes, %d billed lines\n", r.Claims, r.Summary.Notes, r.Summary.BilledLines+r.Summary.NotAudited)
	for _, n := range r.Notes {
		writeNoteText(&b, n)
	}
	if len(r.UnmatchedClaims) > 0 {
		b.WriteString("\nClaim ids with no note:\n")
		for _, u := range r.UnmatchedClaims {
			fmt.Fprintf(&b, "  %-24s claims %s %s: %s\n", u.ID, plural(len(u.Lines), "line", "lines"), joinInts(u.Lines, ", "), u.Reason)
		}
	}
	writeSummaryText(&b, r.Summary)
	_, err := io.WriteString(w, b.String())
	return err
}

func writeNoteText(b *strings.Builder, n Note) {
	fmt.Fprintf(b, "\n== %s", n.ID)
	if len(n.ClaimIDs) > 0 && !(len(n.ClaimIDs) == 1 && n.ClaimIDs[0] == n.ID) {
		fmt.Fprintf(b, " (claim id %s)", strings.Join(n.ClaimIDs, ", "))
	}
	var c Counts
	for _, row := range n.Lines {
		c.add(row)
	}
	switch n.Status {
	case NoteNotCoded:
		fmt.Fprintf(b, ": NOT CODED: %s\n", n.Problem)
	case NoteNoClaims:
		fmt.Fprintf(b, ": NO CLAIMS: %s\n", n.Problem)
	default:
		rows := c.Matched + c.Differences()
		fmt.Fprintf(b, ", %s: %d of %d lines match", n.Payer, c.Matched, rows)
		if c.Differences() > 0 {
			fmt.Fprintf(b, " (%s)", countsText(c))
		}
		b.WriteString("\n")
	}
	var shown []LineAudit
	for _, row := range n.Lines {
		if row.Status != Matched || len(row.Findings) > 0 {
			shown = append(shown, row)
		}
	}
	if len(shown) > 0 {
		tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  STATUS\tCODE\tLESION\tBILLED\tNOTE\tCLAIMS LINE\tNOTE LINES\tWHY")
		for _, row := range shown {
			claimsLine := "-"
			if row.Billed != nil {
				claimsLine = strconv.Itoa(row.Billed.Line)
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", row.Label(), row.Code, dash(row.Lesion), billedUnits(row.Billed), engineUnits(row),
				claimsLine, dash(joinInts(row.Evidence, ",")), row.Why)
		}
		tw.Flush()
	}
	if len(n.Findings) > 0 {
		b.WriteString("  Audit findings:\n")
		for _, f := range n.Findings {
			fmt.Fprintf(b, "    claims line %-4d %-8s %-36s %s", f.Line, f.Severity, f.Rule, f.Message)
			if len(f.Evidence) > 0 {
				fmt.Fprintf(b, " (note %s %s)", plural(len(f.Evidence), "line", "lines"), joinInts(f.Evidence, ", "))
			}
			b.WriteString("\n")
		}
	}
	if len(n.Documentation) > 0 {
		b.WriteString("  Documentation findings:\n")
		for _, f := range n.Documentation {
			fmt.Fprintf(b, "    line %-4d %-8s %-30s %s\n", f.Line, f.Severity, f.Rule, f.Message)
		}
	}
}

func writeSummaryText(b *strings.Builder, s Summary) {
	b.WriteString("\nSummary\n")
	fmt.Fprintf(b, "  Notes: %d read, %d audited, %d with differences", s.Notes, s.Audited, s.WithDifferences)
	if s.NoClaims > 0 {
		fmt.Fprintf(b, ", %d without claims", s.NoClaims)
	}
	if s.NotCoded > 0 {
		fmt.Fprintf(b, ", %d not coded", s.NotCoded)
	}
	b.WriteString("\n")
	if s.UnmatchedClaimIDs > 0 {
		fmt.Fprintf(b, "  Claim ids with no note: %d\n", s.UnmatchedClaimIDs)
	}
	if s.Audited == 0 {
		b.WriteString("  Lines: none audited\n")
	} else {
		fmt.Fprintf(b, "  Lines: the engine suggests %d, %d billed; %d match", s.EngineLines, s.BilledLines, s.Matched)
		if s.Differences() > 0 {
			fmt.Fprintf(b, ", %s", countsText(s.Counts))
		}
		b.WriteString("\n")
	}
	if s.NotAudited > 0 {
		fmt.Fprintf(b, "  Not audited: %d billed %s of codes the engine does not code\n", s.NotAudited, plural(s.NotAudited, "line", "lines"))
	}
	if s.Audited > 0 {
		fmt.Fprintf(b, "  Engine against the billed lines: precision %s, recall %s (same code and lesion); exact (units and modifiers too): precision %s, recall %s\n",
			percent(s.Precision), percent(s.Recall), percent(s.ExactPrecision), percent(s.ExactRecall))
	}
	writeFamiliesText(b, s.Families)
	if len(s.TopDifferences) > 0 {
		b.WriteString("\n  Most frequent differences:\n")
		for _, d := range s.TopDifferences {
			fmt.Fprintf(b, "    %4d  %s\n", d.Count, d.Label())
		}
	}
	if len(s.Findings) > 0 {
		b.WriteString("\n  Audit findings:\n")
		for _, f := range s.Findings {
			fmt.Fprintf(b, "    %4d  %-36s %s\n", f.Count, f.Rule, f.Severity)
		}
	}
}

// writeFamiliesText writes the agreement table of the families that have
// lines; nothing when none has.
func writeFamiliesText(b *strings.Builder, fams []FamilySummary) {
	tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', 0)
	header := false
	for _, f := range fams {
		if f.EngineLines+f.BilledLines == 0 {
			continue
		}
		if !header {
			b.WriteString("\n")
			fmt.Fprintln(tw, "  FAMILY\tENGINE\tBILLED\tMATCHED\tUNITS\tMODIFIERS\tMISSING\tEXTRA\tAGREEMENT")
			header = true
		}
		fmt.Fprintf(tw, "  %s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%s\n", f.Label, f.EngineLines, f.BilledLines, f.Matched,
			f.UnitsDiffer, f.ModifiersDiffer, f.Missing, f.Extra, percent(f.Agreement))
	}
	tw.Flush()
}

// countsText lists the non-zero differences: "1 units differ, 2 missing".
func countsText(c Counts) string {
	var parts []string
	for _, p := range []struct {
		n    int
		what string
	}{{c.UnitsDiffer, "units differ"}, {c.ModifiersDiffer, "modifiers differ"}, {c.Missing, "missing"}, {c.Extra, "extra"}} {
		if p.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", p.n, p.what))
		}
	}
	return strings.Join(parts, ", ")
}

func billedUnits(b *Billed) string {
	if b == nil {
		return "-"
	}
	return unitsText(b.Units, b.Modifiers)
}

func engineUnits(row LineAudit) string {
	if row.Engine == nil {
		return "-"
	}
	return unitsText(row.Engine.Units, row.Engine.Modifiers)
}

func unitsText(units int, mods []string) string {
	s := "×" + strconv.Itoa(units)
	if len(mods) > 0 {
		s += " " + strings.Join(mods, ":")
	}
	return s
}

func percent(p *float64) string {
	if p == nil {
		return "n/a"
	}
	return strconv.FormatFloat(*p*100, 'f', 1, 64) + "%"
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func joinInts(ns []int, sep string) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, sep)
}
