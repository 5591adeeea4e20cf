// Package edits reads the CMS edit tables a user supplies — the practitioner
// Medically Unlikely Edit (MUE) file and the practitioner NCCI
// procedure-to-procedure (PTP) file, as CMS publishes them — and checks claim
// lines against them (docs/coding-rules.md section 7).
//
// The package ships no edit values: every value comes from the files given.
// A table that was not given is reported as "not checked" by [Applied], never
// as a silent pass.
package edits
