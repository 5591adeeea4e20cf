package transport

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// spokenMarks are the punctuation words a speech-recognition transcript
// leaves in when its punctuation was dictated: " comma", " period", "new
// paragraph", " semicolon".
var spokenMarks = regexp.MustCompile(`(?i) ?\bnew paragraph\b[ ,.]*|(\S) (comma|semicolon|period)\b ?`)

// spokenColons are the dictated colons after a heading or a site that opens
// its line: "PROCEDURE colon Mohs …", "Right temple colon the first stage
// …" (one to four words before it).
var spokenColons = regexp.MustCompile(`(?im)^[ \t]*[a-z][a-z'-]*(?: [a-z][a-z'-]*){0,3} colon\b ?`)

// notBeforeColon are the words that make "colon" the bowel, not a dictated
// colon, when they stand right before it.
var notBeforeColon = map[string]bool{"of": true, "the": true, "a": true, "sigmoid": true, "ascending": true, "descending": true,
	"transverse": true, "her": true, "his": true}

// scratchThat is a dictated "scratch that", which takes back the words
// before it.
var scratchThat = regexp.MustCompile(`(?i),? scratch that,? `)

// notAfterPeriod and notBeforePeriod are the words around "period" that make
// it a noun, not a dictated full stop: "the healing period", "a period of",
// "the period was".
var (
	notAfterPeriod  = map[string]bool{"the": true, "a": true, "this": true, "that": true, "postoperative": true, "healing": true, "recovery": true, "observation": true, "waiting": true, "up": true, "grace": true}
	notBeforePeriod = map[string]bool{"of": true, "was": true, "is": true, "were": true, "will": true, "and": true, "with": true, "for": true}
)

// spokenNote writes the spoken punctuation of a speech-recognition
// transcript as punctuation ("… measured 0.6 x 0.5 cm period Mohs was
// chosen …" as "… measured 0.6 x 0.5 cm. Mohs was chosen …", " comma" as
// ",", "new paragraph" as a blank line), so that the note is read as the
// transcriptionist should have typed it. ok is false unless the note
// dictates at least four such marks; a word used as a noun ("the healing
// period") is left as it is.
func spokenNote(src string) (string, bool) {
	if n := len(spokenMarks.FindAllStringIndex(src, 4)); n < 4 {
		return "", false
	}
	changed := 0
	out := spokenMarks.ReplaceAllStringFunc(src, func(m string) string {
		lower := strings.ToLower(strings.TrimLeft(m, " "))
		if strings.HasPrefix(lower, "new paragraph") {
			changed++
			return "\n\n"
		}
		prev, word := m[:1], strings.TrimSpace(strings.ToLower(m[2:]))
		switch word {
		case "comma":
			changed++
			return prev + ", "
		case "semicolon":
			changed++
			return prev + "; "
		}
		return m // "period" is decided below, where the words around it are known
	})
	out = strings.ReplaceAll(periods(out, &changed), ". \n", ".\n")
	out = spokenColons.ReplaceAllStringFunc(out, func(m string) string {
		head := strings.TrimSuffix(strings.TrimRight(m, " "), "colon")
		if words := strings.Fields(strings.ToLower(head)); notBeforeColon[words[len(words)-1]] || slices.Contains(words, "history") {
			return m // "history of colon cancer", "the sigmoid colon": the bowel
		}
		changed++
		return strings.TrimRight(head, " ") + ": "
	})
	// "a punch scratch that a shave biopsy was taken": the words taken back
	// are written as a dictated self-correction, which the reader drops
	out = scratchThat.ReplaceAllString(out, " - correction, ")
	if changed < 4 {
		return "", false
	}
	return out, true
}

// periods writes each dictated " period" of text as a full stop and
// capitalises the word after it, unless the words around it make it a
// noun.
func periods(text string, changed *int) string {
	var b strings.Builder
	words := strings.SplitAfter(text, " ")
	for i := 0; i < len(words); i++ {
		w := words[i]
		if k := strings.IndexByte(w, '\n'); k > 0 && strings.TrimRight(w[:k], " ") == "period" && i+1 <= len(words) {
			// "… final length 3.4 cm period" at the end of its line: the
			// words after the line break are the next word
			words = slices.Insert(words, i+1, w[k:])
			w = w[:k]
			words[i] = w
		}
		core := strings.TrimRight(w, " \n")
		if strings.ToLower(core) != "period" || core != strings.ToLower(core) || i == 0 {
			b.WriteString(w)
			continue
		}
		prev := strings.ToLower(strings.Trim(words[i-1], " ,"))
		next := ""
		if i+1 < len(words) {
			next = strings.ToLower(strings.Trim(words[i+1], " ,.\n"))
		}
		if notAfterPeriod[prev] || notBeforePeriod[next] || !endsWord(words[i-1]) {
			b.WriteString(w)
			continue
		}
		*changed++
		s := b.String()
		b.Reset()
		b.WriteString(strings.TrimRight(s, " "))
		b.WriteString(".")
		b.WriteString(w[len(core):]) // the blank or line end after it
		if i+1 < len(words) {
			words[i+1] = capitalised(words[i+1])
		}
	}
	return b.String()
}

// endsWord reports whether w (with its trailing blank) ends in a letter or
// digit: a word a full stop may follow.
func endsWord(w string) bool {
	w = strings.TrimRight(w, " ")
	r, _ := utf8.DecodeLastRuneInString(w)
	return w != "" && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// capitalised is w with its first letter, after any line breaks, in upper
// case.
func capitalised(w string) string {
	lead := len(w) - len(strings.TrimLeft(w, "\n"))
	r, size := utf8.DecodeRuneInString(w[lead:])
	if size == 0 || !unicode.IsLower(r) {
		return w
	}
	return w[:lead] + string(unicode.ToUpper(r)) + w[lead+size:]
}
