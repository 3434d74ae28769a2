package report

import (
	"errors"

	"retention/app/limits"
)

// LimitError is a file past one of the readers' bounds (package limits),
// as the engine worker sends it and the page checks before it reads a
// file: the code, the bound and the file's figure (bytes, rows, cells or
// entries, as the code says; a lower bound of the file's own, as reading
// stops at the bound). The page words each code itself; Limit and Figure
// are 0 where limits.Error's doc says so.
type LimitError struct {
	Code   limits.Code `json:"code"`
	File   string      `json:"file,omitempty"`
	Limit  int64       `json:"limit"`
	Figure int64       `json:"figure"`
}

// LimitOf returns the bound err is past, nil when it is past none; file
// names the file when err does not.
func LimitOf(err error, file string) *LimitError {
	var le *limits.Error
	if !errors.As(err, &le) {
		return nil
	}
	e := &LimitError{Code: le.Code, File: le.File, Limit: le.Limit, Figure: le.Figure}
	if e.File == "" {
		e.File = file
	}
	return e
}
