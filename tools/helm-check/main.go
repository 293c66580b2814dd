// Command helm-check renders the court-12368 Helm chart with each of its example values files
// (values-*.yaml) through the Helm SDK, as `helm template` would, and validates every object
// offline: strict decoding into the Kubernetes API types, the API server's own validation
// from k8s.io/kubernetes, and the chart's rules. Nothing here reaches a cluster.
package main

import (
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	chartDir := flag.String("chart", "deploy/helm/court-12368", "the chart's folder")
	attributes := flag.String("search-attributes", "workflows,libs", "comma-separated folders whose defineSearchAttributeKey calls the hook Job must register")
	verbose := flag.Bool("v", false, "list every object")
	print := flag.Bool("print", false, "print the rendered manifests too")
	flag.Parse()
	// Helm logs each missing required value as a warning too; the problems below say it once.
	slog.SetDefault(slog.New(slog.DiscardHandler))

	files, err := filepath.Glob(filepath.Join(*chartDir, "values-*.yaml"))
	if err != nil || len(files) == 0 {
		fmt.Fprintf(os.Stderr, "helm-check: no values-*.yaml in %s\n", *chartDir)
		os.Exit(2)
	}
	sort.Strings(files)
	want, err := codeSearchAttributes(strings.Split(*attributes, ","))
	if err != nil {
		fmt.Fprintf(os.Stderr, "helm-check: %v\n", err)
		os.Exit(2)
	}

	passed, failed := 0, 0
	for _, file := range files {
		res := checkValues(*chartDir, []string{file}, want)
		if *print {
			for _, m := range res.manifests {
				fmt.Printf("---\n%s\n", m.yaml)
			}
		}
		status := "ok"
		if len(res.problems) > 0 {
			status = "FAIL"
			failed++
		} else {
			passed++
		}
		fmt.Printf("%-4s %s: %d objects rendered and validated\n", status, filepath.Base(file), len(res.objects))
		if *verbose {
			for _, obj := range res.objects {
				fmt.Printf("       %s (%s)\n", obj, obj.gvk.GroupVersion())
			}
		}
		for _, problem := range res.problems {
			fmt.Printf("       %s\n", problem)
		}
	}
	fmt.Printf("helm-check: %d passed, %d failed\n", passed, failed)
	if failed > 0 {
		os.Exit(1)
	}
}
