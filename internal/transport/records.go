package transport

import "strings"

// recordKeys name a record's kind when they open its line:
// "REC=STAGE|LESION=1|STAGE=2|BLOCKS=3".
var recordKeys = []string{"REC", "RECORD", "RECTYPE", "REC_TYPE", "RECORD_TYPE", "SEG", "SEGMENT"}

// pipeRecords writes an export of one record a line, its pairs set apart by
// pipes ("REC=LESION|LESION=1|SITE=Left shoulder", "REC=STAGE|LESION=1|
// STAGE=2|BLOCKS=2|MARGINS=clear"), as the key=value export of INI
// sections kvNote reads: a record that names its lesion and stage the
// section "[LESION_1.STAGE_2]", a repair record of a lesion
// "[LESION_1.REPAIR]", another record of a lesion "[LESION_1]", any other
// its kind ("[PATIENT]"), each written when it differs from the line
// before; the pairs that name the record, its lesion and its stage are
// dropped. ok is false unless at least three lines are such records and
// they are most of the lines that are not blank.
func pipeRecords(src string) (string, bool) {
	lines := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	records, other := 0, 0
	for _, line := range lines {
		switch t := strings.TrimSpace(line); {
		case t == "":
		case isRecord(t):
			records++
		default:
			other++
		}
	}
	if records < 3 || other*3 > records {
		return "", false
	}
	var b strings.Builder
	section := ""
	for _, line := range lines {
		t := strings.TrimSpace(line)
		if !isRecord(t) {
			b.WriteString(t + "\n")
			continue
		}
		kind, lesion, stage := "", "", ""
		var pairs []string
		for _, p := range strings.Split(t, "|") {
			k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
			switch key := strings.ToUpper(strings.TrimSpace(k)); {
			case kind == "" && len(pairs) == 0 && isRecordKey(key):
				kind = strings.ToUpper(strings.TrimSpace(v))
			case lesion == "" && (key == "LESION" || key == "LESION_NO" || key == "LESION_ID") && digits(strings.TrimSpace(v)):
				lesion = strings.TrimSpace(v)
			case stage == "" && lesion != "" && (key == "STAGE" || key == "STAGE_NO") && digits(strings.TrimSpace(v)):
				stage = strings.TrimSpace(v)
			default:
				pairs = append(pairs, strings.TrimSpace(p))
			}
		}
		next := "[" + kind + "]"
		switch {
		case lesion != "" && stage != "":
			next = "[LESION_" + lesion + ".STAGE_" + stage + "]"
		case lesion != "" && (strings.Contains(kind, "REPAIR") || strings.Contains(kind, "CLOSURE")):
			next = "[LESION_" + lesion + ".REPAIR]"
		case lesion != "":
			next = "[LESION_" + lesion + "]"
		}
		if next != section {
			b.WriteString(next + "\n")
			section = next
		}
		for _, p := range pairs {
			b.WriteString(p + "\n")
		}
	}
	return kvNote(b.String())
}

// isRecord reports whether a line is two or more key=value pairs set apart
// by pipes.
func isRecord(t string) bool {
	parts := strings.Split(t, "|")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if !isPair(strings.TrimSpace(p)) {
			return false
		}
	}
	return true
}

// isRecordKey reports whether key names a record's kind.
func isRecordKey(key string) bool {
	for _, k := range recordKeys {
		if key == k {
			return true
		}
	}
	return false
}
