// Package model is the typed Mohs procedure model that a note is read
// into: encounter, lesions with their site, stages, blocks, margins,
// stains and repairs, the other lesions biopsied that day, and the
// findings reading raised. Every value carries the note line it came from.
// It holds data and small methods only; the rules that turn it into claim
// lines live in internal/coding.
package model
