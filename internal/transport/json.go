package transport

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode"
)

// node is a JSON value with its object keys in the order written.
type node struct {
	obj   bool
	keys  []string
	vals  []*node
	items []*node // an array's elements; nil for any other value
	arr   bool
	text  string // a scalar as written: a string's text, a number, true, false; "" for null
}

// field is the value of key k of an object node, nil when absent.
func (n *node) field(k string) *node {
	for i, key := range n.keys {
		if key == k {
			return n.vals[i]
		}
	}
	return nil
}

// scalar reports whether n is neither an object nor an array.
func (n *node) scalar() bool { return !n.obj && !n.arr }

// readNode reads one JSON value from dec, keeping object keys in order.
func readNode(dec *json.Decoder) (*node, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		n := &node{obj: t == '{', arr: t == '['}
		for dec.More() {
			if n.obj {
				k, err := dec.Token()
				if err != nil {
					return nil, err
				}
				v, err := readNode(dec)
				if err != nil {
					return nil, err
				}
				key, _ := k.(string)
				n.keys, n.vals = append(n.keys, key), append(n.vals, v)
				continue
			}
			v, err := readNode(dec)
			if err != nil {
				return nil, err
			}
			n.items = append(n.items, v)
		}
		if _, err := dec.Token(); err != nil { // the closing delimiter
			return nil, err
		}
		return n, nil
	case string:
		return &node{text: t}, nil
	case json.Number:
		return &node{text: t.String()}, nil
	case bool:
		return &node{text: strconv.FormatBool(t)}, nil
	}
	return &node{}, nil // null
}

// jsonNote writes a JSON document an EHR's interface returns for a note
// (pasted with a line or two before it) as the note's fields: each key a
// field ("dateOfService" is "Date of service"), an object's name its
// value ("payer": {"name": "Medicare Part B"} is "Payer: Medicare Part
// B"), each element of "lesions" a lesion label and its fields, of
// "stages" a stage and its fields, of "repairs" a repair of its type. ok
// is false unless one of the first lines opens a JSON object that runs to
// the end of src.
func jsonNote(src string) (string, bool) {
	lines := strings.SplitAfter(src, "\n")
	for i := 0; i < len(lines) && i < headerLines; i++ {
		if !strings.HasPrefix(strings.TrimSpace(lines[i]), "{") {
			continue
		}
		body := strings.Join(lines[i:], "")
		if !json.Valid([]byte(body)) {
			return "", false
		}
		dec := json.NewDecoder(strings.NewReader(body))
		dec.UseNumber()
		root, err := readNode(dec)
		if err != nil || !root.obj {
			return "", false
		}
		var b strings.Builder
		writeObject(&b, root, "")
		return b.String(), true
	}
	return "", false
}

// writeObject writes an object's fields, each line after indent.
func writeObject(b *strings.Builder, n *node, indent string) {
	for i, key := range n.keys {
		writeField(b, words(key), n.vals[i], indent)
	}
}

// writeField writes one field named name.
func writeField(b *strings.Builder, name string, v *node, indent string) {
	switch {
	case v.scalar() && strings.Contains(v.text, "\n"):
		b.WriteString(indent + name + ":\n" + strings.TrimRight(v.text, "\n") + "\n\n") // a narrative: its own lines
	case v.scalar():
		b.WriteString(indent + name + ": " + v.text + "\n")
	case v.arr && allScalar(v.items):
		texts := make([]string, len(v.items))
		for i, it := range v.items {
			texts[i] = it.text
		}
		b.WriteString(indent + name + ": " + strings.Join(texts, ", ") + "\n")
	case v.arr:
		one := singular(name)
		for i, it := range v.items {
			writeElement(b, one, i, it, indent)
		}
	case v.field("name") != nil && v.field("name").scalar():
		b.WriteString(indent + name + ": " + v.field("name").text + "\n")
		for i, key := range v.keys {
			if key != "name" {
				writeField(b, name+" "+strings.ToLower(words(key)), v.vals[i], indent)
			}
		}
	default:
		writeObject(b, v, indent)
	}
}

// writeElement writes element i of an array of objects named one (in the
// singular): a lesion under its label, a stage under its number, a repair
// by its type, anything else under its name and number.
func writeElement(b *strings.Builder, one string, i int, it *node, indent string) {
	if !it.obj {
		writeField(b, one, it, indent)
		return
	}
	id, idKey := strconv.Itoa(i+1), ""
	for _, k := range []string{"label", "stage", "number", "id"} {
		if v := it.field(k); v != nil && v.scalar() && v.text != "" {
			id, idKey = v.text, k
			break
		}
	}
	rest := &node{obj: true}
	for j, key := range it.keys {
		if key != idKey {
			rest.keys, rest.vals = append(rest.keys, key), append(rest.vals, it.vals[j])
		}
	}
	switch t := it.field("type"); {
	case one == "Lesion":
		b.WriteString("\n" + indent + "Lesion " + id + "\n")
		writeObject(b, rest, indent)
	case t != nil && t.scalar() && idKey == "":
		b.WriteString(indent + one + ": " + t.text + "\n") // "Repair: full-thickness skin graft", then its area and timing
		typeless := &node{obj: true}
		for j, key := range rest.keys {
			if key != "type" {
				typeless.keys, typeless.vals = append(typeless.keys, key), append(typeless.vals, rest.vals[j])
			}
		}
		writeObject(b, typeless, indent+"  ")
	default:
		b.WriteString(indent + one + " " + id + ":\n")
		writeObject(b, rest, indent+"  ")
	}
}

// allScalar reports whether every node is a scalar.
func allScalar(ns []*node) bool {
	for _, n := range ns {
		if !n.scalar() {
			return false
		}
	}
	return true
}

// words writes a camelCase or snake_case key as words with its first
// letter capitalised: "dateOfService" is "Date of service".
func words(key string) string {
	var b strings.Builder
	for i, r := range key {
		switch {
		case r == '_' || r == '-':
			b.WriteByte(' ')
		case unicode.IsUpper(r) && i > 0:
			b.WriteByte(' ')
			b.WriteRune(unicode.ToLower(r))
		case i == 0:
			b.WriteRune(unicode.ToUpper(r))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// singular is the name of one element of an array named name: "Lesions"
// is "Lesion".
func singular(name string) string {
	if strings.HasSuffix(name, "ies") {
		return strings.TrimSuffix(name, "ies") + "y"
	}
	return strings.TrimSuffix(name, "s")
}
