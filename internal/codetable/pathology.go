package codetable

// BiopsyCodes are the codes of one biopsy kind.
type BiopsyCodes struct {
	// Kind is the biopsy kind: "tangential", "punch" or "incisional".
	Kind string
	// Rank orders the kinds for the one primary code of a date: the biopsy of the
	// highest rank takes Primary (incisional > punch > tangential).
	Rank int
	// Primary is the code of the date's one primary biopsy.
	Primary string
	// AddOn is the code of every other biopsy of this kind on the date.
	AddOn string
}

// Biopsy returns the codes of a biopsy kind ("tangential", "punch", "incisional"),
// and false for any other kind (an excisional biopsy among them).
func Biopsy(kind string) (BiopsyCodes, bool) {
	b, ok := tab().biopsy[kind]
	return b, ok
}

// ServiceCodes are the codes of a pathology service billed per unit.
type ServiceCodes struct {
	// First is the code of the first unit.
	First string
	// Additional is the code of each further unit, or "" when every unit takes First.
	Additional string
}

// FrozenSection returns the codes of an intraoperative frozen section on a billable
// biopsy: First for the first block of each specimen (88331), Additional for each
// further block of that specimen (88332).
func FrozenSection() ServiceCodes {
	return tab().pathology[frozenSectionService]
}

// StainCodes returns the codes of a billable stain kind: for StainHistochemical, First
// (88314) for every stain on every block and no Additional; for StainImmuno, per block,
// First (88342) for the first antibody and Additional (88341) for each further one.
// It returns false for StainRoutine (included in Mohs) and StainUnknown.
func StainCodes(kind StainKind) (ServiceCodes, bool) {
	c, ok := tab().pathology[kind.String()]
	return c, ok
}
