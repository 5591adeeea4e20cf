package audit

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/mohscode/mohscode/internal/codetable"
	"github.com/mohscode/mohscode/internal/coding"
)

// normLabel normalises one lesion label: lower case, single spaces, without
// a leading "lesion" or "#" ("Lesion #2" → "2", "Biopsy 1" → "biopsy 1").
func normLabel(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	s = strings.TrimSpace(strings.TrimPrefix(s, "lesion"))
	return strings.TrimSpace(strings.TrimPrefix(s, "#"))
}

// labelSet splits a lesion value into its normalised labels, sorted: "A,B"
// and "b, a" are both [a b]. A summed repair line names several lesions.
func labelSet(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '/' || r == '+' }) {
		if l := normLabel(part); l != "" && !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	slices.Sort(out)
	return out
}

// lesionKey is a billed line's lesion as the note knows it: its sorted
// labels joined, or "" when the line gives no lesion or a label the note
// does not have (then it is matched as if it gave none).
func (c *noteContext) lesionKey(lesion string) string {
	set := labelSet(lesion)
	if len(set) == 0 {
		return ""
	}
	for _, l := range set {
		if !c.known[l] {
			return ""
		}
	}
	return strings.Join(set, ",")
}

func overlaps(a, b string) bool {
	bs := strings.Split(b, ",")
	for _, x := range strings.Split(a, ",") {
		if slices.Contains(bs, x) {
			return true
		}
	}
	return false
}

// sameModifiers compares modifiers as sets: their order on a claim line
// does not change what they say.
func sameModifiers(a, b []string) bool {
	x, y := slices.Clone(a), slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(slices.Compact(x), slices.Compact(y))
}

// match pairs the note's engine lines with its billed lines (see Run for
// the order of the passes) and explains every row.
func (c *noteContext) match(billed []Billed) []LineAudit {
	engine := c.claim.Lines
	pairOf := make([]int, len(engine)) // engine index → billed index, -1
	for i := range pairOf {
		pairOf[i] = -1
	}
	paired := make([]bool, len(billed))
	keys := make([]string, len(billed))
	for i, b := range billed {
		keys[i] = c.lesionKey(b.Lesion)
	}
	pass := func(accept func(e coding.Line, key string) bool) {
		for bi, b := range billed {
			if paired[bi] {
				continue
			}
			best := -1
			for ei, e := range engine {
				if pairOf[ei] >= 0 || e.Code != b.Code || !accept(e, keys[bi]) {
					continue
				}
				if e.Units == b.Units && sameModifiers(e.Modifiers, b.Modifiers) {
					best = ei
					break
				}
				if best < 0 {
					best = ei
				}
			}
			if best >= 0 {
				pairOf[best], paired[bi] = bi, true
			}
		}
	}
	pass(func(e coding.Line, key string) bool {
		return key != "" && strings.Join(labelSet(e.Lesion), ",") == key
	})
	pass(func(e coding.Line, key string) bool {
		return key != "" && overlaps(strings.Join(labelSet(e.Lesion), ","), key)
	})
	pass(func(e coding.Line, key string) bool { return key == "" })

	var out []LineAudit
	for ei := range engine {
		e := &engine[ei]
		row := LineAudit{Code: e.Code, Family: FamilyOf(e.Code), Lesion: e.Lesion, Engine: e}
		if bi := pairOf[ei]; bi >= 0 {
			row.Billed = &billed[bi]
			row.UnitsDiffer = row.Billed.Units != e.Units
			row.ModifiersDiffer = !sameModifiers(row.Billed.Modifiers, e.Modifiers)
			row.Status = Matched
			if row.UnitsDiffer || row.ModifiersDiffer {
				row.Status = Differs
			}
		} else {
			row.Status = Missing
		}
		out = append(out, row)
	}
	for bi := range billed {
		if paired[bi] {
			continue
		}
		b := &billed[bi]
		row := LineAudit{Status: Extra, Code: b.Code, Family: FamilyOf(b.Code), Lesion: b.Lesion, Billed: b}
		if row.Family == Other {
			row.Status = NotAudited
		}
		out = append(out, row)
	}
	for i := range out {
		out[i].Findings = []string{}
		out[i].Why, out[i].Evidence = c.explain(out[i], keys)
		if out[i].Evidence == nil {
			out[i].Evidence = []int{}
		}
	}
	return out
}

// explain says why a row has its status, with the note lines behind it.
func (c *noteContext) explain(row LineAudit, keys []string) (string, []int) {
	e, b := row.Engine, row.Billed
	switch row.Status {
	case Matched:
		return e.Reason, evidenceLines(e)
	case Missing:
		return "not billed; the note supports it: " + e.Reason, evidenceLines(e)
	case NotAudited:
		return "the engine does not code this family of codes: not audited", nil
	case Differs:
		var parts []string
		if row.UnitsDiffer {
			parts = append(parts, fmt.Sprintf("billed ×%d, the note supports ×%d: %s", b.Units, e.Units, e.Reason))
		}
		if row.ModifiersDiffer {
			parts = append(parts, fmt.Sprintf("billed with %s, the note's line carries %s: %s",
				modifierText(b.Modifiers), modifierText(e.Modifiers), c.modifierRule(*e)))
		}
		return strings.Join(parts, "; "), evidenceLines(e)
	}
	return c.explainExtra(*b, c.lesionKey(b.Lesion))
}

// explainExtra says why the note does not support a billed line.
func (c *noteContext) explainExtra(b Billed, key string) (string, []int) {
	fam := FamilyOf(b.Code)
	if p := c.facts.pathologist; p > 0 && (fam == Mohs || fam == Pathology) {
		return fmt.Sprintf("not supported by the note: a separate pathologist read the slides (note line %d): no Mohs code or slide work on this claim; the lesions are coded as excisions", p), []int{p}
	}
	scope := ""
	if key != "" {
		scope = " for lesion " + key
	}
	var parts []string
	var ev []int
	// the note's lines of the same code, all paired with other billed lines
	var same []string
	sameLesion := false
	for _, e := range c.claim.Lines {
		if e.Code == b.Code {
			same = append(same, "lesion "+e.Lesion)
			ev = append(ev, evidenceLines(&e)...)
			sameLesion = sameLesion || key == "" || overlaps(strings.Join(labelSet(e.Lesion), ","), key)
		}
	}
	if len(same) > 0 {
		parts = append(parts, fmt.Sprintf("the note's %s %s (%s) %s already paired with another billed line",
			b.Code, plural(len(same), "line", "lines"), strings.Join(same, ", "), plural(len(same), "is", "are each")))
	}
	switch {
	case stainCode(b.Code):
		if names, lines, routine := c.routineOnly(key); routine {
			parts = append(parts, routineText(key, names))
			ev = append(ev, lines...)
		}
	case mohs().additional[b.Code] && len(same) == 0 && c.mohsAddOnApplies(b.Code, key):
		parts = append(parts, c.stagesText(b.Code, key))
		ev = append(ev, c.stageLines(key)...)
		sameLesion = true
	}
	// the note's other codes of the family for the lesion
	if !sameLesion {
		var instead []string
		for _, e := range c.claim.Lines {
			if e.Code == b.Code || FamilyOf(e.Code) != fam || (key != "" && !overlaps(strings.Join(labelSet(e.Lesion), ","), key)) {
				continue
			}
			instead = append(instead, fmt.Sprintf("%s ×%d (%s)", e.Code, e.Units, e.Reason))
			ev = append(ev, evidenceLines(&e)...)
		}
		if len(instead) > 0 {
			parts = append(parts, fmt.Sprintf("the note's %s lines%s: %s", fam.Label(), scope, strings.Join(instead, ", ")))
		}
	}
	// the engine's findings that explain a missing line of the family
	for _, f := range c.claim.Findings {
		if !fam.related(f.Rule) || (key != "" && f.Lesion != "" && !overlaps(strings.Join(labelSet(f.Lesion), ","), key)) {
			continue
		}
		parts = append(parts, fmt.Sprintf("%s (note line %d): %s", f.Rule, f.Line, f.Message))
		ev = append(ev, f.Line)
	}
	if len(parts) == 0 {
		parts = append(parts, fmt.Sprintf("the note documents no service coded %s%s", b.Code, scope))
	}
	return "not supported by the note: " + strings.Join(parts, "; "), uniqueSorted(ev)
}

// routineOnly reports whether the stains of a lesion (key) or of the whole
// note (key "") are routine only — H&E, toluidine blue, or none named —
// with the stain names and lines.
func (c *noteContext) routineOnly(key string) (names []string, lines []int, routine bool) {
	for _, les := range c.facts.lesions {
		if key != "" && !overlaps(les.label, key) {
			continue
		}
		for _, s := range les.stains {
			if s.kind != codetable.StainRoutine {
				return nil, nil, false
			}
			if !slices.Contains(names, s.name) {
				names = append(names, s.name)
			}
			lines = append(lines, s.line)
		}
	}
	return names, uniqueSorted(lines), true
}

func routineText(key string, names []string) string {
	scope := "the note"
	if key != "" {
		scope = "lesion " + key
	}
	if len(names) == 0 {
		return fmt.Sprintf("%s names no special stain or immunostain (the routine stains of Mohs sections are included in every Mohs code)", scope)
	}
	return fmt.Sprintf("the stains of %s are routine only (%s), included in every Mohs code", scope, strings.Join(names, ", "))
}

// modifierRule says which modifier a line of that role carries under the
// note's profile (docs/coding-rules.md sections 2-5).
func (c *noteContext) modifierRule(e coding.Line) string {
	p := c.profile
	switch roleOf(e.Code) {
	case roleDistinct:
		if len(e.Modifiers) == 0 {
			return "the first lesion's Mohs (or excision) lines carry no distinct-lesion modifier"
		}
		return fmt.Sprintf("the Mohs (or excision) lines of the second and later lesions carry the distinct-lesion modifier (%s under %s)", p.DistinctLesionModifier, p.Name)
	case roleRepair:
		if p.RepairModifier != "" {
			return fmt.Sprintf("repair lines carry the %s profile's repair modifier %s", p.Name, p.RepairModifier)
		}
		if len(e.Modifiers) == 0 {
			return fmt.Sprintf("a repair carries no modifier unless the encounter's repairs span several classes, a PTP edit pairs its code with indicator 1, or the payer profile names a repair modifier (%s names none)", p.Name)
		}
		return "59 goes on every repair class but the most complicated when the encounter's repairs span several classes, and on the column-2 code of a PTP pair with indicator 1"
	case roleBiopsy:
		return fmt.Sprintf("biopsy and frozen-section lines carry the biopsy modifier (%s for a separate lesion, %s for the Mohs lesion under %s)",
			p.BiopsyOtherLesionModifier, p.BiopsyMohsLesionModifier, p.Name)
	case roleStain:
		return fmt.Sprintf("stain lines carry the stain modifier (%s under %s)", p.StainModifier, p.Name)
	}
	return "the note's line carries these modifiers"
}

func modifierText(mods []string) string {
	if len(mods) == 0 {
		return "no modifier"
	}
	return strings.Join(mods, ", ")
}

func evidenceLines(e *coding.Line) []int {
	out := make([]int, 0, len(e.Evidence))
	for _, ev := range e.Evidence {
		out = append(out, ev.Line)
	}
	return out
}

func uniqueSorted(ns []int) []int {
	out := slices.Clone(ns)
	slices.Sort(out)
	return slices.Compact(out)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func itoa(n int) string { return strconv.Itoa(n) }
