// Package mohscode turns Mohs micrographic surgery operative notes into the
// claim lines a coder would submit (CPT codes with units, modifiers,
// diagnosis pointers and the note lines behind them), the ICD-10-CM
// diagnoses they point to, and the documentation findings that say what a
// note is missing.
//
// Build an [Engine] once with [New]; its options are checked there, so a
// bad payer profile or CMS table is reported before any note is read. An
// Engine is immutable and safe for concurrent use: code any number of notes
// with [Engine.Code] from any number of goroutines.
//
// The JSON encoding of a [Result] is the output contract of
// `mohscode code --format json`.
package mohscode
