package main

import (
	"fmt"
	"sort"
	"strings"

	"helm.sh/helm/v4/pkg/action"
	"helm.sh/helm/v4/pkg/chart/common"
	"helm.sh/helm/v4/pkg/chart/v2/loader"
	"helm.sh/helm/v4/pkg/cli/values"
	"helm.sh/helm/v4/pkg/getter"
	release "helm.sh/helm/v4/pkg/release/v1"
	releaseutil "helm.sh/helm/v4/pkg/release/v1/util"
)

// releaseName and releaseNamespace stand in for an install's, as `helm template` does.
const (
	releaseName      = "court-12368"
	releaseNamespace = "court-12368"
)

// kubeVersion is the Kubernetes release whose API types and validation (k8s.io/kubernetes in
// go.mod) the check uses; the chart is rendered for it.
var kubeVersion = mustParseKubeVersion("v1.37.2")

func mustParseKubeVersion(version string) *common.KubeVersion {
	parsed, err := common.ParseKubeVersion(version)
	must(err)
	return parsed
}

// manifest is one rendered object's YAML and the template it came from.
type manifest struct {
	source string
	yaml   string
}

// mergeValueFiles reads values files as `helm install -f a -f b` does, later ones winning.
func mergeValueFiles(files []string) (map[string]any, error) {
	options := values.Options{ValueFiles: files}
	return options.MergeValues(getter.Providers{})
}

// renderChart renders the chart as `helm template` (client-side dry run, no cluster): values
// checked against values.schema.json, the release's manifests and its hooks, one per object.
func renderChart(chartDir string, vals map[string]any) ([]manifest, error) {
	chrt, err := loader.Load(chartDir)
	if err != nil {
		return nil, fmt.Errorf("load chart: %w", err)
	}
	install := action.NewInstall(action.NewConfiguration())
	install.DryRunStrategy = action.DryRunClient
	install.ReleaseName = releaseName
	install.Namespace = releaseNamespace
	install.Replace = true
	install.KubeVersion = kubeVersion
	releaser, err := install.Run(chrt, vals)
	if err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	rel, ok := releaser.(*release.Release)
	if !ok {
		return nil, fmt.Errorf("render: unexpected release type %T", releaser)
	}
	return splitRelease(rel), nil
}

func splitRelease(rel *release.Release) []manifest {
	var out []manifest
	split := releaseutil.SplitManifests(rel.Manifest)
	keys := make([]string, 0, len(split))
	for key := range split {
		keys = append(keys, key)
	}
	sort.Sort(releaseutil.BySplitManifestsOrder(keys))
	for _, key := range keys {
		out = append(out, manifest{source: sourceOf(split[key]), yaml: split[key]})
	}
	for _, hook := range rel.Hooks {
		out = append(out, manifest{source: hook.Path, yaml: hook.Manifest})
	}
	return out
}

// sourceOf reads Helm's "# Source: chart/templates/x.yaml" line.
func sourceOf(doc string) string {
	for line := range strings.SplitSeq(doc, "\n") {
		if rest, ok := strings.CutPrefix(line, "# Source: "); ok {
			return rest
		}
	}
	return "?"
}

// lintChart runs `helm lint --strict` with the values: warnings count as errors.
func lintChart(chartDir string, vals map[string]any) []error {
	lint := action.NewLint()
	lint.Strict = true
	lint.Namespace = releaseNamespace
	lint.KubeVersion = kubeVersion
	result := lint.Run([]string{chartDir}, vals)
	return result.Errors
}
