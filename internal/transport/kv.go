package transport

import (
	"strings"
	"unicode"
)

// kvNote writes a flat key=value export of a note ("DOS=11/18/2026",
// `STAGE_1="2 blocks; stain: H&E; …"`, INI sections "[LESION_1]") as the
// note's fields: a key's words ("PREOP_SIZE" is "Preop size"), a lesion
// section or key its label ("Lesion 1"), a stage section its stage and its
// keys under it ("[LESION_1.STAGE_2]"), a repair section's keys under its
// REPAIR key, and the keys of a numbered item after it
// ("BIOPSY_1_IMPRESSION" after "BIOPSY_1") under it. ok is false
// unless at least five lines are key=value pairs and they are most of the
// lines that are not comments or section headings.
func kvNote(src string) (string, bool) {
	lines := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	pairs, other := 0, 0
	for _, line := range lines {
		switch t := strings.TrimSpace(line); {
		case t == "" || t[0] == '#' || t[0] == ';' || t[0] == '[' && strings.HasSuffix(t, "]"):
		case isPair(t):
			if _, v, _ := strings.Cut(t, "="); morePairs(v) {
				return "", false // "stage=1 blocks=4 margins=…": pairs on one line, which the grammar reads as they are
			}
			pairs++
		default:
			other++
		}
	}
	if pairs < 5 || other*3 > pairs {
		return "", false
	}
	var b strings.Builder
	item := ""       // the numbered item the last keys were under: "Biopsy 1"
	section := ""    // the kind of the INI section the keys are in: "stage", "repair" or ""
	var cur openPath // the lesion and stage keys of the form "lesion.1.stage.2.blocks" last opened
	for _, line := range lines {
		t := strings.TrimSpace(line)
		switch {
		case t == "" || t[0] == '#' || t[0] == ';':
			b.WriteString("\n")
			item = ""
		case t[0] == '[' && strings.HasSuffix(t, "]"):
			parts := strings.Split(strings.Trim(t, "[]"), ".")
			name := keyWords(parts[len(parts)-1])
			b.WriteString("\n")
			section = ""
			switch {
			case strings.HasPrefix(name, "Lesion ") && numbered(name):
				b.WriteString(name + "\n") // "[LESION_1]": the lesion's label
			case strings.HasPrefix(name, "Stage ") && numbered(name):
				b.WriteString(name + ":\n") // "[LESION_1.STAGE_2]": the stage, its keys under it
				section = "stage"
			case name == "Repair":
				section = "repair" // "[LESION_1.REPAIR]": the repair's keys under its REPAIR key
			}
			item = ""
		case isPair(t):
			k, v, _ := strings.Cut(t, "=")
			v = strings.Trim(strings.TrimSpace(v), `"'`)
			path := parsePath(k)
			if path.lesion != "" {
				writeLesionPair(&b, path, v, &cur)
				item = ""
				continue
			}
			name := keyWords(strings.Join(path.field, " "))
			switch {
			case item != "" && strings.HasPrefix(name, item+" ") && len(name) > len(item)+1:
				sub := strings.TrimPrefix(name, item+" ")
				b.WriteString("  " + strings.ToUpper(sub[:1]) + sub[1:] + ": " + v + "\n") // "BIOPSY_1_IMPRESSION" under "Biopsy 1"
			case numbered(name) && strings.HasPrefix(name, "Lesion "):
				b.WriteString("\n" + name + "\n")
				item = ""
			case section == "stage" || section == "repair" && name != "Repair" && name != "Final defect":
				b.WriteString("  " + name + ": " + v + "\n")
			default:
				b.WriteString(name + ": " + v + "\n")
				item = ""
				if numbered(name) {
					item = name
				}
			}
		default:
			b.WriteString(t + "\n")
		}
	}
	return b.String(), true
}

// isPair reports whether a line is a key, an equals sign and a value, the
// key a word of letters, digits, underscores and dots.
func isPair(t string) bool {
	k, v, ok := strings.Cut(t, "=")
	if !ok || k == "" || strings.TrimSpace(v) == "" || !unicode.IsLetter(rune(k[0])) {
		return false
	}
	return strings.IndexFunc(k, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '.' }) < 0
}

// morePairs reports whether a value outside quotes holds another pair: a
// word of the key's kind and an equals sign after a blank.
func morePairs(v string) bool {
	quoted := false
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c == '"':
			quoted = !quoted
		case !quoted && (c == ' ' || c == '\t') && i+1 < len(v):
			if k, _, ok := strings.Cut(v[i+1:], "="); ok && k != "" && !strings.ContainsAny(k, " \t") && isPair(v[i+1:]) {
				return true
			}
		}
	}
	return false
}

// keyWords writes an export's key as words with its first letter
// capitalised: "STAGE_1_HISTOLOGY" is "Stage 1 histology".
func keyWords(k string) string {
	w := strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(k, "_", " "))), " ")
	if w == "" {
		return w
	}
	return strings.ToUpper(w[:1]) + w[1:]
}

// numbered reports whether a key's words end with a number: "Biopsy 1".
func numbered(name string) bool {
	i := strings.LastIndexByte(name, ' ')
	return i > 0 && strings.IndexFunc(name[i+1:], func(r rune) bool { return !unicode.IsDigit(r) }) < 0
}

// keyPath is an export's key cut into the lesion and the stage it names
// and the field's words: "lesion.1.stage.2.blocks", "L1_S2_BLOCKS" (a
// stage is named only after a lesion), "ENC_DOS" (the encounter's prefix
// dropped).
type keyPath struct {
	lesion, stage string
	field         []string
}

// openPath is the lesion and stage whose keys were written last, and
// whether the lesion's repair was.
type openPath struct {
	lesion, stage string
	repair        bool
}

// parsePath cuts a key into its path.
func parsePath(key string) keyPath {
	segs := strings.FieldsFunc(strings.ToLower(key), func(r rune) bool { return r == '.' || r == '_' })
	var p keyPath
	for i := 0; i < len(segs); i++ {
		s, next := segs[i], ""
		if i+1 < len(segs) {
			next = segs[i+1]
		}
		switch {
		case i == 0 && (s == "encounter" || s == "enc") && len(segs) > 1:
		case len(p.field) == 0 && p.lesion == "" && s == "lesion" && digits(next):
			p.lesion, i = next, i+1
		case len(p.field) == 0 && p.lesion == "" && len(s) > 1 && s[0] == 'l' && digits(s[1:]):
			p.lesion = s[1:] // "L1_SITE"
		case len(p.field) == 0 && p.lesion != "" && p.stage == "" && s == "stage" && digits(next):
			p.stage, i = next, i+1
		case len(p.field) == 0 && p.lesion != "" && p.stage == "" && len(s) > 1 && s[0] == 's' && digits(s[1:]):
			p.stage = s[1:] // "L1_S2_BLOCKS"
		default:
			p.field = append(p.field, s)
		}
	}
	return p
}

// writeLesionPair writes a pair whose key names its lesion: the lesion's
// label when it opens, the stage's heading when it opens and its keys
// under it, the repair's keys after "REPAIR" under it ("L1_REPAIR_AREA"
// is the repair's area).
func writeLesionPair(b *strings.Builder, p keyPath, v string, cur *openPath) {
	if p.lesion != cur.lesion {
		b.WriteString("\nLesion " + p.lesion + "\n")
		*cur = openPath{lesion: p.lesion}
	}
	name := keyWords(strings.Join(p.field, " "))
	switch {
	case p.stage != "" && name == "":
		b.WriteString("Stage " + p.stage + ": " + v + "\n")
		cur.stage = p.stage
	case p.stage != "":
		if p.stage != cur.stage {
			b.WriteString("Stage " + p.stage + ":\n")
			cur.stage = p.stage
		}
		b.WriteString("  " + name + ": " + v + "\n")
	case name == "Label":
		// "lesion.2.label=Lesion 2": the label written when the lesion opened
	case cur.repair && len(p.field) > 1 && p.field[0] == "repair":
		b.WriteString("  " + keyWords(strings.Join(p.field[1:], " ")) + ": " + v + "\n")
	default:
		b.WriteString(name + ": " + v + "\n")
		cur.stage, cur.repair = "", name == "Repair"
	}
}

// digits reports whether s is one or more ASCII digits.
func digits(s string) bool {
	return s != "" && strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }) < 0
}
