package lower

// TableCaption exposes tableCaption to the table tests.
var TableCaption = tableCaption
