package lower

import (
	"github.com/mohscode/mohscode/grammar"
	"github.com/mohscode/mohscode/internal/model"
)

// prose reads a paragraph of prose into the current lesion.
func (l *lowerer) prose(par []grammar.Value) {}

// stageProse reads a stage written as sentences ("Stage I: The visible
// tumor was debulked … divided into three pieces …").
func (l *lowerer) stageProse(st *model.Stage, v *grammar.Value) {}
