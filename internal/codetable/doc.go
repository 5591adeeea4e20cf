// Package codetable holds the CPT code tables that mohscode codes Mohs surgery notes
// with, and answers small typed look-ups on them.
//
// The tables (docs/coding-rules.md sections 1, 3, 4, 5, 6 and 8) are data files under
// data/, embedded in the binary and parsed once at package initialisation into typed
// values: Mohs families per site class, linear repairs, adjacent tissue transfer,
// skin grafts, malignant excision, biopsy and pathology codes, the stain vocabulary,
// payer profiles and a short description, in our own words, of every code; data/pack.json
// names the rule pack they form — its version, the code-set editions it follows (CPT 2026,
// ICD-10-CM FY2026) and its sources — returned by [Pack]. A malformed
// table panics at initialisation; the package tests load the same tables and so catch
// it before release.
//
// The package decides nothing about a note. Callers (the coding package) choose the
// site group, sum and round sizes, and apply the coding rules; this package turns a
// family, a group and a size into codes and units.
//
// Site groups are the ids produced by the anatomy package, for example
// "face-ears-eyelids-nose-lips" or "scalp-arms-legs"; [Groups] lists them per family.
// Sizes are looked up in whole tenths (of cm or sq cm): every look-up first rounds
// its size half-up to one decimal, as [RoundHalfUp1] does, so the boundary between
// 2.5 and 2.6 is exact.
package codetable
