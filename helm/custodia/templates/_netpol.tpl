{{/* NetworkPolicy peers shared by the policies in templates/networkpolicy/. */}}

{{- define "custodia.netpol.dns" -}}
- to:
    - namespaceSelector:
        {{- toYaml .Values.networkPolicy.dns.namespaceSelector | nindent 8 }}
      podSelector:
        {{- toYaml .Values.networkPolicy.dns.podSelector | nindent 8 }}
  ports:
    - port: 53
      protocol: UDP
    - port: 53
      protocol: TCP
{{- end -}}

{{- define "custodia.netpol.ingressController" -}}
- namespaceSelector:
    {{- toYaml .Values.networkPolicy.ingressController.namespaceSelector | nindent 4 }}
  podSelector:
    {{- toYaml .Values.networkPolicy.ingressController.podSelector | nindent 4 }}
{{- end -}}

{{- define "custodia.netpol.prometheus" -}}
- namespaceSelector:
    {{- toYaml .Values.networkPolicy.prometheus.namespaceSelector | nindent 4 }}
  podSelector:
    {{- toYaml .Values.networkPolicy.prometheus.podSelector | nindent 4 }}
{{- end -}}

{{/* A chart component's pods: custodia.netpol.component (dict "root" . "component" "backend") */}}
{{- define "custodia.netpol.component" -}}
- podSelector:
    matchLabels:
      {{- include "custodia.selectorLabels" . | nindent 6 }}
{{- end -}}

{{/* Egress to Custodia's PostgreSQL (the CloudNativePG Cluster's pods, or the external server). */}}
{{- define "custodia.netpol.database" -}}
{{- if eq .Values.database.mode "cloudnativepg" -}}
- to:
    - podSelector:
        matchLabels:
          cnpg.io/cluster: {{ include "custodia.component" (dict "root" . "component" "db") }}
  ports:
    - port: 5432
      protocol: TCP
{{- else if .Values.networkPolicy.externalDatabaseEgress -}}
{{ toYaml .Values.networkPolicy.externalDatabaseEgress }}
{{- else -}}
- ports:
    - port: {{ .Values.database.external.port }}
      protocol: TCP
{{- end -}}
{{- end -}}

{{/* Egress to Keycloak at its public URL (token keys, OIDC discovery): the bundled Keycloak's pods and the
ingress controller in front of them, or the external Keycloak. */}}
{{- define "custodia.netpol.keycloak" -}}
{{- if eq .Values.keycloak.mode "bundled" -}}
- to:
    {{- include "custodia.netpol.component" (dict "root" . "component" "keycloak") | nindent 4 }}
  ports:
    - port: 8080
      protocol: TCP
- to:
    {{- include "custodia.netpol.ingressController" . | nindent 4 }}
  ports:
    - port: 80
      protocol: TCP
    - port: 443
      protocol: TCP
{{- else if .Values.networkPolicy.externalKeycloakEgress -}}
{{ toYaml .Values.networkPolicy.externalKeycloakEgress }}
{{- else -}}
- ports:
    - port: 443
      protocol: TCP
{{- end -}}
{{- end -}}
