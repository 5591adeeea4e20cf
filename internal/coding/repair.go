package coding

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/mohscode/mohscode/internal/anatomy"
	"github.com/mohscode/mohscode/internal/codetable"
	"github.com/mohscode/mohscode/internal/model"
)

// repairClass is what a repair's text says it is.
type repairClass int

const (
	classUnknown       repairClass = iota
	classNone                      // "Repair: none": no line, no finding
	classNoCode                    // second intention, strips, cautery: no line
	classDeferred                  // a closure left to a later visit, or only considered: no line
	classOtherProvider             // a closure the text says another provider did: no line
	classIncluded                  // a graft donor site or biopsy wound closed: no line
	classReview                    // staged flaps, wedges, cartilage grafts: by hand
	// The codable classes, in claim order (see codable and repairLines).
	classFlap
	classFTSG
	classSTSG
	classComplex
	classIntermediate
	classSimple
)

// repairWords maps words of a repair's text to its class, in the order they
// are tried: a closure another provider did ("Repair: not performed by me.
// … the gynecologic oncology team closed the defect with … flaps") and a
// closure deferred to a later visit or only considered first
// ("will return for delayed interpolation flap" is not done today); staged
// flaps before flaps ("interpolation flap"), flaps before
// wedges ("wedge resection advancement flap" is a flap), wedges before
// grafts ("full-thickness wedge excision" is a wedge), a Burow's graft
// before the Burow's advancement flap, and a stated class before the
// no-code words ("complex repair, steri-strips applied"), and a graft before
// the closure of a donor site ("FTSG, donor site closed primarily" is the
// graft; a linear closure of the donor site alone is included in the graft
// code, as the closure of a biopsy wound is in the biopsy's). Only a wedge
// excision or resection goes to review, not a "wedge-shaped defect"; and
// only a layered closure is intermediate, not a "simple single-layer" one.
//
// "Advancement", "rotation" and "Burow's" name a flap only when the text
// states no linear class: "complex repair with advancement of the wound
// edges" or "intermediate closure with Burow's triangles" are linear
// repairs, while "Burow's advancement" or "rotation" alone are flaps. Every
// other flap word ("flap", "V-Y", "Z-plasty", …) names a flap wherever it
// stands.
var repairWords = []struct {
	class repairClass
	words []string
}{
	{classOtherProvider, []string{"not performed by me", "not done by me", "not repaired by me", "not closed by me", "by another surgeon",
		"by another provider", "by another physician", "team closed", "closed by plastic surgery", "repaired by plastic surgery",
		"closed by oculoplastic", "repaired by oculoplastic", "closed by the plastic", "repaired by the plastic",
		"oculofacial surgery", "oculofacial surgeon", "oculoplastic surgery", "oculoplastic surgeon"}},
	{classDeferred, []string{"delayed closure", "delayed repair", "delayed reconstruction", "delayed primary closure",
		"at a later date", "later visit", "return for closure", "return for repair", "return for reconstruction",
		"reconstruction scheduled", "repair scheduled", "closure scheduled", "scheduled for closure", "scheduled for repair",
		"scheduled for reconstruction", "closure deferred", "repair deferred", "reconstruction deferred",
		"deferred", "delayed", "will return for", "returns for", "to return for", "scheduled", "will be closed", "will be repaired", "will be reconstructed",
		"not repaired today", "not closed today", "not reconstructed today", "returns next week for", "return next week for"}},
	{classReview, []string{"interpolation", "interpolated", "paramedian flap", "paramedian forehead flap", "staged", "two stage", "cartilage graft", "composite graft",
		"cartilage batten", "batten graft", "cartilage strut", "strut graft", "alar batten"}}, // "auricular cartilage batten graft": a cartilage graft by its form
	{classFlap, []string{"flap", "transposition", "rhombic", "rhomboid", "bilobed", "bilobe",
		"v y", "vy", "z plasty", "zplasty", "w plasty", "wplasty", "o to z", "o z", "a to t", "a t", "island pedicle", "adjacent tissue transfer", "att", "tissue rearrangement"}}, // "ATT": an adjacent tissue transfer by its initials
	{classReview, []string{"wedge excision", "wedge resection", "full thickness wedge"}},
	{classFTSG, []string{"full thickness", "ftsg", "burow s graft", "burows graft", "burow graft"}},
	{classSTSG, []string{"split thickness", "stsg"}},
	{classIncluded, []string{"donor site", "donor sites", "donor defect", "donor area", "donor wound", "biopsy wound", "biopsy wounds", "biopsy defect"}},
	{classComplex, []string{"complex", "clc"}}, // "CLC 1.9cm": a complex linear closure by its initials
	{classIntermediate, []string{"intermediate", "ilc", "layered", "two layer", "2 layer", "multilayer", "multi layer", "bilayer", "bilayered", "in layers", "in two layers"}},
	{classSimple, []string{"simple", "slc", "single layer", "one layer", "single layered"}}, // "SLC 2.0cm": a simple linear closure by its initials
	{classFlap, []string{"advancement", "rotation", "burow", "burows"}},
	{classNoCode, []string{"second intention", "secondary intention", "2nd intention", "2nd int", "second int", "heal by secondary", "heal secondarily", "granulation", "granulate", "strips", "steri strips", "steristrips", "cautery", "electrocautery", "adhesive"}},
}

// noRepairTexts are whole repair values that say no repair was done.
var noRepairTexts = map[string]bool{
	"none": true, "no": true, "n a": true, "na": true, "not performed": true, "none performed": true,
	"no repair": true, "no repair performed": true, "not repaired": true, "no closure": true,
}

// repairKind is a classified repair.
type repairKind struct {
	class repairClass
	name  string // what to call it in messages
}

var classNames = map[repairClass]string{
	classFlap: "adjacent tissue transfer", classFTSG: "full-thickness graft", classSTSG: "split-thickness graft",
	classComplex: "complex", classIntermediate: "intermediate", classSimple: "simple",
}

// repairKindOf classifies a repair by the words of its Type and value. A
// repair that documents nothing at all (no words, no size: the reader left
// nothing of "Repair: no repair") is none.
func repairKindOf(r model.Repair) repairKind {
	text := r.Type.Value + " " + r.Value.Value
	if strings.TrimSpace(text) == "" && !anyPresent(r.Size, r.Length, r.Area, r.Defect, r.SecondaryDefect) {
		return repairKind{class: classNone}
	}
	c := repairClassOf(text)
	return repairKind{class: c, name: classNames[c]}
}

// anyPresent reports whether the note gives one of the sizes.
func anyPresent(sizes ...model.Size) bool {
	for _, s := range sizes {
		if s.Present() {
			return true
		}
	}
	return false
}

// consideredWords mark a clause about a repair that was only considered,
// discussed or declined ("a flap was considered", "options included FTSG",
// "the patient declined a flap"): it is no repair.
var consideredWords = []string{"considered", "discussed", "options", "option", "alternatives", "declined", "refused"}

// afterDiscussion is a clause's phrase that dates what was done after the
// options were discussed: "(left to heal by second intention) after
// discussion of options", "following a discussion of the options".
var afterDiscussion = regexp.MustCompile(`(?i)\b(?:after|following)\s+(?:a\s+|the\s+)?(?:discussion|discussing)\s+(?:of\s+)?(?:the\s+)?(?:repair\s+|reconstructive\s+)?options\b`)

// choiceWords say, within a clause about the options, which one was done:
// "After discussion of the options, we elected to allow the wound to heal
// by second intention" keeps "elected to allow …"; "we discussed the options
// and proceeded with a paramedian forehead interpolation flap" keeps
// "proceeded with …".
var choiceWords = []string{"elected", "chose", "decided", "opted", "selected", "proceeded with"}

// repairClassOf classifies repair text: classNone for a whole text that
// says no repair, classUnknown for a text that hedges between two linear
// classes ("intermediate vs. complex"), else the first row of repairWords
// that matches the text without its clauses about repairs only considered
// (classDeferred when nothing else is left).
func repairClassOf(text string) repairClass {
	w := wordsOf(text)
	if noRepairTexts[w.text()] {
		return classNone
	}
	if w.has(consideredWords...) {
		var kept []string
		for _, clause := range strings.FieldsFunc(text, func(r rune) bool { return r == ';' || r == '.' || r == '\n' }) {
			clause = afterDiscussion.ReplaceAllString(clause, " ") // "… left to heal by second intention after discussion of options with the veteran": what was done
			if !hasWord(clause, consideredWords...) {
				kept = append(kept, clause)
			} else if choice := choiceAt(clause); choice >= 0 {
				kept = append(kept, clause[choice:])
			}
		}
		if w = wordsOf(strings.Join(kept, " ")); w.text() == "" {
			return classDeferred
		}
	}
	for _, lead := range []string{"second intention", "secondary intention", "2nd intention"} {
		if strings.HasPrefix(w.text(), lead) {
			// "second intention (advancement flap)": the prose reader's
			// repair that was not done, its kind in parentheses
			return classNoCode
		}
	}
	if f := strings.Fields(w.text()); len(f) > 1 && f[0] == "int" && f[1][0] >= '0' && f[1][0] <= '9' {
		return classIntermediate // "int 4.2 cm, after clearance": a terse note's intermediate closure by its length ("2nd int" heals by second intention)
	}
	if w.has("vs", "versus", "or") {
		classes := 0 // "linear closure — intermediate vs. complex (to be confirmed)": the note does not say which
		for _, row := range repairWords {
			if (row.class == classComplex || row.class == classIntermediate || row.class == classSimple) && w.has(row.words...) {
				classes++
			}
		}
		if classes > 1 {
			return classUnknown
		}
	}
	for _, row := range repairWords {
		if w.has(row.words...) {
			return row.class
		}
	}
	return classUnknown
}

// choiceAt is the byte offset of the first choice word of a clause
// (choiceWords), or -1 when it has none or a considered word follows it
// ("we elected to discuss the options").
func choiceAt(clause string) int {
	lower := strings.ToLower(clause)
	at := -1
	for _, w := range choiceWords {
		if k := strings.Index(lower, w); k >= 0 && (at < 0 || k < at) {
			at = k
		}
	}
	if at < 0 || hasWord(clause[at:], consideredWords...) {
		return -1
	}
	return at
}

// codable reports whether a class has a code in the repair tables.
func codable(c repairClass) bool { return c >= classFlap }

// repairItem is one codable repair with its sizes.
type repairItem struct {
	lesion *model.Lesion
	repair *model.Repair
	class  repairClass
	site   anatomy.Site
	size   float64 // length in cm (linear) or area in sq cm (flap, graft)
}

// gatherRepairs classifies a lesion's repairs, reports what cannot be
// coded, and keeps the rest for repairLines.
func (g *generator) gatherRepairs(les *model.Lesion) {
	flap := g.hasFlap(les)
	for i := range les.Repairs {
		r := &les.Repairs[i]
		kind := repairKindOf(*r)
		if g.notOnClaim(les, r, kind, flap) {
			continue
		}
		site, ok := g.repairSite(les, r)
		if !ok {
			continue
		}
		size, ok := g.repairSize(les, r, kind)
		if !ok {
			continue
		}
		if !timingDocumented(les, r) {
			g.add(RepairTimingUndocumented, les.Label, r.Line, "Lesion %s: the note does not document that the repair followed tumor clearance", les.Label)
		}
		g.repairItems = append(g.repairItems, repairItem{lesion: les, repair: r, class: kind.class, site: site, size: size})
	}
}

// withholdRepairs keeps the linear classes of the repairs of a lesion that
// gets no line (lesion-ambiguous): their lines are withheld, but they are
// repairs of the encounter, whose span of classes decides modifier 59 on
// the lines that are coded (docs/coding-rules.md section 3).
func (g *generator) withholdRepairs(les *model.Lesion) {
	for _, r := range les.Repairs {
		if c := repairKindOf(r).class; linear(c) && !r.By.Present() {
			g.withheldClasses = append(g.withheldClasses, c)
		}
	}
}

// notOnClaim reports, with its finding, a repair that gets no line
// whatever its size: "none" (no finding), a repair by another provider
// (whatever its kind), healing without a repair, a kind outside the tables
// or not stated, a linear repair of a lesion closed by a flap (the flap
// includes the closure of its defect: docs/coding-rules.md section 3, "a flap
// repair reports no linear repair for the same defect"), and a simple
// repair after an excision (section 6).
func (g *generator) notOnClaim(les *model.Lesion, r *model.Repair, kind repairKind, flap bool) bool {
	switch {
	case kind.class == classNone:
	case r.By.Present() && !g.sameSurgeon(r.By.Value):
		g.add(NoRepairCode, les.Label, r.By.Line, "Lesion %s: the repair was done by another provider (%s): not on this claim", les.Label, r.By.Value)
	case !r.By.Present() && byOther(r.Value.Value) && !g.sameSurgeon(repairer(r.Value.Value)):
		// "Repair: by Gynecologic Oncology (Dr. …) in the OR later today"
		g.add(NoRepairCode, les.Label, r.Line, "Lesion %s: the repair was done by another provider (%s): not on this claim", les.Label, r.Value.Value)
	case kind.class == classNoCode:
		g.add(NoRepairCode, les.Label, r.Line, "Lesion %s: healing by second intention, strips or cautery alone is not a repair: no line", les.Label)
	case kind.class == classDeferred:
		g.add(NoRepairCode, les.Label, r.Line, "Lesion %s: the closure is deferred to a later visit or was only considered: not on this claim", les.Label)
	case kind.class == classOtherProvider:
		g.add(NoRepairCode, les.Label, r.Line, "Lesion %s: the note says another provider did the repair: not on this claim", les.Label)
	case kind.class == classIncluded:
		g.add(NoRepairCode, les.Label, r.Line, "Lesion %s: closing a graft donor site or a biopsy wound is included in the graft or biopsy code: no line", les.Label)
	case kind.class == classReview:
		g.add(RepairCodeReview, les.Label, r.Line, "Lesion %s: %q is outside the repair tables (staged flap, wedge excision or cartilage graft): code by hand", les.Label, repairText(r))
	case kind.class == classUnknown:
		g.add(RepairTypeUnknown, les.Label, r.Line, "Lesion %s: the repair class of %q cannot be told (simple, intermediate, complex, flap or graft): no line", les.Label, repairText(r))
	case flap && linear(kind.class):
		g.add(NoRepairCode, les.Label, r.Line, "Lesion %s: the %s repair closes the defect of the lesion's flap, which includes it: no line", les.Label, kind.name)
	case g.pathologist && kind.class == classSimple:
		g.add(NoRepairCode, les.Label, r.Line, "Lesion %s: a simple repair is included in the excision that replaces Mohs: no line", les.Label)
	default:
		return false
	}
	return true
}

// linear reports whether a class is a linear repair (simple, intermediate,
// complex).
func linear(c repairClass) bool {
	return c == classSimple || c == classIntermediate || c == classComplex
}

// repairSite is the site a repair is coded by: its own Site when it has
// one (site-unknown when no term is known), else the lesion's.
func (g *generator) repairSite(les *model.Lesion, r *model.Repair) (anatomy.Site, bool) {
	if !r.Site.Text.Present() {
		return les.Site.Anatomy, true
	}
	if !r.Site.Resolved {
		g.add(SiteUnknown, les.Label, r.Site.Text.Line, "Lesion %s: no known site term in the repair site %q: the repair is not coded", les.Label, r.Site.Text.Value)
		return anatomy.Site{}, false
	}
	return r.Site.Anatomy, true
}

// repairText is what the note calls the repair, for messages.
func repairText(r *model.Repair) string {
	if r.Type.Present() {
		return r.Type.Value
	}
	return r.Value.Value
}

// hasFlap reports whether the lesion has an adjacent tissue transfer done
// by the surgeon of this claim that can be coded (it has a primary defect
// area): only a flap with a line includes the excision or the linear
// repair of its defect.
func (g *generator) hasFlap(les *model.Lesion) bool {
	for _, r := range les.Repairs {
		if repairKindOf(r).class != classFlap || r.By.Present() && !g.sameSurgeon(r.By.Value) {
			continue
		}
		if _, ok := flapPrimary(les, &r); ok {
			return true
		}
	}
	return false
}

// flapPrimary is a flap's primary defect area: its Defect, else its Area,
// else a size in its value, else the lesion's final defect.
func flapPrimary(les *model.Lesion, r *model.Repair) (float64, bool) {
	return firstArea(r.Defect, r.Area, r.Size, sized(r.Length), les.FinalDefect)
}

// sized is a repair length given in two dimensions ("Closure size: 2.8 x
// 2.2 cm" of a graft or flap), which measures an area; the zero Size for a
// length of one dimension, which measures none.
func sized(length model.Size) model.Size {
	if len(length.Dims) == 2 {
		return length
	}
	return model.Size{}
}

// byOther reports whether a repair's value opens by naming who did it
// ("by Gynecologic Oncology (Dr. …)"): a "By" field written in the value.
func byOther(value string) bool {
	return len(value) > 3 && strings.EqualFold(value[:3], "by ")
}

// repairer is who such a value names, up to a comma, semicolon or
// parenthesis: "me" of "by me, intermediate repair 2.0 cm".
func repairer(value string) string {
	who := value[3:]
	if i := strings.IndexAny(who, ",;("); i >= 0 {
		who = who[:i]
	}
	return strings.TrimSpace(who)
}

// sameSurgeonWords in a "By" value say the Mohs surgeon did the repair;
// sameSurgeonTexts say so as the whole value. "Same" alone is not enough
// inside a longer text: "gynecologic surgery (Dr. Mbeki), same day" names
// another provider.
var (
	sameSurgeonWords = []string{"same surgeon", "same physician", "same provider", "same doctor", "self", "myself", "mohs surgeon", "this surgeon", "operating surgeon"}
	sameSurgeonTexts = map[string]bool{"same": true, "surgeon": true, "the surgeon": true, "me": true}
)

// sameSurgeon reads a "By" value: the same surgeon when it says so
// ("same surgeon", "Mohs surgeon", "self", "surgeon" alone) or names the
// surgeon's last name; any other text names another provider ("Dr. Patel,
// oculoplastic surgeon", "plastic surgery").
func (g *generator) sameSurgeon(by string) bool {
	w := wordsOf(by)
	return sameSurgeonTexts[w.text()] || w.has(sameSurgeonWords...) || g.namesSurgeon(by)
}

// repairSize finds a repair's length (linear) or area (flap, graft), or
// reports repair-size-missing.
func (g *generator) repairSize(les *model.Lesion, r *model.Repair, kind repairKind) (float64, bool) {
	switch kind.class {
	case classFlap:
		primary, ok := flapPrimary(les, r)
		if !ok {
			g.add(RepairSizeMissing, les.Label, r.Line, "Lesion %s: the flap has no primary defect area (two dimensions or an area): no line", les.Label)
			return 0, false
		}
		if !r.SecondaryDefect.Present() {
			g.add(SecondaryDefectMissing, les.Label, r.Line, "Lesion %s: no secondary defect is documented for the flap: coded on the primary defect alone", les.Label)
			return primary, true
		}
		secondary, ok := r.SecondaryDefect.Area()
		if !ok {
			g.add(RepairSizeMissing, les.Label, r.SecondaryDefect.Line, "Lesion %s: the flap's secondary defect has one dimension; an area needs two dimensions or an explicit area: no line", les.Label)
			return 0, false
		}
		return primary + secondary, true
	case classFTSG, classSTSG:
		area, ok := firstArea(r.Area, r.Defect, r.Size, sized(r.Length), les.FinalDefect)
		if !ok {
			g.add(RepairSizeMissing, les.Label, r.Line, "Lesion %s: the graft has no recipient area (two dimensions or an area): no line", les.Label)
		}
		return area, ok
	}
	for _, s := range []model.Size{r.Length, r.Size} {
		if cm, ok := s.Longest(); ok {
			return cm, true
		}
	}
	g.add(RepairSizeMissing, les.Label, r.Line, "Lesion %s: the %s repair has no length of its own (the final defect is not a repair length): no line", les.Label, kind.name)
	return 0, false
}

// firstArea is the area of the first size given; a given size that is
// not an area (one dimension) ends the search unsuccessfully.
func firstArea(sizes ...model.Size) (float64, bool) {
	for _, s := range sizes {
		if s.Present() {
			return s.Area()
		}
	}
	return 0, false
}

// clearanceWords in a repair's value document its timing.
var clearanceWords = []string{"after clearance", "after clear margins", "following clearance", "after tumor clearance", "after tumour clearance"}

// Words of a last-stage decision: that the tumor was cleared (unless
// negated: "not clear"), and that names the repair or closure — a generic
// word, or any word that names a codable repair kind ("clear; FTSG").
var (
	clearedWords    = []string{"cleared", "clear", "clearance", "free", "negative", "no residual", "no tumor", "no remaining tumor"}
	notClearedWords = []string{"not clear", "not cleared", "not free", "not negative", "not yet clear", "no clearance"}
	repairNameWords = []string{"repair", "repaired", "closure", "close", "closed", "reconstruction", "reconstruct", "flap", "graft"}
)

// timingDocumented: a Timing field, clearance words in the repair's value,
// or a last-stage decision that the tumor was cleared naming the repair.
func timingDocumented(les *model.Lesion, r *model.Repair) bool {
	if r.Timing.Present() || hasWord(r.Value.Value+" "+r.Type.Value, clearanceWords...) {
		return true
	}
	if len(les.Stages) == 0 {
		return false
	}
	last := les.Stages[len(les.Stages)-1]
	d := last.Decision.Value
	w := wordsOf(d)
	// "Tumor cleared; proceed to layered closure", or a last stage whose
	// margins are all clear and whose decision proceeds to the repair
	// ("Stage II: 1 section, clear. … proceed to layered closure.")
	cleared := w.has(clearedWords...) && !w.has(notClearedWords...) || allClear(last) && w.has("proceed", "proceeded")
	return cleared && (w.has(repairNameWords...) || codable(repairClassOf(d)))
}

// linearGroup is the repairs of one class and site group, summed. Grafts
// are summed the same way, by graft type and recipient group.
type linearGroup struct {
	class repairClass
	group string
	total float64
	items []repairItem
}

// groupSums is the encounter's summed repair groups, in order of first use.
type groupSums []*linearGroup

// add puts a repair into the group of its class and group id.
func (gs *groupSums) add(class repairClass, group string, it repairItem) {
	i := slices.IndexFunc(*gs, func(s *linearGroup) bool { return s.class == class && s.group == group })
	if i < 0 {
		*gs = append(*gs, &linearGroup{class: class, group: group})
		i = len(*gs) - 1
	}
	(*gs)[i].total += it.size
	(*gs)[i].items = append((*gs)[i].items, it)
}

// repairLines turns the encounter's repairs into lines (docs/coding-rules.md
// section 3): flaps per defect, larger first; then grafts and linear
// repairs summed per class and group, in class order (full-thickness,
// split-thickness, complex, intermediate, simple), larger first. The
// modifiers follow from all the lines together (repairModifiers).
func (g *generator) repairLines() {
	var flaps []repairItem
	var sums groupSums
	for _, it := range g.repairItems {
		if it.class == classFlap {
			flaps = append(flaps, it)
			continue
		}
		sums.add(it.class, familyGroup(it.class, it.site.Groups), it)
	}
	sums = g.smallComplexAsIntermediate(sums)

	var out []classLines
	slices.SortStableFunc(flaps, func(a, b repairItem) int { return cmp.Compare(b.size, a.size) })
	for _, it := range flaps {
		lines, err := codetable.Flap(it.site.Groups.Flap, it.size)
		why := fmt.Sprintf("adjacent tissue transfer, %s sq cm (primary + secondary defect)", tenths(it.size))
		out = g.appendRepair(out, classFlap, lines, err, []repairItem{it}, why)
	}
	slices.SortStableFunc(sums, func(a, b *linearGroup) int {
		if c := cmp.Compare(a.class, b.class); c != 0 {
			return c
		}
		return cmp.Compare(b.total, a.total)
	})
	for _, s := range sums {
		lines, err := sumLines(s)
		unit := "cm"
		if s.class == classFTSG || s.class == classSTSG {
			unit = "sq cm"
		}
		why := fmt.Sprintf("%s, %s group, %s %s in all", classNames[s.class], s.group, tenths(s.total), unit)
		out = g.appendRepair(out, s.class, lines, err, s.items, why)
	}
	g.repairModifiers(out)
	for _, cl := range out {
		g.repairs = append(g.repairs, cl.lines...)
	}
}

// classLines are the claim lines of one flap or summed repair group.
type classLines struct {
	class repairClass
	lines []Line
}

// secondaryRepairModifier goes on the lines of every linear repair class
// but the most complicated when the encounter's repairs span several
// classes: the CPT repair guidelines report the less complicated repair as
// the secondary procedure with modifier 59.
const secondaryRepairModifier = "59"

// repairModifiers puts the modifiers on the repair lines (docs/coding-rules.md
// section 3). Repairs, flaps and grafts after Mohs carry none by default.
// A profile's repair modifier goes on every repair, flap and graft line;
// otherwise, when the linear lines span more than one class among simple,
// intermediate and complex, every class but the most complicated carries
// 59. Flap and graft lines take no part in the span. A loaded PTP table
// adds its own modifier later (the edits step).
func (g *generator) repairModifiers(out []classLines) {
	var spanned []repairClass // the linear classes the encounter's repairs span, withheld ones too
	for _, cl := range out {
		if linear(cl.class) && len(cl.lines) > 0 {
			spanned = append(spanned, cl.class)
		}
	}
	spanned = append(spanned, g.withheldClasses...)
	mostComplicated := classUnknown
	classes := 0
	for _, c := range spanned {
		if c == mostComplicated || slices.Contains(spanned[:slices.Index(spanned, c)], c) {
			continue
		}
		if mostComplicated == classUnknown || c < mostComplicated {
			mostComplicated = c
		}
		classes++
	}
	for _, cl := range out {
		m := g.profile.RepairModifier
		if m == "" && classes > 1 && linear(cl.class) && cl.class != mostComplicated {
			m = secondaryRepairModifier
		}
		for i := range cl.lines {
			cl.lines[i] = cl.lines[i].withModifier(m)
		}
	}
}

// smallComplexAsIntermediate moves the repairs of every complex group whose
// total is 1.0 cm or less into the intermediate group of each repair's own
// site, where they are summed with the intermediate repairs, and reports
// complex-repair-small for each.
func (g *generator) smallComplexAsIntermediate(sums groupSums) groupSums {
	out := slices.DeleteFunc(slices.Clone(sums), func(s *linearGroup) bool {
		return s.class == classComplex && codetable.RoundHalfUp1(s.total) <= 1.0
	})
	for _, s := range sums {
		if slices.Contains(out, s) {
			continue
		}
		for _, it := range s.items {
			g.add(ComplexRepairSmall, it.lesion.Label, it.repair.Line, "Lesion %s: complex repairs of the %s group total %s cm, 1.0 cm or less: coded as intermediate", it.lesion.Label, s.group, tenths(s.total))
			out.add(classIntermediate, it.site.Groups.Intermediate, it)
		}
	}
	return out
}

// sumLines looks up the lines of one summed group.
func sumLines(s *linearGroup) ([]codetable.Line, error) {
	switch s.class {
	case classFTSG:
		return codetable.Graft(codetable.FamilyFullThickness, s.group, s.total)
	case classSTSG:
		return codetable.Graft(codetable.FamilySplitThickness, s.group, s.total)
	}
	return codetable.Linear(familyName[s.class], s.group, s.total)
}

// familyName is the codetable family of each linear class.
var familyName = map[repairClass]string{
	classSimple: codetable.FamilySimple, classIntermediate: codetable.FamilyIntermediate, classComplex: codetable.FamilyComplex,
}

// familyGroup is the site group a repair class uses.
func familyGroup(c repairClass, gr anatomy.Groups) string {
	switch c {
	case classFTSG:
		return gr.FTSG
	case classSTSG:
		return gr.STSG
	case classComplex:
		return gr.Complex
	case classIntermediate:
		return gr.Intermediate
	}
	return gr.Simple
}

func tenths(x float64) string { return fmt.Sprintf("%.1f", codetable.RoundHalfUp1(x)) }

// appendRepair appends the lines of one flap or summed repair group to
// out; a size the table does not cover (it rounds to 0.0) is
// repair-size-missing for each of its repairs instead.
func (g *generator) appendRepair(out []classLines, class repairClass, lines []codetable.Line, err error, items []repairItem, why string) []classLines {
	// In note order: a small complex repair joins its intermediate group
	// after the group's own repairs.
	items = slices.Clone(items)
	slices.SortStableFunc(items, func(a, b repairItem) int { return cmp.Compare(a.repair.Line, b.repair.Line) })
	if err != nil {
		for _, it := range items {
			g.add(RepairSizeMissing, it.lesion.Label, it.repair.Line, "Lesion %s: the repair's size is not one the tables code (%s): no line", it.lesion.Label, why)
		}
		return out
	}
	var labels []string
	var ev []int
	for _, it := range items {
		if !slices.Contains(labels, it.lesion.Label) {
			labels = append(labels, it.lesion.Label)
		}
		ev = append(ev, it.repair.Line, it.repair.Length.Line, it.repair.Size.Line, it.repair.Defect.Line, it.repair.Area.Line, it.repair.SecondaryDefect.Line)
	}
	slices.Sort(ev)
	cl := classLines{class: class}
	for _, l := range lines {
		cl.lines = append(cl.lines, line(l.Code, l.Units, strings.Join(labels, ","), why, ev...))
	}
	return append(out, cl)
}
