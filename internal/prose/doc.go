// Package prose reads facts from prose: the sentences of a dictated or
// templated Mohs note that no field holds. It turns paragraphs into typed
// facts — stages with their blocks, margins, stains and histology, stage
// counts, the map, who read the slides, the prior biopsy, the indication, the
// diagnosis and its site, sizes, repairs, other biopsies, deep structures —
// each with the span of the words it was read from.
//
// Negation, uncertainty, history and hypothesis are read by a NegEx/ConText
// scope reader whose trigger table is data (lexicon.txt). Technique
// boilerplate about stages in general documents the map and the slide reader,
// never a stage or a count; and where the prose is ambiguous the reader
// reports an Ambiguity instead of guessing.
package prose
