package worker

import (
	"time"

	"retention/app/report"
)

// ProgressPace is how often the engine tells the page how far a stage has
// come: ten times a second, which a progress bar needs to move smoothly.
// The engine's stages report far more often (each MiB read, each 16,384
// rows built: some 800 times for ten times Online Retail), and each
// report costs the page's thread its handling and a render, in the time
// the engine's thread needs the machine's other core.
const ProgressPace = 100 * time.Millisecond

// Paced returns a progress function that passes to post the first report
// of each stage, and of the later ones of the same stage those that come
// at least pace after the last passed; now is the clock.
func Paced(post func(report.Progress), pace time.Duration, now func() time.Time) func(report.Progress) {
	var (
		last    time.Time
		stage   report.Stage
		started bool
	)
	return func(p report.Progress) {
		t := now()
		if started && p.Stage == stage && t.Sub(last) < pace {
			return
		}
		started, stage, last = true, p.Stage, t
		post(p)
	}
}
