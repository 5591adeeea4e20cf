// Package lower turns the layout of a note (the grammar's lines) into the
// typed procedure model, whatever layout the practice used: key synonyms
// from one table (keys.csv) with a section per key, Mohs log tables read
// by their header, lesion labels and numbered or lettered lesion lists,
// checkboxes, fields written as sentences, and the paragraphs of prose,
// which internal/prose reads into the same facts. A field always wins over
// prose. It parses the values that can be malformed, resolves sites through
// the anatomy table, and raises the findings of reading (value-invalid,
// unknown-field, lesion-ambiguous, layout-unread and the prose rules) at
// the positions of the words they are about; it never guesses a fact the
// note does not state.
package lower
