package lower

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/mohscode/mohscode/grammar"
	"github.com/mohscode/mohscode/internal/anatomy"
	"github.com/mohscode/mohscode/internal/icd10"
	"github.com/mohscode/mohscode/internal/model"
)

// once sets a lesion fact that a lesion states once. A second, different
// statement under the same lesion is a problem naming both lines: a second
// site or diagnosis without a new lesion label may be a second lesion, and
// the engine never merges or guesses. The first statement stands.
func (l *lowerer) once(dst *model.Text, ref keyRef, t model.Text) error {
	switch same, better := sameFact(ref.field, dst.Value, t.Value); {
	case !dst.Present() || better:
		*dst = t
	case !same:
		if les := l.cur(); !les.Ambiguous.Present() {
			les.Ambiguous = model.Text{Value: fmt.Sprintf("%s on line %d (the first is on line %d)", asciiLower(ref.name), t.Line, dst.Line), Line: t.Line}
			l.report(LesionAmbiguous.At(les.Label, t.Line, 0, "Lesion %s states a second, different %s: label each lesion; no Mohs line for it", les.Label, les.Ambiguous.Value))
		}
	}
	return nil
}

// sameFact tells whether two statements of a lesion's site or diagnosis
// name the same thing ("left cheek" and "L cheek, malar"; "BCC" and "basal
// cell carcinoma, nodular"), and whether the second is the better one (the
// first names no known site or histology, the second does).
func sameFact(f field, a, b string) (same, better bool) {
	if strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b)) {
		return true, false
	}
	switch f {
	case fSite:
		sa, oka := anatomy.Resolve(a)
		sb, okb := anatomy.Resolve(b)
		switch {
		case !oka:
			return true, okb
		case !okb:
			return true, false
		}
		sides := sa.Laterality == "" || sb.Laterality == "" || sa.Laterality == sb.Laterality
		return sa.Groups == sb.Groups && sides, false
	case fDiagnosis:
		ra, rb := icd10.Recognize(a), icd10.Recognize(b)
		switch {
		case ra.Histology == "":
			return true, rb.Histology != ""
		case rb.Histology == "":
			return true, false
		}
		return ra.Histology == rb.Histology, false
	}
	return false, false
}

// marginSize reads a margin taken around the lesion from its text: "2 mm",
// "the first stage was taken with a 2 mm clinical margin around the lesion".
func marginSize(v *grammar.Value) (model.Size, bool) {
	if s, err := size("Margin", v); err == nil && len(s.Dims) == 1 {
		return s, true
	}
	return marginInText(v.Text, v.Pos.Line)
}

// marginInText finds "N mm margin(s)" in text.
func marginInText(text string, line int) (model.Size, bool) {
	lower := asciiLower(text)
	for from := 0; ; {
		i := strings.Index(lower[from:], " margin")
		if i < 0 {
			return model.Size{}, false
		}
		i += from
		words := strings.Fields(lower[:i])
		for k := len(words) - 1; k >= 0 && k >= len(words)-3; k-- {
			w := strings.TrimSuffix(words[k], "mm")
			if w != words[k] || k+1 < len(words) && words[k+1] == "mm" {
				if w == "" && k > 0 {
					w = words[k-1]
				}
				v := &grammar.Value{Text: w + " mm"}
				if s, err := size("Margin", v); err == nil && len(s.Dims) == 1 {
					s.Line = line
					return s, true
				}
			}
		}
		from = i + 1
	}
}

// mapFlag reads a map statement: "yes", "drawn (see map)", "completed, on
// file", "A Mohs map was drawn for each stage", "[X] Yes [ ] No".
func mapFlag(key string, v *grammar.Value) (model.Flag, error) {
	if f, err := flag(key, v); err == nil {
		return f, nil
	}
	lower := " " + asciiLower(v.Text) + " "
	switch {
	case strings.Contains(lower, " not ") || strings.Contains(lower, " no "):
		return model.Flag{Line: v.Pos.Line}, nil
	}
	for w := range yesWords {
		if len(w) > 2 && strings.Contains(lower, " "+w+" ") || strings.Contains(lower, " "+w+",") || strings.Contains(lower, " "+w+".") {
			return model.Flag{Yes: true, Line: v.Pos.Line}, nil
		}
	}
	for _, w := range []string{"drawn", "prepared", "attached", "on file", "see map", "mapped"} {
		if strings.Contains(lower, w) {
			return model.Flag{Yes: true, Line: v.Pos.Line}, nil
		}
	}
	return flag(key, v)
}

// checked keeps the checked items of a checkbox list ("[X] Yes  [ ] No",
// "(x) drawn  ( ) not drawn", "☒ Yes ☐ No" → "Yes"), after the text before
// the first box ("yes   [x] color-coded" → "yes, color-coded"); text without
// checkboxes is returned as it is. A list with no box checked is "none".
func checked(v *grammar.Value) *grammar.Value {
	if v == nil || !strings.ContainsAny(v.Text, "[(☐☒☑") {
		return v
	}
	if m := circledChoice.FindStringSubmatch(v.Text); m != nil && (m[1] == "") != (m[3] == "") {
		choice := m[4] // "Y / (N)   - permanent sections only": the choice circled
		if m[1] != "" {
			choice = m[2]
		}
		return &grammar.Value{Pos: v.Pos, Text: strings.TrimSpace(yesNoWord(choice) + " " + strings.TrimSpace(m[5]))}
	}
	var kept []string
	boxes, keep, start := 0, false, -1
	lead := true // the value before the first box is kept: "Map: yes   [x] color-coded   [x] oriented with nicks"
	flush := func(end int) {
		if lead {
			lead = false
			if item := strings.TrimSpace(v.Text[:end]); item != "" {
				kept = append(kept, item)
			}
			return
		}
		if start >= 0 && keep {
			if item := strings.TrimSpace(v.Text[start:end]); item != "" {
				kept = append(kept, item)
			}
		}
	}
	for i := 0; i < len(v.Text); {
		n, on := checkbox(v.Text[i:])
		if n == 0 {
			i++
			continue
		}
		flush(i)
		boxes++
		keep, start = on, i+n
		i += n
	}
	if boxes == 0 || boxes == 1 && !keep && strings.TrimSpace(v.Text[start:]) == "" {
		return v // "Total # of Blocks: [ ]": a blank left unfilled, not a list with nothing checked
	}
	flush(len(v.Text))
	text := strings.Join(kept, ", ")
	if text == "" {
		text = "none"
	}
	return &grammar.Value{Pos: v.Pos, Text: text}
}

// checkboxRow reads a row of a known key and its checkbox choices, which
// the gaps between them made cells ("Repair<TAB>( ) simple  (x) complex  (
// ) flap"), as the field of that key; nil when the row is not one.
func checkboxRow(r *grammar.Row) *grammar.Field {
	if len(r.Cells) < 3 {
		return nil
	}
	if _, known := lookupAny(r.Cells[0].Text); !known {
		return nil
	}
	texts := make([]string, 0, len(r.Cells)-1)
	for _, c := range r.Cells[1:] {
		if n, _ := checkbox(c.Text); n == 0 {
			return nil
		}
		texts = append(texts, c.Text)
	}
	v := r.Cells[1]
	return &grammar.Field{Pos: r.Cells[0].Pos, Key: r.Cells[0].Text, Value: &grammar.Value{Pos: v.Pos, Text: strings.Join(texts, "  ")}}
}

// checkbox reads a checkbox at the start of s: its length and whether it
// is checked, or 0.
func checkbox(s string) (n int, on bool) {
	if s == "" || s[0] != '[' && s[0] != '(' && s[0] != 0xE2 { // every mark opens with one of these bytes
		return 0, false
	}
	for _, box := range checkboxes {
		if strings.HasPrefix(s, box.mark) {
			return len(box.mark), box.on
		}
	}
	return 0, false
}

// circledChoice matches a yes/no choice circled on a paper form, as a
// scan or a retyped form gives it: "(Y) / N", "Y / (N)", "(Yes) / No",
// and what follows it.
var circledChoice = regexp.MustCompile(`^\s*(\()?(Yes|No|Y|N)\)?\s*/\s*(\()?(Yes|No|Y|N)\)?(.*)$`)

// yesNoWord writes a circled choice as its word: "Y" is "yes".
func yesNoWord(choice string) string {
	if strings.HasPrefix(choice, "Y") {
		return "yes"
	}
	return "no"
}

// checkboxes are the marks of a checked or unchecked box.
var checkboxes = []struct {
	mark string
	on   bool
}{{"[X]", true}, {"[x]", true}, {"[✓]", true}, {"[ ]", false}, {"(X)", true}, {"(x)", true}, {"(✓)", true},
	{"( )", false}, {"☒", true}, {"☑", true}, {"☐", false}}

// siteEnders end the site words after "of the": "left cheek diagnosed on
// a broad shave biopsy" names the left cheek.
var siteEnders = map[string]bool{"diagnosed": true, "confirmed": true, "proven": true, "biopsied": true, "treated": true,
	"measuring": true, "measured": true, "with": true, "which": true, "that": true, "was": true, "is": true, "on": true, "in": true, "status": true}

// leadingSite returns the words of cand before the first of siteEnders when
// they name a site.
func leadingSite(cand string) (string, bool) {
	words := strings.Fields(cand)
	for k, w := range words {
		if siteEnders[asciiLower(w)] {
			words = words[:k]
			break
		}
	}
	site := strings.Join(words, " ")
	if _, ok := anatomy.Resolve(site); !ok || site == "" {
		return "", false
	}
	return site, true
}

// dropParens returns s without its parenthesised groups.
func dropParens(s string) string {
	if strings.IndexByte(s, '(') < 0 {
		return s
	}
	var b strings.Builder
	depth := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '(':
			depth++
		case c == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// dxSiteWords introduce the site in a diagnosis: "Basal cell carcinoma of
// the left nasal ala", "…, right nasal ala (biopsy 04/09/2026)".
var dxSiteWords = []string{" of the ", " on the ", " of ", " on "}

// siteFromDiagnosis finds the site a diagnosis names, when the lesion has
// no site field: after "of the"/"on the", or the last comma-separated part
// that resolves to a site.
func siteFromDiagnosis(dx model.Text) (model.Text, bool) {
	text := dropParens(dx.Value) // "Basosquamous (metatypical) carcinoma of the right lower eyelid (bx …)"
	text = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text), "."))
	lower := asciiLower(text)
	for _, w := range dxSiteWords {
		if i := strings.Index(lower, w); i > 0 {
			cand := text[i+len(w):]
			if c := strings.Index(cand, ". "); c > 0 {
				cand = cand[:c] // the diagnosis's sentence ends: "… of the left lower cutaneous lip. The vermilion …"
			}
			if c := strings.IndexAny(cand, ",;(:"); c > 0 {
				cand = cand[:c]
			}
			if site, ok := leadingSite(cand); ok {
				return model.Text{Value: site, Line: dx.Line}, true
			}
		}
	}
	for _, dash := range []string{" – ", " — ", " - "} {
		if _, after, ok := strings.Cut(text, dash); ok {
			cand, _, _ := strings.Cut(after, ",") // "squamous cell carcinoma in situ – right index finger, dorsal skin …"
			if _, ok := anatomy.Resolve(strings.TrimSpace(cand)); ok {
				return model.Text{Value: strings.TrimSpace(cand), Line: dx.Line}, true
			}
		}
	}
	first, _, _ := strings.Cut(text, ". ") // "…, right great toe, dorsal aspect proximal to the nail fold. Punch biopsy …"
	parts := strings.Split(first, ",")
	for i := len(parts) - 1; i >= 1; i-- {
		cand := strings.TrimSpace(parts[i])
		if _, ok := anatomy.Resolve(cand); ok && len(strings.Fields(cand)) <= 5 { // not a remark: "dorsal aspect proximal to the nail fold"
			return model.Text{Value: cand, Line: dx.Line}, true
		}
	}
	if site, ok := sideLedSite(text); ok {
		return model.Text{Value: site, Line: dx.Line}, true
	}
	return model.Text{}, false
}

// sideWords open a site in a terse diagnosis.
var sideWords = map[string]bool{"l": true, "r": true, "lt": true, "rt": true, "left": true, "right": true}

// dxTumorWords end the site words of a terse diagnosis: what follows the site
// names the tumor ("L helix nodular BCC").
var dxTumorWords = append([]string{"nodular", "superficial", "basal", "squamous", "micronodular", "infiltrative", "bcc", "scc", "s/p"}, histologyWords...)

// sideLedSite reads a site that a side word opens in a terse diagnosis,
// before or after the tumor: "L helix nodular BCC", "superficial BCC R upper
// back, s/p shave bx". The site words end at a tumor word or a comma.
func sideLedSite(text string) (string, bool) {
	words := strings.Fields(text)
	for k, w := range words {
		if !sideWords[strings.TrimSuffix(asciiLower(w), ".")] {
			continue
		}
		end := k + 1
		for end < len(words) && end <= k+4 && !mentions(words[end], dxTumorWords) {
			end++
			if strings.HasSuffix(words[end-1], ",") || strings.HasSuffix(words[end-1], ";") {
				break
			}
		}
		if end == k+1 {
			continue
		}
		site := strings.TrimRight(strings.Join(words[k:end], " "), ",;")
		if _, ok := anatomy.Resolve(site); ok {
			return site, true
		}
	}
	return "", false
}

// citesBiopsy reports whether a diagnosis cites the biopsy that made it:
// "(bx 3/19/2026)", "biopsy-proven", "(shave biopsy 04/01/2026)".
func citesBiopsy(text string) bool {
	lower := " " + asciiLower(text) + " "
	for _, w := range []string{"biops", " bx", "(bx", "path ref", "accession"} {
		if strings.Contains(lower, w) {
			return true
		}
	}
	for _, w := range biopsyKindWords { // "SCC, moderately differentiated (punch 06/29/2026)"
		if i := strings.Index(lower, w); i >= 0 && strings.IndexAny(lower[i+len(w):min(len(lower), i+len(w)+4)], "0123456789") >= 0 {
			return true
		}
	}
	return false
}

// biopsyKindWords name a biopsy by its kind, which a date then follows
// when a diagnosis cites it: "(punch 06/29/2026)", "shave 3/2/26".
var biopsyKindWords = []string{"(punch ", " punch ", "(shave ", " shave ", "saucerization ", "tangential "}

// stainReason reads a field whose key names a stain of the current
// lesion ("Ber-EP4 on block I-A: to separate a BCC focus from …") as that
// stain's reason, and reports whether it did.
func (l *lowerer) stainReason(f *grammar.Field) bool {
	if l.lesion < 0 {
		return false
	}
	key := asciiLower(f.Key)
	les := l.cur()
	found := false
	for i := range les.Stages {
		for j := range les.Stages[i].Stains {
			st := &les.Stages[i].Stains[j]
			name := asciiLower(st.Name)
			if name != "" && strings.HasPrefix(key, name) && (len(key) == len(name) || !isLetterRune(rune(key[len(name)]))) && st.Reason == "" {
				st.Reason = f.Value.Text
				found = true
			}
		}
	}
	return found
}

// isEmpty reports whether a lesion holds no fact at all.
func isEmpty(les *model.Lesion) bool {
	return les.Line == 0 && !les.Site.Text.Present() && !les.Diagnosis.Present() && len(les.Stages) == 0 && len(les.Repairs) == 0
}

// negationCues open a clause that denies what it names: "(wedge excision
// not required)", "no closure", "without undermining".
var negationCues = map[string]bool{"not": true, "no": true, "without": true, "never": true, "neither": true, "nor": true}

// affirmative drops the clauses of a repair's text that deny something,
// so that "complex layered closure, 34 mm (wedge excision not required)"
// is not read as a wedge excision. Clauses are parenthesised groups,
// sentences and the parts between commas, semicolons and spaced dashes.
func affirmative(text string) string {
	var kept []string
	depth, start, dropped := 0, 0, false
	flush := func(end int) {
		clause := strings.TrimSpace(strings.Trim(strings.TrimSpace(text[start:end]), "()"))
		if clause == "" {
			return
		}
		words := strings.FieldsFunc(asciiLower(clause), func(r rune) bool { return !isLetterRune(r) })
		for _, w := range words {
			if negationCues[w] && len(words) > 1 {
				dropped = true
				return
			}
		}
		kept = append(kept, clause)
	}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '(':
			if depth == 0 {
				flush(i)
				start = i
			}
			depth++
		case ')':
			depth = max(depth-1, 0)
			if depth == 0 {
				flush(i + 1)
				start = i + 1
			}
		case ',', ';':
			if depth == 0 {
				flush(i)
				start = i + 1
			}
		case '.':
			if depth == 0 && i+1 < len(text) && text[i+1] == ' ' && !isAbbreviation(text[start:i]) {
				flush(i) // "Not performed today. Reconstruction is scheduled …": a sentence is a clause
				start = i + 1
			}
		case ' ':
			for _, dash := range []string{" – ", " — ", " - "} {
				if depth == 0 && strings.HasPrefix(text[i:], dash) {
					flush(i) // "not performed today – referred to facial plastic surgery …"
					start = i + len(dash)
					i += len(dash) - 1
					break
				}
			}
		}
	}
	flush(len(text))
	if !dropped {
		return text
	}
	return strings.Join(kept, ", ")
}

// biopsyWords document a prior biopsy by its kind, report or result:
// "Shave biopsy 03/02/2026 (accession DP26-01877): nodular BCC".
var biopsyWords = []string{"biops", "bx", "punch", "shave", "tangential", "incisional", "excisional", "saucer",
	"accession", "pathology", "path ", "report", "carcinoma", "bcc", "scc", "melanoma", "proven", "confirmed"}

// priorBiopsy reads a prior-biopsy value: yes or no, a date, or the
// biopsy's kind or result; anything else ("pending", "***") is an error.
func priorBiopsy(key string, v *grammar.Value) (model.Flag, error) {
	if f, err := flag(key, v); err == nil {
		return f, nil
	}
	if startsWithDate(v) {
		return model.Flag{Yes: true, Line: v.Pos.Line}, nil
	}
	if mentions(v.Text+" ", biopsyWords) || isAccession(v.Text) {
		return model.Flag{Yes: true, Line: v.Pos.Line}, nil
	}
	return flag(key, v)
}

// isAccession reports whether a value is a pathology accession number
// ("SP26-01234", "BD26-3301"): letters, then digits, a dash and digits.
// "Pathology Reference: SP26-01234" documents the prior biopsy.
func isAccession(s string) bool {
	s = strings.TrimSpace(strings.TrimRight(s, ". "))
	letters, digits, dash := 0, 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case isLetterOrDigit(c) && c > '9' && digits == 0 && !dash:
			letters++
		case c >= '0' && c <= '9':
			digits++
		case c == '-' && digits+letters > 0 && !dash:
			dash = true
		default:
			return false
		}
	}
	return letters >= 1 && letters <= 4 && digits >= 4 && dash
}

// otherProviderWords say a repair is left to another provider: "Referred
// to oculoplastics for reconstruction", "repaired by plastic surgery".
var otherProviderWords = []string{"referred", "referral", "plastic surg", "oculoplastic", "oculofacial", "facial plastic",
	"otolaryngolog", "another surgeon", "another provider", "outside surgeon"}

// otherProvider returns the text of a repair that another provider does,
// or "".
func otherProvider(text string) string {
	if mentions(text, otherProviderWords) {
		return text
	}
	return ""
}

// biopsyKey splits a key that labels a biopsy and may name its site: "Bx A
// - left parietal scalp" is biopsy A of the left parietal scalp.
func biopsyKey(key string) (label, site string, ok bool) {
	if k := strings.TrimLeft(key, " \t"); !startsFold(k, "bx") && !startsFold(k, "biopsy") {
		return "", "", false // most keys: no need to split them into words
	}
	words := strings.Fields(key)
	if len(words) < 2 {
		return "", "", false
	}
	if w := asciiLower(strings.TrimSuffix(words[0], ".")); w != "bx" && w != "biopsy" {
		return "", "", false
	}
	label = strings.TrimPrefix(words[1], "#")
	if !grammar.IsLabel(label) {
		return "", "", false
	}
	site = strings.TrimSpace(strings.TrimLeft(strings.Join(words[2:], " "), "-–—,"))
	return label, strings.TrimSpace(dropParens(site)), true // "Bx 1 (other lesion)": the remark names no site
}

// listedBiopsy reads a biopsy written as a list item, its parts in any
// order: the kind ("Punch biopsy (4 mm)", "Tangential biopsy"), the site
// (the first part that names one), and the impression ("clinical
// impression: SCC versus …"). A part that is a key and its value ("Left
// upper back: 7 mm papule") gives the site by its key.
func listedBiopsy(b *model.Biopsy, text model.Text) {
	for _, p := range listedParts(text.Value) {
		p = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(p), "."))
		key, value, hasKey := strings.Cut(p, ":")
		lower := asciiLower(p)
		switch {
		case hasKey && strings.Contains(asciiLower(key), "impression"):
			if !b.Diagnosis.Present() {
				b.Diagnosis = model.Text{Value: strings.TrimSpace(value), Line: text.Line}
			}
		case strings.Contains(lower, "biops") && !b.Type.Present():
			b.Type = model.Text{Value: p, Line: text.Line}
		case b.Site.Text.Present() && !b.Diagnosis.Present() && !hasKey && uncertainImpression(lower):
			b.Diagnosis = model.Text{Value: p, Line: text.Line} // "2. Shave biopsy, R upper back - r/o BCC"
		case !b.Site.Text.Present():
			cand := p
			if hasKey {
				cand = key
			}
			if _, ok := anatomy.Resolve(cand); ok {
				b.Site.Text = model.Text{Value: strings.TrimSpace(cand), Line: text.Line}
			}
		}
	}
}

// listedParts cuts a listed biopsy's text at commas, semicolons, dashes
// and full stops: "Punch biopsy (4 mm), right medial thigh - clinical
// impression: …. …".
func listedParts(text string) []string {
	var split []string
	for _, p := range strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == ';' || r == '–' || r == '—' }) {
		for _, q := range strings.Split(p, " - ") {
			split = append(split, strings.Split(q, ". ")...) // "… plaque. Clinical impression: BCC."
		}
	}
	return split
}

// doubtedImpression gives a labelled biopsy the impression in doubt that
// a part of its text after the first states ("punch biopsy (4 mm), L shin
// - ?SCC vs KA", "shave bx, L upper back; impression r/o BCC; FS: no"),
// when it names none.
func doubtedImpression(b *model.Biopsy, text model.Text) {
	parts := listedParts(text.Value)
	for k := 1; k < len(parts) && !b.Diagnosis.Present(); k++ {
		p := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(parts[k]), "."))
		for _, lead := range []string{"clinical impression", "impression"} {
			if rest, ok := strings.CutPrefix(asciiLower(p), lead); ok {
				p = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(p[len(p)-len(rest):]), ":"))
			}
		}
		if uncertainImpression(asciiLower(p)) {
			b.Diagnosis = model.Text{Value: p, Line: text.Line}
		}
	}
}

// uncertainImpression reports whether lower-case text after a biopsy's
// site is a clinical impression in doubt: "?scc vs ka", "r/o bcc", "scc
// versus hypertrophic ak".
func uncertainImpression(lower string) bool {
	return strings.HasPrefix(lower, "?") || strings.HasPrefix(lower, "r/o ") || strings.HasPrefix(lower, "rule out ") ||
		strings.Contains(lower, " vs ") || strings.Contains(lower, " vs. ") || strings.Contains(lower, " versus ")
}

// measure reads a size field's value.
func (l *lowerer) measure(ref keyRef, v *grammar.Value) (model.Size, error) {
	return size(ref.name, v)
}

// detachedRepairFacts gives a lesion's repairs what the note states apart
// from them. A length ("…sutured in a single layer. Length of repair:
// 2.2 cm.") goes to the lesion's one repair without a length, and a
// secondary defect under a dictated repair to the lesion's one repair; with
// several repairs they cannot be tied to one. Who repaired ("Repaired by: Dr. …,
// oculoplastic surgery" under "Closure performed:") goes to every repair of
// the lesion that names no one: a line dropped is safer than a line billed
// for another provider's work.
func (l *lowerer) detachedRepairFacts() {
	for i, length := range l.lengths {
		les := &l.out.Lesions[i]
		var open []*model.Repair
		for j := range les.Repairs {
			if r := &les.Repairs[j]; !r.Length.Present() && !r.Size.Present() {
				open = append(open, r)
			}
		}
		if len(open) == 1 && len(les.Repairs) == 1 {
			open[0].Length = length
		}
	}
	for i, sz := range l.secondaries {
		if les := &l.out.Lesions[i]; len(les.Repairs) == 1 && !les.Repairs[0].SecondaryDefect.Present() {
			les.Repairs[0].SecondaryDefect = sz
		}
	}
	for i, by := range l.repairBy {
		les := &l.out.Lesions[i]
		for j := range les.Repairs {
			if r := &les.Repairs[j]; !r.By.Present() {
				r.By = by
			}
		}
	}
}
