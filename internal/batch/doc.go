// Package batch reads notes in bulk — files, directories, standard input,
// NDJSON records and FHIR Bulk Data DocumentReference resources — codes
// them in parallel and hands the results back in input order, one output
// record per input record, with memory bounded by the number of notes in
// flight rather than the length of the input.
package batch
