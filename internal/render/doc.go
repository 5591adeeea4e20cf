// Package render writes a claim for people and for programs: an aligned
// text table a coder reads at a glance, and the JSON output contract.
package render
