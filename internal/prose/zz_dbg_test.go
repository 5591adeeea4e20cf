package prose

import (
	"fmt"
	"os"
	"testing"
)

func TestZZ(t *testing.T) {
	src, _ := os.ReadFile(os.Getenv("ZZ"))
	f := Read(splitParagraphs(string(src)))
	fmt.Printf("indication %+v\nreader %+v\n", f.Indication, f.Reader)
}
