package codetable

// MohsFamily is the Mohs code family of one site class.
type MohsFamily struct {
	// Class is the site class: "H" (head, neck, hands, feet, genitalia, or deep
	// structures) or "T" (trunk, arms, legs).
	Class string
	// FirstStage is the code of the first stage, up to 5 blocks (one unit).
	FirstStage string
	// AdditionalStage is the code of each further stage, up to 5 blocks each.
	AdditionalStage string
	// AdditionalBlock is the code of each block beyond the 5th within a stage.
	AdditionalBlock string
}

// Mohs returns the Mohs code family of a site class ("H" or "T"), and false for an
// unknown class.
func Mohs(class string) (MohsFamily, bool) {
	f, ok := tab().mohs[class]
	return f, ok
}

// Describe returns a short description, in our own words, of a code any table of the
// package can emit, and "" for any other code.
func Describe(code string) string {
	return tab().codes[code]
}
