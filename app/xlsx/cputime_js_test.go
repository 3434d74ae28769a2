//go:build js && wasm

package xlsx

import "syscall/js"

// cpuTime is the CPU time the process has used, in ms: Node's
// process.cpuUsage (user and system), 0 where there is none (a browser).
func cpuTime() float64 {
	p := js.Global().Get("process")
	if p.Type() != js.TypeObject || p.Get("cpuUsage").Type() != js.TypeFunction {
		return 0
	}
	u := p.Call("cpuUsage")
	return (u.Get("user").Float() + u.Get("system").Float()) / 1e3
}
