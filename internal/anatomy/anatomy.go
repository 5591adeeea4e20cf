package anatomy

// Laterality is the side of the body named in a site text.
type Laterality string

// Laterality values. The empty Laterality means the text names no side.
const (
	LateralityNone      Laterality = ""
	LateralityLeft      Laterality = "left"
	LateralityRight     Laterality = "right"
	LateralityBilateral Laterality = "bilateral"
	LateralityMidline   Laterality = "midline"
)

// EyelidPart is the upper or lower eyelid, when the site text says which.
type EyelidPart string

// EyelidPart values. The empty EyelidPart means the text does not say (or the site is a
// canthus, which has no part).
const (
	EyelidNone  EyelidPart = ""
	EyelidUpper EyelidPart = "upper"
	EyelidLower EyelidPart = "lower"
)

// Family names a code family that groups sites its own way. Its value is the family's
// column name in the embedded table.
type Family string

// The code families, in the order of the table's columns.
const (
	FamilyMohs         Family = "mohs"
	FamilySimple       Family = "simple"
	FamilyIntermediate Family = "intermediate"
	FamilyComplex      Family = "complex"
	FamilyFlap         Family = "flap"
	FamilyFTSG         Family = "ftsg"
	FamilySTSG         Family = "stsg"
	FamilyExcision     Family = "excision"
	FamilyICD          Family = "icd"
)

// Group ids. Each family uses its own set (see GroupIDs); an id shared by several families
// (GroupFace, GroupTrunk, GroupTrunkArmsLegs) names the same region in each of them.
const (
	// GroupMohsH is the Mohs class of head, neck, hands, feet and genitalia (17311 family).
	GroupMohsH = "H"
	// GroupMohsT is the Mohs class of trunk, arms and legs (17313 family).
	GroupMohsT = "T"

	// GroupFace is face, ears, eyelids, nose and lips: every head term except the scalp
	// (simple repair, intermediate repair, excision).
	GroupFace = "face-ears-eyelids-nose-lips"
	// GroupSimpleBody is scalp, neck, axillae, genitalia, trunk and extremities including
	// hands and feet (simple repair).
	GroupSimpleBody = "scalp-neck-axillae-genitalia-trunk-extremities"
	// GroupIntermediateNeckHandsFeet is neck, hands, feet and genitalia (intermediate repair).
	GroupIntermediateNeckHandsFeet = "neck-hands-feet-genitalia"
	// GroupIntermediateBody is scalp, axillae, trunk and extremities excluding hands and feet
	// (intermediate repair).
	GroupIntermediateBody = "scalp-axillae-trunk-extremities"

	// GroupEyelidsNoseEarsLips is eyelids, nose, ears and lips (complex repair, flap, FTSG).
	GroupEyelidsNoseEarsLips = "eyelids-nose-ears-lips"
	// GroupForeheadCheeks is forehead, cheeks, chin, mouth, neck, axillae, genitalia, hands
	// and feet (complex repair, flap, FTSG).
	GroupForeheadCheeks = "forehead-cheeks-chin-mouth-neck-axillae-genitalia-hands-feet"
	// GroupScalpArmsLegs is scalp, arms and legs (complex repair, flap, FTSG).
	GroupScalpArmsLegs = "scalp-arms-legs"
	// GroupTrunk is the trunk (complex repair, flap, FTSG; and the ICD-10 "other trunk" row).
	GroupTrunk = "trunk"

	// GroupTrunkArmsLegs is trunk (axilla included), arms and legs (STSG, excision).
	GroupTrunkArmsLegs = "trunk-arms-legs"
	// GroupSTSGFace is face, scalp, eyelids, mouth, neck, ears, genitalia, hands, feet and
	// digits (STSG).
	GroupSTSGFace = "face-scalp-eyelids-mouth-neck-ears-genitalia-hands-feet-digits"
	// GroupExcisionScalpNeck is scalp, neck, hands, feet and genitalia (excision).
	GroupExcisionScalpNeck = "scalp-neck-hands-feet-genitalia"

	// ICDLip is skin of lip (C44.0x): lip, upper and lower lip, philtrum.
	ICDLip = "lip"
	// ICDVermilion is the vermilion of the lip (C00, not coded by C44).
	ICDVermilion = "vermilion"
	// ICDEyelid is the eyelid including the canthus (C44.1x).
	ICDEyelid = "eyelid"
	// ICDEar is the ear and its parts including the postauricular skin (C44.2x).
	ICDEar = "ear"
	// ICDNose is the nose and its parts (C44.3x1).
	ICDNose = "nose"
	// ICDFace is other parts of the face (C44.3x9).
	ICDFace = "face"
	// ICDScalpNeck is scalp and neck (C44.4x).
	ICDScalpNeck = "scalp-neck"
	// ICDAnal is anal (perianal) skin (C44.5x0).
	ICDAnal = "anal"
	// ICDBreast is skin of breast (C44.5x1).
	ICDBreast = "breast"
	// ICDTrunk is other parts of the trunk (C44.5x9), perineum included; equal to GroupTrunk.
	ICDTrunk = GroupTrunk
	// ICDUpperLimb is the upper limb including shoulder and hand (C44.6x).
	ICDUpperLimb = "upper-limb"
	// ICDLowerLimb is the lower limb including hip and foot (C44.7x).
	ICDLowerLimb = "lower-limb"
	// ICDGenital is skin of the genitalia (penis, scrotum, vulva, labia), not coded by C44.
	ICDGenital = "genital"
)

// Families returns the code families in the order of the table's columns.
func Families() []Family {
	return []Family{
		FamilyMohs, FamilySimple, FamilyIntermediate, FamilyComplex, FamilyFlap,
		FamilyFTSG, FamilySTSG, FamilyExcision, FamilyICD,
	}
}

// GroupIDs returns the known group ids of family f, or nil for an unknown family.
func GroupIDs(f Family) []string {
	switch f {
	case FamilyMohs:
		return []string{GroupMohsH, GroupMohsT}
	case FamilySimple:
		return []string{GroupFace, GroupSimpleBody}
	case FamilyIntermediate:
		return []string{GroupFace, GroupIntermediateNeckHandsFeet, GroupIntermediateBody}
	case FamilyComplex, FamilyFlap, FamilyFTSG:
		return []string{GroupEyelidsNoseEarsLips, GroupForeheadCheeks, GroupScalpArmsLegs, GroupTrunk}
	case FamilySTSG:
		return []string{GroupTrunkArmsLegs, GroupSTSGFace}
	case FamilyExcision:
		return []string{GroupTrunkArmsLegs, GroupExcisionScalpNeck, GroupFace}
	case FamilyICD:
		return []string{
			ICDLip, ICDVermilion, ICDEyelid, ICDEar, ICDNose, ICDFace, ICDScalpNeck,
			ICDAnal, ICDBreast, ICDTrunk, ICDUpperLimb, ICDLowerLimb, ICDGenital,
		}
	}
	return nil
}

// Groups holds one group id per code family.
type Groups struct {
	Mohs         string // GroupMohsH or GroupMohsT
	Simple       string // simple repair (120xx)
	Intermediate string // intermediate repair (120xx)
	Complex      string // complex repair (131xx)
	Flap         string // adjacent tissue transfer (140xx)
	FTSG         string // full-thickness graft (152xx)
	STSG         string // split-thickness graft (151xx)
	Excision     string // malignant excision (116xx)
	ICD          string // ICD-10-CM site row
}

// Of returns the group id of family f, or "" for an unknown family.
func (g Groups) Of(f Family) string {
	switch f {
	case FamilyMohs:
		return g.Mohs
	case FamilySimple:
		return g.Simple
	case FamilyIntermediate:
		return g.Intermediate
	case FamilyComplex:
		return g.Complex
	case FamilyFlap:
		return g.Flap
	case FamilyFTSG:
		return g.FTSG
	case FamilySTSG:
		return g.STSG
	case FamilyExcision:
		return g.Excision
	case FamilyICD:
		return g.ICD
	}
	return ""
}

// set stores id as the group of family f; it reports false for an unknown family.
func (g *Groups) set(f Family, id string) bool {
	switch f {
	case FamilyMohs:
		g.Mohs = id
	case FamilySimple:
		g.Simple = id
	case FamilyIntermediate:
		g.Intermediate = id
	case FamilyComplex:
		g.Complex = id
	case FamilyFlap:
		g.Flap = id
	case FamilyFTSG:
		g.FTSG = id
	case FamilySTSG:
		g.STSG = id
	case FamilyExcision:
		g.Excision = id
	case FamilyICD:
		g.ICD = id
	default:
		return false
	}
	return true
}

// Term is one vocabulary term found in a site text.
type Term struct {
	Name   string // canonical term, e.g. "nasal ala", "helix", "dorsal hand"
	Groups Groups
}

// Site is a resolved site text.
type Site struct {
	Text       string     // as written
	Terms      []Term     // matched terms in text order
	Qualifiers []string   // other words kept, lower case (e.g. "mid", "medial", "inferior", "great")
	Laterality Laterality // from the text (left/right/L/R/Lt/Rt/bilateral/midline words)
	EyelidPart EyelidPart // "upper"/"lower" when an eyelid term is qualified so
	Groups     Groups     // Mohs: "H" if any term is H; every other family: the first term's group
	Boundary   bool       // terms of two different groups in at least one family
}
