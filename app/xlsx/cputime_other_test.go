//go:build !unix && !(js && wasm)

package xlsx

// cpuTime is 0 where the CPU time is not read.
func cpuTime() float64 { return 0 }
