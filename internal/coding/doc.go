// Package coding is the generator: pure functions from the procedure model
// to claim lines and documentation findings, following docs/coding-rules.md.
// Each finding rule is a value (id, severity, doc) in one registry; the
// code tables and payer profiles are data in internal/codetable.
package coding
