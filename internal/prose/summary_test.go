package prose

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/mohscode/mohscode/internal/model"
)

// summary prints facts one per line, for tests and debugging.
func summary(f Facts) []string {
	var out []string
	add := func(format string, a ...any) { out = append(out, fmt.Sprintf(format, a...)) }
	stage := func(label string, s Stage) {
		line := fmt.Sprintf("%s blocks=%d margin=%s", label, s.Blocks, s.Margin)
		if s.Histology.Value != "" {
			line += " histology"
		}
		for _, st := range s.Stains {
			line += fmt.Sprintf(" stain=%q", st.Name)
			if st.Blocks != nil {
				line += fmt.Sprint(st.Blocks)
			}
			if st.Reason != "" {
				line += "+reason"
			}
			if st.Special {
				line += "+special"
			}
		}
		out = append(out, line)
	}
	for _, s := range f.Stages {
		stage("stage "+strconv.Itoa(s.Number), s)
	}
	if u := f.Unstaged; u.Blocks != 0 || u.Margin != 0 || u.Histology.Value != "" || len(u.Stains) > 0 {
		stage("unstaged", u)
	}
	for _, c := range f.StageCount {
		add("stage-count %d", c.N)
	}
	for _, d := range f.ServiceDate {
		add("service-date %q", d.Value)
	}
	for _, c := range f.BlockTotal {
		add("block-total %d", c.N)
	}
	for _, m := range f.Map {
		if m.Every {
			add("map %v every", m.Yes)
			continue
		}
		add("map %v", m.Yes)
	}
	for _, r := range f.Reader {
		switch {
		case r.Surgeon:
			add("reader surgeon")
		case r.NameOnly:
			add("reader named %q", r.Name)
		case r.Undersigned:
			add("reader undersigned")
		default:
			add("reader pathologist %q", r.Name)
		}
	}
	for _, b := range f.PriorBiopsy {
		add("prior-biopsy %v", b.Yes)
	}
	for range f.Indication {
		add("indication")
	}
	for _, d := range f.Diagnoses {
		add("diagnosis %q site=%q", d.Text, d.Site)
	}
	for _, d := range f.HistologyDiagnoses {
		add("histology-diagnosis %q", d.Text)
	}
	for _, x := range f.Sites {
		add("site %q", x.Value)
	}
	for _, x := range f.LaterSites {
		add("later-site %q", x.Value)
	}
	for _, x := range f.BiopsySites {
		add("biopsy-site %q", x.Value)
	}
	for range f.Plan {
		add("plan")
	}
	for _, m := range f.PreopSize {
		add("preop %s", size(m.Size))
	}
	for _, m := range f.FinalDefect {
		add("final-defect %s", size(m.Size))
	}
	for _, m := range f.ExcisionMargin {
		add("excision-margin %s", size(m.Size))
	}
	for _, r := range f.Repairs {
		line := fmt.Sprintf("repair %q", r.Kind)
		if r.NoRepair {
			line += " no-repair"
		}
		if r.Later {
			line += " later"
		}
		if r.By != "" {
			line += fmt.Sprintf(" by=%q", r.By)
		}
		if r.Length.Size.Present() {
			line += " length=" + size(r.Length.Size)
		}
		if r.Area.Size.Present() {
			line += " area=" + size(r.Area.Size)
		}
		if r.Defect.Size.Present() {
			line += " defect=" + size(r.Defect.Size)
		}
		if r.SecondaryDefect.Size.Present() {
			line += " secondary=" + size(r.SecondaryDefect.Size)
		}
		if r.AfterClearance {
			line += " after-clearance"
		}
		out = append(out, line)
	}
	for _, b := range f.Biopsies {
		line := fmt.Sprintf("other-biopsy %q site=%q impression=%q uncertain=%v", b.Kind, b.Site, b.Impression, b.Uncertain)
		if b.FrozenSection.N > 0 {
			line += fmt.Sprintf(" frozen=%d", b.FrozenSection.N)
		}
		out = append(out, line)
	}
	for _, b := range f.SameDayBiopsy {
		add("same-day-biopsy %q", b.Kind)
	}
	for _, c := range f.FrozenSection {
		add("frozen-section %d", c.N)
	}
	for _, d := range f.DeepStructures {
		add("deep %q negated=%v", d.Structure, d.Negated)
	}
	for _, a := range f.Ambiguities {
		add("ambiguity %s", a.Message)
	}
	return out
}

// size prints a size: "2.8x2.4", "5 sq", "2.8x2.4 (1.95 sq)".
func size(s model.Size) string {
	var parts []string
	for _, d := range s.Dims {
		parts = append(parts, strconv.FormatFloat(d, 'f', -1, 64))
	}
	out := strings.Join(parts, "x")
	if s.AreaSq > 0 {
		a := strconv.FormatFloat(s.AreaSq, 'f', -1, 64) + " sq"
		if out == "" {
			return a
		}
		out += " (" + a + ")"
	}
	return out
}
