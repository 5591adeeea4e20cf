// Package diag holds what every stage of mohscode reports about a note, in
// one shape: a Finding (position, rule id, severity, message, optional
// suggestion), the Rule it is raised by, and positioned parse errors.
package diag
