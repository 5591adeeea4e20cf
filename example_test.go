package mohscode_test

import (
	"fmt"
	"log"

	"github.com/mohscode/mohscode"
)

// Code one note under the Medicare profile: its claim lines, then what the
// note is missing.
func Example() {
	eng, err := mohscode.New(mohscode.Options{Profile: "medicare"})
	if err != nil {
		log.Fatal(err)
	}
	note := []byte(`Date of service: 2026-03-20
Provider: Tomasz Reinholt, MD
Pathology: read by Dr. Reinholt
Place of service: 11

Lesion 1
Site: right nasal dorsum
Diagnosis: basal cell carcinoma, micronodular
Prior biopsy: yes, 2/27/2026
Indication: location on the nose (H-zone)
Preoperative size: 0.9 x 0.7 cm
Mohs map: on file
Stage 1: 2 blocks; margins: block 2 positive (superior)
  Histology: micronodular basal cell carcinoma, no perineural invasion
Stage 2: 1 block; margins: clear

Lesion 2
Site: upper back
Diagnosis: squamous cell carcinoma in situ
Prior biopsy: yes, 2/27/2026
Indication: recurrent tumor with poorly defined borders
Preoperative size: 1.0 x 0.8 cm
Mohs map: on file
Stage 1: 3 blocks; margins: clear
`)
	res, err := eng.Code("nose.txt", note)
	if err != nil {
		log.Fatal(err) // the note could not be coded at all
	}
	for _, l := range res.Lines {
		fmt.Println(l.Code, l.Units, l.Modifiers, "lesion", l.Lesion)
	}
	for _, d := range res.Diagnoses {
		fmt.Println(d.Code)
	}
	for _, f := range res.Findings {
		fmt.Println(f)
	}
	// Output:
	// 17311 1 [] lesion 1
	// 17312 1 [] lesion 1
	// 17313 1 [XS] lesion 2
	// C44.311
	// D04.5
	// nose.txt:24: histology-missing: Lesion 2: stage 1 has no histology description (depth, pattern, cell type, perineural invasion)
}
