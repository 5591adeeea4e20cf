package coding

import (
	"fmt"
	"strings"

	"github.com/mohscode/mohscode/internal/codetable"
	"github.com/mohscode/mohscode/internal/model"
)

// stainLines emits one line per stain code for the lesion: 88314 per
// histochemical stain per block; per block 88342 for the first antibody and
// 88341 for each further one. A stain named twice on a stage (in "Stain"
// and "Special stain", or as "S100" and "S-100") counts once per block.
// A reason stated for a stain on one stage states it for the same stain on
// the lesion's other stages ("MART-1 … to assess melanocyte density" on the
// first stage, "each stained with H&E and MART-1" on the second): the rule
// book asks for a stated reason, not one restated each stage.
func (g *generator) stainLines(les *model.Lesion) {
	reasoned := map[string]bool{}
	for _, st := range les.Stages {
		for _, s := range st.Stains {
			if s.Reason != "" || st.Reason.Present() {
				reasoned[codetable.StainName(s.Name)] = true
			}
			for _, o := range les.Stages { // a stage's Reason naming a stain of another stage: "PAS on stage 1 A-B to show …"
				if said := strings.ToLower(o.Reason.Value); said != "" && strings.Contains(said, strings.ToLower(s.Name)) {
					reasoned[codetable.StainName(s.Name)] = true
				}
			}
		}
	}
	first, further := 0, 0
	var histoEv, immunoEv []int
	histo := map[stainBlock]bool{}
	for si, st := range les.Stages {
		antibodies := map[int]map[string]bool{} // block → antibodies on it
		for _, s := range st.Stains {
			kind := codetable.ClassifyStain(s.Name)
			switch kind {
			case codetable.StainRoutine:
				if s.Special {
					g.add(RoutineStainNotBillable, les.Label, s.Line, "Lesion %s: %s is a routine stain, included in Mohs: no line", les.Label, s.Name)
				}
				continue
			case codetable.StainUnknown:
				g.add(StainUnknown, les.Label, s.Line, "Lesion %s: stain %q is not a known routine, histochemical or immunohistochemical stain: no line", les.Label, s.Name)
				continue
			}
			if !reasoned[codetable.StainName(s.Name)] {
				g.add(StainIndicationMissing, les.Label, s.Line, "Lesion %s: no reason is documented for %s", les.Label, s.Name)
			}
			blocks := stainedBlocks(s, st)
			name := codetable.StainName(s.Name)
			if kind == codetable.StainHistochemical {
				for _, b := range blocks {
					histo[stainBlock{si, b, name}] = true
				}
				histoEv = append(histoEv, s.Line)
				continue
			}
			immunoEv = append(immunoEv, s.Line)
			for _, b := range blocks {
				if antibodies[b] == nil {
					antibodies[b] = map[string]bool{}
				}
				antibodies[b][name] = true
			}
		}
		for _, names := range antibodies {
			first++
			further += len(names) - 1
		}
	}
	mod := g.profile.StainModifier
	if n := len(histo); n > 0 {
		codes, _ := codetable.StainCodes(codetable.StainHistochemical)
		g.stains = append(g.stains, line(codes.First, n, les.Label, fmt.Sprintf("%d histochemical stain-blocks", n), histoEv...).withModifier(mod))
	}
	if first > 0 {
		codes, _ := codetable.StainCodes(codetable.StainImmuno)
		g.stains = append(g.stains, line(codes.First, first, les.Label, fmt.Sprintf("first antibody on %d blocks", first), immunoEv...).withModifier(mod))
		if further > 0 {
			g.stains = append(g.stains, line(codes.Additional, further, les.Label, fmt.Sprintf("%d further antibody-blocks", further), immunoEv...).withModifier(mod))
		}
	}
}

// stainBlock is one histochemical stain on one block of one stage.
type stainBlock struct {
	stage, block int
	stain        string
}

// stainedBlocks lists the blocks a stain applies to: those named in
// parentheses that the stage has, else every block of the stage (none when
// the count is missing: a count the note does not give makes no line).
func stainedBlocks(s model.Stain, st model.Stage) []int {
	if len(s.Blocks) > 0 {
		if !st.Blocks.Present() {
			return s.Blocks
		}
		var in []int
		for _, b := range s.Blocks {
			if b >= 1 && b <= st.Blocks.N {
				in = append(in, b)
			}
		}
		return in
	}
	if !st.Blocks.Present() {
		return nil // every block of a stage whose blocks are not counted: how many is not known (blocks-missing)
	}
	blocks := make([]int, st.Blocks.N)
	for i := range blocks {
		blocks[i] = i + 1
	}
	return blocks
}
