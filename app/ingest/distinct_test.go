package ingest

import (
	"reflect"
	"strconv"
	"testing"
)

// TestAddDistinct checks that the list addDistinct builds, scanned or
// looked up in its set once long, is every value in order of first
// appearance, as a plain scan gives it.
func TestAddDistinct(t *testing.T) {
	for _, n := range []int{0, 1, longList - 1, longList, longList + 1, 5 * longList} {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			// Each value twice, the second time after every other has
			// come once, then the first values again.
			var values []string
			for k := 0; k < 2; k++ {
				for i := 0; i < n; i++ {
					values = append(values, "p"+strconv.Itoa(i))
				}
			}
			values = append(values, values[:min(n, 3)]...)
			var want []string
		plain:
			for _, v := range values {
				for _, w := range want {
					if w == v {
						continue plain
					}
				}
				want = append(want, v)
			}
			var got []string
			var set map[string]struct{}
			for _, v := range values {
				got = addDistinct(got, &set, v)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("got %q, want %q", got, want)
			}
			if (set != nil) != (n > longList) {
				t.Errorf("%d values: set made = %v", n, set != nil)
			}
		})
	}
}
