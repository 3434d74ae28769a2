package report

import (
	"reflect"
	"testing"
)

func TestDefaults(t *testing.T) {
	half := 0.005
	for _, tc := range []struct {
		name    string
		in, out Settings
	}{
		{"zero", Settings{}, Settings{Grain: "month", TZ: "UTC", ActiveWindow: WindowPeriod, LapsedDays: 180, PredictUnit: "week",
			Horizon: 12, Discount: ptrTo(0.01), QuietDays: 90}},
		{"blank strings", Settings{Grain: " ", TZ: "\t"}, Settings{Grain: "month", TZ: "UTC", ActiveWindow: WindowPeriod, LapsedDays: 180,
			PredictUnit: "week", Horizon: 12, Discount: ptrTo(0.01), QuietDays: 90}},
		{"chosen kept", Settings{Grain: "year", TZ: "Europe/Berlin", ActiveWindow: "90d", LapsedDays: 30, PredictUnit: "day", Horizon: 6,
			Discount: &half, QuietDays: 14, From: "2024-01-01"},
			Settings{Grain: "year", TZ: "Europe/Berlin", ActiveWindow: "90d", LapsedDays: 30, PredictUnit: "day", Horizon: 6,
				Discount: &half, QuietDays: 14, From: "2024-01-01"}},
		// A negative horizon is the engine's error to report, not a default.
		{"negative horizon", Settings{Horizon: -1, LapsedDays: -5}, Settings{Grain: "month", TZ: "UTC", ActiveWindow: WindowPeriod,
			LapsedDays: 180, PredictUnit: "week", Horizon: -1, Discount: ptrTo(0.01), QuietDays: 90}},
	} {
		got := tc.in
		got.Defaults()
		if !reflect.DeepEqual(got, tc.out) {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.out)
		}
		again := got
		again.Defaults()
		if !reflect.DeepEqual(again, got) {
			t.Errorf("%s: Defaults twice gives %+v", tc.name, again)
		}
	}
	if s := DefaultSettings(); s.Discount == nil || *s.Discount != DefaultDiscount {
		t.Errorf("DefaultSettings: %+v", s)
	}
}

func ptrTo(f float64) *float64 { return &f }
