// Package anatomy maps free site text to one anatomic group per code family, from an embedded vocabulary table.
package anatomy
