package worker

import (
	"reflect"
	"testing"
	"time"

	"retention/app/report"
)

// TestPaced checks which reports Paced passes on: every stage's first,
// then those of the stage a pace or more after the last passed.
func TestPaced(t *testing.T) {
	at := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	var clock time.Duration
	var got []report.Progress
	progress := Paced(func(p report.Progress) { got = append(got, p) }, 100*time.Millisecond, func() time.Time { return at.Add(clock) })
	steps := []struct {
		at    time.Duration
		stage report.Stage
		done  int64
	}{
		{0, report.StageRead, 0},
		{40 * time.Millisecond, report.StageRead, 1},
		{99 * time.Millisecond, report.StageRead, 2},
		{100 * time.Millisecond, report.StageRead, 3},
		{150 * time.Millisecond, report.StageOrders, 0},
		{160 * time.Millisecond, report.StageOrders, 1},
		{170 * time.Millisecond, report.StageRead, 9},
		{260 * time.Millisecond, report.StageRead, 10},
		{270 * time.Millisecond, report.StageRead, 11},
		{400 * time.Millisecond, report.StageFigures, 0},
	}
	for _, s := range steps {
		clock = s.at
		progress(report.Progress{Stage: s.stage, Done: s.done})
	}
	want := []report.Progress{
		{Stage: report.StageRead, Done: 0},
		{Stage: report.StageRead, Done: 3},
		{Stage: report.StageOrders, Done: 0},
		{Stage: report.StageRead, Done: 9},
		{Stage: report.StageRead, Done: 11},
		{Stage: report.StageFigures, Done: 0},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("passed %+v, want %+v", got, want)
	}
}
