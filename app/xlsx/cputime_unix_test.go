//go:build unix && !(js && wasm)

package xlsx

import "syscall"

// cpuTime is the CPU time the process has used, in ms (getrusage: user
// and system, every thread).
func cpuTime() float64 {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0
	}
	return float64(u.Utime.Nano()+u.Stime.Nano()) / 1e6
}
