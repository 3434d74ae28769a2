package worker

import (
	"errors"
	"runtime"

	"retention/app/engine"
	"retention/app/ingest"
	"retention/app/report"
)

// Comparer puts two files side by side for the page (`retention compare A
// B`): the page sends A, then B; each is read with its own settings (its
// columns, sheet and currency), and the comparison's figures are made
// with B's (grain, time zone, active window, range), as engine.Compare
// makes them with the command's flags. It holds A's orders between the
// two requests only; the session's loaded file is not touched.
type Comparer struct {
	a *ingest.Result
}

// A reads the first file of a comparison and keeps its orders for B.
func (c *Comparer) A(name string, data []byte, gz bool, set report.Settings, progress func(report.Progress)) error {
	c.a = nil
	res, err := compareLoad(name, data, gz, set, progress)
	if err != nil {
		return err
	}
	c.a = res
	return nil
}

// B reads the second file and compares A's orders with its.
func (c *Comparer) B(name string, data []byte, gz bool, set report.Settings, progress func(report.Progress)) (*report.Comparison, error) {
	a := c.a
	c.a = nil
	if a == nil {
		return nil, errors.New("the first file of the comparison is missing")
	}
	b, err := compareLoad(name, data, gz, set, progress)
	if err != nil {
		return nil, err
	}
	if progress != nil {
		progress(report.Progress{Stage: report.StageFigures})
	}
	return engine.Compare(a, b, engineSettings(set))
}

// compareLoad reads a file's orders as Session.Load does, keeping no
// more of its table than the report's preview.
func compareLoad(name string, data []byte, gz bool, set report.Settings, progress func(report.Progress)) (*ingest.Result, error) {
	o := engineSettings(set)
	o.Gunzipped = gz
	if progress != nil {
		o.Progress = func(stage report.Stage, done, total int64) {
			progress(report.Progress{Stage: stage, Done: done, Total: total})
		}
	}
	res, err := engine.Load(name, data, o)
	if err != nil {
		if p := engine.ProblemOf(err, res); p != nil {
			return nil, &ProblemError{Problem: p, Err: err}
		}
		return nil, err
	}
	res.Table = res.Table.Head(engine.PreviewRows)
	runtime.GC()
	return res, nil
}
