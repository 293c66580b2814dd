package main

import (
	"fmt"

	monitoringv1 "github.com/prometheus-operator/prometheus-operator/pkg/apis/monitoring/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/runtime/serializer"
	clientgoscheme "k8s.io/client-go/kubernetes/scheme"
	"sigs.k8s.io/yaml"
)

// object is one rendered object decoded into its typed Go struct.
type object struct {
	source string
	gvk    schema.GroupVersionKind
	typed  runtime.Object
}

func (o object) String() string {
	return fmt.Sprintf("%s %s", o.gvk.Kind, nameOf(o.typed))
}

var typedScheme = newTypedScheme()

// newTypedScheme knows every built-in kind of the target Kubernetes release and the
// Prometheus Operator's ServiceMonitor; a kind outside it fails the check.
func newTypedScheme() *runtime.Scheme {
	scheme := runtime.NewScheme()
	must(clientgoscheme.AddToScheme(scheme))
	must(monitoringv1.AddToScheme(scheme))
	return scheme
}

// strictDecoder fails on a field the type does not have (`replicass`), a field given twice,
// and a value of the wrong type (`replicas: "two"`), as the API server's strict field
// validation (kubectl --validate=strict) does.
var strictDecoder = serializer.NewCodecFactory(typedScheme, serializer.EnableStrict).UniversalDeserializer()

func decodeManifest(m manifest) (*object, error) {
	data, err := yaml.YAMLToJSONStrict([]byte(m.yaml))
	if err != nil {
		return nil, fmt.Errorf("%s: not YAML: %w", m.source, err)
	}
	if string(data) == "null" {
		return nil, nil // a template that rendered nothing but comments
	}
	typed, gvk, err := strictDecoder.Decode(data, nil, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", m.source, err)
	}
	return &object{source: m.source, gvk: *gvk, typed: typed}, nil
}

func nameOf(obj runtime.Object) string {
	if named, ok := obj.(interface{ GetName() string }); ok {
		return named.GetName()
	}
	return "?"
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}
