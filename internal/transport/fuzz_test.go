package transport

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzUnwrap: Unwrap never panics; what it does not unwrap it returns as
// it is, and what it unwraps names its transport.
func FuzzUnwrap(f *testing.F) {
	names, _ := filepath.Glob("../lower/testdata/probe178/*.txt")
	for _, n := range names {
		if src, err := os.ReadFile(n); err == nil {
			f.Add(string(src))
		}
	}
	f.Add("MSH|^~\\&|A\rOBX|1|TX|N|1|x\\T\\y\\.br\\z~w\\")
	f.Add("MSH|\rOBX|")
	f.Add("Content-Transfer-Encoding: quoted-printable\n\n=E2=80=9")
	f.Add("{\"a\": [{\"label\": 1, \"b\": {\"name\": \"x\"}}]}")
	f.Add("A=1\nB=2\nC_1=3\nC_1_D=4\nE=5\n[LESION_1]\n")
	f.Fuzz(func(t *testing.T, src string) {
		text, kind, ok := Unwrap(src)
		if !ok && (text != src || kind != "") {
			t.Fatalf("not unwrapped, yet changed: kind %q", kind)
		}
		if ok && kind == "" {
			t.Fatal("unwrapped with no transport named")
		}
		if ok && strings.Count(text, "\n") > 4*len(src)+4 {
			t.Fatalf("%d lines out of %d bytes", strings.Count(text, "\n"), len(src))
		}
	})
}
