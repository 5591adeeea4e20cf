package lower

// TableCaption exposes tableCaption to the table tests.
var TableCaption = tableCaption

// ASCIILower exposes asciiLower to its test.
var ASCIILower = asciiLower

// LettersEqual, IsOrdinalWord, StartsFold and ContainsFold expose the key
// helpers to their test.
var (
	LettersEqual  = lettersEqual
	IsOrdinalWord = isOrdinalWord
	StartsFold    = startsFold
	ContainsFold  = containsFold
)

// KeylessFields exposes keylessFields to its test.
var KeylessFields = keylessFields

// MarginStatus exposes marginStatus to its test.
var MarginStatus = marginStatus

// GluedLogFields exposes gluedLogFields to its test.
var GluedLogFields = gluedLogFields
