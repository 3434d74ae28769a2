// Command demostore writes the workbench's sample store (package demo):
//
//	demostore [-o FILE]
package main

import (
	"flag"
	"fmt"
	"os"

	"retention/app/demo"
)

func main() {
	out := flag.String("o", "", "file to write (default: standard output)")
	flag.Parse()
	var err error
	if *out == "" {
		_, err = os.Stdout.Write(demo.CSV())
	} else {
		err = os.WriteFile(*out, demo.CSV(), 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "demostore:", err)
		os.Exit(1)
	}
}
