package prose

import "strings"

// splitParagraphs splits a note on blank lines, each line whole (the lead
// passes only the prose paragraphs and only field values; a test passes all).
func splitParagraphs(src string) [][]Line {
	var out [][]Line
	var cur []Line
	for n, raw := range strings.Split(src, "\n") {
		text := strings.TrimRight(raw, "\r")
		if strings.TrimSpace(text) == "" {
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, Line{Text: text, Line: n + 1, Col: 1})
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}
