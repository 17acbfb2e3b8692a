{{/* Names and labels come only from here. */}}

{{- define "custodia.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "custodia.fullname" -}}
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

{{/* A component's resource name: custodia.component (dict "root" . "component" "backend") */}}
{{- define "custodia.component" -}}
{{- printf "%s-%s" (include "custodia.fullname" .root | trunc 50 | trimSuffix "-") .component -}}
{{- end -}}

{{- define "custodia.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels of every resource; pass (dict "root" . "component" "backend"). */}}
{{- define "custodia.labels" -}}
helm.sh/chart: {{ include "custodia.chart" .root }}
{{ include "custodia.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: custodia
{{- with .root.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "custodia.selectorLabels" -}}
app.kubernetes.io/name: {{ include "custodia.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* Selects every pod of the release (the default-deny NetworkPolicy). */}}
{{- define "custodia.releaseSelector" -}}
app.kubernetes.io/name: {{ include "custodia.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* image reference: custodia.image (dict "root" . "image" .Values.backend.image) */}}
{{- define "custodia.image" -}}
{{- $tag := .image.tag | default .root.Chart.AppVersion -}}
{{- if eq $tag "latest" -}}
{{- fail "image tags must be explicit versions, never latest" -}}
{{- end -}}
{{- printf "%s:%s" .image.repository $tag -}}
{{- end -}}

{{/* The pod security context every pod of the chart shares. */}}
{{- define "custodia.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .uid | default 10001 }}
runAsGroup: {{ .uid | default 10001 }}
fsGroup: {{ .uid | default 10001 }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* The container security context every container of the chart shares. */}}
{{- define "custodia.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
privileged: false
capabilities:
  drop: ["ALL"]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "custodia.imagePullSecrets" -}}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
{{- range . }}
  - name: {{ . | quote }}
{{- end }}
{{- end }}
{{- end -}}

{{/* Topology spread over zones and nodes: custodia.topologySpread (dict "root" . "component" "backend" "spread" .Values.backend.topologySpread) */}}
{{- define "custodia.topologySpread" -}}
{{- if .spread.enabled }}
topologySpreadConstraints:
  - maxSkew: {{ .spread.maxSkew }}
    topologyKey: topology.kubernetes.io/zone
    whenUnsatisfiable: ScheduleAnyway
    labelSelector:
      matchLabels:
        {{- include "custodia.selectorLabels" . | nindent 8 }}
    matchLabelKeys: [pod-template-hash]
  - maxSkew: {{ .spread.maxSkew }}
    topologyKey: kubernetes.io/hostname
    whenUnsatisfiable: {{ if .spread.strictNodes }}DoNotSchedule{{ else }}ScheduleAnyway{{ end }}
    labelSelector:
      matchLabels:
        {{- include "custodia.selectorLabels" . | nindent 8 }}
    matchLabelKeys: [pod-template-hash]
{{- end }}
{{- end -}}

{{/* Database host and port the backend and the migration Job use. */}}
{{- define "custodia.dbHost" -}}
{{- if eq .Values.database.mode "cloudnativepg" -}}
{{- printf "%s-rw" (include "custodia.component" (dict "root" . "component" "db")) -}}
{{- else -}}
{{- .Values.database.external.host -}}
{{- end -}}
{{- end -}}

{{- define "custodia.dbPort" -}}
{{- if eq .Values.database.mode "cloudnativepg" -}}5432{{- else -}}{{ .Values.database.external.port }}{{- end -}}
{{- end -}}

{{/* CloudNativePG serves TLS with its own CA: require encryption; external servers use database.external.sslMode. */}}
{{- define "custodia.dbSslMode" -}}
{{- if eq .Values.database.mode "cloudnativepg" -}}require{{- else -}}{{ .Values.database.external.sslMode }}{{- end -}}
{{- end -}}

{{- define "custodia.keycloakUrl" -}}
{{- .Values.keycloak.url | trimSuffix "/" -}}
{{- end -}}

{{/* Host part of keycloak.url (the bundled Keycloak's Ingress host). */}}
{{- define "custodia.keycloakHost" -}}
{{- (urlParse (include "custodia.keycloakUrl" .)).host | splitList ":" | first -}}
{{- end -}}

{{/* Name of the Secret-free ConfigMap of the backend's settings. */}}
{{- define "custodia.backendConfigName" -}}
{{- include "custodia.component" (dict "root" . "component" "backend") -}}
{{- end -}}
