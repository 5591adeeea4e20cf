package lower

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/mohscode/mohscode/internal/anatomy"
	"github.com/mohscode/mohscode/internal/model"
	"github.com/mohscode/mohscode/internal/prose"
)

// A signed addendum that corrects the note is the record (see
// applyCorrections). Beside stage counts, it may correct a repair's length
// ("the closure length was 2.7 cm, not 2.4 cm", "entered above as 2.4 cm in
// error. The correct repair length … is 3.4 cm"), a linear repair's class
// ("the closure documented above as simple was … (intermediate repair)")
// and a lesion's side ("Lesion 2 was on the LEFT antihelix"). Each
// correction used is reported as a prose-field-conflict.

// lengthCorrection reads "2.7 cm, not 2.4 cm": the new length and the old.
var lengthCorrection = regexp.MustCompile(`(?i)(\d+(?:\.\d+)?)\s*cm\s*,?\s+not\s+(?:the\s+)?(\d+(?:\.\d+)?)\s*cm`)

// errorCorrection reads "entered above as 2.4 cm in error. The correct
// repair length … is 3.4 cm": the old length and the new.
// It reads too "was transcribed as 2.4 cm. The correct length is 4.2 cm":
// a length given as the correct one after the one written.
var errorCorrection = regexp.MustCompile(`(?i)\bas\s+(\d+(?:\.\d+)?)\s*cm(?:\s+in\s+error\b[^;]{0,160}?\b(?:is|was|measured)|[.,;]?[^;]{0,60}?\bcorrect(?:ed)?\s+(?:repair\s+|closure\s+)?length\s+(?:is|was|should\s+read))\s+(\d+(?:\.\d+)?)\s*cm`)

// sideCorrection reads "Lesion 2 was on the LEFT antihelix", "The correct
// site of lesion 2 is the right dorsal forearm": the lesion, the side and
// the site.
var sideCorrection = regexp.MustCompile(`(?i)\blesion\s+#?(\d+)\s+(?:was|is)\s+(?:(?:on|at|of|located on)\s+)?the\s+(left|right)\s+([a-z][a-z -]*[a-z])`)

// oneSideCorrection reads "The tumor treated on 06/01/2026 was on the LEFT
// antihelix" in the addendum of a note of one lesion: the side and the site.
var oneSideCorrection = regexp.MustCompile(`(?i)\b(?:tumou?r|lesion)\b[^.;]{0,40}?\s(?:was|is)\s+(?:on|at|of|located on)\s+the\s+(left|right)\s+([a-z][a-z -]*[a-z])`)

// otherSide is a site's side word, replaced by the side an addendum
// corrects it to.
var otherSide = regexp.MustCompile(`(?i)\b(?:left|right)\b`)

// postopCorrection reads "The postoperative diagnosis is amended from
// "Same" to: basosquamous (metatypical) carcinoma of the right medial
// cheek.": the diagnosis the addendum gives.
var postopCorrection = regexp.MustCompile(`(?i)\bpost-?\s?op(?:erative)?\.?\s+diagnosis\b[^.]{0,40}?\b(?:amended|corrected|changed|revised)\b[^.:]{0,40}?\bto\b:?\s*(.+?)\.(?:\s|$)`)

// correctionText joins the lines of a scope's correcting addenda.
func correctionText(pars [][]prose.Line) (string, int) {
	var b strings.Builder
	line := 0
	for _, par := range pars {
		for _, ln := range par {
			if line == 0 {
				line = ln.Line
			}
			b.WriteString(ln.Text)
			b.WriteByte(' ')
		}
	}
	return b.String(), line
}

// correctRepairs gives the one lesion's repairs the length and the linear
// class its addendum corrects.
func (l *lowerer) correctRepairs(les *model.Lesion, scope int, repairs []prose.Repair) {
	text, line := correctionText(l.corrections[scope])
	span := prose.Span{Line: line, Col: 1, EndLine: line, EndCol: 1}
	m := lengthCorrection.FindStringSubmatch(text)
	if e := errorCorrection.FindStringSubmatch(text); m == nil && e != nil {
		m = []string{e[0], e[2], e[1]} // the new length first, as "2.7 cm, not 2.4 cm" gives it
	}
	corrected := m != nil
	if m != nil {
		now, _ := strconv.ParseFloat(m[1], 64)
		was, _ := strconv.ParseFloat(m[2], 64)
		for i := range les.Repairs {
			r := &les.Repairs[i]
			for _, sz := range []*model.Size{&r.Length, &r.Size} {
				if len(sz.Dims) == 1 && sz.Dims[0] == was {
					sz.Dims = []float64{now}
					l.conflict(r.Line, span, "the repair of lesion "+les.Label+" is "+m[2]+" cm long in the note but "+m[1]+
						" cm in the addendum that corrects it; the addendum's length is used")
				}
			}
		}
	}
	if len(les.Repairs) != 1 {
		return
	}
	r := &les.Repairs[0]
	if !corrected && len(repairs) == 1 && len(repairs[0].Length.Size.Dims) == 1 && mentions(asciiLower(text), []string{"length"}) {
		// "The repair length dictated above is incorrect. The complex
		// closure measured 2.8 cm": the addendum's one repair length
		now := repairs[0].Length.Size.Dims[0]
		for _, sz := range []*model.Size{&r.Length, &r.Size} {
			if len(sz.Dims) == 1 && sz.Dims[0] != now {
				was := strconv.FormatFloat(sz.Dims[0], 'f', -1, 64)
				sz.Dims = []float64{now}
				l.conflict(r.Line, repairs[0].Length.Span, "the repair of lesion "+les.Label+" is "+was+" cm long in the note but "+
					strconv.FormatFloat(now, 'f', -1, 64)+" cm in the addendum that corrects it; the addendum's length is used")
			}
		}
	}
	was := linearClassOf(r.Type.Value + " " + r.Value.Value)
	for _, pr := range repairs {
		now := linearClassOf(pr.Kind)
		if now == "" || was == "" || now == was {
			continue
		}
		if !r.Timing.Present() && mentions(asciiLower(r.Value.Value), []string{"clearance"}) {
			r.Timing = model.Text{Value: "after tumor clearance", Line: r.Value.Line}
		}
		r.Type, r.Value = model.Text{}, model.Text{Value: pr.Kind, Line: pr.Span.Line}
		l.conflict(r.Line, pr.Span, "the repair of lesion "+les.Label+" is "+was+" in the note but "+now+
			" in the addendum that corrects it; the addendum's class is used")
		return
	}
}

// linearClassOf is the class a linear repair's text names: "complex",
// "intermediate", "simple" or "".
func linearClassOf(s string) string {
	s = asciiLower(s)
	switch {
	case strings.Contains(s, "flap"), strings.Contains(s, "graft"):
		return ""
	case strings.Contains(s, "complex"):
		return "complex"
	case strings.Contains(s, "intermediate"), strings.Contains(s, "layered"):
		return "intermediate"
	case strings.Contains(s, "simple"):
		return "simple"
	}
	return ""
}

// correctSides gives a lesion the side an addendum names for it ("Lesion 2
// was on the LEFT antihelix", in a note of one lesion "The tumor treated on
// 06/01/2026 was on the LEFT antihelix") when its site is that site with no
// side or the other one.
func (l *lowerer) correctSides(scope int) {
	text, line := correctionText(l.corrections[scope])
	matches := sideCorrection.FindAllStringSubmatch(text, -1)
	if len(matches) == 0 && len(l.out.Lesions) == 1 {
		for _, m := range oneSideCorrection.FindAllStringSubmatch(text, -1) {
			matches = append(matches, []string{m[0], l.out.Lesions[0].Label, m[1], m[2]}) // "The tumor … was on the LEFT antihelix"
		}
	}
	for _, m := range matches {
		k := -1
		for i := range l.out.Lesions {
			if l.out.Lesions[i].Label == m[1] {
				k = i
			}
		}
		if k < 0 {
			continue
		}
		les := &l.out.Lesions[k]
		stated := les.Site.Text.Value
		if stated == "" {
			stated = les.HeadingText.Value
		}
		site, ok := anatomy.Resolve(stated)
		named, ok2 := anatomy.Resolve(m[3])
		if !ok || !ok2 || site.Terms[0].Name != named.Terms[0].Name {
			continue
		}
		side := asciiLower(m[2])
		if string(site.Laterality) == side {
			continue
		}
		if site.Laterality == "" || !les.Site.Text.Present() {
			les.Laterality = model.Text{Value: side, Line: line}
		} else {
			// "Left dorsal forearm" corrected to the right: the site's own
			// side word changes, so no Side stands against the site
			les.Site.Text.Value = otherSide.ReplaceAllStringFunc(les.Site.Text.Value, func(w string) string {
				if w[0] >= 'A' && w[0] <= 'Z' {
					return strings.ToUpper(side[:1]) + side[1:] // "Left" → "Right"
				}
				return side
			})
		}
		l.conflict(les.Line, prose.Span{Line: line, Col: 1, EndLine: line, EndCol: 1}, "lesion "+les.Label+" is on the "+
			side+" "+named.Terms[0].Name+" by the addendum that corrects the note; the addendum's side is used")
	}
}

// correctReader gives the encounter the slide reader an addendum names
// when it is a separate pathologist and the note said otherwise
// ("Correction to "Slides read by": … the frozen sections … were
// interpreted by Dr. …, dermatopathologist, … I did not interpret the
// slides"): the signed correction is the record, and who read the slides
// decides whether the case is Mohs at all (CODING-RULES §1).
func (l *lowerer) correctReader(readers []prose.Reader) {
	if len(readers) != 1 || readers[0].Surgeon || readers[0].NameOnly || readers[0].Undersigned {
		return
	}
	r, enc := readers[0], &l.out.Encounter
	now := "read by a separate pathologist " + r.Name
	if enc.Pathology.Value == now {
		return
	}
	if enc.Pathology.Present() {
		l.conflict(enc.Pathology.Line, r.Span, "the slides were read by \""+enc.Pathology.Value+"\" in the note but by "+r.Name+
			" in the addendum that corrects it; the addendum's reader is used")
	}
	enc.Pathology = model.Text{Value: now, Line: r.Span.Line}
	for i := range l.out.Lesions {
		l.out.Lesions[i].Pathology = model.Text{}
	}
}

// correctPriorBiopsy gives the lesion the prior biopsy its addendum
// reports when the note said there was none ("the prior-biopsy entry above
// ("no, per patient") is incorrect; it should read yes"): the same-day
// biopsy is then not billable (CODING-RULES §4).
func (l *lowerer) correctPriorBiopsy(les *model.Lesion, flags []prose.Flag) {
	if len(flags) == 0 || !les.PriorBiopsy.Present() || les.PriorBiopsy.Yes || slices.ContainsFunc(flags, func(f prose.Flag) bool { return !f.Yes }) {
		return
	}
	l.conflict(les.PriorBiopsy.Line, flags[0].Span, "lesion "+les.Label+" had no prior biopsy in the note but one in the addendum that corrects it; the addendum's is used")
	les.PriorBiopsy = model.Flag{Yes: true, Line: flags[0].Span.Line}
}

// correctPostop gives the lesion the post-operative diagnosis its addendum
// amends the note's to ("… is amended from "Same" to: basosquamous
// (metatypical) carcinoma of the right medial cheek").
func (l *lowerer) correctPostop(les *model.Lesion, scope int) {
	text, line := correctionText(l.corrections[scope])
	m := postopCorrection.FindStringSubmatch(text)
	if m == nil {
		return
	}
	dx := strings.Trim(strings.TrimSpace(m[1]), `"“”`)
	if dx == "" || strings.EqualFold(dx, les.PostopDiagnosis.Value) {
		return
	}
	was := les.PostopDiagnosis.Value
	les.PostopDiagnosis = model.Text{Value: dx, Line: line}
	if was != "" {
		l.conflict(les.Line, prose.Span{Line: line, Col: 1, EndLine: line, EndCol: 1}, "the post-operative diagnosis of lesion "+les.Label+
			" is \""+was+"\" in the note but \""+dx+"\" in the addendum that amends it; the addendum's diagnosis is used")
	}
}
