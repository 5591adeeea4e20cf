package anatomy

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Group sets written by hand from docs/coding-rules.md sections 1, 3, 6 and 9 (group ids as the
// code tables use them). The ICD row varies inside a set, so each set is a function of it.
const (
	simpleFace = "face-ears-eyelids-nose-lips"
	simpleBody = "scalp-neck-axillae-genitalia-trunk-extremities"
	interFace  = "face-ears-eyelids-nose-lips"
	interNHF   = "neck-hands-feet-genitalia"
	interBody  = "scalp-axillae-trunk-extremities"
	cxENEL     = "eyelids-nose-ears-lips"
	cxFCC      = "forehead-cheeks-chin-mouth-neck-axillae-genitalia-hands-feet"
	cxSAL      = "scalp-arms-legs"
	cxTrunk    = "trunk"
	stsgTAL    = "trunk-arms-legs"
	stsgFace   = "face-scalp-eyelids-mouth-neck-ears-genitalia-hands-feet-digits"
	excTAL     = "trunk-arms-legs"
	excSN      = "scalp-neck-hands-feet-genitalia"
	excFace    = "face-ears-eyelids-nose-lips"
)

// eyelids, nose, ears, lips: face for simple/intermediate/excision, their own group for
// complex/flap/FTSG.
func enel(icd string) Groups {
	return Groups{Mohs: "H", Simple: simpleFace, Intermediate: interFace, Complex: cxENEL, Flap: cxENEL,
		FTSG: cxENEL, STSG: stsgFace, Excision: excFace, ICD: icd}
}

// forehead, temple, cheeks, chin, mouth … (other face).
func otherFace() Groups {
	return Groups{Mohs: "H", Simple: simpleFace, Intermediate: interFace, Complex: cxFCC, Flap: cxFCC,
		FTSG: cxFCC, STSG: stsgFace, Excision: excFace, ICD: "face"}
}

func scalp() Groups {
	return Groups{Mohs: "H", Simple: simpleBody, Intermediate: interBody, Complex: cxSAL, Flap: cxSAL,
		FTSG: cxSAL, STSG: stsgFace, Excision: excSN, ICD: "scalp-neck"}
}

func neck() Groups {
	return Groups{Mohs: "H", Simple: simpleBody, Intermediate: interNHF, Complex: cxFCC, Flap: cxFCC,
		FTSG: cxFCC, STSG: stsgFace, Excision: excSN, ICD: "scalp-neck"}
}

// hands, feet and genitalia: as the neck, with their own ICD row.
func distal(icd string) Groups {
	return Groups{Mohs: "H", Simple: simpleBody, Intermediate: interNHF, Complex: cxFCC, Flap: cxFCC,
		FTSG: cxFCC, STSG: stsgFace, Excision: excSN, ICD: icd}
}

func trunk(icd string) Groups {
	return Groups{Mohs: "T", Simple: simpleBody, Intermediate: interBody, Complex: cxTrunk, Flap: cxTrunk,
		FTSG: cxTrunk, STSG: stsgTAL, Excision: excTAL, ICD: icd}
}

func axilla() Groups {
	return Groups{Mohs: "T", Simple: simpleBody, Intermediate: interBody, Complex: cxFCC, Flap: cxFCC,
		FTSG: cxFCC, STSG: stsgTAL, Excision: excTAL, ICD: "trunk"}
}

// arms and legs.
func limb(icd string) Groups {
	return Groups{Mohs: "T", Simple: simpleBody, Intermediate: interBody, Complex: cxSAL, Flap: cxSAL,
		FTSG: cxSAL, STSG: stsgTAL, Excision: excTAL, ICD: icd}
}

// TestResolveVocabulary: every term of docs/note-format.md section 6 (with its synonyms and the
// adjective forms it lists) resolves to one term with the right Mohs class and ICD group.
func TestResolveVocabulary(t *testing.T) {
	tests := []struct {
		text, term, mohs, icd string
	}{
		// head: scalp
		{"scalp", "scalp", "H", "scalp-neck"},
		{"crown", "crown", "H", "scalp-neck"},
		{"vertex", "vertex", "H", "scalp-neck"},
		{"occiput", "occiput", "H", "scalp-neck"},
		// head: other face
		{"forehead", "forehead", "H", "face"},
		{"temple", "temple", "H", "face"},
		{"eyebrow", "eyebrow", "H", "face"},
		{"brow", "eyebrow", "H", "face"},
		{"glabella", "glabella", "H", "face"},
		{"cheek", "cheek", "H", "face"},
		{"malar", "malar", "H", "face"},
		{"zygoma", "zygoma", "H", "face"},
		{"infraorbital", "infraorbital", "H", "face"},
		{"nasolabial fold", "nasolabial fold", "H", "face"},
		{"right NLF", "nasolabial fold", "H", "face"},
		{"preauricular", "preauricular", "H", "face"},
		{"perioral", "perioral", "H", "face"},
		{"commissure", "commissure", "H", "face"},
		{"chin", "chin", "H", "face"},
		{"mental", "chin", "H", "face"},
		{"jaw", "jaw", "H", "face"},
		{"jawline", "jaw", "H", "face"},
		{"mandible", "mandible", "H", "face"},
		{"mouth", "mouth", "H", "face"},
		// head: eyelids
		{"eyelid", "eyelid", "H", "eyelid"},
		{"upper eyelid", "eyelid", "H", "eyelid"},
		{"lower eyelid", "eyelid", "H", "eyelid"},
		{"lid", "eyelid", "H", "eyelid"},
		{"canthus", "canthus", "H", "eyelid"},
		// head: nose
		{"nose", "nose", "H", "nose"},
		{"ala", "nasal ala", "H", "nose"},
		{"nasal ala", "nasal ala", "H", "nose"},
		{"alar crease", "alar crease", "H", "nose"},
		{"nasal tip", "nasal tip", "H", "nose"},
		{"dorsum", "nasal dorsum", "H", "nose"},
		{"nasal dorsum", "nasal dorsum", "H", "nose"},
		{"bridge", "nasal bridge", "H", "nose"},
		{"sidewall", "nasal sidewall", "H", "nose"},
		{"nasal sidewall", "nasal sidewall", "H", "nose"},
		{"columella", "columella", "H", "nose"},
		{"root", "nasal root", "H", "nose"},
		{"nasal root", "nasal root", "H", "nose"},
		// head: ears
		{"ear", "ear", "H", "ear"},
		{"auricle", "ear", "H", "ear"},
		{"pinna", "ear", "H", "ear"},
		{"helix", "helix", "H", "ear"},
		{"antihelix", "antihelix", "H", "ear"},
		{"concha", "concha", "H", "ear"},
		{"tragus", "tragus", "H", "ear"},
		{"lobule", "lobule", "H", "ear"},
		{"earlobe", "lobule", "H", "ear"},
		{"postauricular", "postauricular", "H", "ear"},
		// head: lips
		{"lip", "lip", "H", "lip"},
		{"upper lip", "upper lip", "H", "lip"},
		{"lower lip", "lower lip", "H", "lip"},
		{"vermilion", "vermilion", "H", "vermilion"},
		{"philtrum", "philtrum", "H", "lip"},
		// adjective forms
		{"helical", "helix", "H", "ear"},
		{"alar", "nasal ala", "H", "nose"},
		{"conchal", "concha", "H", "ear"},
		{"temporal", "temple", "H", "face"},
		{"nasal", "nose", "H", "nose"},
		{"auricular", "ear", "H", "ear"},
		{"labial", "lip", "H", "lip"},
		{"frontal", "forehead", "H", "face"},
		{"occipital", "occiput", "H", "scalp-neck"},
		{"parietal", "scalp", "H", "scalp-neck"},
		// neck
		{"neck", "neck", "H", "scalp-neck"},
		{"submental", "submental", "H", "scalp-neck"},
		{"submandibular", "submandibular", "H", "scalp-neck"},
		{"supraclavicular", "supraclavicular", "H", "scalp-neck"},
		// trunk
		{"chest", "chest", "T", "trunk"},
		{"breast", "breast", "T", "breast"},
		{"abdomen", "abdomen", "T", "trunk"},
		{"back", "back", "T", "trunk"},
		{"upper back", "upper back", "T", "trunk"},
		{"lower back", "lower back", "T", "trunk"},
		{"flank", "flank", "T", "trunk"},
		{"axilla", "axilla", "T", "trunk"},
		{"buttock", "buttock", "T", "trunk"},
		{"groin", "groin", "T", "trunk"},
		{"inguinal", "groin", "T", "trunk"},
		{"sacrum", "sacrum", "T", "trunk"},
		{"clavicle", "clavicle", "T", "trunk"},
		{"perianal", "perianal", "T", "anal"},
		// arms
		{"shoulder", "shoulder", "T", "upper-limb"},
		{"arm", "arm", "T", "upper-limb"},
		{"upper arm", "upper arm", "T", "upper-limb"},
		{"elbow", "elbow", "T", "upper-limb"},
		{"forearm", "forearm", "T", "upper-limb"},
		{"wrist", "wrist", "T", "upper-limb"},
		// hands
		{"hand", "hand", "H", "upper-limb"},
		{"dorsal hand", "dorsal hand", "H", "upper-limb"},
		{"palm", "palm", "H", "upper-limb"},
		{"finger", "finger", "H", "upper-limb"},
		{"thumb", "thumb", "H", "upper-limb"},
		{"knuckle", "knuckle", "H", "upper-limb"},
		{"nail unit", "nail unit", "H", "upper-limb"},
		// legs
		{"hip", "hip", "T", "lower-limb"},
		{"thigh", "thigh", "T", "lower-limb"},
		{"knee", "knee", "T", "lower-limb"},
		{"popliteal", "popliteal", "T", "lower-limb"},
		{"leg", "leg", "T", "lower-limb"},
		{"lower leg", "lower leg", "T", "lower-limb"},
		{"shin", "shin", "T", "lower-limb"},
		{"pretibial", "shin", "T", "lower-limb"},
		{"calf", "calf", "T", "lower-limb"},
		{"ankle", "ankle", "T", "lower-limb"},
		{"malleolus", "malleolus", "T", "lower-limb"},
		// feet
		{"foot", "foot", "H", "lower-limb"},
		{"dorsal foot", "dorsal foot", "H", "lower-limb"},
		{"sole", "sole", "H", "lower-limb"},
		{"heel", "heel", "H", "lower-limb"},
		{"toe", "toe", "H", "lower-limb"},
		// genitalia
		{"penis", "penis", "H", "genital"},
		{"scrotum", "scrotum", "H", "genital"},
		{"left hemiscrotum, extending toward the median raphe", "scrotum", "H", "genital"},
		{"vulva", "vulva", "H", "genital"},
		{"labia", "labia", "H", "genital"},
		{"perineum", "perineum", "H", "trunk"},
		// generic terms
		{"face", "face", "H", "face"},
		{"upper extremity", "arm", "T", "upper-limb"},
		{"lower extremity", "leg", "T", "lower-limb"},
		{"trunk", "trunk", "T", "trunk"},
		{"armpit", "axilla", "T", "trunk"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			site, ok := Resolve(tc.text)
			require.True(t, ok)
			require.Len(t, site.Terms, 1)
			assert.Equal(t, tc.term, site.Terms[0].Name)
			assert.Equal(t, tc.mohs, site.Groups.Mohs)
			assert.Equal(t, tc.icd, site.Groups.ICD)
			assert.False(t, site.Boundary)
		})
	}
}

// TestResolveQualifierWords: each qualifier of docs/note-format.md section 6 leaves the term
// alone; left and right go to Laterality, the others to Qualifiers.
func TestResolveQualifierWords(t *testing.T) {
	for _, q := range []string{
		"upper", "lower", "medial", "lateral", "dorsal", "plantar", "palmar", "central",
		"proximal", "distal", "anterior", "posterior",
	} {
		t.Run(q, func(t *testing.T) {
			site, ok := Resolve(q + " cheek")
			require.True(t, ok)
			require.Len(t, site.Terms, 1)
			assert.Equal(t, "cheek", site.Terms[0].Name)
			assert.Equal(t, []string{q}, site.Qualifiers)
			assert.Equal(t, LateralityNone, site.Laterality)
		})
	}
	for _, tc := range []struct {
		text string
		want Laterality
	}{
		{"left cheek", LateralityLeft},
		{"right cheek", LateralityRight},
		{"L cheek", LateralityLeft},
		{"R cheek", LateralityRight},
		{"L. cheek", LateralityLeft},
		{"Rt. cheek", LateralityRight},
		{"lt cheek", LateralityLeft},
		{"RT cheek", LateralityRight},
		{"bilateral cheeks", LateralityBilateral},
		{"left and right cheek", LateralityBilateral},
		{"midline forehead", LateralityMidline},
		{"chin, left of midline", LateralityLeft},
	} {
		t.Run(tc.text, func(t *testing.T) {
			site, ok := Resolve(tc.text)
			require.True(t, ok)
			assert.Equal(t, tc.want, site.Laterality)
			assert.Empty(t, site.Qualifiers)
		})
	}
}

// TestResolveSites: the worked cases of the brief and of the documents, whole.
func TestResolveSites(t *testing.T) {
	tests := []struct {
		name string
		text string
		want Site
	}{
		{
			name: "nasal ala before nose",
			text: "left nasal ala",
			want: Site{Terms: []Term{{"nasal ala", enel("nose")}}, Laterality: LateralityLeft, Groups: enel("nose")},
		},
		{
			name: "dorsal hand",
			text: "right dorsal hand",
			want: Site{Terms: []Term{{"dorsal hand", distal("upper-limb")}}, Laterality: LateralityRight, Groups: distal("upper-limb")},
		},
		{
			name: "back of the hand is the dorsal hand",
			text: "back of the hand",
			want: Site{Terms: []Term{{"dorsal hand", distal("upper-limb")}}, Groups: distal("upper-limb")},
		},
		{
			name: "back of hand with a side inside",
			text: "back of left hand",
			want: Site{Terms: []Term{{"dorsal hand", distal("upper-limb")}}, Laterality: LateralityLeft, Groups: distal("upper-limb")},
		},
		{
			name: "back of the foot is the dorsal foot",
			text: "Back of the right foot",
			want: Site{Terms: []Term{{"dorsal foot", distal("lower-limb")}}, Laterality: LateralityRight, Groups: distal("lower-limb")},
		},
		{
			name: "parietal scalp is one scalp term",
			text: "mid parietal scalp",
			want: Site{Terms: []Term{{"scalp", scalp()}}, Qualifiers: []string{"mid"}, Groups: scalp()},
		},
		{
			name: "qualifiers around a side",
			text: "medial right inferior helix",
			want: Site{Terms: []Term{{"helix", enel("ear")}}, Qualifiers: []string{"medial", "inferior"},
				Laterality: LateralityRight, Groups: enel("ear")},
		},
		{
			name: "the root of the helix is the helix, not the nasal root",
			text: "left helical root",
			want: Site{Terms: []Term{{"helix", enel("ear")}}, Laterality: LateralityLeft, Groups: enel("ear")},
		},
		{
			name: "neck/upper chest is a boundary, Mohs H, neck groups",
			text: "neck/upper chest",
			want: Site{Terms: []Term{{"neck", neck()}, {"chest", trunk("trunk")}}, Qualifiers: []string{"upper"},
				Groups: neck(), Boundary: true},
		},
		{
			name: "chest/neck takes H from the neck and the rest from the chest",
			text: "upper chest/neck",
			want: Site{Terms: []Term{{"chest", trunk("trunk")}, {"neck", neck()}}, Qualifiers: []string{"upper"},
				Groups: func() Groups { g := trunk("trunk"); g.Mohs = "H"; return g }(), Boundary: true},
		},
		{
			name: "nasal sidewall/medial cheek",
			text: "nasal sidewall/medial cheek",
			want: Site{Terms: []Term{{"nasal sidewall", enel("nose")}, {"cheek", otherFace()}},
				Qualifiers: []string{"medial"}, Groups: enel("nose"), Boundary: true},
		},
		{
			name: "Lt",
			text: "Lt temple",
			want: Site{Terms: []Term{{"temple", otherFace()}}, Laterality: LateralityLeft, Groups: otherFace()},
		},
		{
			name: "R with a period",
			text: "R. forearm",
			want: Site{Terms: []Term{{"forearm", limb("upper-limb")}}, Laterality: LateralityRight, Groups: limb("upper-limb")},
		},
		{
			name: "great is a qualifier",
			text: "right great toe",
			want: Site{Terms: []Term{{"toe", distal("lower-limb")}}, Qualifiers: []string{"great"},
				Laterality: LateralityRight, Groups: distal("lower-limb")},
		},
		{
			name: "nail unit alone is a finger",
			text: "nail unit",
			want: Site{Terms: []Term{{"nail unit", distal("upper-limb")}}, Groups: distal("upper-limb")},
		},
		{
			name: "nail unit of a thumb",
			text: "left thumb nail unit",
			want: Site{Terms: []Term{{"thumb", distal("upper-limb")}, {"nail unit", distal("upper-limb")}},
				Laterality: LateralityLeft, Groups: distal("upper-limb")},
		},
		{
			name: "nail unit of a toe named after it",
			text: "nail unit, right great toe",
			want: Site{Terms: []Term{{"nail unit", distal("lower-limb")}, {"toe", distal("lower-limb")}},
				Qualifiers: []string{"great"}, Laterality: LateralityRight, Groups: distal("lower-limb")},
		},
		{
			name: "wrist is arm in every table",
			text: "wrist",
			want: Site{Terms: []Term{{"wrist", limb("upper-limb")}}, Groups: limb("upper-limb")},
		},
		{
			name: "ankle is leg in every table",
			text: "ankle",
			want: Site{Terms: []Term{{"ankle", limb("lower-limb")}}, Groups: limb("lower-limb")},
		},
		{
			name: "axilla keeps its place where a table names axillae",
			text: "axilla",
			want: Site{Terms: []Term{{"axilla", axilla()}}, Groups: axilla()},
		},
		{
			name: "shoulder is arm",
			text: "shoulder",
			want: Site{Terms: []Term{{"shoulder", limb("upper-limb")}}, Groups: limb("upper-limb")},
		},
		{
			name: "hip is leg",
			text: "left hip",
			want: Site{Terms: []Term{{"hip", limb("lower-limb")}}, Laterality: LateralityLeft, Groups: limb("lower-limb")},
		},
		{
			name: "perineum: Mohs H, genitalia repair groups, ICD trunk",
			text: "perineum",
			want: Site{Terms: []Term{{"perineum", distal("trunk")}}, Groups: distal("trunk")},
		},
		{
			name: "upper eyelid",
			text: "left upper eyelid",
			want: Site{Terms: []Term{{"eyelid", enel("eyelid")}}, Laterality: LateralityLeft, EyelidPart: EyelidUpper,
				Groups: enel("eyelid")},
		},
		{
			name: "lower lid",
			text: "right lower lid",
			want: Site{Terms: []Term{{"eyelid", enel("eyelid")}}, Laterality: LateralityRight, EyelidPart: EyelidLower,
				Groups: enel("eyelid")},
		},
		{
			name: "side between part and eyelid",
			text: "Upper R eyelid margin",
			want: Site{Terms: []Term{{"eyelid", enel("eyelid")}}, Laterality: LateralityRight, EyelidPart: EyelidUpper,
				Groups: enel("eyelid")},
		},
		{
			name: "canthus has no part",
			text: "left medial canthus",
			want: Site{Terms: []Term{{"canthus", enel("eyelid")}}, Qualifiers: []string{"medial"},
				Laterality: LateralityLeft, Groups: enel("eyelid")},
		},
		{
			name: "eyelid part beside a canthus",
			text: "right medial canthus, lower lid",
			want: Site{Terms: []Term{{"canthus", enel("eyelid")}, {"eyelid", enel("eyelid")}}, Qualifiers: []string{"medial"},
				Laterality: LateralityRight, EyelidPart: EyelidLower, Groups: enel("eyelid")},
		},
		{
			name: "upper and lower eyelid name no one part",
			text: "left upper and lower eyelids",
			want: Site{Terms: []Term{{"eyelid", enel("eyelid")}}, Qualifiers: []string{"upper", "lower"},
				Laterality: LateralityLeft, Groups: enel("eyelid")},
		},
		{
			name: "eyelid part after the eyelid",
			text: "left eyelid lower margin",
			want: Site{Terms: []Term{{"eyelid", enel("eyelid")}}, Qualifiers: []string{"margin"},
				Laterality: LateralityLeft, EyelidPart: EyelidLower, Groups: enel("eyelid")},
		},
		{
			name: "eyelid part stays in its segment",
			text: "eyelid, lower cheek",
			want: Site{Terms: []Term{{"eyelid", enel("eyelid")}, {"cheek", otherFace()}}, Qualifiers: []string{"lower"},
				Groups: enel("eyelid"), Boundary: true},
		},
		{
			name: "upper lip is a term, not an eyelid part",
			text: "left upper lip",
			want: Site{Terms: []Term{{"upper lip", enel("lip")}}, Laterality: LateralityLeft, Groups: enel("lip")},
		},
		{
			name: "vermilion of the lower lip is the vermilion",
			text: "lower lip vermilion",
			want: Site{Terms: []Term{{"vermilion", enel("vermilion")}}, Groups: enel("vermilion")},
		},
		{
			name: "a part alone after a comma names the part: 'L lower lip, vermilion border' is the vermilion",
			text: "L lower lip, vermilion border",
			want: Site{Terms: []Term{{"vermilion", enel("vermilion")}}, Laterality: LateralityLeft, Groups: enel("vermilion")},
		},
		{
			name: "a part alone in parentheses names the part: 'right upper lip (vermilion)' is the vermilion",
			text: "right upper lip (vermilion)",
			want: Site{Terms: []Term{{"vermilion", enel("vermilion")}}, Laterality: LateralityRight, Groups: enel("vermilion")},
		},
		{
			name: "a part after a comma under a negation stays a remark",
			text: "upper cutaneous lip, not involving vermilion",
			want: Site{Terms: []Term{{"lip", enel("lip")}, {"vermilion", enel("vermilion")}}, Qualifiers: []string{"upper", "cutaneous", "not", "involving"}, Groups: enel("lip"), Boundary: true},
		},
		{
			name: "part wins over its whole",
			text: "helix of the left ear",
			want: Site{Terms: []Term{{"helix", enel("ear")}}, Laterality: LateralityLeft, Groups: enel("ear")},
		},
		{
			name: "upper arm across a side word",
			text: "upper left arm",
			want: Site{Terms: []Term{{"upper arm", limb("upper-limb")}}, Laterality: LateralityLeft, Groups: limb("upper-limb")},
		},
		{
			name: "back of the forearm is the forearm",
			text: "back of the right distal forearm",
			want: Site{Terms: []Term{{"forearm", limb("upper-limb")}}, Qualifiers: []string{"back", "distal"},
				Laterality: LateralityRight, Groups: limb("upper-limb")},
		},
		{
			name: "dorsum of a finger is the finger",
			text: "dorsum of the left index finger",
			want: Site{Terms: []Term{{"finger", distal("upper-limb")}}, Qualifiers: []string{"dorsum", "index"},
				Laterality: LateralityLeft, Groups: distal("upper-limb")},
		},
		{
			name: "back alone is the back",
			text: "mid back",
			want: Site{Terms: []Term{{"back", trunk("trunk")}}, Qualifiers: []string{"mid"}, Groups: trunk("trunk")},
		},
		{
			name: "hyphenated preauricular is not the ear",
			text: "L pre-auricular",
			want: Site{Terms: []Term{{"preauricular", otherFace()}}, Laterality: LateralityLeft, Groups: otherFace()},
		},
		{
			name: "upper case",
			text: "RIGHT NASAL TIP",
			want: Site{Terms: []Term{{"nasal tip", enel("nose")}}, Laterality: LateralityRight, Groups: enel("nose")},
		},
		{
			name: "same groups in every family is no boundary",
			text: "nose/nasal ala",
			want: Site{Terms: []Term{{"nose", enel("nose")}, {"nasal ala", enel("nose")}}, Groups: enel("nose")},
		},
		{
			name: "groups differing only in ICD make a boundary",
			text: "upper lip/vermilion",
			want: Site{Terms: []Term{{"upper lip", enel("lip")}, {"vermilion", enel("vermilion")}},
				Groups: enel("lip"), Boundary: true},
		},
		{
			name: "two trunk-class sites of different groups",
			text: "right shoulder, upper back",
			want: Site{Terms: []Term{{"shoulder", limb("upper-limb")}, {"upper back", trunk("trunk")}},
				Laterality: LateralityRight, Groups: limb("upper-limb"), Boundary: true},
		},
		{
			name: "a landmark a measure away is no second site",
			text: "left upper cutaneous lip, 4 mm above the vermilion border",
			want: Site{Terms: []Term{{"lip", enel("lip")}}, Qualifiers: []string{"upper", "cutaneous", "4", "mm", "above"},
				Laterality: LateralityLeft, Groups: enel("lip")},
		},
		{
			name: "stop words and unknown words",
			text: "Skin of the left lateral cheek (near the jaw)",
			want: Site{Terms: []Term{{"cheek", otherFace()}}, // "near the jaw" places it by a landmark
				Qualifiers: []string{"skin", "lateral", "near"}, Laterality: LateralityLeft, Groups: otherFace()},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := Resolve(tc.text)
			require.True(t, ok)
			tc.want.Text = tc.text
			assert.Equal(t, tc.want, got)
		})
	}
}

// TestResolveUnknown: text without a known term is not resolved, whatever else it says.
func TestResolveUnknown(t *testing.T) {
	tests := []struct {
		name, text string
	}{
		{"empty", ""},
		{"blank", "  \t "},
		{"unknown word", "left something"},
		{"side only", "R"},
		{"qualifiers only", "upper medial"},
		{"head is not a term", "head"},
		{"part of a word", "necklace"},
		{"tip alone", "tip"},
		{"punctuation", "/,;()-."},
		{"back of with nothing after", "of"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			site, ok := Resolve(tc.text)
			assert.False(t, ok)
			assert.Empty(t, site.Terms)
			assert.Equal(t, Groups{}, site.Groups)
			assert.False(t, site.Boundary)
			assert.Equal(t, tc.text, site.Text)
		})
	}
	site, ok := Resolve("left something")
	require.False(t, ok)
	assert.Equal(t, LateralityLeft, site.Laterality)
	assert.Equal(t, []string{"something"}, site.Qualifiers)
}

// TestTable validates the embedded table: every row has a term and a known, non-empty group
// id in every family, and the families agree where docs/coding-rules.md makes them agree.
func TestTable(t *testing.T) {
	terms := Terms()
	require.NotEmpty(t, terms)
	rows := 0
	for _, line := range strings.Split(string(sitesCSV), "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			rows++
		}
	}
	assert.Equal(t, rows-1, len(terms), "one term per row after the header")
	for _, term := range terms {
		t.Run(term.Name, func(t *testing.T) {
			require.NotEmpty(t, term.Name)
			for _, f := range Families() {
				id := term.Groups.Of(f)
				require.NotEmpty(t, id, "family %s", f)
				assert.Contains(t, GroupIDs(f), id, "family %s", f)
			}
			g := term.Groups
			// Complex, flap and FTSG tables group sites alike.
			assert.Equal(t, g.Complex, g.Flap)
			assert.Equal(t, g.Complex, g.FTSG)
			// Face is one group in the simple, intermediate and excision tables.
			isFace := g.Simple == simpleFace
			assert.Equal(t, isFace, g.Intermediate == interFace)
			assert.Equal(t, isFace, g.Excision == excFace)
			assert.Equal(t, isFace, g.Complex == cxENEL || g.Complex == cxFCC && g.STSG == stsgFace && g.Intermediate == interFace)
			// T sites are exactly the trunk, arms and legs of STSG and excision.
			isT := g.Mohs == "T"
			assert.Equal(t, isT, g.STSG == stsgTAL)
			assert.Equal(t, isT, g.Excision == excTAL)
			// Every spelling of the term resolves to it alone.
			site, ok := Resolve(term.Name)
			require.True(t, ok)
			require.Len(t, site.Terms, 1)
			assert.Equal(t, term, site.Terms[0])
		})
	}
	for key, idx := range tbl().phrases {
		site, ok := Resolve(key)
		if assert.True(t, ok, key) && assert.Len(t, site.Terms, 1, key) {
			assert.Equal(t, tbl().entries[idx].term.Name, site.Terms[0].Name, key)
		}
	}
	for key, info := range tbl().words {
		if info.term == 0 {
			continue
		}
		site, ok := Resolve(key)
		if assert.True(t, ok, key) && assert.Len(t, site.Terms, 1, key) {
			assert.Equal(t, tbl().entries[info.term-1].term.Name, site.Terms[0].Name, key)
		}
	}
}

// TestParseTableErrors: a broken table is refused with a reason.
func TestParseTableErrors(t *testing.T) {
	header := "term,aliases,role,part_of,mohs,simple,intermediate,complex,flap,ftsg,stsg,excision,icd\n"
	row := func(term, aliases, role, partOf, icd string) string {
		return term + "," + aliases + "," + role + "," + partOf + ",H," + simpleFace + "," + interFace + "," +
			cxENEL + "," + cxENEL + "," + cxENEL + "," + stsgFace + "," + excFace + "," + icd + "\n"
	}
	ok := header + row("nose", "nasal", "", "", "nose")
	_, err := parseTable([]byte(ok))
	require.NoError(t, err)

	tests := []struct {
		name, data, want string
	}{
		{"empty", "", "header"},
		{"header", "term,aliases\n", "header"},
		{"no rows", header, "no terms"},
		{"unknown group", header + row("nose", "", "", "", "nasal"), `"nasal" is not a icd group`},
		{"unknown role", header + row("nose", "", "organ", "", "nose"), "unknown role"},
		{"canonical form", header + row("Nose", "", "", "", "nose"), "canonical"},
		{"duplicate term", header + row("nose", "", "", "", "nose") + row("nose", "", "", "", "nose"), "twice"},
		{"duplicate spelling", header + row("nose", "", "", "", "nose") + row("ala", "nose", "", "", "nose"), "already"},
		{"missing parent", header + row("ala", "", "", "nose", "nose"), "part_of"},
		{"self parent", header + row("nose", "", "", "nose", "nose"), "part_of"},
		{"cycle", header + row("nose", "", "", "ala", "nose") + row("ala", "", "", "nose", "nose"), "cycle"},
		{"side word in spelling", header + row("nose", "left nose", "", "", "nose"), "laterality"},
		{"separator in spelling", header + row("nose", "nose/ala", "", "", "nose"), "separator"},
		{"grammar word", header + row("nose", "upper", "", "", "nose"), "grammar"},
		{"field count", header + "nose,nasal\n", "fields"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseTable([]byte(tc.data))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// TestResolveConcurrent: Resolve only reads shared state (run with -race).
func TestResolveConcurrent(t *testing.T) {
	done := make(chan struct{})
	for range 8 {
		go func() {
			defer func() { done <- struct{}{} }()
			for range 200 {
				site, ok := Resolve("nasal sidewall/medial cheek")
				if !ok || !site.Boundary {
					t.Error("unexpected resolution")
					return
				}
			}
		}()
	}
	for range 8 {
		<-done
	}
}

var benchTexts = []string{
	"left nasal ala",
	"right dorsal hand",
	"mid parietal scalp",
	"medial right inferior helix",
	"neck/upper chest",
	"Lt. upper eyelid",
	"back of the right distal forearm",
	"left something",
}

var sink Site

// BenchmarkResolve measures one Resolve per typical site text.
func BenchmarkResolve(b *testing.B) {
	for _, text := range benchTexts {
		b.Run(text, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				sink, _ = Resolve(text)
			}
		})
	}
}

// BenchmarkResolveBaseline is the floor any resolver pays: lower-casing the text and
// splitting it into words, with no lookup at all.
func BenchmarkResolveBaseline(b *testing.B) {
	for _, text := range benchTexts {
		b.Run(text, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				baselineSink = strings.Fields(strings.ToLower(text))
			}
		})
	}
}

var baselineSink []string

// FuzzResolve: Resolve never panics and its answer is consistent.
func FuzzResolve(f *testing.F) {
	for _, s := range append(benchTexts, "", "nail unit, right great toe", "back of", "L.R.", "Ala\u2019s n\u00e4se\xff", "upper/lower lid") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		site, ok := Resolve(text)
		if site.Text != text {
			t.Fatalf("Text = %q, want %q", site.Text, text)
		}
		if ok != (len(site.Terms) > 0) {
			t.Fatalf("ok = %v with %d terms", ok, len(site.Terms))
		}
		if !ok {
			return
		}
		if site.Groups.Mohs != GroupMohsH && site.Groups.Mohs != GroupMohsT {
			t.Fatalf("Mohs group %q", site.Groups.Mohs)
		}
		if len(site.Terms) == 1 && site.Boundary {
			t.Fatalf("one term is a boundary")
		}
		for _, f := range Families() {
			if f != FamilyMohs && site.Groups.Of(f) != site.Terms[0].Groups.Of(f) {
				t.Fatalf("family %s is not the first term's", f)
			}
		}
	})
}
