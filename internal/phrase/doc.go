// Package phrase finds the phrases of a fixed vocabulary in a sequence of
// words: an [Index] holds phrases given as word lists, each with a value, and
// [Index.At] lists the phrases that start at one word of a text, longest
// first.
//
// It does that one job. Splitting a text into words, normalising them, and
// choosing among the phrases found at a place (the longest only, all of them,
// one per kind) are the caller's: the recognisers of icd10 and prose each keep
// their own tokenizer and rules and share this index.
package phrase
