package audit

import (
	"fmt"
	"slices"
	"strings"

	"github.com/mohscode/mohscode/internal/diag"
)

// findings raises the named audit findings on the billed lines of a note's
// rows, records their ids on the rows, and returns them in row order.
func (c *noteContext) findings(rows []LineAudit) []diag.Finding {
	var out []diag.Finding
	add := func(i int, rule *diag.Rule, ev []int, format string, args ...any) {
		b := rows[i].Billed
		if ev == nil {
			ev = []int{}
		}
		out = append(out, diag.Finding{Rule: rule.ID, Severity: rule.Severity, Note: c.id, Code: b.Code, Lesion: b.Lesion,
			Line: b.Line, Evidence: uniqueSorted(ev), Message: fmt.Sprintf(format, args...)})
		rows[i].Findings = append(rows[i].Findings, rule.ID)
	}
	type unitKey struct{ code, lesion string }
	var unitOrder []unitKey
	unitRows := map[unitKey][]int{}
	firstStage := map[string][]int{} // lesion key → rows
	var firstKeys []string
	for i, row := range rows {
		b := row.Billed
		if b == nil || row.Status == NotAudited {
			continue
		}
		key := c.lesionKey(b.Lesion)
		if p := c.facts.pathologist; p > 0 && (row.Family == Mohs || row.Family == Pathology) {
			what := "a Mohs code"
			if row.Family == Pathology {
				what = "slide work"
			}
			add(i, MohsWithSeparatePathology, []int{p}, "%s billed: %s, but a separate pathologist read the slides: the lesions are excisions on this claim and the pathologist bills the slides",
				billedText(*b), what)
			continue
		}
		switch roleOf(b.Code) {
		case roleRepair:
			c.repairModifier(i, rows[i], add)
		case roleBiopsy:
			c.biopsyModifier(i, rows[i], add)
		case roleStain:
			if names, lines, routine := c.routineOnly(key); routine {
				if len(lines) == 0 {
					lines = c.stageLines(key)
				}
				add(i, RoutineStainBilled, lines, "%s billed, but %s", billedText(*b), routineText(key, names))
				continue
			}
		}
		if mohs().first[b.Code] {
			if _, seen := firstStage[key]; !seen {
				firstKeys = append(firstKeys, key)
			}
			firstStage[key] = append(firstStage[key], i)
			if b.Units > 1 {
				add(i, UnitsUnsupported, evidenceOf(row), "%s billed: a lesion has one first stage, one unit", billedText(*b))
			}
			continue
		}
		k := unitKey{b.Code, key}
		if _, seen := unitRows[k]; !seen {
			unitOrder = append(unitOrder, k)
		}
		unitRows[k] = append(unitRows[k], i)
	}
	c.duplicateFirstStages(rows, firstKeys, firstStage, add)

	// Units per code and lesion: lines with a lesion first, then the lines
	// without one against what the note supports beyond them.
	slices.SortStableFunc(unitOrder, func(a, b unitKey) int {
		return boolInt(a.lesion == "") - boolInt(b.lesion == "")
	})
	used := map[string]int{} // code → units supported and claimed by lesion groups
	for _, k := range unitOrder {
		supported, reason, ev := c.supported(k.code, k.lesion)
		coded := supported > 0 // the note has a line of the code (for the lesion)
		support := ""
		if claimed := used[k.code]; k.lesion == "" && claimed > 0 {
			supported = max(supported-claimed, 0)
			support = fmt.Sprintf(" beyond the ×%d billed with a lesion", claimed)
		}
		total := 0
		for _, i := range unitRows[k] {
			total += rows[i].Billed.Units
		}
		used[k.code] += min(total, supported)
		if total <= supported {
			continue
		}
		stain := stainCode(k.code)
		if !stain && !coded && !c.mohsAddOnApplies(k.code, k.lesion) {
			continue // a different code than the note supports: an extra line, not a units question
		}
		// the finding goes on the line that takes the units past the support
		at, sum := unitRows[k][0], 0
		for _, i := range unitRows[k] {
			sum += rows[i].Billed.Units
			if sum > supported {
				at = i
				break
			}
		}
		if len(ev) == 0 {
			ev = c.stageLines(k.lesion)
		}
		scope := ""
		if k.lesion != "" {
			scope = " for lesion " + k.lesion
		}
		rule := UnitsUnsupported
		if stain {
			rule = RoutineStainBilled
		}
		add(at, rule, ev, "%s ×%d billed%s; the note supports %s%s: %s", k.code, total, scope, supportText(supported), support, reason)
	}
	slices.SortStableFunc(out, func(a, b diag.Finding) int { return a.Line - b.Line })
	if out == nil {
		out = []diag.Finding{}
	}
	return out
}

// distinctService are the modifiers that tell a service distinct from
// another that would bundle it (NCCI policy manual, chapter I).
var distinctService = []string{"59", "XE", "XS", "XP", "XU"}

// repairModifier checks a repair line's modifiers against the note's line:
// a modifier the rules give it and the bill lacks, or a distinct-service
// modifier billed that the rules do not give. A billed repair the note does
// not code can only be checked for the profile's repair modifier.
func (c *noteContext) repairModifier(i int, row LineAudit, add func(int, *diag.Rule, []int, string, ...any)) {
	b, e := row.Billed, row.Engine
	if e == nil {
		if m := c.profile.RepairModifier; m != "" && !slices.Contains(b.Modifiers, m) {
			add(i, RepairModifierMissing, evidenceOf(row), "%s billed without the repair modifier %s of the %s profile", billedText(*b), m, c.profile.Name)
		}
		return
	}
	for _, m := range e.Modifiers {
		if !slices.Contains(b.Modifiers, m) {
			add(i, RepairModifierMissing, evidenceOf(row), "%s billed without the modifier %s: %s", billedText(*b), m, c.modifierRule(*e))
			return
		}
	}
	for _, m := range b.Modifiers {
		if slices.Contains(distinctService, m) && !slices.Contains(e.Modifiers, m) {
			add(i, ModifierUnsupported, evidenceOf(row), "%s billed with %s, which the coding rules do not give this line: %s", billedText(*b), m, c.modifierRule(*e))
			return
		}
	}
}

// biopsyModifier checks a biopsy or frozen-section line for its modifier:
// the one the note's line carries, or any biopsy modifier of the profile
// for a line the note does not code.
func (c *noteContext) biopsyModifier(i int, row LineAudit, add func(int, *diag.Rule, []int, string, ...any)) {
	b := row.Billed
	p := c.profile
	allowed := []string{p.BiopsyOtherLesionModifier, p.BiopsyMohsLesionModifier}
	if row.Engine != nil {
		var want []string
		for _, m := range row.Engine.Modifiers {
			if slices.Contains(allowed, m) {
				want = append(want, m)
			}
		}
		for _, m := range want {
			if !slices.Contains(b.Modifiers, m) {
				add(i, BiopsyModifierMissing, evidenceOf(row), "%s billed without its biopsy modifier %s: %s", billedText(*b), m, c.modifierRule(*row.Engine))
				return
			}
		}
		return
	}
	for _, m := range allowed {
		if slices.Contains(b.Modifiers, m) {
			return
		}
	}
	add(i, BiopsyModifierMissing, evidenceOf(row), "%s billed without a biopsy modifier (%s for a separate lesion, %s for the Mohs lesion under %s)",
		billedText(*b), p.BiopsyOtherLesionModifier, p.BiopsyMohsLesionModifier, p.Name)
}

// duplicateFirstStages raises audit-duplicate-first-stage on every billed
// first-stage line after the first of its lesion; lines without a lesion
// are duplicates when the first-stage lines outnumber the note's lesions
// with Mohs stages.
func (c *noteContext) duplicateFirstStages(rows []LineAudit, keys []string, byKey map[string][]int, add func(int, *diag.Rule, []int, string, ...any)) {
	labelled := 0
	for _, key := range keys {
		if key == "" {
			continue
		}
		labelled++
		first := rows[byKey[key][0]].Billed
		for _, i := range byKey[key][1:] {
			add(i, DuplicateFirstStage, c.firstStageEvidence(key), "%s billed for lesion %s, which already has a first-stage line (%s, claims line %d): a lesion has one first stage; further stages are 17312/17314",
				billedText(*rows[i].Billed), key, first.Code, first.Line)
		}
	}
	unlabelled := byKey[""]
	lesions := 0
	for _, les := range c.facts.lesions {
		if len(les.blocks) > 0 {
			lesions++
		}
	}
	excess := labelled + len(unlabelled) - lesions
	if len(unlabelled) == 0 || labelled+len(unlabelled) < 2 || excess <= 0 {
		return
	}
	for _, i := range unlabelled[max(len(unlabelled)-excess, 0):] {
		add(i, DuplicateFirstStage, c.firstStageEvidence(""), "%s billed: the claim has %d first-stage lines for a note with %d %s with Mohs stages; each lesion has one first stage",
			billedText(*rows[i].Billed), labelled+len(unlabelled), lesions, plural(lesions, "lesion", "lesions"))
	}
}

// supported sums the units the note supports for code in a lesion (or the
// whole note for key ""), with the engine's reasons and evidence; for a
// Mohs add-on the note does not code, the reason describes the stages.
func (c *noteContext) supported(code, key string) (units int, reason string, ev []int) {
	var reasons []string
	for _, e := range c.claim.Lines {
		if e.Code != code || (key != "" && !overlaps(strings.Join(labelSet(e.Lesion), ","), key)) {
			continue
		}
		units += e.Units
		reasons = append(reasons, e.Reason)
		ev = append(ev, evidenceLines(&e)...)
	}
	if units > 0 {
		return units, strings.Join(reasons, "; "), ev
	}
	if mohs().additional[code] {
		return 0, c.stagesText(code, key), nil
	}
	return 0, fmt.Sprintf("no %s line", code), nil
}

// mohsAddOnApplies reports whether code is a Mohs add-on of a family the
// note codes for the lesion (or note): then billing it where the note
// supports none is a units question (17315 with no stage over five blocks),
// not a wrong code.
func (c *noteContext) mohsAddOnApplies(code, key string) bool {
	firsts := mohs().addOnFamily[code]
	for _, e := range c.claim.Lines {
		if slices.Contains(firsts, e.Code) && (key == "" || overlaps(strings.Join(labelSet(e.Lesion), ","), key)) {
			return true
		}
	}
	return false
}

// stagesText describes the stages and blocks of a lesion (or of every
// lesion for key "") to say why a Mohs add-on code has no units:
// "lesion 1 has 2 stages, of 5 and 3 blocks: no stage has more than five
// blocks".
func (c *noteContext) stagesText(code, key string) string {
	var parts []string
	for _, les := range c.facts.lesions {
		if (key != "" && !overlaps(les.label, key)) || len(les.blocks) == 0 {
			continue
		}
		blocks := make([]string, len(les.blocks))
		for i, b := range les.blocks {
			blocks[i] = itoa(b)
			if b == 0 {
				blocks[i] = "?"
			}
		}
		list := blocks[len(blocks)-1]
		if len(blocks) > 1 {
			list = strings.Join(blocks[:len(blocks)-1], ", ") + " and " + list
		}
		parts = append(parts, fmt.Sprintf("lesion %s has %d %s, of %s blocks", les.label, len(les.blocks),
			plural(len(les.blocks), "stage", "stages"), list))
	}
	if len(parts) == 0 {
		return "the note lists no Mohs stage"
	}
	what := "no stage after the first"
	if mohs().block[code] {
		what = "no stage has more than five blocks"
	}
	return strings.Join(parts, "; ") + ": " + what
}

// stageLines are the stage lines of a lesion (or of every lesion).
func (c *noteContext) stageLines(key string) []int {
	var out []int
	for _, les := range c.facts.lesions {
		if key == "" || overlaps(les.label, key) {
			out = append(out, les.stageLines...)
		}
	}
	return out
}

// firstStageEvidence is the evidence of the note's first-stage lines for a
// lesion (or every lesion).
func (c *noteContext) firstStageEvidence(key string) []int {
	var ev []int
	for _, e := range c.claim.Lines {
		if mohs().first[e.Code] && (key == "" || overlaps(strings.Join(labelSet(e.Lesion), ","), key)) {
			ev = append(ev, evidenceLines(&e)...)
		}
	}
	return ev
}

// evidenceOf is the evidence of the note's line paired with a row, else
// the note lines that explain the row.
func evidenceOf(row LineAudit) []int {
	if row.Engine != nil {
		return evidenceLines(row.Engine)
	}
	return row.Evidence
}

// billedText describes a billed line: "17312 ×3", "13121 ×1 59".
func billedText(b Billed) string {
	s := fmt.Sprintf("%s ×%d", b.Code, b.Units)
	if len(b.Modifiers) > 0 {
		s += " " + strings.Join(b.Modifiers, ":")
	}
	return s
}

func supportText(units int) string {
	if units == 0 {
		return "none"
	}
	return fmt.Sprintf("×%d", units)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
