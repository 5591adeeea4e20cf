package audit

import (
	"cmp"
	"slices"

	"github.com/mohscode/mohscode/internal/diag"
)

// Summary counts an audit over the notes audited (coded, and named by the
// claims file). Lines are counted in the audited code families only; a
// billed code of another family is counted as NotAudited.
type Summary struct {
	// Notes is the number of notes read.
	Notes int `json:"notes"`
	// Audited notes were coded and named by the claims file.
	Audited int `json:"notes_audited"`
	// WithDifferences are audited notes with a missing, extra or differing
	// line or an audit finding.
	WithDifferences int `json:"notes_with_differences"`
	NoClaims        int `json:"notes_without_claims"`
	NotCoded        int `json:"notes_not_coded"`
	// UnmatchedClaimIDs are claim ids that name no note, or several.
	UnmatchedClaimIDs int `json:"unmatched_claim_ids"`

	// EngineLines and BilledLines are the lines of the audited notes.
	EngineLines int `json:"engine_lines"`
	BilledLines int `json:"billed_lines"`
	Counts
	// NotAudited are billed lines of codes the engine does not code.
	NotAudited int `json:"not_audited"`

	// Precision is the share of the engine's lines that the billed lines
	// confirm with the same code and lesion; Recall the share of the billed
	// lines the engine finds. The exact variants also require the same
	// units and modifiers. Nil when there is no line to divide by.
	Precision      *float64 `json:"precision"`
	Recall         *float64 `json:"recall"`
	ExactPrecision *float64 `json:"exact_precision"`
	ExactRecall    *float64 `json:"exact_recall"`

	// Families has one entry per audited code family, in table order.
	Families []FamilySummary `json:"families"`
	// TopDifferences are the most frequent differences, most frequent
	// first, at most ten.
	TopDifferences []DifferenceCount `json:"top_differences"`
	// Findings counts the audit findings by rule, in Rules order; rules
	// that did not fire are left out.
	Findings []RuleCount `json:"audit_findings"`
}

// Counts counts line rows by how they compare.
type Counts struct {
	// Matched rows agree on code, lesion, units and modifiers.
	Matched int `json:"matched"`
	// Differs rows have the same code and lesion but different units or
	// modifiers (UnitsDiffer and ModifiersDiffer count each).
	Differs         int `json:"differs"`
	UnitsDiffer     int `json:"units_differ"`
	ModifiersDiffer int `json:"modifiers_differ"`
	// Missing rows are engine lines not billed; Extra rows billed lines the
	// note does not support.
	Missing int `json:"missing"`
	Extra   int `json:"extra"`
}

// Differences is the number of rows that do not match: differing, missing
// and extra.
func (c Counts) Differences() int { return c.Differs + c.Missing + c.Extra }

func (c *Counts) add(row LineAudit) {
	switch row.Status {
	case Matched:
		c.Matched++
	case Differs:
		c.Differs++
		c.UnitsDiffer += boolInt(row.UnitsDiffer)
		c.ModifiersDiffer += boolInt(row.ModifiersDiffer)
	case Missing:
		c.Missing++
	case Extra:
		c.Extra++
	}
}

// FamilySummary counts one code family.
type FamilySummary struct {
	Family      Family `json:"family"`
	Label       string `json:"label"`
	EngineLines int    `json:"engine_lines"`
	BilledLines int    `json:"billed_lines"`
	Counts
	// Agreement is Matched over every row of the family (matched,
	// differing, missing, extra); nil when the family has no line.
	Agreement *float64 `json:"agreement"`
}

// DifferenceCount is how often one kind of difference occurred for a code.
type DifferenceCount struct {
	// Kind is "missing", "extra", "units" or "modifiers".
	Kind  string `json:"kind"`
	Code  string `json:"code"`
	Count int    `json:"count"`
}

// Label names the difference for people: "extra 88314", "units differ
// 17312".
func (d DifferenceCount) Label() string {
	switch d.Kind {
	case "units", "modifiers":
		return d.Kind + " differ " + d.Code
	}
	return d.Kind + " " + d.Code
}

// RuleCount is how often an audit finding fired.
type RuleCount struct {
	Rule     string        `json:"rule"`
	Severity diag.Severity `json:"severity"`
	Count    int           `json:"count"`
}

// maxTopDifferences bounds Summary.TopDifferences.
const maxTopDifferences = 10

func summarize(r *Report) Summary {
	s := Summary{Notes: len(r.Notes), UnmatchedClaimIDs: len(r.UnmatchedClaims)}
	fams := map[Family]*FamilySummary{}
	for _, f := range Families() {
		s.Families = append(s.Families, FamilySummary{Family: f, Label: f.Label()})
	}
	for i := range s.Families {
		fams[s.Families[i].Family] = &s.Families[i]
	}
	diffs := map[DifferenceCount]int{}
	rules := map[string]int{}
	for _, n := range r.Notes {
		switch n.Status {
		case NoteNoClaims:
			s.NoClaims++
			continue
		case NoteNotCoded:
			s.NotCoded++
			continue
		}
		s.Audited++
		different := len(n.Findings) > 0
		for _, f := range n.Findings {
			rules[f.Rule]++
		}
		for _, row := range n.Lines {
			if row.Status == NotAudited {
				s.NotAudited++
				continue
			}
			fam := fams[row.Family]
			if row.Engine != nil {
				s.EngineLines++
				fam.EngineLines++
			}
			if row.Billed != nil {
				s.BilledLines++
				fam.BilledLines++
			}
			s.Counts.add(row)
			fam.Counts.add(row)
			switch row.Status {
			case Missing, Extra:
				diffs[DifferenceCount{Kind: string(row.Status), Code: row.Code}]++
			case Differs:
				if row.UnitsDiffer {
					diffs[DifferenceCount{Kind: "units", Code: row.Code}]++
				}
				if row.ModifiersDiffer {
					diffs[DifferenceCount{Kind: "modifiers", Code: row.Code}]++
				}
			}
			different = different || row.Status != Matched
		}
		if different {
			s.WithDifferences++
		}
	}
	paired := s.Matched + s.Differs
	s.Precision = ratio(paired, s.EngineLines)
	s.Recall = ratio(paired, s.BilledLines)
	s.ExactPrecision = ratio(s.Matched, s.EngineLines)
	s.ExactRecall = ratio(s.Matched, s.BilledLines)
	for i := range s.Families {
		f := &s.Families[i]
		f.Agreement = ratio(f.Matched, f.Matched+f.Differences())
	}
	s.TopDifferences = []DifferenceCount{}
	for d, n := range diffs {
		d.Count = n
		s.TopDifferences = append(s.TopDifferences, d)
	}
	slices.SortFunc(s.TopDifferences, func(a, b DifferenceCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Code, b.Code))
	})
	if len(s.TopDifferences) > maxTopDifferences {
		s.TopDifferences = s.TopDifferences[:maxTopDifferences]
	}
	s.Findings = []RuleCount{}
	for _, rule := range Rules {
		if n := rules[rule.ID]; n > 0 {
			s.Findings = append(s.Findings, RuleCount{Rule: rule.ID, Severity: rule.Severity, Count: n})
		}
	}
	return s
}

func ratio(n, d int) *float64 {
	if d == 0 {
		return nil
	}
	v := float64(n) / float64(d)
	return &v
}

// Clean reports whether the claims agree with the notes: every note was
// coded and billed, every claim id names one note, and no line differs or
// raises an audit finding. Billed codes of families the engine does not
// code do not count.
func (r *Report) Clean() bool {
	s := r.Summary
	return s.WithDifferences == 0 && s.NoClaims == 0 && s.NotCoded == 0 && s.UnmatchedClaimIDs == 0
}
