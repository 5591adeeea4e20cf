package coding

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/mohscode/mohscode/internal/codetable"
	"github.com/mohscode/mohscode/internal/diag"
	"github.com/mohscode/mohscode/internal/edits"
	"github.com/mohscode/mohscode/internal/model"
)

// Claim is what the generator makes of one note: the output contract of
// docs/note-format.md section 7. The root package exports it as
// mohscode.Result.
type Claim struct {
	// Source names the note, as given to the engine.
	Source    string    `json:"source"`
	Encounter Encounter `json:"encounter"`
	// Edits names the CMS edit tables the claim was checked against.
	Edits Edits `json:"edits"`
	// Lines are the claim lines in claim order.
	Lines []Line `json:"lines"`
	// Diagnoses are the ICD-10-CM codes the lines point to, in pointer order.
	Diagnoses []Diagnosis `json:"diagnoses"`
	// Findings are the documentation findings, by note line then rule.
	Findings []diag.Finding `json:"findings"`
	// Rules names the rule pack and the code-set editions the claim was
	// coded by (codetable.Pack).
	Rules codetable.Edition `json:"rules"`
}

// Encounter is the claim's header; a field the note does not give is nil.
type Encounter struct {
	// DateOfService is the date as written in the note's normal form
	// (YYYY-MM-DD).
	DateOfService *string `json:"date_of_service"`
	// PlaceOfService is the CMS place-of-service code ("11").
	PlaceOfService *string `json:"place_of_service"`
	// PayerProfile names the payer profile the note was coded under.
	PayerProfile string `json:"payer_profile"`
}

// Edits names the CMS edit tables applied; a table not given is
// NotChecked.
type Edits struct {
	MUE string `json:"mue"`
	PTP string `json:"ptp"`
}

// NotChecked is what Edits says of a table that was not given.
const NotChecked = edits.NotChecked

// Line is one claim line.
type Line struct {
	// Seq numbers the line from 1.
	Seq int `json:"seq"`
	// Code is the CPT code.
	Code      string   `json:"code"`
	Units     int      `json:"units"`
	Modifiers []string `json:"modifiers"`
	// Lesion is the label of the lesion the line is for, as the note writes
	// it ("1", "B", "II", "biopsy 2"); a line for several lesions (a summed
	// repair) lists them separated by commas ("1,2"). See [Line.Lesions].
	Lesion      string `json:"lesion"`
	Description string `json:"description"`
	// DiagnosisPointers index Claim.Diagnoses from 1.
	DiagnosisPointers []int `json:"diagnosis_pointers"`
	// Evidence are the note lines behind the line.
	Evidence []Evidence `json:"evidence"`
	// Reason says why the engine chose the code, units and modifiers.
	Reason string `json:"reason"`
}

// Lesions returns the labels of the lesions the line is for.
func (l Line) Lesions() []string {
	if l.Lesion == "" {
		return nil
	}
	return strings.Split(l.Lesion, ",")
}

// Evidence is a note line behind a claim line, counted from 1.
type Evidence struct {
	Line int `json:"line"`
}

// Diagnosis is one ICD-10-CM code of the claim.
type Diagnosis struct {
	Code        string `json:"code"`
	Description string `json:"description"`
}

// Options changes how a note is coded.
type Options struct {
	// Profile, when set, overrides the payer profile the note's Payer field picks.
	Profile *codetable.Profile
	// FindingsOnly leaves the lines out (mohscode check).
	FindingsOnly bool
}

// Code turns a note's model into its claim. It never fails: what cannot be
// coded becomes a finding.
func Code(n *model.Note, opt Options) Claim {
	g := &generator{note: n, findings: []diag.Finding{}}
	g.chooseProfile(opt.Profile)
	g.run()
	lines := g.ordered()
	claim := Claim{
		Source:    n.Source,
		Rules:     codetable.PackEdition(),
		Encounter: Encounter{DateOfService: optional(n.Encounter.Date), PlaceOfService: optional(n.Encounter.PlaceOfService), PayerProfile: g.profile.Name},
		Edits:     Edits{MUE: NotChecked, PTP: NotChecked},
		Lines:     lines,
		Diagnoses: g.pointDiagnoses(lines),
		Findings:  g.findings,
	}
	if opt.FindingsOnly {
		claim.Lines = []Line{}
	}
	diag.List(claim.Findings).Sort()
	claim.Findings = diag.List(claim.Findings).Capped(MaxFindingsPerRule)
	return claim
}

// MaxFindingsPerRule bounds the findings of one rule in one note: a note
// that names thousands of unknown stains gets the first ones and one
// finding that counts the rest, so that an answer stays proportional to
// what a coder can read.
const MaxFindingsPerRule = 20

// chooseProfile uses the profile given, else the one the note's Payer field
// picks; a payer that names no built-in profile is coded under the default
// one, and says so (docs/coding-rules.md section 8).
func (g *generator) chooseProfile(given *codetable.Profile) {
	if given != nil {
		g.profile = *given
		return
	}
	payer := g.note.Encounter.Payer
	name, named := codetable.MatchPayer(payer.Value)
	g.profile, _ = codetable.BuiltinProfile(name)
	if payer.Present() && strings.TrimSpace(payer.Value) != "" && !named {
		g.add(PayerProfileDefault, "", payer.Line, "Payer %q names no built-in profile: coded under the %s profile", payer.Value, name)
	}
}

func optional(t model.Text) *string {
	if !t.Present() {
		return nil
	}
	v := t.Value
	return &v
}

// generator holds the state of coding one note.
type generator struct {
	note     *model.Note
	profile  codetable.Profile
	findings []diag.Finding
	// lines by kind, put in claim order at the end
	mohs, repairs, biopsies, frozen, stains []Line
	repairItems                             []repairItem
	withheldClasses                         []repairClass // the linear repair classes of lesions coded with no line (lesion-ambiguous): repairs of the encounter all the same
	billable                                []billableBiopsy
	// dxByLabel is the diagnosis of each lesion label ("1") and biopsy
	// ("biopsy 2"), for the lines' pointers
	dxByLabel map[string]Diagnosis
	// distinct is set once a lesion has yielded a Mohs or excision line
	distinct bool
	// pathologist is set when a separate pathologist read the slides
	pathologist bool
	// readerConflict is set when the note says both that the surgeon and
	// that a separate pathologist read the slides (reader-ambiguous)
	readerConflict bool
	surgeonName    string
}

// add records a finding of rule at a note line (docs/note-format.md section 7).
// A finding about a value points at that value's line (pathology-not-surgeon
// at the Pathology field, site-unknown at the Site field). A finding about
// something absent points at the closest section that is there: a stage
// (blocks-missing, margins-missing, histology-missing), a repair
// (repair-size-missing), else the lesion's heading line, or its first field
// in a note without headings; an encounter-level finding about something
// absent (date-missing, pathology-undocumented) has no lesion and points at
// line 1.
func (g *generator) add(r *diag.Rule, lesion string, line int, format string, args ...any) {
	g.addAt(r, lesion, line, 0, format, args...)
}

// addAt records a finding at a line and column.
func (g *generator) addAt(r *diag.Rule, lesion string, line, column int, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if note, ok := g.profile.Notes[r.ID]; ok {
		msg += " (" + g.profile.Name + ": " + note + ")"
	}
	f := diag.Finding{Rule: r.ID, Severity: r.Severity, Lesion: lesion, Line: max(line, 1), Column: column, Message: msg}
	if slices.ContainsFunc(g.findings, func(have diag.Finding) bool {
		return have.Rule == f.Rule && have.Lesion == f.Lesion && have.Line == f.Line && have.Column == f.Column && have.Message == f.Message
	}) {
		return // one statement that several stages share ("Special stains: toluidine blue (all blocks)")
	}
	g.findings = append(g.findings, f)
}

// line makes a claim line for code.
func line(code string, units int, lesion, reason string, evidence ...int) Line {
	l := Line{Code: code, Units: units, Modifiers: []string{}, Lesion: lesion,
		Description: codetable.Describe(code), DiagnosisPointers: []int{}, Reason: reason}
	for _, e := range evidence {
		if e > 0 && !hasEvidence(l.Evidence, e) {
			l.Evidence = append(l.Evidence, Evidence{Line: e})
		}
	}
	if l.Evidence == nil {
		l.Evidence = []Evidence{}
	}
	return l
}

func hasEvidence(es []Evidence, line int) bool {
	for _, e := range es {
		if e.Line == line {
			return true
		}
	}
	return false
}

func (l Line) withModifier(m string) Line {
	if m != "" {
		l.Modifiers = append(l.Modifiers, m)
	}
	return l
}

// ordered puts the lines in claim order and numbers them.
func (g *generator) ordered() []Line {
	out := make([]Line, 0, len(g.mohs)+len(g.repairs)+len(g.biopsies)+len(g.frozen)+len(g.stains))
	for _, part := range [][]Line{g.mohs, g.repairs, g.biopsies, g.frozen, g.stains} {
		out = append(out, part...)
	}
	for i := range out {
		out[i].Seq = i + 1
	}
	return out
}

func (g *generator) run() {
	g.encounter()
	for i := range g.note.Lesions {
		g.lesion(&g.note.Lesions[i])
	}
	g.repairLines()
	g.biopsyLines()
	g.findings = append(g.findings, g.note.Findings...) // what reading said
}

// encounter checks the encounter fields and who read the slides.
func (g *generator) encounter() {
	enc := g.note.Encounter
	if !enc.Date.Present() {
		g.add(DateMissing, "", 1, "No date of service is documented")
	}
	g.surgeonName = lastName(enc.Surgeon.Value)
	if enc.ReaderConflict.Present() {
		g.readerConflict = true
		g.add(ReaderAmbiguous, "", enc.ReaderConflict.Line, "The note says both that the surgeon and that a separate pathologist read the slides: neither Mohs nor excision lines are coded until it says who did")
		return
	}
	if !enc.Pathology.Present() && slices.ContainsFunc(g.note.Lesions, func(les model.Lesion) bool { return les.Pathology.Present() }) {
		return // each lesion says who read its slides (lesionReader)
	}
	switch g.readerOf(enc.Pathology.Value) {
	case readerPathologist:
		g.pathologist = true
		g.add(PathologyNotSurgeon, "", enc.Pathology.Line, "A separate pathologist read the slides (%q): no Mohs code may be billed; lesions are coded as excisions", enc.Pathology.Value)
	case readerUnknown:
		if len(g.note.Lesions) == 0 {
			break // a biopsy-only note has no Mohs slides to read
		}
		g.add(PathologyUndocumented, "", 1, "The note does not say who read the slides; Mohs codes require the surgeon to read them")
	}
}

type reader int

const (
	readerUnknown reader = iota
	readerSurgeon
	readerPathologist
)

// readerOf tells who read the slides from a Pathology field's value: the surgeon
// when it says "surgeon" or the surgeon's last name; a separate pathologist
// when it says "pathologist" or names a physician other than the surgeon.
// A physician named where the note names no surgeon may be the surgeon:
// who read the slides is then not documented.
func (g *generator) readerOf(value string) reader {
	text := strings.ToLower(value)
	switch {
	case text == "":
		return readerUnknown
	case g.pathologistReads(text):
		return readerPathologist // "interpreted by the staff dermatopathologist, Dr. …; Dr. <surgeon> reviewed her findings"
	case strings.Contains(text, "pathologist") && deniesSurgeon(text):
		return readerPathologist // "Dr. …, dermatopathologist (contracted service); Mohs surgeon did not read the slides today"
	case strings.Contains(text, "surgeon") || g.namesSurgeon(text) || firstWordIs(text, "me", "myself", "self"):
		return readerSurgeon // "Slides read by me ✓": the note's author, who operated
	case strings.Contains(text, "pathologist"):
		return readerPathologist
	case hasWord(text, "dr", "md", "do") && g.surgeonName != "" && namesAPerson(text):
		return readerPathologist // another physician than the surgeon; not "Dr." alone, a value a line break cut short
	}
	return readerUnknown
}

// namesAPerson reports whether lower-case text holds a word besides a
// physician's title: "dr. patel", not "dr." alone.
func namesAPerson(text string) bool {
	return slices.ContainsFunc(strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }), func(w string) bool {
		return len(w) > 1 && w != "dr" && w != "md" && w != "do"
	})
}

// firstWordIs reports whether lower-case text opens with one of words:
// "me (IMA)", not "Dr. …, pathologist (margins phoned back to me)".
func firstWordIs(text string, words ...string) bool {
	f := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) })
	return len(f) > 0 && slices.Contains(words, f[0])
}

// deniesSurgeon reports whether lower-case text says the surgeon did not
// read the slides: "Mohs surgeon did not read the slides today", "not read
// by the surgeon".
func deniesSurgeon(text string) bool {
	for _, p := range []string{"surgeon did not", "surgeon didn't", "surgeon was not", "surgeon not ", "not read by the surgeon",
		"not read by the mohs surgeon", "not by the surgeon", "not by the mohs surgeon"} {
		if strings.Contains(text, p) {
			return true
		}
	}
	return false
}

// pathologistReads reports whether text names a pathologist other than the
// surgeon as the one the slides were read by: "by" and, within five words,
// a word ending in "pathologist" or "pathology", with no "surgeon" or
// "Mohs" between them ("read by the Mohs surgeon acting as pathologist" is
// the surgeon) and not the surgeon's name in the three words after it.
func (g *generator) pathologistReads(text string) bool {
	w := strings.Fields(string(wordsOf(text)))
	for i, word := range w {
		if word != "by" {
			continue
		}
		for k := i + 1; k < min(len(w), i+6); k++ {
			if w[k] == "surgeon" || w[k] == "mohs" || w[k] == "surgeons" {
				break
			}
			if strings.HasSuffix(w[k], "pathologist") || strings.HasSuffix(w[k], "pathology") {
				return !g.namesSurgeon(strings.Join(w[i:min(len(w), k+4)], " "))
			}
		}
	}
	return false
}

// namesSurgeon reports whether text names the surgeon by last name; a
// hyphenated name matches however the text splits it ("Dr. Varga-Moss").
func (g *generator) namesSurgeon(text string) bool {
	return g.surgeonName != "" && hasWord(text, wordsOf(g.surgeonName).text())
}

// credentials are words after a name that are not the name.
var credentials = map[string]bool{"md": true, "do": true, "dr": true, "facms": true, "faad": true, "mph": true, "phd": true, "jr": true, "sr": true}

// lastName finds the surgeon's last name, lower-cased: "Dana Whitfield, MD"
// → "whitfield", "Dr. Whitfield" → "whitfield", "Dana Whitfield, MD (Mohs
// surgeon)" → "whitfield".
func lastName(s string) string {
	// Remarks in parentheses name no one: "Ottoline Farquharson-Ede, MD (Mohs
	// surgeon)", "Maj. (ret.) Desmond Achterberg, MD".
	for open := strings.IndexByte(s, '('); open >= 0; open = strings.IndexByte(s, '(') {
		end := strings.IndexByte(s[open:], ')')
		if end < 0 {
			s = s[:open]
			break
		}
		s = s[:open] + " " + s[open+end+1:]
	}
	if before, _, ok := strings.Cut(s, ","); ok {
		// "Whitfield, Dana, MD": one word before the comma is the last name;
		// "Dr. Philippa Oduya-Kessler, Mohs surgeon": the name ends at the comma
		if w := strings.FieldsFunc(strings.ToLower(before), notNameRune); len(w) >= 1 && !credentials[w[len(w)-1]] && len(w[len(w)-1]) > 1 {
			return w[len(w)-1]
		}
	}
	words := strings.FieldsFunc(strings.ToLower(s), notNameRune)
	for i := 1; i < len(words); i++ {
		if credentials[words[i]] && !credentials[words[i-1]] && len(words[i-1]) > 1 {
			return words[i-1] // "Theodoric Ng-Abernathy, MD - Mohs Surgery": the name ends at its credential
		}
	}
	for i := len(words) - 1; i >= 0; i-- {
		if !credentials[words[i]] && len(words[i]) > 1 {
			return words[i]
		}
	}
	return ""
}

// notNameRune separates the words of lower-case text that may hold a name:
// anything but a letter, an apostrophe or a hyphen.
func notNameRune(r rune) bool { return !(r >= 'a' && r <= 'z' || r == '\'' || r == '-') }
