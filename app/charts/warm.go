package charts

import "retention/app/report"

// Warm builds and encodes every chart of All for d once and forgets them.
// The page calls it with the engine's warm-up report (report.MsgWarm)
// while the browser is idle before a file: the first charts built in a
// page paid for their code's first run and for encoding/json learning
// the option types (42 of 98 ms building Online Retail's overview in
// chromium, issue 11), in the task that shows the first report.
func Warm(d *report.Document, l Labels) {
	for _, c := range All(d, l) {
		c.Option()
	}
}
