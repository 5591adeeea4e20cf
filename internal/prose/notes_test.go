package prose

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readNote reads a note of testdata/ as one scope, every paragraph passed
// whole (the lead passes only prose and field values; headers and fields
// here are noise the reader must bear).
func readNote(t testing.TB, name string) Facts {
	t.Helper()
	src, err := os.ReadFile("testdata/" + name + ".txt")
	require.NoError(t, err)
	return Read(splitParagraphs(string(src)))
}

// only keeps the summary lines that start with one of the prefixes.
func only(lines []string, prefixes ...string) []string {
	out := []string{}
	for _, l := range lines {
		for _, p := range prefixes {
			if strings.HasPrefix(l, p) {
				out = append(out, l)
				break
			}
		}
	}
	return out
}

// TestDevNotes checks the facts that the expectations of the dev notes
// (NAME.expect.json and the derivations in INDEX.md) imply, family by family:
// for each listed family the summary lines must be exactly these.
func TestDevNotes(t *testing.T) {
	type fam = map[string][]string
	cases := []struct {
		note string
		want fam
		has  []string // lines that must be among the summary
	}{
		{"dict-cheek-rotation-flap", fam{
			// INDEX: 3 + 2 blocks → 17311, 17312; stage 2 clear
			"stage ":        {"stage 1 blocks=3 margin=positive histology", "stage 2 blocks=2 margin=clear"},
			"map ":          {"map true"},
			"reader ":       {"reader surgeon"},
			"final-defect ": {"final-defect 2.8x2.4"},
			// rotation flap 2.8×2.4 = 6.72 + 5.0 (primary defect from the final defect)
			"repair ":      {`repair "rotation flap" secondary=5 sq after-clearance`},
			"preop ":       {"preop 1.4x1.1"},
			"stage-count ": {},
			"ambiguity ":   {},
			// "lower eyelid" only as a nearby structure
			"site ": {`site "right medial cheek"`},
		}, []string{"prior-biopsy true", "indication", `diagnosis "infiltrative basal cell carcinoma" site="right medial cheek"`}},
		{"dict-forearm-sccis-negated-deep", fam{
			"stage ":  {"stage 1 blocks=3 margin=positive histology", "stage 2 blocks=2 margin=clear"},
			"reader ": {"reader surgeon"},
			// negated muscle/tendon does not move the forearm to H
			"deep ":   {`deep "muscle" negated=true`, `deep "fascia" negated=true`, `deep "tendon" negated=true`},
			"repair ": {`repair "intermediate repair" length=4.6 after-clearance`},
			"preop ":  {"preop 2.1x1.7"},
		}, []string{"map true", "prior-biopsy true", "indication", "final-defect 3x2.4"}},
		{"dict-helix-mtsamples-style", fam{
			// 3 stages (2, 1, 1 blocks); "tumor persisted focally" = positive
			"stage ":      {"stage 1 blocks=2 margin=positive histology", "stage 2 blocks=1 margin=positive", "stage 3 blocks=1 margin=clear"},
			"reader ":     {"reader surgeon"},
			"repair ":     {`repair "complex layered closure" length=3.1 after-clearance`},
			"ambiguity ":  {},
			"stage-count": {},
		}, []string{"map true", "prior-biopsy true", "final-defect 1.9x1.6"}},
		{"dict-lip-same-day-biopsy-frozen", fam{
			"stage ":           {"stage 1 blocks=2 margin=positive histology", "stage 2 blocks=1 margin=clear"},
			"prior-biopsy ":    {"prior-biopsy false"},
			"same-day-biopsy ": {`same-day-biopsy "tangential (shave) biopsy"`},
			"frozen-section ":  {"frozen-section 1"},
			"repair ":          {`repair "intermediate (layered) repair" length=2.1 after-clearance`},
			"site ":            {`site "left upper cutaneous lip"`},
			"deep ":            {},
		}, []string{"map true", "reader surgeon", "indication", "final-defect 1.1x0.9"}},
		{"dict-nasal-tip-ftsg-levels", fam{
			// "level" = stage, "sections" = blocks
			"stage ":  {"stage 1 blocks=4 margin=positive histology", "stage 2 blocks=3 margin=clear"},
			"repair ": {`repair "full-thickness skin graft" area=1.5x1.3 (1.95 sq) after-clearance`},
			"deep ":   {`deep "nasalis muscle" negated=false`},
		}, []string{"map true", "reader surgeon", "prior-biopsy true", "indication", "final-defect 1.5x1.3",
			`diagnosis "morpheaform basal cell carcinoma" site="nasal tip"`}},
		{"gap-prose-no-blocks-no-map", fam{
			// stages without block counts; no map statement
			"stage ":  {"stage 1 blocks=0 margin=positive histology", "stage 2 blocks=0 margin=clear"},
			"map ":    {},
			"reader ": {"reader surgeon"},
			"repair ": {`repair "intermediate layered closure" length=2.2 after-clearance`},
		}, []string{"prior-biopsy true", "indication"}},
		{"gap-ear-no-side-no-reader-crlf", fam{
			"stage ":  {"stage 1 blocks=2 margin=positive histology", "stage 2 blocks=1 margin=clear"},
			"reader ": {}, // nobody named: pathology-undocumented
		}, nil},
		{"gap-epic-wildcards-repair-length", fam{
			// layered closure with no length: repair-size-missing
			"repair ": {`repair "intermediate layered closure" after-clearance`},
			"reader ": {"reader surgeon"},
		}, nil},
		{"gap-no-date-outside-reader-no-margin", fam{
			"reader ": {`reader pathologist "Dr. Birgitta Oyelowo"`},
		}, nil},
		{"mixed-pathologist-fallback-margin", fam{
			// a named dermatopathologist read the Mohs frozen sections
			"reader ": {`reader pathologist "Dr. Annika Solberg-Reyes"`},
			// "Margin: the first stage was taken with a 2 mm clinical margin"
			"excision-margin ": {"excision-margin 0.2"},
		}, []string{"preop 1.4x1"}},
		{"mixed-site-in-dx-second-intention", fam{
			// one stage, 2 blocks, named in no stage sentence
			"stage ":       {},
			"unstaged ":    {`unstaged blocks=2 margin=clear histology stain="H&E"`},
			"stage-count ": {"stage-count 1"},
			"repair ":      {`repair "second intention" no-repair after-clearance`},
			// the physician named is the biopsying doctor, not the slide reader
			"reader ": {"reader surgeon"},
		}, []string{"map true", "prior-biopsy true", "indication", `diagnosis "Basal cell carcinoma" site="left nasal ala"`}},
		{"mixed-other-biopsies-in-prose", fam{
			"stage ": {"stage 1 blocks=2 margin=positive histology", "stage 2 blocks=1 margin=clear"},
			"other-biopsy ": {
				`other-biopsy "tangential (shave) biopsy" site="left upper back" impression="rule out superficial BCC" uncertain=true`,
				`other-biopsy "4 mm punch biopsy" site="right dorsal forearm" impression="SCC versus hypertrophic actinic keratosis" uncertain=true`,
			},
			// "sent to dermatopathology" is about those biopsies
			"reader ": {"reader surgeon"},
			// impressions are not diagnoses
			"diagnosis ": {`diagnosis "BCC" site=""`},
		}, nil},
		{"mixed-mis-mart1-cheek", fam{
			// "where MART-1 was equivocal" is a stain reason, not a margin;
			// "H&E and MART-1 … for …": the reason is the listed stains'
			"stage ": {`stage 1 blocks=4 margin=positive histology stain="H&E"+reason stain="MART-1"+reason`,
				`stage 2 blocks=2 margin=clear stain="H&E"+reason stain="MART-1"[1 2]+reason stain="SOX10"[2]+reason`},
			"repair ": {`repair "advancement flap" defect=2.6x2.2 secondary=4 sq after-clearance`},
		}, nil},
		{"mixed-basosquamous-postop-dx", fam{
			"stage ":  {"stage 1 blocks=4 margin=positive histology", "stage 2 blocks=2 margin=positive", "stage 3 blocks=1 margin=clear"},
			"repair ": {`repair "bilobed transposition flap" defect=1.5x1.2 secondary=2.4 sq after-clearance`},
			"reader ": {"reader surgeon"},
		}, nil},
		{"mixed-remarks-after-values-ear", fam{
			// "(wedge excision not required)" negates no repair; 34 mm = 3.4 cm
			"repair ": {`repair "complex layered closure" length=3.4 after-clearance`},
		}, nil},
		{"nonmohs-standard-excision-flap", fam{
			"stage ":    {},
			"unstaged ": {},
			"repair ":   {`repair "A-to-T advancement flap" defect=1.8x1.8 secondary=2 sq`},
			// "with 4 mm margins"
			"excision-margin ": {"excision-margin 0.4", "excision-margin 0.4"},
		}, nil},
		{"nonmohs-biopsies-only", fam{
			"stage ":    {},
			"unstaged ": {},
			"other-biopsy ": {
				`other-biopsy "Tangential (shave) biopsy" site="Left upper back" impression="rule out basal cell carcinoma" uncertain=true`,
				`other-biopsy "Tangential (saucerization) biopsy" site="Right lateral thigh" impression="atypical nevus versus melanoma in situ" uncertain=true`,
				`other-biopsy "4 mm punch biopsy" site="Left dorsal forearm" impression="SCC versus hypertrophic actinic keratosis" uncertain=true`,
			},
			"diagnosis ": {},
		}, nil},
		// MTSamples: the map and the surgeon reading the slides are read; the
		// stage and block counts they never state are not invented.
		{"mtsamples-967-mohs-scalp", fam{
			"stage":     {},
			"unstaged ": {},
			"map ":      {"map true"},
			"reader ":   {"reader surgeon"},
			"repair ":   {}, // "PLANNED RECONSTRUCTION" is a plan
		}, nil},
		{"mtsamples-968-mohs-helix", fam{
			"stage":     {},
			"unstaged ": {},
			"map ":      {"map true"},
			"reader ":   {"reader surgeon"},
			"repair ":   {},
		}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.note, func(t *testing.T) {
			got := summary(readNote(t, tc.note))
			fams := make([]string, 0, len(tc.want))
			for f := range tc.want {
				fams = append(fams, f)
			}
			slices.Sort(fams)
			for _, f := range fams {
				assert.Equal(t, tc.want[f], only(got, f), "family %q of\n%s", f, strings.Join(got, "\n"))
			}
			for _, h := range tc.has {
				assert.Contains(t, got, h)
			}
		})
	}
}

// TestLetteredLesions reads each lesion part of multi-lettered-three-lesions
// as its own scope, as lowering does.
func TestLetteredLesions(t *testing.T) {
	src, err := os.ReadFile("testdata/multi-lettered-three-lesions.txt")
	require.NoError(t, err)
	paras := splitParagraphs(string(src))
	require.Len(t, paras, 4)
	head := summary(Read(paras[:1]))
	assert.Equal(t, []string{"map true every", "reader surgeon"}, only(head, "map", "reader", "stage"))
	want := [][]string{
		{`diagnosis "basal cell carcinoma" site="Left cheek"`, "final-defect 1.4x1.2", `histology-diagnosis "nodular BCC"`, "indication", "preop 1x0.8",
			"prior-biopsy true", `repair "intermediate layered repair" length=2 after-clearance`, "stage 1 blocks=3 margin=clear histology"},
		{`diagnosis "squamous cell carcinoma in situ" site="Right temple"`, "final-defect 1.5x1.3", `histology-diagnosis "SCC in situ"`, "indication", "preop 1.1x1",
			"prior-biopsy true", `repair "intermediate layered repair" length=1.6 after-clearance`,
			"stage 1 blocks=2 margin=positive histology", "stage 2 blocks=1 margin=clear"},
		{`diagnosis "basal cell carcinoma" site="Left helix"`, "final-defect 1.1x0.9", `histology-diagnosis "micronodular BCC"`, "indication", "preop 0.7x0.6",
			"prior-biopsy true", `repair "complex repair" length=1.8 after-clearance`, "stage 1 blocks=2 margin=clear histology"},
	}
	for i, w := range want {
		got := summary(Read(paras[i+1 : i+2]))
		slices.Sort(got)
		assert.Equal(t, w, got, "lesion %c", 'A'+i)
	}
}

// TestInventedNotes reads notes written for this package (testdata/invented-*)
// in the phrasings of LAYOUTS-style exports and dictations the dev set lacks.
func TestInventedNotes(t *testing.T) {
	type fam = map[string][]string
	cases := []struct {
		note string
		want fam
	}{
		{"invented-lai", fam{
			// "1st Stage: 2 Sections, Positive"; boilerplate documents map and reader only
			"stage":         {"stage 1 blocks=2 margin=positive", "stage 2 blocks=1 margin=clear"},
			"map ":          {"map true"},
			"reader ":       {"reader surgeon"},
			"final-defect ": {"final-defect 1.2x1"},
			// "The final closure size is 2.0 cm" is the repair's length
			"repair ": {`repair "Complex Closure" length=2`},
		}},
		{"invented-dict2", fam{
			"stage":   {"stage 1 blocks=3 margin=positive histology", "stage 2 blocks=2 margin=positive", "stage 3 blocks=1 margin=clear"},
			"reader ": {"reader surgeon"},
			// "a wedge excision was not required"
			"repair ": {`repair "complex layered closure" length=3.6`},
			"deep ":   {`deep "cartilage" negated=false`},
		}},
		{"invented-dict3", fam{
			// "Stage one consisted of a single block"; "No further stages were needed"
			"stage":         {"stage 1 blocks=1 margin=positive", "stage 2 blocks=1 margin=clear"},
			"reader ":       {"reader surgeon"},
			"repair ":       {`repair "secondary intention" no-repair`},
			"final-defect ": {"final-defect 1.5x1.3"},
			"site ":         {`site "left temple"`},
		}},
		{"invented-dict4", fam{
			// "taken from the involved areas" is no positive margin; totals are the lesion's
			"stage":   {"stage 1 blocks=4 margin=positive histology", "stage 2 blocks=2 margin=clear", "stage-count 2"},
			"block-":  {"block-total 6"},
			"reader ": {"reader surgeon"},
			// options discussed are no repair
			"repair ": {`repair "bilobed transposition flap" defect=1.3x1.1 secondary=2.1 sq`},
		}},
		{"invented-dict5", fam{
			// "equivocal for residual SCC" is equivocal, not positive; "tumor at
			// the deep margin, extending into the subcutis" tells the tumor's
			// depth: the first stage's histology (CODING-RULES §1)
			"stage": {"stage 1 blocks=2 margin=positive histology", "stage 2 blocks=2 margin=equivocal", "stage 3 blocks=1 margin=clear"},
			// nobody is said to read the Mohs slides; dermatopathology reads the debulk
			"reader ": {},
			"repair ": {`repair "closed in layers" length=6.2`},
			// the tendon's paratenon was preserved
			"deep ": {},
		}},
	}
	for _, tc := range cases {
		t.Run(tc.note, func(t *testing.T) {
			got := summary(readNote(t, tc.note))
			for f, want := range tc.want {
				assert.Equal(t, want, only(got, f), "family %q of\n%s", f, strings.Join(got, "\n"))
			}
		})
	}
}
