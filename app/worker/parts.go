package worker

import (
	"retention/app/limits"
	"retention/app/report"
	"retention/app/sheet"
	"retention/app/xlsx"
)

// Entries lists the entries of a request's workbook that the browser may
// inflate and send with the request, as its Settings.Parts (see
// sheet.Entries): those of the orders file of a load or of a comparison's
// side, read with the request's sheet setting within the browser's
// limits. A survey's file gets none: its reading takes no parts.
func Entries(req report.Request, data []byte) []xlsx.Entry {
	switch req.Type {
	case report.MsgLoad, report.MsgCompare:
		return sheet.Entries(data, sheet.Options{Sheet: req.Settings.Sheet, Limits: limits.Browser})
	}
	return nil
}
