package sqlite

// OpenVersion opens a database with the migrations up to number version
// applied, as an older storyline left it.
var OpenVersion = openVersion
