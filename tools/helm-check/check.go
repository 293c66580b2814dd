package main

import "fmt"

// result is what one set of values files rendered and what was wrong with it.
type result struct {
	manifests []manifest
	objects   []object
	problems  []string
}

// checkValues renders the chart with values files (as helm install -f a -f b) and checks every
// object: helm lint, the values schema (while rendering), strict decoding, the API's
// validation, the chart rules.
func checkValues(chartDir string, valuesFiles []string, searchAttributes []string) result {
	var out result
	fail := func(format string, args ...any) { out.problems = append(out.problems, fmt.Sprintf(format, args...)) }

	vals, err := mergeValueFiles(valuesFiles)
	if err != nil {
		fail("values: %v", err)
		return out
	}
	for _, err := range lintChart(chartDir, vals) {
		fail("helm lint: %v", err)
	}
	manifests, err := renderChart(chartDir, vals)
	if err != nil {
		fail("%v", err)
		return out
	}
	out.manifests = manifests
	for _, m := range manifests {
		obj, problems := validateManifest(m)
		out.problems = append(out.problems, problems...)
		if obj != nil {
			out.objects = append(out.objects, *obj)
		}
	}
	out.problems = append(out.problems, chartRules(out.objects, secretValuesOf(vals))...)
	out.problems = append(out.problems, searchAttributeRule(out.objects, searchAttributes)...)
	return out
}

// validateManifest decodes one rendered object strictly and runs the API's validation on it.
func validateManifest(m manifest) (*object, []string) {
	obj, err := decodeManifest(m)
	if err != nil {
		return nil, []string{err.Error()}
	}
	if obj == nil {
		return nil, nil
	}
	var problems []string
	errs, err := validateWithAPI(*obj)
	if err != nil {
		problems = append(problems, err.Error())
	}
	for _, e := range errs {
		problems = append(problems, fmt.Sprintf("%s (%s): %v", obj, obj.source, e))
	}
	return obj, problems
}

// secretValuesOf reads secrets.values of the given values files, without the chart's defaults.
func secretValuesOf(vals map[string]any) map[string]string {
	out := map[string]string{}
	secrets, _ := vals["secrets"].(map[string]any)
	given, _ := secrets["values"].(map[string]any)
	for key, value := range given {
		if text, ok := value.(string); ok {
			out[key] = text
		}
	}
	return out
}
