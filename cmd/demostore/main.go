// Command demostore writes the workbench's sample store (package demo),
// or one of its surveys:
//
//	demostore [-survey nps|csat] [-o FILE]
package main

import (
	"flag"
	"fmt"
	"os"

	"retention/app/demo"
)

func main() {
	out := flag.String("o", "", "file to write (default: standard output)")
	survey := flag.String("survey", "", "write the sample's survey instead of its orders: nps (an NPS tool's CSV) or csat (a German help desk's CSAT export)")
	flag.Parse()
	var data []byte
	switch *survey {
	case "":
		data = demo.CSV()
	case "nps":
		data = demo.NPSCSV()
	case "csat":
		data = demo.CSATCSV()
	default:
		fmt.Fprintf(os.Stderr, "demostore: -survey is nps or csat, got %q\n", *survey)
		os.Exit(2)
	}
	var err error
	if *out == "" {
		_, err = os.Stdout.Write(data)
	} else {
		err = os.WriteFile(*out, data, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "demostore:", err)
		os.Exit(1)
	}
}
