{{/* The release's base name: <release>-court-12368, or the release name when it already says it. */}}
{{- define "court.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* The name of one service's objects: (dict "root" $ "component" "intake"). */}}
{{- define "court.componentName" -}}
{{- printf "%s-%s" (include "court.fullname" .root) .component | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "court.selectorLabels" -}}
app.kubernetes.io/name: {{ default .root.Chart.Name .root.Values.nameOverride }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "court.labels" -}}
{{ include "court.selectorLabels" . }}
app.kubernetes.io/part-of: court-12368
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "court.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{- define "court.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "court.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* The Secret with the app's own secrets: the one given, or the chart's. */}}
{{- define "court.appSecretName" -}}
{{- default (printf "%s-app" (include "court.fullname" .)) .Values.secrets.existingSecret -}}
{{- end -}}

{{- define "court.mongodbSecretName" -}}
{{- required "mongodb.existingSecret: name the Secret that holds the MongoDB URI (credentials inside)" .Values.mongodb.existingSecret -}}
{{- end -}}

{{/* Where secret files are mounted in every app container. */}}
{{- define "court.secretsDir" -}}/etc/court-12368/secrets{{- end -}}
{{- define "court.temporalTlsDir" -}}/etc/court-12368/temporal-tls{{- end -}}

{{- define "court.usesAliyunSms" -}}
{{- if eq .Values.sms.provider "aliyun" -}}true{{- end -}}
{{- end -}}

{{/* The attachments claim's access mode: ReadWriteMany as soon as two intakes share it. */}}
{{- define "court.attachmentsAccessMode" -}}
{{- $persistence := .Values.attachments.persistence -}}
{{- if $persistence.accessMode -}}
{{- $persistence.accessMode -}}
{{- else if gt (int .Values.intake.replicas) 1 -}}
ReadWriteMany
{{- else -}}
ReadWriteOnce
{{- end -}}
{{- end -}}

{{- define "court.podSecurityContext" -}}
runAsNonRoot: true
# the image's "node" user
runAsUser: 1000
runAsGroup: 1000
fsGroup: 1000
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "court.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop: ["ALL"]
{{- end -}}

{{/* A secret setting: NAME_FILE pointing at the mounted file, or NAME from the Secret. */}}
{{- define "court.secretEnv" -}}
{{- if eq .root.Values.secrets.as "files" }}
- name: {{ .name }}_FILE
  value: {{ printf "%s/%s" (include "court.secretsDir" .root) .file | quote }}
{{- else }}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ .secret }}
      key: {{ .key }}
{{- end }}
{{- end -}}

{{/* What every app container reads beyond the shared ConfigMap: (dict "root" $ "component" name). */}}
{{- define "court.appEnv" -}}
{{- $root := .root -}}
{{- $values := $root.Values -}}
{{- $appSecret := include "court.appSecretName" $root -}}
- name: TEMPORAL_ADDRESS
  value: {{ required "temporal.address: the Temporal frontend, host:port" $values.temporal.address | quote }}
- name: TEMPORAL_NAMESPACE
  value: {{ $values.temporal.namespace | quote }}
- name: PAYLOAD_KEY_FILE
  value: {{ printf "%s/payload-keys" (include "court.secretsDir" $root) | quote }}
{{- include "court.secretEnv" (dict "root" $root "name" "MONGODB_URI" "file" "mongodb-uri" "secret" (include "court.mongodbSecretName" $root) "key" $values.mongodb.uriKey) }}
{{- if $values.temporal.tls.enabled }}
- name: TEMPORAL_TLS
  value: "true"
{{- end }}
{{- with $values.temporal.tls.existingSecret }}
- name: TEMPORAL_TLS_CERT_FILE
  value: {{ printf "%s/tls.crt" (include "court.temporalTlsDir" $root) | quote }}
- name: TEMPORAL_TLS_KEY_FILE
  value: {{ printf "%s/tls.key" (include "court.temporalTlsDir" $root) | quote }}
{{- if $values.temporal.tls.caKey }}
- name: TEMPORAL_TLS_CA_FILE
  value: {{ printf "%s/ca.crt" (include "court.temporalTlsDir" $root) | quote }}
{{- end }}
{{- end }}
{{- with $values.temporal.tls.serverName }}
- name: TEMPORAL_TLS_SERVER_NAME
  value: {{ . | quote }}
{{- end }}
{{- with $values.temporal.apiKey.existingSecret }}
{{- include "court.secretEnv" (dict "root" $root "name" "TEMPORAL_API_KEY" "file" "temporal-api-key" "secret" . "key" $values.temporal.apiKey.key) }}
{{- end }}
{{- if $values.metrics.requireToken }}
{{- include "court.secretEnv" (dict "root" $root "name" "METRICS_TOKEN" "file" "metrics-token" "secret" $appSecret "key" $values.secrets.keys.metricsToken) }}
{{- end }}
{{- if ne .component "worker" }}
{{- include "court.secretEnv" (dict "root" $root "name" "JWT_SECRET" "file" "jwt-secret" "secret" $appSecret "key" $values.secrets.keys.jwtSecret) }}
{{- end }}
{{- if and (eq .component "notification") (include "court.usesAliyunSms" $root) }}
{{- include "court.secretEnv" (dict "root" $root "name" "ALIYUN_SMS_ACCESS_KEY_SECRET" "file" "aliyun-sms-access-key-secret" "secret" $appSecret "key" $values.secrets.keys.aliyunSmsAccessKeySecret) }}
{{- end }}
{{- end -}}

{{/*
The secret files of every app container, one projected volume: the app Secret's keys, the
MongoDB URI and the Temporal API key; the Temporal client certificate is a volume of its own.
*/}}
{{- define "court.secretVolumes" -}}
{{- $root := .root -}}
{{- $values := $root.Values -}}
{{- $files := eq $values.secrets.as "files" -}}
- name: secrets
  projected:
    # root:fsGroup, readable by the app's group only
    defaultMode: 0440
    sources:
      - secret:
          name: {{ include "court.appSecretName" $root }}
          items:
            - key: {{ $values.secrets.keys.payloadKeys }}
              path: payload-keys
            {{- if $files }}
            {{- if ne .component "worker" }}
            - key: {{ $values.secrets.keys.jwtSecret }}
              path: jwt-secret
            {{- end }}
            {{- if $values.metrics.requireToken }}
            - key: {{ $values.secrets.keys.metricsToken }}
              path: metrics-token
            {{- end }}
            {{- if and (eq .component "notification") (include "court.usesAliyunSms" $root) }}
            - key: {{ $values.secrets.keys.aliyunSmsAccessKeySecret }}
              path: aliyun-sms-access-key-secret
            {{- end }}
            {{- end }}
      {{- if $files }}
      - secret:
          name: {{ include "court.mongodbSecretName" $root }}
          items:
            - key: {{ $values.mongodb.uriKey }}
              path: mongodb-uri
      {{- with $values.temporal.apiKey.existingSecret }}
      - secret:
          name: {{ . }}
          items:
            - key: {{ $values.temporal.apiKey.key }}
              path: temporal-api-key
      {{- end }}
      {{- end }}
{{- with $values.temporal.tls.existingSecret }}
- name: temporal-tls
  secret:
    secretName: {{ . }}
    defaultMode: 0440
    items:
      - key: {{ $values.temporal.tls.certKey }}
        path: tls.crt
      - key: {{ $values.temporal.tls.keyKey }}
        path: tls.key
      {{- with $values.temporal.tls.caKey }}
      - key: {{ . }}
        path: ca.crt
      {{- end }}
{{- end }}
{{- end -}}

{{- define "court.secretVolumeMounts" -}}
- name: secrets
  mountPath: {{ include "court.secretsDir" . }}
  readOnly: true
{{- if .Values.temporal.tls.existingSecret }}
- name: temporal-tls
  mountPath: {{ include "court.temporalTlsDir" . }}
  readOnly: true
{{- end }}
{{- end -}}

{{/* Startup, readiness and liveness probes on GET /health of the given port name. */}}
{{- define "court.probes" -}}
{{- $probes := .root.Values.probes -}}
startupProbe:
  httpGet: { path: /health, port: {{ .port }} }
  {{- toYaml $probes.startup | nindent 2 }}
readinessProbe:
  httpGet: { path: /health, port: {{ .port }} }
  {{- toYaml $probes.readiness | nindent 2 }}
livenessProbe:
  httpGet: { path: /health, port: {{ .port }} }
  {{- toYaml $probes.liveness | nindent 2 }}
{{- end -}}
