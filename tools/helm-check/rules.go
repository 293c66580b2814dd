package main

import (
	"fmt"
	"slices"
	"strings"

	monitoringv1 "github.com/prometheus-operator/prometheus-operator/pkg/apis/monitoring/v1"
	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
)

const componentLabel = "app.kubernetes.io/component"

// The worker drains for up to 40 s (shutdownGraceTime) before Nest closes the app.
const minWorkerGraceSeconds = 50

// secretSettings may reach a container only from a Secret (secretKeyRef or a mounted file).
var secretSettings = []string{
	"JWT_SECRET", "PAYLOAD_KEYS", "MONGODB_URI", "ALIYUN_SMS_ACCESS_KEY_SECRET", "TEMPORAL_API_KEY", "METRICS_TOKEN",
}

// chartRules are this chart's own rules over everything one values file renders.
func chartRules(objects []object, userSecretValues map[string]string) []string {
	var problems []string
	var deployments []*appsv1.Deployment
	var budgets []*policyv1.PodDisruptionBudget
	for _, obj := range objects {
		switch typed := obj.typed.(type) {
		case *appsv1.Deployment:
			deployments = append(deployments, typed)
			problems = append(problems, deploymentRules(typed)...)
		case *policyv1.PodDisruptionBudget:
			budgets = append(budgets, typed)
		case *batchv1.Job:
			problems = append(problems, podRules("Job "+typed.Name, &typed.Spec.Template.Spec)...)
		case *corev1.ConfigMap:
			problems = append(problems, configMapRules(typed)...)
		case *corev1.Secret:
			problems = append(problems, secretRules(typed, userSecretValues)...)
		case *monitoringv1.ServiceMonitor:
			// its endpoints name Service ports; checked with the Services below
		}
	}
	problems = append(problems, disruptionRules(deployments, budgets)...)
	problems = append(problems, replicaRules(deployments)...)
	return problems
}

func deploymentRules(d *appsv1.Deployment) []string {
	where := "Deployment " + d.Name
	problems := podRules(where, &d.Spec.Template.Spec)
	for _, c := range d.Spec.Template.Spec.Containers {
		if c.StartupProbe == nil || c.ReadinessProbe == nil || c.LivenessProbe == nil {
			problems = append(problems, fmt.Sprintf("%s: container %s needs startup, readiness and liveness probes", where, c.Name))
		}
		for _, probe := range []*corev1.Probe{c.StartupProbe, c.ReadinessProbe, c.LivenessProbe} {
			if probe != nil && (probe.HTTPGet == nil || probe.HTTPGet.Path != "/health") {
				problems = append(problems, fmt.Sprintf("%s: container %s: every probe is GET /health", where, c.Name))
				break
			}
		}
	}
	if d.Labels[componentLabel] == "worker" {
		grace := d.Spec.Template.Spec.TerminationGracePeriodSeconds
		if grace == nil || *grace < minWorkerGraceSeconds {
			problems = append(problems, fmt.Sprintf("%s: terminationGracePeriodSeconds must be ≥ %d (the worker drains for 40 s)", where, minWorkerGraceSeconds))
		}
	}
	return problems
}

// podRules: resources, a locked-down security context, no secret in a plain env value.
func podRules(where string, spec *corev1.PodSpec) []string {
	var problems []string
	podNonRoot := spec.SecurityContext != nil && isTrue(spec.SecurityContext.RunAsNonRoot)
	for _, c := range slices.Concat(spec.InitContainers, spec.Containers) {
		at := fmt.Sprintf("%s: container %s", where, c.Name)
		for _, name := range []corev1.ResourceName{corev1.ResourceCPU, corev1.ResourceMemory} {
			if _, ok := c.Resources.Limits[name]; !ok {
				problems = append(problems, fmt.Sprintf("%s has no %s limit", at, name))
			}
			if _, ok := c.Resources.Requests[name]; !ok {
				problems = append(problems, fmt.Sprintf("%s has no %s request", at, name))
			}
		}
		sc := c.SecurityContext
		if !podNonRoot && (sc == nil || !isTrue(sc.RunAsNonRoot)) {
			problems = append(problems, at+" may run as root (runAsNonRoot)")
		}
		if sc == nil || !isTrue(sc.ReadOnlyRootFilesystem) || sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation {
			problems = append(problems, at+" needs readOnlyRootFilesystem and allowPrivilegeEscalation: false")
		}
		for _, env := range c.Env {
			if slices.Contains(secretSettings, env.Name) && env.ValueFrom == nil {
				problems = append(problems, fmt.Sprintf("%s sets %s in plain text: take it from a Secret", at, env.Name))
			}
		}
	}
	return problems
}

func configMapRules(cm *corev1.ConfigMap) []string {
	var problems []string
	for key := range cm.Data {
		if slices.Contains(secretSettings, key) {
			problems = append(problems, fmt.Sprintf("ConfigMap %s holds %s: it belongs in a Secret", cm.Name, key))
		}
	}
	return problems
}

// secretRules: the chart writes a Secret only from secret values the values file itself
// gives, never from the chart's defaults.
func secretRules(secret *corev1.Secret, userSecretValues map[string]string) []string {
	var problems []string
	given := map[string]bool{}
	for _, value := range userSecretValues {
		if value != "" {
			given[value] = true
		}
	}
	for key, value := range secret.Data {
		if !given[string(value)] {
			problems = append(problems, fmt.Sprintf("Secret %s: %s does not come from the values file's secrets.values (a default?)", secret.Name, key))
		}
	}
	for key := range secret.StringData {
		problems = append(problems, fmt.Sprintf("Secret %s: %s in stringData: use data", secret.Name, key))
	}
	return problems
}

// disruptionRules: the worker and the intake have a PodDisruptionBudget that selects their
// pods and still lets a drain evict one.
func disruptionRules(deployments []*appsv1.Deployment, budgets []*policyv1.PodDisruptionBudget) []string {
	var problems []string
	for _, d := range deployments {
		component := d.Labels[componentLabel]
		var budget *policyv1.PodDisruptionBudget
		for _, b := range budgets {
			selector, err := metav1.LabelSelectorAsSelector(b.Spec.Selector)
			if err == nil && selector.Matches(labels.Set(d.Spec.Template.Labels)) {
				budget = b
			}
		}
		if budget == nil {
			if component == "worker" || component == "intake" {
				problems = append(problems, fmt.Sprintf("Deployment %s has no PodDisruptionBudget", d.Name))
			}
			continue
		}
		replicas := int32(1)
		if d.Spec.Replicas != nil {
			replicas = *d.Spec.Replicas
		}
		if budget.Spec.MinAvailable != nil && budget.Spec.MinAvailable.IntValue() >= int(replicas) {
			problems = append(problems, fmt.Sprintf("PodDisruptionBudget %s: minAvailable %s of %d replicas blocks every drain", budget.Name, budget.Spec.MinAvailable.String(), replicas))
		}
	}
	return problems
}

// replicaRules: exactly one reporting service, never two even during a rollout.
func replicaRules(deployments []*appsv1.Deployment) []string {
	var problems []string
	for _, d := range deployments {
		if d.Labels[componentLabel] != "reporting" {
			continue
		}
		if d.Spec.Replicas == nil || *d.Spec.Replicas != 1 {
			problems = append(problems, "Deployment "+d.Name+": the reporting service runs exactly one replica")
		}
		if d.Spec.Strategy.Type != appsv1.RecreateDeploymentStrategyType {
			problems = append(problems, "Deployment "+d.Name+": the reporting service rolls out with Recreate")
		}
	}
	return problems
}

func isTrue(b *bool) bool { return b != nil && *b }

// jobSearchAttributes reads the NAME=Type list of the search-attribute Job's script.
func jobSearchAttributes(job *batchv1.Job) []string {
	for _, c := range job.Spec.Template.Spec.Containers {
		for _, arg := range slices.Concat(c.Command, c.Args) {
			for line := range strings.SplitSeq(arg, "\n") {
				rest, ok := strings.CutPrefix(strings.TrimSpace(line), "for attribute in ")
				if ok {
					list, _, _ := strings.Cut(rest, ";")
					return strings.Fields(list)
				}
			}
		}
	}
	return nil
}
