package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	batchv1 "k8s.io/api/batch/v1"
)

var searchAttributeKey = regexp.MustCompile(`defineSearchAttributeKey\(\s*['"](\w+)['"],\s*SearchAttributeType\.(\w+)`)

// The Temporal CLI's names of the SDK's SearchAttributeType members.
var cliTypeNames = map[string]string{
	"KEYWORD": "Keyword", "TEXT": "Text", "INT": "Int", "DOUBLE": "Double",
	"BOOL": "Bool", "DATETIME": "Datetime", "KEYWORD_LIST": "KeywordList",
}

// codeSearchAttributes reads NAME=Type of every key that a defineSearchAttributeKey call
// under the folders defines (the workflows' contracts), sorted.
func codeSearchAttributes(folders []string) ([]string, error) {
	var out []string
	for _, folder := range folders {
		err := filepath.WalkDir(folder, func(path string, entry fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if entry.IsDir() && entry.Name() == "node_modules" {
				return filepath.SkipDir
			}
			if entry.IsDir() || !strings.HasSuffix(path, ".ts") || strings.HasSuffix(path, ".spec.ts") {
				return nil
			}
			found, err := searchAttributesIn(path)
			out = append(out, found...)
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no defineSearchAttributeKey call under %v", folders)
	}
	return sorted(out), nil
}

func searchAttributesIn(path string) ([]string, error) {
	source, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, match := range searchAttributeKey.FindAllStringSubmatch(string(source), -1) {
		cliType, ok := cliTypeNames[match[2]]
		if !ok {
			return nil, fmt.Errorf("%s: unknown search attribute type %s", path, match[2])
		}
		out = append(out, match[1]+"="+cliType)
	}
	return out, nil
}

// searchAttributeRule: the hook Job registers exactly the attributes the workflows set.
func searchAttributeRule(objects []object, want []string) []string {
	for _, obj := range objects {
		job, ok := obj.typed.(*batchv1.Job)
		if !ok || !strings.HasSuffix(job.Name, "-temporal-search-attributes") {
			continue
		}
		got := jobSearchAttributes(job)
		if !slices.Equal(sorted(got), want) {
			return []string{fmt.Sprintf("Job %s registers %v, the code defines %v", job.Name, got, want)}
		}
	}
	return nil
}

func sorted(list []string) []string {
	out := slices.Clone(list)
	slices.Sort(out)
	return out
}
