package main

import (
	"fmt"

	monitoringv1 "github.com/prometheus-operator/prometheus-operator/pkg/apis/monitoring/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/apimachinery/pkg/util/validation/field"
	"k8s.io/kubernetes/pkg/api/legacyscheme"
	"k8s.io/kubernetes/pkg/api/pod"
	"k8s.io/kubernetes/pkg/apis/apps"
	_ "k8s.io/kubernetes/pkg/apis/apps/install"
	appsvalidation "k8s.io/kubernetes/pkg/apis/apps/validation"
	"k8s.io/kubernetes/pkg/apis/batch"
	_ "k8s.io/kubernetes/pkg/apis/batch/install"
	batchvalidation "k8s.io/kubernetes/pkg/apis/batch/validation"
	"k8s.io/kubernetes/pkg/apis/core"
	_ "k8s.io/kubernetes/pkg/apis/core/install"
	corevalidation "k8s.io/kubernetes/pkg/apis/core/validation"
	"k8s.io/kubernetes/pkg/apis/networking"
	_ "k8s.io/kubernetes/pkg/apis/networking/install"
	networkingvalidation "k8s.io/kubernetes/pkg/apis/networking/validation"
	"k8s.io/kubernetes/pkg/apis/policy"
	_ "k8s.io/kubernetes/pkg/apis/policy/install"
	policyvalidation "k8s.io/kubernetes/pkg/apis/policy/validation"
)

// validateWithAPI runs what the API server runs on create, without a server: the versioned
// object is defaulted, converted to the internal type and given to the kind's validation from
// k8s.io/kubernetes (required fields such as a container's image, names, selectors matching
// the template, ports, quantities…). A kind without a validator here is an error, so that
// nothing the chart renders goes unchecked.
func validateWithAPI(obj object) (field.ErrorList, error) {
	if monitor, ok := obj.typed.(*monitoringv1.ServiceMonitor); ok {
		return validateServiceMonitor(monitor), nil
	}
	versioned := obj.typed.DeepCopyObject()
	if meta, ok := versioned.(metav1.Object); ok && meta.GetNamespace() == "" {
		meta.SetNamespace(releaseNamespace) // the API server takes it from the request
	}
	legacyscheme.Scheme.Default(versioned)
	internalVersion := obj.gvk.GroupVersion().WithKind(obj.gvk.Kind).GroupKind().WithVersion(runtime.APIVersionInternal).GroupVersion()
	internal, err := legacyscheme.Scheme.ConvertToVersion(versioned, internalVersion)
	if err != nil {
		return nil, fmt.Errorf("convert %s to the internal version: %w", obj, err)
	}
	switch typed := internal.(type) {
	case *core.ConfigMap:
		return corevalidation.ValidateConfigMap(typed), nil
	case *core.Secret:
		return corevalidation.ValidateSecret(typed), nil
	case *core.ServiceAccount:
		return corevalidation.ValidateServiceAccount(typed), nil
	case *core.Service:
		return corevalidation.ValidateServiceCreate(typed), nil
	case *core.PersistentVolumeClaim:
		return corevalidation.ValidatePersistentVolumeClaim(typed, corevalidation.ValidationOptionsForPersistentVolumeClaimCreate()), nil
	case *apps.Deployment:
		return appsvalidation.ValidateDeployment(typed, pod.GetValidationOptionsFromPodTemplate(&typed.Spec.Template, nil)), nil
	case *policy.PodDisruptionBudget:
		return policyvalidation.ValidatePodDisruptionBudget(typed, policyvalidation.PodDisruptionBudgetValidationOptions{}), nil
	case *networking.NetworkPolicy:
		return networkingvalidation.ValidateNetworkPolicy(typed, networkingvalidation.ValidationOptionsForNetworking(typed, nil)), nil
	case *networking.Ingress:
		return networkingvalidation.ValidateIngressCreate(typed), nil
	case *batch.Job:
		generateJobSelector(typed)
		opts := batchvalidation.JobValidationOptions{
			PodValidationOptions:  pod.GetValidationOptionsFromPodTemplate(&typed.Spec.Template, nil),
			RequirePrefixedLabels: true,
		}
		return batchvalidation.ValidateJobCreate(typed, opts), nil
	default:
		return nil, fmt.Errorf("%s: no API validation for %s here: add it to apivalidation.go", obj.source, obj.gvk)
	}
}

// generateJobSelector does what the Job registry does before validating a new Job without a
// manual selector: a uid, and the labels and selector made from it.
func generateJobSelector(job *batch.Job) {
	if job.Spec.ManualSelector != nil && *job.Spec.ManualSelector {
		return
	}
	job.UID = types.UID("00000000-0000-4000-8000-000000000000")
	if job.Spec.Template.Labels == nil {
		job.Spec.Template.Labels = map[string]string{}
	}
	for _, label := range []string{batch.LegacyJobNameLabel, batch.JobNameLabel} {
		if _, found := job.Spec.Template.Labels[label]; !found {
			job.Spec.Template.Labels[label] = job.Name
		}
	}
	for _, label := range []string{batch.LegacyControllerUidLabel, batch.ControllerUidLabel} {
		if _, found := job.Spec.Template.Labels[label]; !found {
			job.Spec.Template.Labels[label] = string(job.UID)
		}
	}
	if job.Spec.Selector == nil {
		job.Spec.Selector = &metav1.LabelSelector{}
	}
	if job.Spec.Selector.MatchLabels == nil {
		job.Spec.Selector.MatchLabels = map[string]string{}
	}
	job.Spec.Selector.MatchLabels[batch.ControllerUidLabel] = string(job.UID)
}

// validateServiceMonitor checks what the CRD's schema requires of a ServiceMonitor (its
// fields and types were checked by the strict decoding): a selector and named endpoints.
func validateServiceMonitor(monitor *monitoringv1.ServiceMonitor) field.ErrorList {
	var errs field.ErrorList
	spec := field.NewPath("spec")
	if len(monitor.Spec.Selector.MatchLabels) == 0 && len(monitor.Spec.Selector.MatchExpressions) == 0 {
		errs = append(errs, field.Required(spec.Child("selector"), "select the chart's Services"))
	}
	if len(monitor.Spec.Endpoints) == 0 {
		errs = append(errs, field.Required(spec.Child("endpoints"), ""))
	}
	for i, endpoint := range monitor.Spec.Endpoints {
		if endpoint.Port == "" {
			errs = append(errs, field.Required(spec.Child("endpoints").Index(i).Child("port"), "a Service port name"))
		}
	}
	return errs
}
