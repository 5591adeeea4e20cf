package coding

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/mohscode/mohscode/internal/codetable"
	"github.com/mohscode/mohscode/internal/model"
)

// biopsyKinds maps words of a biopsy's text to its kind, in the order tried.
var biopsyKinds = []struct {
	kind  string
	words []string
}{
	{"excisional", []string{"excisional", "excision"}},
	{"incisional", []string{"incisional"}},
	{"punch", []string{"punch"}},
	{"tangential", []string{"tangential", "shave", "saucerization"}},
}

// kindOnlyWords are the words of a biopsy heading that name its kind, not
// its site: "punch biopsy" has no site.
var kindOnlyWords = map[string]bool{"biopsy": true, "biopsies": true, "of": true, "the": true, "a": true, "bx": true}

// namesOnlyKind reports whether a biopsy's site text holds only its kind
// ("punch biopsy"): then the site is missing, not unknown.
func namesOnlyKind(text string) bool {
	for _, w := range strings.Fields(wordsOf(text).text()) {
		if kindOnlyWords[w] || biopsyKind(w) != "" {
			continue
		}
		return false
	}
	return true
}

func biopsyKind(text string) string {
	for _, k := range biopsyKinds {
		if hasWord(text, k.words...) {
			return k.kind
		}
	}
	return ""
}

// billableBiopsy is one biopsy that gets a line.
type billableBiopsy struct {
	codes    codetable.BiopsyCodes
	lesion   string // lesion label, or "biopsy N"
	line     int
	modifier string
	frozen   model.FrozenSection
}

// sameDayBiopsy handles the Mohs lesion's own same-day biopsy and its
// frozen section: billable only without a prior diagnosis, and only on a
// lesion that is coded.
func (g *generator) sameDayBiopsy(les *model.Lesion, coded bool) {
	biopsied := les.SameDayBiopsy.Present()
	if biopsied && les.PriorBiopsy.Yes {
		g.add(BiopsyNotBillable, les.Label, les.SameDayBiopsy.Line, "Lesion %s: the diagnosis was known from a prior biopsy, so today's biopsy of the Mohs lesion is not billable", les.Label)
	}
	if !biopsied || les.PriorBiopsy.Yes {
		if fs := les.FrozenSection; fs.Yes {
			g.add(FrozenSectionWithoutBiopsy, les.Label, fs.Line, "Lesion %s: frozen sections without a billable same-day biopsy are the Mohs frozen sections, included in Mohs: no line", les.Label)
		}
		return
	}
	if coded {
		g.addBiopsy(les.Label, les.SameDayBiopsy, les.FrozenSection, g.profile.BiopsyMohsLesionModifier)
	}
}

// addBiopsy records a biopsy for biopsyLines, or reports why it has no code.
func (g *generator) addBiopsy(label string, kindText model.Text, fs model.FrozenSection, modifier string) {
	kind := biopsyKind(kindText.Value)
	codes, ok := codetable.Biopsy(kind)
	if !ok {
		what := "its kind is not stated"
		if kind != "" {
			what = "an " + kind + " biopsy is not a biopsy code"
		}
		g.add(BiopsyCodeReview, label, kindText.Line, "%s: %s (tangential, punch or incisional): no line; review by hand", subject(label), what)
		return
	}
	g.billable = append(g.billable, billableBiopsy{codes: codes, lesion: label, line: kindText.Line, modifier: modifier, frozen: fs})
}

// biopsyLines codes the day's biopsies: one primary code for the highest
// kind (first in note order among equals), every other biopsy its kind's
// add-on, lines split by modifier; then frozen sections on billable
// biopsies. The biopsy modifier tells biopsy lines apart from the Mohs or
// excision lines of the claim: a claim with neither (a biopsy-only note)
// carries none on its biopsy and frozen-section lines (docs/coding-rules.md
// section 4). A note whose Mohs surgery is documented but whose lesions
// could not be told apart (lesion-ambiguous) is no biopsy-only note: its
// Mohs lines belong on the claim, added by hand, and its biopsies keep
// the modifier.
func (g *generator) biopsyLines() {
	for i := range g.note.Biopsies {
		b := &g.note.Biopsies[i]
		label := "biopsy " + b.Label
		switch {
		case !b.Site.Text.Present() || namesOnlyKind(b.Site.Text.Value):
			g.add(SiteMissing, label, b.Line, "Biopsy %s has no site: it is not coded", b.Label)
			continue
		case !b.Site.Resolved:
			g.add(SiteUnknown, label, b.Site.Text.Line, "Biopsy %s: no known site term in %q: it is not coded", b.Label, b.Site.Text.Value)
			continue
		}
		g.biopsyDiagnosis(b, label)
		g.addBiopsy(label, b.Type, b.FrozenSection, g.profile.BiopsyOtherLesionModifier)
	}
	if len(g.billable) == 0 {
		return
	}
	bs := slices.Clone(g.billable)
	slices.SortStableFunc(bs, func(a, b billableBiopsy) int { return cmp.Compare(a.line, b.line) })
	if len(g.mohs) == 0 && !g.mohsUncoded() {
		for i := range bs {
			bs[i].modifier = ""
		}
	}
	primary := 0
	for i, b := range bs {
		if b.codes.Rank > bs[primary].codes.Rank {
			primary = i
		}
	}
	p := bs[primary]
	g.biopsies = append(g.biopsies, line(p.codes.Primary, 1, p.lesion, p.codes.Kind+" biopsy, the day's primary biopsy code", p.line).withModifier(p.modifier))
	rest := append(slices.Clone(bs[:primary]), bs[primary+1:]...)
	g.biopsies = append(g.biopsies, summed(rest, func(b billableBiopsy) part {
		return part{b.codes.AddOn, 1, b.line, b.codes.Kind + " biopsy, add-on to the day's primary biopsy"}
	})...)

	if g.pathologist {
		return // the pathologist bills the frozen sections
	}
	fsCodes := codetable.FrozenSection()
	frozen := slices.DeleteFunc(slices.Clone(bs), func(b billableBiopsy) bool { return !b.frozen.Yes })
	g.frozen = append(g.frozen, summed(frozen, func(b billableBiopsy) part {
		return part{fsCodes.First, 1, b.frozen.Line, "frozen section, first block of a biopsy specimen"}
	})...)
	g.frozen = append(g.frozen, summed(frozen, func(b billableBiopsy) part {
		return part{fsCodes.Additional, max(b.frozen.Blocks, 1) - 1, b.frozen.Line, "frozen section, further blocks of a biopsy specimen"}
	})...)
}

// part is what one biopsy adds to a summed line: units of a code, the note
// line behind them, and why.
type part struct {
	code     string
	units    int
	evidence int
	why      string
}

// summed makes one line per (code, modifier) from the parts of the
// biopsies, units summed, in order of first appearance; parts of no unit
// add nothing.
func summed(bs []billableBiopsy, partOf func(billableBiopsy) part) []Line {
	var out []Line
	for _, b := range bs {
		p := partOf(b)
		if p.units <= 0 {
			continue
		}
		i := slices.IndexFunc(out, func(l Line) bool { return l.Code == p.code && slices.Equal(l.Modifiers, modifiers(b.modifier)) })
		if i < 0 {
			out = append(out, line(p.code, p.units, b.lesion, p.why, p.evidence).withModifier(b.modifier))
			continue
		}
		out[i].Units += p.units
		out[i].Lesion += "," + b.lesion
		out[i].Evidence = append(out[i].Evidence, Evidence{Line: p.evidence})
		out[i].Reason = fmt.Sprintf("%s (%d)", p.why, out[i].Units)
	}
	return out
}

func modifiers(m string) []string {
	if m == "" {
		return []string{}
	}
	return []string{m}
}

// mohsUncoded reports whether the note documents Mohs surgery on a lesion
// whose lines could not be coded because whose stages were whose cannot be
// told (lesion-ambiguous).
func (g *generator) mohsUncoded() bool {
	return slices.ContainsFunc(g.note.Lesions, func(les model.Lesion) bool { return les.Ambiguous.Present() || les.StagesAmbiguous.Present() })
}
