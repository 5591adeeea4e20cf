// Package model is the typed Mohs procedure model that a parsed note is
// lowered into: encounter, lesions with their site, stages, blocks, margins,
// stains and repairs, and the other lesions biopsied that day. Every value
// carries the note line it came from. It holds data and small methods only;
// the rules that turn it into claim lines live in internal/coding.
package model
