package coding

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/mohscode/mohscode/internal/anatomy"
	"github.com/mohscode/mohscode/internal/codetable"
	"github.com/mohscode/mohscode/internal/model"
)

// repairClass is what a repair's text says it is.
type repairClass int

const (
	classUnknown repairClass = iota
	classNone                // "Repair: none": no line, no finding
	classNoCode              // second intention, strips, cautery: no line
	classReview              // staged flaps, wedges, cartilage grafts: by hand
	classFlap
	classFTSG
	classSTSG
	classComplex
	classIntermediate
	classSimple
)

// repairWords maps words of a repair's text to its class, in the order they
// are tried: staged flaps before flaps ("interpolation flap"), flaps before
// wedges ("wedge resection advancement flap" is a flap), and a stated class
// before the no-code words ("complex repair, steri-strips applied").
var repairWords = []struct {
	class repairClass
	words []string
}{
	{classReview, []string{"interpolation", "interpolated", "paramedian", "staged", "two stage", "cartilage graft", "composite graft"}},
	{classFlap, []string{"flap", "advancement", "rotation", "transposition", "rhombic", "rhomboid", "bilobed", "bilobe",
		"v y", "vy", "z plasty", "zplasty", "w plasty", "wplasty", "o to z", "o z", "a to t", "a t", "island pedicle", "burow", "burows", "adjacent tissue transfer", "tissue rearrangement"}},
	{classFTSG, []string{"full thickness", "ftsg"}},
	{classSTSG, []string{"split thickness", "stsg"}},
	{classReview, []string{"wedge"}},
	{classComplex, []string{"complex"}},
	{classIntermediate, []string{"intermediate", "layered", "layer"}},
	{classSimple, []string{"simple"}},
	{classNoCode, []string{"second intention", "secondary intention", "granulation", "strips", "steri strips", "steristrips", "cautery", "electrocautery", "adhesive"}},
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

func repairKindOf(r model.Repair) repairKind {
	text := strings.TrimSpace(r.Type.Value + " " + r.Value.Value)
	switch strings.ToLower(strings.TrimSuffix(text, ".")) {
	case "none", "no", "n/a", "not performed":
		return repairKind{class: classNone}
	}
	for _, row := range repairWords {
		if hasWord(text, row.words...) {
			return repairKind{class: row.class, name: classNames[row.class]}
		}
	}
	return repairKind{class: classUnknown}
}

// repairItem is one codable repair with its sizes.
type repairItem struct {
	lesion *model.Lesion
	repair *model.Repair
	class  repairClass
	site   anatomy.Site
	size   float64 // length in cm (linear) or area in sq cm (flap, graft)
	small  bool    // a complex repair coded as intermediate
}

// gatherRepairs classifies a lesion's repairs, reports what cannot be
// coded, and keeps the rest for repairLines.
func (g *generator) gatherRepairs(les *model.Lesion) {
	for i := range les.Repairs {
		r := &les.Repairs[i]
		kind := repairKindOf(*r)
		switch kind.class {
		case classNone:
			continue
		case classNoCode:
			g.add(NoRepairCode, les.Label, r.Line, "Lesion %s: healing by second intention, strips or cautery alone is not a repair: no line", les.Label)
			continue
		case classReview:
			g.add(RepairCodeReview, les.Label, r.Line, "Lesion %s: %q is outside the repair tables (staged flap, wedge excision or cartilage graft): code by hand", les.Label, repairText(r))
			continue
		case classUnknown:
			g.add(RepairTypeUnknown, les.Label, r.Line, "Lesion %s: the repair class of %q cannot be told (simple, intermediate, complex, flap or graft): no line", les.Label, repairText(r))
			continue
		}
		if r.By.Present() && !g.sameSurgeon(r.By.Value) {
			g.add(NoRepairCode, les.Label, r.By.Line, "Lesion %s: the repair was done by another provider (%s): not on this claim", les.Label, r.By.Value)
			continue
		}
		site := les.Site.Anatomy
		if r.Site.Text.Present() {
			if !r.Site.Resolved {
				g.add(SiteUnknown, les.Label, r.Site.Text.Line, "Lesion %s: no known site term in the repair site %q: the repair is not coded", les.Label, r.Site.Text.Value)
				continue
			}
			site = r.Site.Anatomy
		}
		if g.pathologist && kind.class == classSimple {
			continue // a simple repair is included in the excision
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

func repairText(r *model.Repair) string {
	if r.Type.Present() {
		return r.Type.Value
	}
	return r.Value.Value
}

// sameSurgeon reads a "By" value: the same surgeon unless another
// provider is named.
func (g *generator) sameSurgeon(by string) bool {
	return hasWord(by, "same", "self", "mohs surgeon", "surgeon", "me", "myself") || g.surgeonName != "" && hasWord(by, g.surgeonName)
}

// repairSize finds a repair's length (linear) or area (flap, graft), or
// reports repair-size-missing.
func (g *generator) repairSize(les *model.Lesion, r *model.Repair, kind repairKind) (float64, bool) {
	switch kind.class {
	case classFlap:
		primary, ok := firstArea(r.Defect, r.Area, r.Size, les.FinalDefect)
		if !ok {
			g.add(RepairSizeMissing, les.Label, r.Line, "Lesion %s: the flap has no primary defect area (two dimensions or an area): no line", les.Label)
			return 0, false
		}
		secondary, ok := r.SecondaryDefect.Area()
		if !ok {
			g.add(SecondaryDefectMissing, les.Label, r.Line, "Lesion %s: no secondary defect is documented for the flap: coded on the primary defect alone", les.Label)
		}
		return primary + secondary, true
	case classFTSG, classSTSG:
		area, ok := firstArea(r.Area, r.Defect, r.Size, les.FinalDefect)
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

// timingDocumented: a Timing field, clearance words in the repair's value,
// or a last-stage decision that the tumor was cleared naming the repair.
func timingDocumented(les *model.Lesion, r *model.Repair) bool {
	if r.Timing.Present() || hasWord(r.Value.Value+" "+r.Type.Value, clearanceWords...) {
		return true
	}
	if len(les.Stages) == 0 {
		return false
	}
	d := les.Stages[len(les.Stages)-1].Decision.Value
	return hasWord(d, "cleared", "clear", "clearance", "free") && hasWord(d, "repair", "closure", "close", "closed", "reconstruction", "reconstruct", "flap", "graft")
}

// linearGroup is the repairs of one class and site group, summed.
type linearGroup struct {
	class repairClass
	group string
	total float64
	items []repairItem
}

// repairLines turns the encounter's repairs into lines: flaps per defect,
// grafts and linear repairs summed per class and group, larger first.
func (g *generator) repairLines() {
	mod := g.profile.RepairModifier
	var flaps []repairItem
	var sums []*linearGroup
	find := func(class repairClass, group string) *linearGroup {
		for _, s := range sums {
			if s.class == class && s.group == group {
				return s
			}
		}
		s := &linearGroup{class: class, group: group}
		sums = append(sums, s)
		return s
	}
	for _, it := range g.repairItems {
		switch it.class {
		case classFlap:
			flaps = append(flaps, it)
		default:
			s := find(it.class, familyGroup(it.class, it.site.Groups))
			s.total += it.size
			s.items = append(s.items, it)
		}
	}
	// A complex group of 1.0 cm or less is coded as intermediate.
	for _, s := range slices.Clone(sums) {
		if s.class != classComplex || codetable.RoundHalfUp1(s.total) > 1.0 {
			continue
		}
		for _, it := range s.items {
			g.add(ComplexRepairSmall, it.lesion.Label, it.repair.Line, "Lesion %s: complex repairs of the %s group total %.1f cm, 1.0 cm or less: coded as intermediate", it.lesion.Label, s.group, codetable.RoundHalfUp1(s.total))
			t := find(classIntermediate, it.site.Groups.Intermediate)
			t.total += it.size
			t.items = append(t.items, it)
		}
		s.items, s.total = nil, 0
	}
	slices.SortStableFunc(flaps, func(a, b repairItem) int { return cmp.Compare(b.size, a.size) })
	for _, it := range flaps {
		lines, err := codetable.Flap(it.site.Groups.Flap, it.size)
		if err != nil {
			continue
		}
		why := fmt.Sprintf("adjacent tissue transfer, %s sq cm (primary + secondary defect)", tenths(it.size))
		g.emitRepair(lines, []repairItem{it}, why, mod)
	}
	slices.SortStableFunc(sums, func(a, b *linearGroup) int {
		if c := cmp.Compare(a.class, b.class); c != 0 {
			return c
		}
		return cmp.Compare(b.total, a.total)
	})
	for _, s := range sums {
		if len(s.items) == 0 {
			continue
		}
		var lines []codetable.Line
		var err error
		unit := "cm"
		switch s.class {
		case classFTSG:
			lines, err = codetable.Graft(codetable.FamilyFullThickness, s.group, s.total)
			unit = "sq cm"
		case classSTSG:
			lines, err = codetable.Graft(codetable.FamilySplitThickness, s.group, s.total)
			unit = "sq cm"
		default:
			lines, err = codetable.Linear(familyName[s.class], s.group, s.total)
		}
		if err != nil {
			continue
		}
		why := fmt.Sprintf("%s, %s group, %s %s in all", classNames[s.class], s.group, tenths(s.total), unit)
		g.emitRepair(lines, s.items, why, mod)
	}
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

// emitRepair appends the lines of one summed repair group.
func (g *generator) emitRepair(lines []codetable.Line, items []repairItem, why, mod string) {
	var labels []string
	var ev []int
	for _, it := range items {
		if !slices.Contains(labels, it.lesion.Label) {
			labels = append(labels, it.lesion.Label)
		}
		ev = append(ev, it.repair.Line, it.repair.Length.Line, it.repair.Size.Line, it.repair.Defect.Line, it.repair.Area.Line, it.repair.SecondaryDefect.Line)
	}
	slices.Sort(ev)
	for _, l := range lines {
		g.repairs = append(g.repairs, line(l.Code, l.Units, strings.Join(labels, ","), why, ev...).withModifier(mod))
	}
}
