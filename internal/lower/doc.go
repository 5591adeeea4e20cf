// Package lower turns the syntax tree of a note into the typed procedure
// model: it assembles lesions, stages, repairs and biopsy sections from the
// flat lines with one key table per section, parses the values that can be
// malformed, resolves sites through the anatomy table, and records unknown
// keys that are near misses of known ones.
package lower
