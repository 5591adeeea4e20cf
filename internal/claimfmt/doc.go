// Package claimfmt writes a coded claim in the formats that billing systems
// read: CSV rows, FHIR R4 Claim resources as NDJSON, and X12 837P
// service-line fragments, with the fee schedule the X12 charges come from.
//
// The JSON output contract of docs/note-format.md section 7 is not here: it is
// package render's. Every writer here takes the claim of one note and its
// id, and writes that note's record or returns an error without writing
// anything, so that a batch can write an error record in its place and keep
// one record per input.
package claimfmt
