package coding

import (
	"strings"
	"unicode"

	"github.com/mohscode/mohscode/internal/diag"
	"github.com/mohscode/mohscode/internal/icd10"
	"github.com/mohscode/mohscode/internal/model"
)

// sameWords open a postoperative diagnosis that repeats the preoperative
// one; what follows them is a remark ("Same, completely excised", "same as
// above", "Unchanged.").
var sameWords = map[string]bool{"same": true, "unchanged": true}

// isSame reports whether a postoperative diagnosis only repeats the
// preoperative one: it opens with "as above", or its first word says so and
// stands alone or before "as" or punctuation ("Same.", "Same, completely
// excised", "same as preop"), not inside a diagnosis ("same-day biopsy
// showed SCC" is a diagnosis).
func isSame(text string) bool {
	t := strings.ToLower(strings.TrimSpace(text))
	if strings.HasPrefix(t, "as above") {
		return true
	}
	end := strings.IndexFunc(t, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		return sameWords[t]
	}
	if !sameWords[t[:end]] {
		return false
	}
	rest := t[end:]
	return rest[0] != '-' && (rest[0] != ' ' || strings.HasPrefix(strings.TrimSpace(rest), "as "))
}

// lesionDiagnosis codes a lesion's diagnosis (docs/coding-rules.md section 9)
// and records it for the lesion's lines. A postoperative diagnosis that is
// not "same", names a diagnosis and differs from the preoperative one takes
// precedence, with postoperative-diagnosis-used naming both.
func (g *generator) lesionDiagnosis(les *model.Lesion) {
	dx := les.Diagnosis
	rec := icd10.Recognize(dx.Value)
	if post := les.PostopDiagnosis; post.Present() && !isSame(post.Value) {
		postRec := icd10.Recognize(post.Value)
		if !dx.Present() || namesDiagnosis(postRec) && !sameDiagnosis(postRec, rec) {
			if dx.Present() {
				g.add(PostoperativeDiagnosisUsed, les.Label, post.Line, "Lesion %s: the postoperative diagnosis %q differs from the preoperative diagnosis %q and is the one coded", les.Label, post.Value, dx.Value)
			}
			dx, rec = post, postRec
		}
	}
	if !dx.Present() {
		return // diagnosis-missing is a documentation finding
	}
	g.recognitionIssues(rec, les.Label, dx.Line)
	if !les.Site.Resolved {
		return
	}
	side := string(les.Site.Anatomy.Laterality)
	if lat := les.Laterality; lat.Present() {
		fieldSide := normSide(lat.Value)
		if side != "" && fieldSide != "" && fieldSide != side {
			g.add(LateralityConflict, les.Label, lat.Line, "Lesion %s: Side says %s but the site %q says %s; the Side field is used", les.Label, fieldSide, les.Site.Text.Value, side)
		}
		if fieldSide != "" {
			side = fieldSide
		}
	}
	g.codeDiagnosis(les.Label, les.Line, dx.Line, rec, les.Site, side)
}

// biopsyDiagnosis codes a biopsy section's lines with its diagnosis when it
// is recognised. An uncertain impression ("rule out BCC", "SCC versus AK",
// "atypical lesion") is not coded (ICD-10-CM outpatient guideline IV.H):
// the line has no pointer of its own and diagnosis-pending-pathology says
// to hold the claim for the pathology result (docs/coding-rules.md section 9).
// A benign impression ("seborrheic keratosis") codes nothing here and
// raises nothing.
func (g *generator) biopsyDiagnosis(b *model.Biopsy, label string) {
	text := b.Diagnosis.Value
	rec := icd10.Recognize(text)
	if rec.Histology == "" && (rec.Unconfirmed || uncertain(text)) {
		g.add(DiagnosisPendingPathology, label, b.Diagnosis.Line, "%s: the impression %q is uncertain: no diagnosis code until the pathology result", subject(label), text)
		return
	}
	if rec.Histology == "" || !b.Site.Resolved {
		return
	}
	g.codeDiagnosis(label, b.Line, b.Diagnosis.Line, rec, b.Site, string(b.Site.Anatomy.Laterality))
}

// uncertainWords mark a clinical impression as uncertain even when it names
// no diagnosis the table codes ("rule out wart", "atypical lesion").
var uncertainWords = []string{"rule out", "r o", "versus", "vs", "possible", "possibly", "probable", "suspicious",
	"suspect", "suspected", "concern", "concerning", "questionable", "query", "differential", "ddx", "atypical", "uncertain", "indeterminate"}

// uncertain reports whether an impression says it is uncertain.
func uncertain(text string) bool {
	return strings.Contains(text, "?") || hasWord(text, uncertainWords...)
}

// namesDiagnosis reports whether a text names a diagnosis the recogniser
// knows, malignant or not: a postoperative "tumor cleared" or "no residual
// tumor" names none and does not replace the preoperative diagnosis.
func namesDiagnosis(r icd10.Recognition) bool {
	return r.Histology != "" || r.NotMohs && r.Matched != ""
}

// sameDiagnosis reports whether two recognitions code the same: the same
// histology, equally confirmed ("BCC" and "basal cell carcinoma, nodular"
// are the same diagnosis for the claim).
func sameDiagnosis(a, b icd10.Recognition) bool {
	return a.Histology == b.Histology && a.Unconfirmed == b.Unconfirmed && a.NotMohs == b.NotMohs
}

// recognitionIssues reports a diagnosis that does not count
// (diagnosis-unconfirmed) or is not a Mohs diagnosis (diagnosis-not-mohs).
func (g *generator) recognitionIssues(rec icd10.Recognition, label string, line int) {
	for _, f := range rec.Issues() {
		g.place(f, label, line, "Lesion "+label)
	}
}

// place puts a finding the diagnosis table raised at its lesion and line,
// its message after the subject it is about.
func (g *generator) place(f diag.Finding, label string, line int, subject string) {
	f.Lesion, f.Line = label, max(line, 1)
	f.Message = subject + ": " + f.Message
	if note, ok := g.profile.Notes[f.Rule]; ok {
		f.Message += " (" + g.profile.Name + ": " + note + ")"
	}
	g.findings = append(g.findings, f)
}

// codeDiagnosis looks the code up and records it for the lines of label.
func (g *generator) codeDiagnosis(label string, headingLine, dxLine int, rec icd10.Recognition, site model.Site, side string) {
	res := icd10.Code(icd10.Input{Histology: rec.Histology, ICDSite: site.Anatomy.Groups.ICD, Side: side, EyelidPart: string(site.Anatomy.EyelidPart)})
	for _, f := range res.Issues {
		line := dxLine
		if f.Rule == icd10.LateralityMissing.ID {
			line = headingLine // about something absent
		}
		g.place(f, label, line, subject(label))
	}
	if res.Code == "" {
		return
	}
	if g.dxByLabel == nil {
		g.dxByLabel = map[string]Diagnosis{}
	}
	g.dxByLabel[label] = Diagnosis{Code: res.Code, Description: res.Description}
}

// subject names a lesion or biopsy label at the start of a message:
// "Lesion 1", "Biopsy 2".
func subject(label string) string {
	if rest, ok := strings.CutPrefix(label, "biopsy "); ok {
		return "Biopsy " + rest
	}
	return "Lesion " + label
}

// normSide reads a Side field: left, right, bilateral or midline.
func normSide(s string) string {
	switch strings.ToLower(strings.Trim(s, " .")) {
	case "left", "l", "lt":
		return "left"
	case "right", "r", "rt":
		return "right"
	case "bilateral", "both":
		return "bilateral"
	case "midline", "central", "middle":
		return "midline"
	}
	return ""
}

// maxPointers is the number of diagnosis pointers a claim line holds.
const maxPointers = 4

// pointDiagnoses lists the claim's diagnoses in order of first use and
// points every line at the diagnoses of its lesions (at most four).
func (g *generator) pointDiagnoses(lines []Line) []Diagnosis {
	dxs := []Diagnosis{}
	for i := range lines {
		for _, label := range lines[i].Lesions() {
			d, ok := g.dxByLabel[label]
			if !ok {
				continue
			}
			n := indexOf(dxs, d.Code) + 1
			if n == 0 {
				dxs = append(dxs, d)
				n = len(dxs)
			}
			if len(lines[i].DiagnosisPointers) < maxPointers && !containsInt(lines[i].DiagnosisPointers, n) {
				lines[i].DiagnosisPointers = append(lines[i].DiagnosisPointers, n)
			}
		}
	}
	return dxs
}

func indexOf(dxs []Diagnosis, code string) int {
	for i, d := range dxs {
		if d.Code == code {
			return i
		}
	}
	return -1
}

func containsInt(ns []int, n int) bool {
	for _, m := range ns {
		if m == n {
			return true
		}
	}
	return false
}
