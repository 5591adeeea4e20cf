package lower_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestCellPerLineTables: a Mohs log copied from a web page that lost its
// tags, one cell a line under its column names, is read as the table it
// was (CODING-RULES §2: 17311 for the first stage, 17312 for each further
// stage of a head-class lesion; §3: a repair table of one row a lesion);
// cell lines left over (the rows do not fit the names) leave the lines as
// they are, and no stage is read from them.
func TestCellPerLineTables(t *testing.T) {
	head := "Date of service: 10/07/2026\nInsurance: Aetna\nSlides read by: the Mohs surgeon\n\n" +
		"Lesion 1\nSite: right cheek\nDiagnosis: BCC, nodular\nPrior biopsy: yes\nIndication: H-zone\nPre-op size: 0.8 x 0.6 cm\nMap: drawn\n\n" +
		"Lesion 2\nSite: left upper back\nDiagnosis: SCC, well differentiated\nPrior biopsy: yes\nIndication: recurrent\nPre-op size: 1.1 x 0.9 cm\nMap: drawn\n\n"
	log := "Stage table\nLesion\nStage\nBlocks\nMargins\nHistology\n" +
		"1\n1\n2\nblock 1 positive (deep); block 2 clear\nnodular BCC, mid dermis, no perineural invasion\n" +
		"1\n2\n1\nclear\nno residual tumor\n" +
		"2\n1\n3\nclear\nwell-differentiated SCC, superficial dermis, no perineural invasion\n\n"
	closures := "Closures\nLesion\nClosure (after tumor clearance)\n1\nnone - left to heal by second intention\n2\nintermediate layered repair, 3.2 cm\n"
	cases := []struct {
		name, note string
		want       []string
	}{
		{"a log and a closure table of one cell a line", head + log + closures,
			[]string{"12032×1[]", "17311×1[]", "17312×1[]", "17313×1[59]"}},
		{"a cell left over: not read as a log", head + "Lesion\nStage\nBlocks\nMargins\nHistology\n1\n1\n2\nclear\nnodular BCC\n1\n\n",
			nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lines, rules := codedNote(t, c.note)
			assert.Equal(t, c.want, lines, "%v", rules)
		})
	}
}
