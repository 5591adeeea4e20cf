package mohscode

import "io"

// Options say how an Engine codes every note. The zero value codes each
// note under the payer profile its Payer field picks, within the default
// limits, without CMS edit tables.
type Options struct {
	// Profile is the payer profile of every note: the name of a built-in
	// profile ("commercial", "medicare", "uhc"; see [Profiles]) or the path
	// of a payer profile JSON file. Empty lets each note's Payer field
	// decide.
	Profile string
	// MUE and PTP are the CMS practitioner edit tables (Medically Unlikely
	// Edits, NCCI procedure-to-procedure edits) to check every claim
	// against, in CMS's CSV or tab-separated layout.
	MUE, PTP Table
	// MaxNoteBytes and MaxLineBytes bound every note (a larger note or a
	// longer line cannot be coded); zero takes the default, 1 MiB and 16 KiB.
	MaxNoteBytes, MaxLineBytes int
}

// Table is a CMS edit table: a file named by Path, or a Reader whose
// contents Name names in messages and in the result. The zero Table is no
// table.
type Table struct {
	Path   string
	Reader io.Reader
	Name   string
}
