// Package prose reads facts from prose: the sentences of a dictated or
// templated Mohs note that no field holds. Read turns the paragraphs of one
// scope (a note, or one lesion's part of it) into typed Facts, each with the
// span of the words it was read from:
//
//   - stages ("Stage II", "the first stage", "a second level", "the second
//     excision", "the first pass", "the single stage", "an additional layer"
//     or "a re-excision" = previous + 1, "the final excision" = previous + 1
//     only after a stage that was not clear; the Mohs excision counted
//     before "a second layer" names a stage is the first) with their blocks in
//     digits or words ("divided into three pieces", "processed as two
//     blocks", "a single section", "blocks x2", "bisected", "into quadrants"), margins (clear, positive, equivocal), stains with their
//     blocks and reason (a list of stains shares the reason it gives; a
//     stain named again is the same stain; "as a special stain" marks it
//     special), and histology; what is said of the tissue where no
//     stage is named goes to Unstaged;
//   - stage counts and block totals, the map (Every when it names each site:
//     "a Mohs map was drawn for each site"), who read the Mohs slides ("the
//     undersigned" is whoever signs the note: the caller finds the signature), the
//     prior biopsy, the indication, diagnoses and sites, the pre-operative
//     size, the final defect, excision margins, repairs with their length,
//     area, primary and secondary defect and timing (second intention and
//     deferred closures are NoRepair; a repair that is the object of a visit
//     to come, "will return next Tuesday for a full-thickness skin graft",
//     is Later too), biopsies of other lesions (with a
//     frozen section's blocks and what it confirmed) and of this lesion
//     today, deep structures, the date of service, and a plan to finish the
//     surgery another day.
//
// A tumor or Mohs surgery of the past ("history of", "Past medical history:",
// "prior", "years ago", "previously") gives no diagnosis, site or size.
//
// Negation, uncertainty, history and hypothesis are read by a NegEx/ConText
// scope reader (context.go) whose triggers are data (lexicon.txt), as is
// every word the readers look for. Technique boilerplate about stages in
// general ("prior to each stage", "after the final stage") documents the map
// and the slide reader, never a stage or a count. Where the prose states a
// count two ways, or a count no stage owns, Read reports an Ambiguity and
// keeps the count out: it never guesses.
//
// Read is linear in its input, keeps no state between calls and logs nothing.
package prose
