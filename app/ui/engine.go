package ui

import (
	"math"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"retention/app/report"
)

// progress shows the stage of the work, its share done and the time it
// has left, and a button that stops it.
func (w *Workbench) progress() app.UI {
	p := w.m.Progress
	share, left, known := w.m.eta()
	label := w.t("Starting the engine…")
	switch p.Stage {
	case report.StageRead:
		if known {
			label = w.t("Reading the file: %s of %s", w.loc.Percent(share), mb(w.loc, w.m.readSize()))
			break
		}
		// A workbook's rows are counted as they are read.
		label = w.t("Reading the workbook: %s rows read", w.loc.Int(int(p.Done)))
	case report.StageOrders:
		label = w.t("Building orders: %s of %s rows", w.loc.Int(int(p.Done)), w.loc.Int(int(p.Total)))
	case report.StageFigures:
		label = w.t("Computing the figures…")
	case report.StageForecast:
		label = w.t("Fitting the prediction models…")
	}
	bar := app.Progress().ID("progress").Aria("label", label)
	if known {
		bar = bar.Value(share).Max(1)
	}
	return app.Div().Class("progress").ID("progress-box").DataSet("stage", string(p.Stage)).Aria("live", "polite").Body(
		app.P().ID("progress-label").Text(label),
		bar,
		app.Div().Class("progress-foot").Body(
			app.If(known, func() app.UI {
				return app.Span().ID("progress-share").Text(w.loc.Percent(share))
			}),
			app.If(known, func() app.UI {
				return app.Span().ID("progress-left").Text(w.timeLeft(left))
			}),
			app.Button().ID("cancel").Class("btn btn-small").Text(w.t("Cancel")).OnClick(w.cancel),
		),
	)
}

// readSize is the size of the file being read, as the user gave it. The
// share read is of what the engine reads (the text, a .gz file's
// content, a workbook's sheet XML), which may be larger than the file.
func (m *model) readSize() int64 {
	switch {
	case (m.busyFor == report.MsgLoad || m.busyFor == report.MsgSurvey) && m.pending.Size > 0:
		return int64(m.pending.Size)
	case m.busyFor == report.MsgSettings && m.Size > 0:
		return int64(m.Size)
	}
	return m.Progress.Total
}

// timeLeft words the time a stage has left (0: not estimated yet).
func (w *Workbench) timeLeft(d time.Duration) string {
	switch {
	case d <= 0:
		return w.t("estimating the time left…")
	case d < 90*time.Second:
		return w.t("about %s s left", int(math.Ceil(d.Seconds())))
	}
	return w.t("about %s min left", int(math.Round(d.Minutes())))
}

// errorView is the last error; a file that failed to load is named, and
// so is the report that stays.
func (w *Workbench) errorView() app.UI {
	m := w.m
	text := m.Err
	if m.Setting != nil {
		text = w.settingWords(m.Setting)
	}
	if m.Failed == "" {
		return app.Div().Class("alert").Attr("role", "alert").DataSet("code", settingCode(m.Setting)).Text(text)
	}
	head := w.t("%s was not loaded.", m.Failed)
	if m.Doc != nil {
		head += " " + w.t("The report of %s stays.", m.File)
	}
	return app.Div().Class("alert").Attr("role", "alert").DataSet("failed", m.Failed).Body(
		app.P().Class("alert-head").Text(head),
		app.P().DataSet("code", settingCode(m.Setting)).Text(text),
	)
}

// lostView says what happened to an engine that ended, or was stopped.
func (w *Workbench) lostView() app.UI {
	l := w.m.Lost
	if l.Reason == "cancel" {
		return app.Div().Class("notice").ID("engine-note").DataSet("reason", l.Reason).Attr("role", "status").
			Text(w.lostText(l))
	}
	return app.Div().Class("alert").ID("engine-note").DataSet("reason", l.Reason).Attr("role", "alert").Text(w.lostText(l))
}

// lostText words a lost engine: what it was doing, what happened, what
// stays.
func (w *Workbench) lostText(l *lost) string {
	var doing string
	switch l.Task {
	case report.MsgLoad:
		doing = w.t("reading %s", l.File)
	case report.MsgSettings:
		doing = w.t("recomputing the report of %s", l.File)
	case report.MsgSurvey:
		doing = w.t("reading the survey %s", l.File)
	case report.MsgForecast:
		doing = w.t("computing the predictions of %s", l.File)
	case "":
		doing = w.t("waiting for work")
	default:
		doing = w.t("preparing a list of %s", l.File)
	}
	var s string
	switch l.Reason {
	case "cancel":
		s = w.t("Cancelled %s.", doing)
	case "memory":
		s = w.t("The engine ran out of memory while %s (%s in use) and was restarted. The file is too large for this browser tab: split it into parts, or use the retention command line.", doing, mb(w.loc, l.Memory))
	case "exit":
		s = w.t("The engine stopped while %s (its program exited with code %s: %s) and was restarted.", doing, l.Code, l.Detail)
	case "stalled":
		s = w.t("The engine made no progress for %s seconds while %s, so it was stopped and restarted.", l.Detail, doing)
	case "start":
		return w.t("The engine could not start (%s). Reload the page to try again.", l.Detail)
	case "restore":
		why := l.Detail
		if l.Error != nil && w.settingText(l.Error) != "" {
			why = w.settingText(l.Error)
		}
		return w.t("The engine was restarted, but %s could not be read again (%s): open it again to use its lists and exports.", l.File, why)
	default:
		s = w.t("The engine crashed while %s (%s) and was restarted.", doing, l.Detail)
	}
	if l.Kept != "" {
		s += " " + w.t("The report of %s stays.", l.Kept)
	}
	return s
}
