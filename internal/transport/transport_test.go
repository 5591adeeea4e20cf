package transport

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestUnwrap: each transport gives back the note text it carries; a note
// as written, and a key=value note whose lines hold several pairs (which
// the grammar reads as they are), stay as they are.
func TestUnwrap(t *testing.T) {
	tests := []struct {
		name, src string
		kind      Kind
		want      string
	}{
		{"HL7 v2: OBX-5 a line each, escapes undone, repetitions and \\.br\\ line breaks",
			"MSH|^~\\&|EMR|DERM|RCM|BILL|202611021738||MDM^T02|1|P|2.5.1\r" +
				"PID|1||123^^^HGD^MR||DOE^JANE\r" +
				"OBX|1|TX|NOTE^Note^L|1|Date of service: 11/02/2026||||||F\r" +
				"OBX|2|TX|NOTE^Note^L|2|Stage 1: 3 blocks; stain: H\\T\\E||||||F\r" +
				"OBX|3|TX|NOTE^Note^L|3|||||||F\r" +
				"OBX|4|FT|NOTE^Note^L|4|Site: left ala\\.br\\Map: drawn~Margins: clear\\F\\deep||||||F\r",
			HL7, "Date of service: 11/02/2026\nStage 1: 3 blocks; stain: H&E\n\nSite: left ala\nMap: drawn\nMargins: clear|deep\n"},
		{"quoted-printable e-mail: headers dropped, soft breaks joined, bytes decoded",
			"From: a@b.example\nSubject: op note\nDate: Thu, 03 Dec 2026 16:48:09 -0600\nContent-Transfer-Encoding: quoted-printable\n\n" +
				"Prior biopsy: yes =E2=80=93 shave 11/17/2026\nPreoperative size: 0.7 =C3=97 0.6 c=\nm\n",
			QuotedPrintable, "Prior biopsy: yes – shave 11/17/2026\nPreoperative size: 0.7 × 0.6 cm\n"},
		{"JSON: keys as fields, a named object its name, lesions labelled, stages and repairs under them",
			"Pasted from the API response\n" + `{"dateOfService": "2026-11-30", "payer": {"name": "Medicare Part B", "sequence": "primary"},
"lesions": [{"label": "1", "site": "Left lower eyelid", "stages": [{"stage": 1, "blocks": 2, "stains": ["H&E"], "margins": "clear"}],
"repairs": [{"type": "full-thickness skin graft", "area": "1.2 x 1.0 cm"}]}]}`,
			JSON, "Date of service: 2026-11-30\nPayer: Medicare Part B\nPayer sequence: primary\n\nLesion 1\nSite: Left lower eyelid\n" +
				"Stage 1:\n  Blocks: 2\n  Stains: H&E\n  Margins: clear\nRepair: full-thickness skin graft\n  Area: 1.2 x 1.0 cm\n"},
		{"key=value export: words for keys, a numbered item's keys under it",
			"# export\nDOS=\"11/24/2026\"\nPAYER=\"Medicare Part B\"\nSITE=\"Right forehead\"\nSTAGE_1=\"2 blocks; margins: clear\"\nSTAGE_1_HISTOLOGY=\"nodular BCC\"\n" +
				"BIOPSY_1=\"punch biopsy, left forearm\"\nBIOPSY_1_IMPRESSION=\"r/o basal cell carcinoma\"\n",
			KeyValue, "\nDos: 11/24/2026\nPayer: Medicare Part B\nSite: Right forehead\nStage 1: 2 blocks; margins: clear\n  Histology: nodular BCC\n" +
				"Biopsy 1: punch biopsy, left forearm\n  Impression: r/o basal cell carcinoma\n\n"},
		{"key=value INI export: a lesion section its label, a stage section its stage, a repair section's keys under REPAIR",
			"; export\n[ENCOUNTER]\nDOS=11/18/2026\nPAYER=Aetna Medicare\n[LESION_1]\nSITE=Right temple\n[LESION_1.STAGE_1]\nBLOCKS=5\nMARGINS=clear\n" +
				"[LESION_1.REPAIR]\nFINAL_DEFECT=3.0 x 2.3 cm\nREPAIR=complex repair\nLENGTH=5.2 cm\n",
			KeyValue, "\n\nDos: 11/18/2026\nPayer: Aetna Medicare\n\nLesion 1\nSite: Right temple\n\nStage 1:\n  Blocks: 5\n  Margins: clear\n\n" +
				"Final defect: 3.0 x 2.3 cm\nRepair: complex repair\n  Length: 5.2 cm\n\n"},
		{"CSV of one row a stage: the first row's columns, each row's stage, a column filled later with the last row",
			"Flat export - one row per Mohs stage\n" +
				"\"DOS\",\"SITE\",\"STAGE\",\"BLOCKS\",\"MARGINS\",\"HISTOLOGY\",\"REPAIR\"\n" +
				"\"11/30/2026\",\"Right thigh\",\"1\",\"5\",\"block 5 positive (deep)\",\"nodular BCC\",\"\"\n" +
				"\"11/30/2026\",\"Right thigh\",\"2\",\"1\",\"clear\",\"\",\"intermediate layered repair, 6.3 cm\"\n",
			CSV, "Flat export - one row per Mohs stage\nDos: 11/30/2026\nSite: Right thigh\nStage 1:\n  Blocks: 5\n  Margins: block 5 positive (deep)\n" +
				"  Histology: nodular BCC\nStage 2:\n  Blocks: 1\n  Margins: clear\nRepair: intermediate layered repair, 6.3 cm\n"},
		{"key=value export of dotted paths: each lesion opened by its number, each stage under it",
			"encounter.dos=11/23/2026\nencounter.payer=Premera\nlesion.1.label=Lesion 1\nlesion.1.site=Right upper back\n" +
				"lesion.1.stage.1.blocks=2\nlesion.1.stage.1.margins=clear\nlesion.1.repair=intermediate layered repair, 4.2 cm\n",
			KeyValue, "Dos: 11/23/2026\nPayer: Premera\n\nLesion 1\nSite: Right upper back\nStage 1:\n  Blocks: 2\n  Margins: clear\n" +
				"Repair: intermediate layered repair, 4.2 cm\n\n"},
		{"key=value export of prefixed keys: L1_, L1_S2_, and a repair's keys under it",
			"ENC_DOS=2026-11-19\nENC_PAYER=Wellcare\nL1_SITE=Left nasal sidewall\nL1_S1_BLOCKS=2\nL1_S1_MARGINS=clear\n" +
				"L1_REPAIR=full-thickness skin graft\nL1_REPAIR_AREA=2.0 x 1.7 cm\n",
			KeyValue, "Dos: 2026-11-19\nPayer: Wellcare\n\nLesion 1\nSite: Left nasal sidewall\nStage 1:\n  Blocks: 2\n  Margins: clear\n" +
				"Repair: full-thickness skin graft\n  Area: 2.0 x 1.7 cm\n\n"},
		{"pipe records: a record's lesion and stage its section, a repair record's keys under REPAIR, the naming pairs dropped",
			"REC=PROCNOTE|DOS=11/20/2026|PAYER=Tricare Prime\nREC=LESION|LESION=1|SITE=Left shoulder|MOHS_MAP=drawn\n" +
				"REC=STAGE|LESION=1|STAGE=1|BLOCKS=3|MARGINS=block 2 positive\nREC=STAGE|LESION=1|STAGE=2|BLOCKS=2|MARGINS=clear\n" +
				"REC=REPAIR|LESION=1|REPAIR=complex repair|LENGTH=6.0 cm\n",
			KeyValue, "\nDos: 11/20/2026\nPayer: Tricare Prime\n\nLesion 1\nSite: Left shoulder\nMohs map: drawn\n\nStage 1:\n  Blocks: 3\n  Margins: block 2 positive\n" +
				"\nStage 2:\n  Blocks: 2\n  Margins: clear\n\nRepair: complex repair\n  Length: 6.0 cm\n\n\n"},
		{"speech-recognition transcript: spoken marks written as punctuation, 'scratch that' as a self-correction, a noun 'period' kept",
			"Tumor number one: left postauricular.\nA nodular basal cell carcinoma comma biopsied by shave on 09/09/2026 comma measured 0.6 x 0.5 cm period the first stage was two blocks period new paragraph the healing period was discussed period a punch scratch that a shave biopsy was taken period\n",
			Spoken, "Tumor number one: left postauricular.\nA nodular basal cell carcinoma, biopsied by shave on 09/09/2026, measured 0.6 x 0.5 cm. The first stage was two blocks.\n\nThe healing period was discussed. A punch - correction, a shave biopsy was taken.\n"},
		{"speech-recognition transcript: a 'period' at the end of its line is a full stop, a 'colon' after a heading or a site that opens its line a colon, the bowel's colon kept",
			"PROCEDURE colon Mohs micrographic surgery times 2 sites period\nRight temple colon the first stage was divided into two blocks comma block one positive period final length 3.4 cm period\n\nLeft dorsal forearm colon a single stage of three blocks comma clear period\nHistory of colon cancer comma resected period\n",
			Spoken, "PROCEDURE: Mohs micrographic surgery times 2 sites.\nRight temple: the first stage was divided into two blocks, block one positive. Final length 3.4 cm.\n\nLeft dorsal forearm: a single stage of three blocks, clear.\nHistory of colon cancer, resected.\n"},
		{"a note whose 'period' is a noun is no transcript", "Site: left cheek\nThe healing period is two weeks. During the postoperative period she will avoid swimming. A period of rest was advised. The waiting period between stages was short.\n", "", ""},
		{"a note as written is no message", "Date of service: 11/02/2026\nSite: left ala\nStage 1: 2 blocks; margins: clear\n", "", ""},
		{"pairs on one line stay for the grammar",
			"case_date=2026-09-29\nsurgeon=A. Tembo MD\nsite=mid upper back\ndx=SCC\nmap=drawn\nstage=1 blocks=4 margins=\"blocks 1, 3 positive\"\n", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, kind, ok := Unwrap(tc.src)
			assert.Equal(t, tc.kind, kind)
			if tc.kind == "" {
				assert.False(t, ok)
				assert.Equal(t, tc.src, got)
				return
			}
			assert.True(t, ok)
			assert.Equal(t, tc.want, got)
		})
	}
}
