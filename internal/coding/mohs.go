package coding

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/mohscode/mohscode/internal/anatomy"
	"github.com/mohscode/mohscode/internal/codetable"
	"github.com/mohscode/mohscode/internal/icd10"
	"github.com/mohscode/mohscode/internal/model"
)

// blocksPerStage is the number of blocks a stage code covers.
const blocksPerStage = 5

// deepWords mark deep-structure involvement in a "Deep structures" value.
var deepWords = []string{"cartilage", "perichondrium", "bone", "bones", "periosteum", "muscle", "muscles", "tendon", "tendons",
	"nerve", "nerves", "vessel", "vessels", "artery", "arteries", "vein", "veins"}

// lesion codes one lesion: documentation checks, then its Mohs (or
// excision) lines and its stain lines. Repairs are gathered for the whole
// encounter.
func (g *generator) lesion(les *model.Lesion) {
	g.documentation(les)
	g.stageChecks(les)
	coded := g.siteChecks(les)
	g.lesionDiagnosis(les)
	g.sameDayBiopsy(les, coded)
	if !coded {
		return
	}
	switch {
	case les.Ambiguous.Present(): // reading reported it (lesion-ambiguous): no Mohs line
		g.withholdRepairs(les)
		return // nor a repair line: the repairs read for it may be another tumor's
	case les.StagesAmbiguous.Present(): // reading reported it (lesion-ambiguous): no Mohs line; its repairs are its own
	case g.readerConflict: // reader-ambiguous: who read the slides decides between Mohs and excision
	case g.lesionReader(les) == readerPathologist:
		g.excision(les)
	case len(les.Stages) > 0:
		g.mohsLines(les)
		g.stainLines(les)
	}
	g.gatherRepairs(les)
}

// lesionReader tells who read a lesion's slides: its own Pathology field
// when it has one (reported here), else the encounter's.
func (g *generator) lesionReader(les *model.Lesion) reader {
	if !les.Pathology.Present() {
		if g.pathologist {
			return readerPathologist
		}
		if !g.note.Encounter.Pathology.Present() && len(les.Stages) > 0 && slices.ContainsFunc(g.note.Lesions, func(o model.Lesion) bool { return o.Pathology.Present() }) {
			g.add(PathologyUndocumented, les.Label, les.Line, "Lesion %s: the note does not say who read its slides; Mohs codes require the surgeon to read them", les.Label)
		}
		return readerUnknown
	}
	r := g.readerOf(les.Pathology.Value)
	switch r {
	case readerPathologist:
		g.add(PathologyNotSurgeon, les.Label, les.Pathology.Line, "Lesion %s: a separate pathologist read its slides (%q): no Mohs code may be billed for it; it is coded as an excision", les.Label, les.Pathology.Value)
	case readerUnknown:
		g.add(PathologyUndocumented, les.Label, les.Pathology.Line, "Lesion %s: the note does not say who read its slides; Mohs codes require the surgeon to read them", les.Label)
	}
	return r
}

// siteChecks reports site findings and whether the lesion can be coded.
func (g *generator) siteChecks(les *model.Lesion) bool {
	site := les.Site
	switch {
	case !site.Text.Present():
		g.add(SiteMissing, les.Label, les.Line, "Lesion %s has no site: it is not coded", les.Label)
		return false
	case !site.Resolved:
		g.add(SiteUnknown, les.Label, site.Text.Line, "Lesion %s: no known site term in %q: it is not coded", les.Label, site.Text.Value)
		return false
	case site.Anatomy.Boundary:
		g.add(SiteBoundary, les.Label, site.Text.Line, "Lesion %s: %q names sites of two groups; Mohs class %s, other families from %q", les.Label, site.Text.Value, g.class(les), site.Anatomy.Terms[0].Name)
	}
	return true
}

// class is the lesion's Mohs site class: H or T, with deep-structure
// involvement moving T up to H.
func (g *generator) class(les *model.Lesion) string {
	if deep(les.DeepStructures.Value) {
		return anatomy.GroupMohsH
	}
	return les.Site.Anatomy.Groups.Mohs
}

// notInvolvedWords say the structure named was not involved: "muscle not
// involved", "periosteum spared".
var notInvolvedWords = []string{"not involved", "not invaded", "uninvolved", "spared", "no involvement", "without involvement", "not reached"}

// noDeepWords open a "Deep structures" value that says there is none
// ("none", "no", "not involved").
var noDeepWords = map[string]bool{"no": true, "none": true, "not": true, "negative": true}

// deep reports whether a "Deep structures" value names a deep structure. A
// value whose first word says none is none; only the whole first word
// counts, so "notable muscle involvement" names muscle.
func deep(text string) bool {
	w := wordsOf(text)
	return !noDeepWords[w.first()] && !w.has(notInvolvedWords...) && w.has(deepWords...)
}

// mohsLines emits 17311/17313 ×1, 17312/17314 × (S−1), 17315 × Σ max(0, bᵢ−5).
func (g *generator) mohsLines(les *model.Lesion) {
	class := g.class(les)
	fam, ok := codetable.Mohs(class)
	if !ok {
		panic("coding: no Mohs family for site class " + class) // the anatomy and code tables disagree: a build defect the tests catch
	}
	modifier := g.distinctModifier()
	first := les.Stages[0]
	why := fmt.Sprintf("first stage; %s is Mohs class %s", les.Site.Text.Value, class)
	if class != les.Site.Anatomy.Groups.Mohs {
		why += " (deep structures involved)"
	}
	g.mohs = append(g.mohs, line(fam.FirstStage, 1, les.Label, why, les.Site.Text.Line, first.Line).withModifier(modifier))
	if s := len(les.Stages); s > 1 {
		var ev []int
		for _, st := range les.Stages[1:] {
			ev = append(ev, st.Line)
		}
		g.mohs = append(g.mohs, line(fam.AdditionalStage, s-1, les.Label, fmt.Sprintf("%d stages: %d beyond the first", s, s-1), ev...).withModifier(modifier))
	}
	extra, ev := 0, []int(nil)
	for _, st := range les.Stages {
		if st.Blocks.N > blocksPerStage {
			extra += st.Blocks.N - blocksPerStage
			ev = append(ev, st.Blocks.Line)
		}
	}
	if extra > 0 {
		g.mohs = append(g.mohs, line(fam.AdditionalBlock, extra, les.Label, fmt.Sprintf("%d %s beyond the fifth within a stage", extra, plural(extra, "block", "blocks")), ev...).withModifier(modifier))
	}
}

// distinctModifier is the modifier of the lesion now being coded: none for
// the first lesion that yields a Mohs or excision line, the profile's
// distinct-lesion modifier for every later one.
func (g *generator) distinctModifier() string {
	if !g.distinct {
		g.distinct = true
		return ""
	}
	return g.profile.DistinctLesionModifier
}

// excision codes a lesion as a malignant excision when Mohs cannot be
// billed (docs/coding-rules.md section 6). An adjacent tissue transfer includes
// the excision: then no line is needed, and no size either.
func (g *generator) excision(les *model.Lesion) {
	if g.hasFlap(les) {
		return
	}
	d, how, evidence, ok := g.excisedDiameter(les)
	ln, err := codetable.Excision(les.Site.Anatomy.Groups.Excision, d)
	if !ok || err != nil {
		g.add(DefectSizeMissing, les.Label, les.Line, "Lesion %s: Mohs cannot be billed and the excision that replaces it needs an excised diameter: neither the pre-operative size with a margin nor the final defect is documented", les.Label)
		return
	}
	why := fmt.Sprintf("excision instead of Mohs (separate pathologist); excised diameter %.1f cm (%s)", codetable.RoundHalfUp1(d), how)
	g.mohs = append(g.mohs, line(ln.Code, ln.Units, les.Label, why, evidence...).withModifier(g.distinctModifier()))
}

// excisedDiameter is the lesion's excised diameter in cm: its
// pre-operative size (greatest dimension) plus twice the documented margin,
// as CPT defines it; without a margin (or a size), the final defect's
// greatest dimension, with excision-size-from-defect. It says how it was
// found and from which note lines; ok is false when neither is documented.
func (g *generator) excisedDiameter(les *model.Lesion) (cm float64, how string, evidence []int, ok bool) {
	size, sized := les.Size.Longest()
	margin, margined := les.ExcisionMargin.Longest()
	if sized && margined {
		return size + 2*margin, fmt.Sprintf("pre-operative size %s cm + 2 × margin %s cm", trimFloat(size), trimFloat(margin)),
			[]int{les.Size.Line, les.ExcisionMargin.Line}, true
	}
	defect, ok := les.FinalDefect.Longest()
	if !ok {
		return 0, "", nil, false
	}
	g.add(ExcisionSizeFromDefect, les.Label, les.FinalDefect.Line, "Lesion %s: no %s is documented, so the excision is coded by the final defect's greatest dimension (%s cm), which overstates the excised diameter: check the code", les.Label, missingForExcision(sized), trimFloat(defect))
	return defect, "final defect's greatest dimension", []int{les.FinalDefect.Line}, true
}

// missingForExcision names what the excised diameter lacks.
func missingForExcision(sized bool) string {
	if sized {
		return "excision margin"
	}
	return "pre-operative size"
}

// trimFloat writes a size in cm without trailing zeros: 1.4, 0.2, 2.
func trimFloat(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// stageChecks reports the documentation findings of a lesion's stages.
func (g *generator) stageChecks(les *model.Lesion) {
	if len(les.Stages) == 0 {
		g.add(StagesMissing, les.Label, les.Line, "Lesion %s lists no Mohs stage: no Mohs line", les.Label)
		return
	}
	totalBlocks, blocksKnown := 0, true
	for i, st := range les.Stages {
		if !st.Blocks.Present() {
			blocksKnown = false
			why := ""
			if st.Levels.Present() {
				why = fmt.Sprintf(" (%q counts cut levels through one block, not blocks)", st.Levels.Value)
			}
			g.add(BlocksMissing, les.Label, st.Line, "Lesion %s, stage %s has no block count%s: coded as a stage of at most 5 blocks", les.Label, st.Name(), why)
		}
		totalBlocks += st.Blocks.N
		if len(st.Margins) == 0 {
			g.add(MarginsMissing, les.Label, st.Line, "Lesion %s, stage %s has no margin status", les.Label, st.Name())
		}
		if want := stageNumberAfter(les.Stages, i); st.Number != want {
			g.add(StageNumbering, les.Label, st.Line, "Lesion %s: stage %s where stage %d was expected; stages are counted as listed", les.Label, st.Name(), want)
		}
		if i > 0 && allClear(les.Stages[i-1]) {
			g.add(StageAfterClear, les.Label, st.Line, "Lesion %s: stage %s follows a stage whose margins were all clear", les.Label, st.Name())
		}
	}
	if last := les.Stages[len(les.Stages)-1]; anyPositive(last) && !plansNext(last.Decision.Value) {
		g.add(FinalStagePositive, les.Label, last.Line, "Lesion %s: the last stage's margins are not clear (positive or equivocal) and no plan is documented", les.Label)
	}
	if t := les.TotalStages; t.Present() && t.N != len(les.Stages) {
		g.add(TotalsMismatch, les.Label, t.Line, "Lesion %s: Total stages says %d but %d stages are listed; lines follow the stages listed", les.Label, t.N, len(les.Stages))
	}
	if t := les.TotalBlocks; t.Present() && blocksKnown && t.N != totalBlocks {
		g.add(TotalsMismatch, les.Label, t.Line, "Lesion %s: Total blocks says %d but the stages list %d; lines follow the stages listed", les.Label, t.N, totalBlocks)
	}
	if !les.Stages[0].Histology.Present() {
		g.add(HistologyMissing, les.Label, les.Stages[0].Line, "Lesion %s: stage 1 has no histology description (depth, pattern, cell type, perineural invasion)", les.Label)
	}
}

// stageNumberAfter is the number stage i should have: 1 for the first,
// else one more than the stage before it. A skip or a repeat is reported
// once, on the stage where it happens: stages 1, 3, 4 skip at 3 only.
func stageNumberAfter(stages []model.Stage, i int) int {
	if i == 0 {
		return 1
	}
	return stages[i-1].Number + 1
}

// allClear reports whether a stage states its margins and all are clear.
func allClear(st model.Stage) bool {
	if len(st.Margins) == 0 {
		return false
	}
	for _, m := range st.Margins {
		if m.Positive {
			return false
		}
	}
	return true
}

func anyPositive(st model.Stage) bool {
	for _, m := range st.Margins {
		if m.Positive {
			return true
		}
	}
	return false
}

// documentation reports what the lesion's note should show.
func (g *generator) documentation(les *model.Lesion) {
	if !les.Diagnosis.Present() && (!les.PostopDiagnosis.Present() || isSame(les.PostopDiagnosis.Value)) {
		g.add(DiagnosisMissing, les.Label, les.Line, "Lesion %s has no diagnosis", les.Label)
	}
	if !les.Size.Present() {
		g.add(SizeMissing, les.Label, les.Line, "Lesion %s has no preoperative size", les.Label)
	}
	if !les.Map.Yes {
		g.add(MapMissing, les.Label, les.Line, "No Mohs map is documented for lesion %s", les.Label)
	}
	if !les.Indication.Present() {
		g.add(IndicationMissing, les.Label, les.Line, "Lesion %s: the note does not say why Mohs was chosen over excision", les.Label)
	}
	if !les.PriorBiopsy.Yes && !les.SameDayBiopsy.Present() {
		g.add(icd10.DiagnosisUnconfirmed, les.Label, les.Line, "Lesion %s: no prior pathology diagnosis or same-day biopsy is documented", les.Label)
	}
}

// plural picks the word for n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// nextStepWords name what follows a stage that is not clear: another stage
// today or at a later visit, or another treatment.
var nextStepWords = []string{"stage", "layer", "proceed", "return", "complete", "refer", "radiation", "excision", "excise",
	"re-excis", "further mohs", "additional", "next visit", "schedule", "continue", "imiquimod", "observation"}

// plansNext reports whether a stage's decision is a plan for what follows
// ("proceed to stage 2", "will return on 05/14/2026 to complete Mohs"): a
// stage that ended not clear with such a plan is no final-stage-positive
// (NOTE-FORMAT §7). "Procedure ended at patient request; will discuss
// further management" plans nothing (CODING-RULES, where a fact may stand:
// a further stage is expected and its absence is final-stage-positive).
func plansNext(decision string) bool {
	d := strings.ToLower(decision)
	for _, w := range nextStepWords {
		if strings.Contains(d, w) {
			return true
		}
	}
	return false
}
