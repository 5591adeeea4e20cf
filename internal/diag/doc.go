// Package diag holds what every stage of mohscode reports about a note:
// positioned parse errors and documentation findings with their severities.
package diag
