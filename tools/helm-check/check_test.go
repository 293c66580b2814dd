package main

import (
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
)

const chartDir = "../../deploy/helm/court-12368"

func TestMain(m *testing.M) {
	slog.SetDefault(slog.New(slog.DiscardHandler))
	os.Exit(m.Run())
}

var codeFolders = []string{"../../workflows", "../../libs"}

func searchAttributes(t *testing.T) []string {
	t.Helper()
	want, err := codeSearchAttributes(codeFolders)
	if err != nil {
		t.Fatal(err)
	}
	return want
}

// checkWith renders the chart with values-minimal.yaml and then the given YAML on top.
func checkWith(t *testing.T, overrides string) result {
	t.Helper()
	files := []string{"testdata/values-minimal.yaml"}
	if overrides != "" {
		path := filepath.Join(t.TempDir(), "overrides.yaml")
		if err := os.WriteFile(path, []byte(overrides), 0o600); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	return checkValues(chartDir, files, searchAttributes(t))
}

func expectProblem(t *testing.T, res result, want string) {
	t.Helper()
	for _, problem := range res.problems {
		if strings.Contains(problem, want) {
			return
		}
	}
	t.Fatalf("expected a problem containing %q, got %q", want, res.problems)
}

func validateFixture(t *testing.T, name string) []string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "manifests", name))
	if err != nil {
		t.Fatal(err)
	}
	_, problems := validateManifest(manifest{source: name, yaml: string(raw)})
	return problems
}

func TestTheExampleValuesFilesRenderAndValidate(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(chartDir, "values-*.yaml"))
	if len(files) < 2 {
		t.Fatalf("expected the example values files, found %v", files)
	}
	for _, file := range files {
		res := checkValues(chartDir, []string{file}, searchAttributes(t))
		if len(res.problems) > 0 {
			t.Errorf("%s: %q", file, res.problems)
		}
		if len(res.objects) < 14 {
			t.Errorf("%s: only %d objects rendered", file, len(res.objects))
		}
	}
}

func TestTheGoodFixtureValidates(t *testing.T) {
	if problems := validateFixture(t, "good-deployment.yaml"); len(problems) > 0 {
		t.Fatalf("the good fixture should pass: %q", problems)
	}
}

func TestBadManifestsFail(t *testing.T) {
	cases := map[string]string{
		"bad-misspelled-field.yaml":  `unknown field "spec.replicass"`,
		"bad-wrong-type.yaml":        "cannot unmarshal string",
		"bad-no-image.yaml":          "spec.template.spec.containers[0].image: Required value",
		"bad-selector-mismatch.yaml": "`selector` does not match template `labels`",
		"bad-unknown-kind.yaml":      "no kind \"Widget\"",
	}
	for name, want := range cases {
		t.Run(name, func(t *testing.T) {
			problems := validateFixture(t, name)
			if !strings.Contains(strings.Join(problems, "\n"), want) {
				t.Fatalf("expected %q, got %q", want, problems)
			}
		})
	}
}

func TestMinimalValuesPass(t *testing.T) {
	if res := checkWith(t, ""); len(res.problems) > 0 {
		t.Fatalf("%q", res.problems)
	}
}

func TestTheDefaultsAloneRenderNoSecretAndSayWhatIsMissing(t *testing.T) {
	res := checkValues(chartDir, nil, searchAttributes(t))
	expectProblem(t, res, "secrets.values.jwtSecret")
	for _, obj := range res.objects {
		if _, ok := obj.typed.(*corev1.Secret); ok {
			t.Fatalf("the defaults rendered a Secret: %s", obj)
		}
	}
}

func TestSecretsFromValuesAreBase64DataAndPassedFromTheSecret(t *testing.T) {
	res := checkValues(chartDir, []string{"testdata/values-with-secrets.yaml"}, searchAttributes(t))
	if len(res.problems) > 0 {
		t.Fatalf("%q", res.problems)
	}
	var secret *corev1.Secret
	for _, obj := range res.objects {
		if s, ok := obj.typed.(*corev1.Secret); ok {
			secret = s
		}
	}
	if secret == nil || string(secret.Data["jwt-secret"]) != "test-only-jwt-secret-0123456789abcdef" {
		t.Fatalf("expected the app Secret with jwt-secret, got %v", secret)
	}
}

func TestASecretFromTheDefaultsIsCaught(t *testing.T) {
	secret := &corev1.Secret{Data: map[string][]byte{"jwt-secret": []byte("from-a-default")}}
	secret.Name = "app"
	problems := secretRules(secret, map[string]string{})
	if len(problems) != 1 {
		t.Fatalf("expected one problem, got %q", problems)
	}
}

func TestTheValuesSchemaRefusesBadValues(t *testing.T) {
	cases := map[string]string{
		"reporting:\n  replicas: 2\n":                         "reporting/replicas",
		"worker:\n  terminationGracePeriodSeconds: 30\n":      "worker/terminationGracePeriodSeconds",
		"intake:\n  replicass: 3\n":                           "replicass",
		"intake:\n  replicas: two\n":                          "intake/replicas",
		"secrets:\n  as: plain\n":                             "secrets/as",
		"attachments:\n  persistence:\n    accessMode: RWX\n": "accessMode",
	}
	for overrides, want := range cases {
		t.Run(want, func(t *testing.T) {
			expectProblem(t, checkWith(t, overrides), want)
		})
	}
}

func TestTwoIntakesNeedAReadWriteManyClaim(t *testing.T) {
	res := checkWith(t, "attachments:\n  persistence:\n    accessMode: ReadWriteOnce\n")
	expectProblem(t, res, "more than one intake needs ReadWriteMany")
}

func TestTheWorkerNeedsItsDisruptionBudget(t *testing.T) {
	res := checkWith(t, "worker:\n  pdb:\n    enabled: false\n")
	expectProblem(t, res, "Deployment court-12368-worker has no PodDisruptionBudget")
}

func TestABudgetThatBlocksDrainsIsCaught(t *testing.T) {
	res := checkWith(t, "notification:\n  replicas: 1\n")
	expectProblem(t, res, "PodDisruptionBudget court-12368-notification: minAvailable 1 of 1 replicas")
}

func TestDeploymentRulesCatchMissingLimitsProbesAndPlainSecrets(t *testing.T) {
	res := checkWith(t, "")
	var worker *appsv1.Deployment
	for _, obj := range res.objects {
		if d, ok := obj.typed.(*appsv1.Deployment); ok && d.Labels[componentLabel] == "worker" {
			worker = d.DeepCopy()
		}
	}
	if worker == nil {
		t.Fatal("no worker Deployment rendered")
	}
	container := &worker.Spec.Template.Spec.Containers[0]
	container.Resources.Limits = nil
	container.LivenessProbe = nil
	container.Env = append(container.Env, corev1.EnvVar{Name: "JWT_SECRET", Value: "plain"})
	grace := int64(30)
	worker.Spec.Template.Spec.TerminationGracePeriodSeconds = &grace
	problems := strings.Join(deploymentRules(worker), "\n")
	for _, want := range []string{"no cpu limit", "no memory limit", "liveness probes", "sets JWT_SECRET in plain text", "terminationGracePeriodSeconds must be ≥ 50"} {
		if !strings.Contains(problems, want) {
			t.Errorf("expected %q in %q", want, problems)
		}
	}
}

func TestTheSearchAttributeJobMatchesTheCode(t *testing.T) {
	want := searchAttributes(t)
	if len(want) < 6 {
		t.Fatalf("expected the ticket search attributes, got %v", want)
	}
	res := checkWith(t, "temporal:\n  searchAttributesJob:\n    enabled: true\n")
	if len(res.problems) > 0 {
		t.Fatalf("%q", res.problems)
	}
	if problems := searchAttributeRule(res.objects, append(want[1:], "TicketExtra=Keyword")); len(problems) != 1 {
		t.Fatalf("a list that differs from the code must fail, got %q", problems)
	}
}
