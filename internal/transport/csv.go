package transport

import (
	"encoding/csv"
	"strings"
)

// stageColumns are the columns of a flat export's row that belong to its
// stage, by their key's letters.
var stageColumns = map[string]bool{"blocks": true, "stains": true, "stain": true, "margins": true, "margin": true,
	"histology": true, "decision": true, "sections": true}

// csvNote writes a flat CSV export of one row per Mohs stage (`"DOS",
// "SITE", …, "STAGE","BLOCKS","STAINS","MARGINS", …`) as the note's
// fields: the lines before the header as they are, each column of the
// first row a field ("PREOP_SIZE" is "Preop size"), each row a stage with
// its stage columns under it, and a column the first row leaves empty
// (the repair, filled on the last stage's row) where a later row fills it.
// A new value in a "LESION" column opens that lesion. ok is false unless
// one of the first lines is a header of four quoted keys or more, one of
// them "STAGE", over rows of as many fields that run to the end of src.
func csvNote(src string) (string, bool) {
	lines := strings.SplitAfter(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	for i := 0; i < len(lines) && i < headerLines; i++ {
		t := strings.TrimSpace(lines[i])
		if !strings.HasPrefix(t, `"`) || strings.Count(t, `","`) < 3 {
			continue
		}
		r := csv.NewReader(strings.NewReader(strings.Join(lines[i:], "")))
		records, err := r.ReadAll() // every row as many fields as the header
		if err != nil || len(records) < 2 {
			return "", false
		}
		header := records[0]
		stage := -1
		for k, h := range header {
			if strings.EqualFold(strings.TrimSpace(h), "stage") {
				stage = k
			}
			if !isPair(strings.TrimSpace(h) + "=x") {
				return "", false // a header is keys
			}
		}
		if stage < 0 {
			return "", false
		}
		var b strings.Builder
		b.WriteString(strings.Join(lines[:i], ""))
		writeStageRows(&b, header, records[1:], stage)
		return b.String(), true
	}
	return "", false
}

// writeStageRows writes the rows of a flat export, one a stage.
func writeStageRows(b *strings.Builder, header []string, rows [][]string, stage int) {
	lesion := -1
	for k, h := range header {
		if strings.EqualFold(strings.TrimSpace(h), "lesion") {
			lesion = k
		}
	}
	written := make([]bool, len(header))
	open := ""
	for n, row := range rows {
		if lesion >= 0 && row[lesion] != open {
			open = row[lesion] // "LESION" "2": the next lesion's rows
			b.WriteString("\nLesion " + open + "\n")
			clear(written)
		}
		if first := n == 0 || lesion >= 0 && rows[n-1][lesion] != row[lesion]; first {
			for k, v := range row {
				if k != stage && k != lesion && !stageColumns[strings.ToLower(strings.TrimSpace(header[k]))] && strings.TrimSpace(v) != "" {
					b.WriteString(keyWords(header[k]) + ": " + v + "\n")
					written[k] = true
				}
			}
		}
		b.WriteString("Stage " + row[stage] + ":\n")
		for k, v := range row {
			if stageColumns[strings.ToLower(strings.TrimSpace(header[k]))] && strings.TrimSpace(v) != "" {
				b.WriteString("  " + keyWords(header[k]) + ": " + strings.ReplaceAll(v, "\n", " ") + "\n")
			}
		}
		if endsLesion(rows, n, lesion) {
			for k, v := range row {
				if !written[k] && k != stage && k != lesion && !stageColumns[strings.ToLower(strings.TrimSpace(header[k]))] && strings.TrimSpace(v) != "" {
					b.WriteString(keyWords(header[k]) + ": " + v + "\n") // "FINAL_DEFECT", "REPAIR" on the last stage's row
					written[k] = true
				}
			}
		}
	}
}

// endsLesion reports whether row n is its lesion's last.
func endsLesion(rows [][]string, n, lesion int) bool {
	return n == len(rows)-1 || lesion >= 0 && rows[n+1][lesion] != rows[n][lesion]
}
