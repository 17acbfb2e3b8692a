// The chart, rendered with Helm 4 for every ci/ values file, and what must hold in every rendering: limits,
// probes, pod security, default-deny networking, migrations before the new backend, no secret outside
// Secrets; plus what the values schema refuses. There is no cluster here: this is what can be checked
// without one (docs/operations.md lists what only a real install shows).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { isMap, isScalar, isSeq, parseDocument, stringify } from 'yaml';
import {
  chartDir,
  ciFiles,
  containersOf,
  hooksOf,
  lint,
  matches,
  named,
  ofKind,
  podSpecs,
  readJson,
  render,
  renderError,
  repoRoot,
} from './helm.mjs';
import { documented, table } from './values-reference.mjs';

// Every ${name} the migrations use (Flyway's own ${flyway:...} aside): the migration Job must set each one.
const migrationDir = path.join(repoRoot, 'backend/src/main/resources/db/migration');
const migrationPlaceholders = new Set(
  readdirSync(migrationDir).flatMap((f) =>
    [...readFileSync(path.join(migrationDir, f), 'utf8').matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]),
  ),
);

const SECRET_WORDS = /pass(word)?|secret|token|credential|private.?key/i;

for (const file of ciFiles) {
  const name = path.basename(file);
  describe(`ci/${name}`, () => {
    const manifests = render({ files: [file] });
    const pods = podSpecs(manifests);
    const deployments = ofKind(manifests, 'Deployment');
    const job = ofKind(manifests, 'Job').find((j) => j.metadata.name.endsWith('-migration'));
    const cnpg = manifests.some((m) => m.kind === 'Cluster' && m.metadata.name.endsWith('-db'));

    test('passes helm lint --strict', () => {
      const { status, stdout, stderr } = lint({ files: [file] });
      assert.equal(status, 0, stdout + stderr);
    });

    test('renders named, labelled manifests with unique names per kind', () => {
      assert.ok(manifests.length > 10, `only ${manifests.length} manifests`);
      const seen = new Set();
      for (const m of manifests) {
        assert.ok(m.apiVersion && m.kind && m.metadata?.name, JSON.stringify(m).slice(0, 200));
        assert.equal(m.metadata.labels?.['app.kubernetes.io/instance'], 'rel', `${m.kind}/${m.metadata.name}`);
        const key = `${m.kind}/${m.metadata.name}`;
        assert.ok(!seen.has(key), `duplicate ${key}`);
        seen.add(key);
      }
    });

    test('every container has cpu and memory requests and limits', () => {
      for (const { owner, spec } of pods) {
        for (const c of containersOf(spec)) {
          const where = `${owner.kind}/${owner.metadata.name} container ${c.name}`;
          for (const kind of ['requests', 'limits']) {
            assert.ok(c.resources?.[kind]?.cpu, `${where} has no ${kind}.cpu`);
            assert.ok(c.resources?.[kind]?.memory, `${where} has no ${kind}.memory`);
          }
        }
      }
    });

    test('every long-running container has liveness and readiness probes', () => {
      for (const d of deployments) {
        for (const c of d.spec.template.spec.containers) {
          assert.ok(c.livenessProbe, `${d.metadata.name}/${c.name} has no livenessProbe`);
          assert.ok(c.readinessProbe, `${d.metadata.name}/${c.name} has no readinessProbe`);
        }
      }
    });

    test('every pod and container runs non-root, read-only, without capabilities, under RuntimeDefault seccomp', () => {
      assert.ok(pods.length >= 3);
      for (const { owner, spec } of pods) {
        const pod = `${owner.kind}/${owner.metadata.name}`;
        assert.equal(spec.securityContext?.runAsNonRoot, true, `${pod} runAsNonRoot`);
        assert.ok(spec.securityContext?.runAsUser > 0, `${pod} runAsUser`);
        assert.equal(spec.securityContext?.seccompProfile?.type, 'RuntimeDefault', `${pod} seccomp`);
        assert.equal(spec.hostNetwork ?? false, false, `${pod} hostNetwork`);
        for (const c of containersOf(spec)) {
          const sc = c.securityContext ?? {};
          const where = `${pod} container ${c.name}`;
          assert.equal(sc.runAsNonRoot, true, `${where} runAsNonRoot`);
          assert.equal(sc.readOnlyRootFilesystem, true, `${where} readOnlyRootFilesystem`);
          assert.equal(sc.allowPrivilegeEscalation, false, `${where} allowPrivilegeEscalation`);
          assert.equal(sc.privileged, false, `${where} privileged`);
          assert.deepEqual(sc.capabilities?.drop, ['ALL'], `${where} capabilities`);
          assert.equal(sc.seccompProfile?.type, 'RuntimeDefault', `${where} seccomp`);
        }
      }
    });

    test('no pod mounts a service-account token (none talks to the Kubernetes API)', () => {
      for (const { owner, spec } of pods) {
        assert.equal(spec.automountServiceAccountToken, false, `${owner.kind}/${owner.metadata.name}`);
      }
      for (const sa of ofKind(manifests, 'ServiceAccount')) {
        assert.equal(sa.automountServiceAccountToken, false, sa.metadata.name);
      }
    });

    test('every image has an explicit version tag, never latest', () => {
      for (const { owner, spec } of pods) {
        for (const c of containersOf(spec)) {
          const tag = c.image.includes(':') ? c.image.slice(c.image.lastIndexOf(':') + 1) : '';
          assert.ok(tag && !tag.includes('/'), `${owner.metadata.name}/${c.name}: ${c.image} has no tag`);
          assert.notEqual(tag, 'latest', `${owner.metadata.name}/${c.name}: ${c.image}`);
        }
      }
    });

    test('a default-deny NetworkPolicy covers every pod of the release', () => {
      const policies = ofKind(manifests, 'NetworkPolicy');
      const deny = policies.find((p) => p.metadata.name.endsWith('-default-deny'));
      assert.ok(deny, 'no default-deny policy');
      assert.deepEqual([...deny.spec.policyTypes].sort(), ['Egress', 'Ingress']);
      assert.equal(deny.spec.ingress, undefined, 'default-deny allows ingress');
      assert.equal(deny.spec.egress, undefined, 'default-deny allows egress');
      for (const { owner, labels } of pods) {
        assert.ok(matches(deny.spec.podSelector, labels), `${owner.kind}/${owner.metadata.name} is not covered`);
        const own = policies.filter((p) => p !== deny && matches(p.spec.podSelector, labels));
        assert.equal(own.length, 1, `${owner.metadata.name} should have exactly one allow policy`);
      }
    });

    test('the backend is reachable only from the ingress controller, Prometheus and the test pod', () => {
      const policy = named(manifests, 'NetworkPolicy', '-backend');
      assert.equal(policy.spec.ingress.length, 1);
      const [rule] = policy.spec.ingress;
      assert.deepEqual(rule.ports, [{ port: 8080, protocol: 'TCP' }]);
      const peers = rule.from.map((p) => p.podSelector.matchLabels);
      assert.equal(peers.length, 3);
      assert.ok(peers.some((l) => l['app.kubernetes.io/name'] === 'ingress-nginx'));
      assert.ok(peers.some((l) => l['app.kubernetes.io/name'] === 'prometheus'));
      assert.ok(peers.some((l) => l['app.kubernetes.io/component'] === 'test'));
      for (const p of rule.from) assert.ok(p.podSelector, 'an ingress peer without a pod selector');
    });

    test('the backend may reach only DNS, PostgreSQL and Keycloak', () => {
      const policy = named(manifests, 'NetworkPolicy', '-backend');
      const ports = policy.spec.egress.flatMap((r) => r.ports.map((p) => p.port)).sort((a, b) => a - b);
      const bundled = manifests.some((m) => m.kind === 'Deployment' && m.metadata.name.endsWith('-keycloak'));
      const expected = bundled ? [53, 53, 80, 443, 5432, 8080] : [53, 53, 443, 5432];
      assert.deepEqual(ports, expected);
      if (cnpg) {
        const db = policy.spec.egress.find((r) => r.ports.some((p) => p.port === 5432));
        assert.equal(db.to[0].podSelector.matchLabels['cnpg.io/cluster'], 'rel-custodia-db');
      }
    });

    test('the frontend reaches nothing and the migration Job only DNS and PostgreSQL', () => {
      assert.deepEqual(named(manifests, 'NetworkPolicy', '-frontend').spec.egress, []);
      const migration = named(manifests, 'NetworkPolicy', '-migration');
      assert.deepEqual(migration.spec.ingress, []);
      const ports = migration.spec.egress.flatMap((r) => r.ports.map((p) => p.port)).sort((a, b) => a - b);
      assert.deepEqual(ports, [53, 53, 5432]);
    });

    test('the migration Job runs Flyway as the owner before the backend Deployment changes', () => {
      assert.ok(job, 'no migration Job');
      const hooks = hooksOf(job);
      assert.ok(hooks.includes('pre-upgrade'), `hooks ${hooks}`);
      // With an external database it also runs before the first install; with CloudNativePG the database
      // is part of the release, so on the first install it runs right after it (Flyway retries meanwhile).
      assert.ok(hooks.includes(cnpg ? 'post-install' : 'pre-install'), `hooks ${hooks}`);
      assert.ok(!job.metadata.annotations['helm.sh/hook-delete-policy'].includes('hook-failed'), 'keeps a failed Job for its log');
      // A hook cannot rely on what the release creates: no chart ConfigMap, ServiceAccount or Secret.
      const spec = job.spec.template.spec;
      assert.equal(spec.serviceAccountName, undefined);
      const chartConfigMaps = new Set(ofKind(manifests, 'ConfigMap').map((c) => c.metadata.name));
      const [c] = spec.containers;
      for (const from of c.envFrom ?? []) assert.ok(!chartConfigMaps.has(from.configMapRef?.name));
      for (const e of c.env) assert.ok(!chartConfigMaps.has(e.valueFrom?.configMapKeyRef?.name), e.name);
      // Same image as the backend, the migrate command, the owner's credentials.
      const backend = named(manifests, 'Deployment', '-backend').spec.template.spec.containers[0];
      assert.equal(c.image, backend.image);
      assert.deepEqual(c.args, ['migrate']);
      const env = Object.fromEntries(c.env.map((e) => [e.name, e]));
      assert.equal(env.SPRING_FLYWAY_USER.valueFrom.secretKeyRef.name, 'custodia-db-owner');
      assert.equal(env.SPRING_FLYWAY_PASSWORD.valueFrom.secretKeyRef.name, 'custodia-db-owner');
      assert.equal(env.SPRING_FLYWAY_PLACEHOLDERS_APP_ROLE.valueFrom.secretKeyRef.name, 'custodia-db-app');
      assert.equal(
        env.SPRING_FLYWAY_PLACEHOLDERS_INDICATORS_ROLE.valueFrom.secretKeyRef.name,
        'custodia-db-indicators',
      );
      // A placeholder the migrations use but the Job does not set fails the install at that migration.
      for (const placeholder of migrationPlaceholders) {
        assert.ok(env[`SPRING_FLYWAY_PLACEHOLDERS_${placeholder.toUpperCase()}`], `\${${placeholder}} is not set`);
      }
      assert.match(env.SPRING_FLYWAY_URL.value, /^jdbc:postgresql:\/\/[^/]+:\d+\/custodia\?sslmode=/);
      assert.equal(job.spec.template.spec.restartPolicy, 'Never');
    });

    test('the backend runs as the application role with Flyway off and the trusted Keycloak URL', () => {
      const deployment = named(manifests, 'Deployment', '-backend');
      const c = deployment.spec.template.spec.containers[0];
      const config = named(manifests, 'ConfigMap', '-backend').data;
      assert.deepEqual(c.envFrom[0], { configMapRef: { name: 'rel-custodia-backend' } });
      assert.equal(config.SPRING_FLYWAY_ENABLED, 'false');
      assert.equal(config.CUSTODIA_SECURITY_KEYCLOAK_URL, 'https://auth.custodia.example.org');
      assert.match(config.SPRING_R2DBC_URL, /^r2dbc:postgresql:\/\/[^/]+:\d+\/custodia\?sslMode=/);
      const env = Object.fromEntries(c.env.map((e) => [e.name, e]));
      assert.equal(env.SPRING_R2DBC_USERNAME.valueFrom.secretKeyRef.name, 'custodia-db-app');
      assert.equal(env.SPRING_R2DBC_PASSWORD.valueFrom.secretKeyRef.name, 'custodia-db-app');
      assert.equal(env.CUSTODIA_INDICATORS_USERNAME.valueFrom.secretKeyRef.name, 'custodia-db-indicators');
      assert.equal(env.CUSTODIA_INDICATORS_PASSWORD.valueFrom.secretKeyRef.name, 'custodia-db-indicators');
      assert.equal(
        env.CUSTODIA_ONBOARDING_KEYCLOAK_CLIENT_SECRET.valueFrom.secretKeyRef.name,
        'custodia-keycloak-provisioner',
      );
      assert.match(config.CUSTODIA_ONBOARDING_KEYCLOAK_WEBURLS, /^https:\/\/[^,]+(,https:\/\/[^,]+)*$/);
      assert.ok(!c.env.some((e) => e.name.startsWith('SPRING_FLYWAY_')), 'the service holds Flyway settings');
      assert.ok(
        deployment.spec.template.metadata.annotations['checksum/config'],
        'config changes must roll the pods',
      );
    });

    test('the backend probes the actuator groups and shuts down gracefully', () => {
      const spec = named(manifests, 'Deployment', '-backend').spec.template.spec;
      const c = spec.containers[0];
      assert.equal(c.livenessProbe.httpGet.path, '/actuator/health/liveness');
      assert.equal(c.readinessProbe.httpGet.path, '/actuator/health/readiness');
      assert.equal(c.startupProbe.httpGet.path, '/actuator/health/liveness');
      const config = named(manifests, 'ConfigMap', '-backend').data;
      const shutdown = Number.parseInt(config.SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE, 10);
      const preStop = Number(c.lifecycle.preStop.exec.command[1]);
      assert.ok(spec.terminationGracePeriodSeconds > shutdown + preStop, 'grace period shorter than the shutdown');
      assert.deepEqual(c.volumeMounts, [{ name: 'tmp', mountPath: '/tmp' }]);
    });

    test('backend replicas are spread, autoscaled and protected from voluntary disruption', () => {
      const deployment = named(manifests, 'Deployment', '-backend');
      const selector = deployment.spec.selector;
      const spread = deployment.spec.template.spec.topologySpreadConstraints;
      assert.deepEqual(
        spread.map((s) => s.topologyKey),
        ['topology.kubernetes.io/zone', 'kubernetes.io/hostname'],
      );
      for (const s of spread) assert.deepEqual(s.labelSelector, selector);
      const hpa = named(manifests, 'HorizontalPodAutoscaler', '-backend');
      assert.equal(hpa.spec.scaleTargetRef.name, deployment.metadata.name);
      assert.ok(hpa.spec.minReplicas >= 2);
      assert.equal(deployment.spec.replicas, undefined, 'the HPA owns the replica count');
      const pdb = named(manifests, 'PodDisruptionBudget', '-backend');
      assert.deepEqual(pdb.spec.selector, selector);
      assert.equal(deployment.spec.strategy.rollingUpdate.maxUnavailable, 0);
    });

    test('no secret value appears in a ConfigMap, and the chart renders no Secret', () => {
      assert.equal(ofKind(manifests, 'Secret').length, 0);
      for (const cm of ofKind(manifests, 'ConfigMap')) {
        for (const [key, value] of Object.entries(cm.data ?? {})) {
          assert.ok(!SECRET_WORDS.test(key), `${cm.metadata.name} has key ${key}`);
          if (key.endsWith('.json') && !cm.metadata.name.endsWith('-dashboard')) {
            const keys = JSON.stringify(JSON.parse(value), (k, v) => v).match(/"[^"]+":/g) ?? [];
            const suspicious = keys.filter((k) => /"(password|secret|value|credentials?)":/i.test(k));
            assert.deepEqual(suspicious, [], `${cm.metadata.name}/${key}`);
          }
        }
      }
      for (const { owner, spec } of pods) {
        for (const c of containersOf(spec)) {
          for (const e of c.env ?? []) {
            if (SECRET_WORDS.test(e.name)) {
              assert.ok(e.valueFrom?.secretKeyRef, `${owner.metadata.name}/${c.name} ${e.name} is not from a Secret`);
            }
          }
        }
      }
    });

    test('the Ingress routes /api to the backend and / to the frontend on every TLS host, never /actuator', () => {
      const ingress = ofKind(manifests, 'Ingress').find((i) => i.metadata.name === 'rel-custodia');
      const hosts = ingress.spec.rules.map((r) => r.host);
      assert.ok(hosts.length >= 1);
      assert.deepEqual(ingress.spec.tls[0].hosts, hosts);
      for (const rule of ingress.spec.rules) {
        const routes = Object.fromEntries(rule.http.paths.map((p) => [p.path, p.backend.service.name]));
        assert.deepEqual(routes, {
          '/api': 'rel-custodia-backend',
          '/v3/api-docs': 'rel-custodia-backend',
          '/': 'rel-custodia-frontend',
        });
      }
      for (const i of ofKind(manifests, 'Ingress')) {
        for (const r of i.spec.rules) for (const p of r.http.paths) assert.ok(!p.path.startsWith('/actuator'));
      }
    });

    test('the frontend gets its runtime configuration and CSP from a ConfigMap', () => {
      const cm = named(manifests, 'ConfigMap', '-frontend');
      const config = JSON.parse(cm.data['config.json']);
      assert.equal(config.keycloakUrl, 'https://auth.custodia.example.org');
      assert.equal(config.apiBaseUrl, '');
      assert.match(cm.data['headers.conf'], /connect-src 'self' https:\/\/auth\.custodia\.example\.org;/);
      const mounts = named(manifests, 'Deployment', '-frontend').spec.template.spec.containers[0].volumeMounts;
      assert.ok(mounts.some((m) => m.mountPath === '/etc/custodia/config.json' && m.subPath === 'config.json'));
    });

    test('a helm test pod checks backend readiness and the platform realm discovery', () => {
      const pod = ofKind(manifests, 'Pod').find((p) => hooksOf(p).includes('test'));
      assert.ok(pod, 'no test hook pod');
      const c = pod.spec.containers[0];
      const env = Object.fromEntries(c.env.map((e) => [e.name, e.value]));
      assert.equal(env.BACKEND_URL, 'http://rel-custodia-backend:8080');
      assert.equal(env.ISSUER, 'https://auth.custodia.example.org/realms/platform');
      assert.match(c.args[0], /actuator\/health\/readiness/);
      assert.match(c.args[0], /\.well-known\/openid-configuration/);
      assert.equal(pod.spec.restartPolicy, 'Never');
    });

    test('the Grafana dashboard is valid JSON over the backend metrics', () => {
      const cm = named(manifests, 'ConfigMap', '-dashboard');
      assert.equal(cm.metadata.labels.grafana_dashboard, '1');
      const dashboard = JSON.parse(cm.data['custodia.json']);
      assert.equal(dashboard.uid, 'custodia-overview');
      const exprs = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr)).join('\n');
      for (const metric of ['http_server_requests_seconds_bucket', 'custodia_reviews_overdue', 'custodia_audit_chain_verification_failures_total']) {
        assert.ok(exprs.includes(metric), metric);
      }
    });

    test('monitoring resources follow their switches', () => {
      const values = readValues(file);
      const on = (k) => values?.metrics?.[k]?.enabled === true;
      assert.equal(ofKind(manifests, 'ServiceMonitor').length, on('serviceMonitor') ? 1 : 0);
      assert.equal(ofKind(manifests, 'PrometheusRule').length, on('prometheusRule') ? 1 : 0);
      if (on('prometheusRule')) {
        const alerts = ofKind(manifests, 'PrometheusRule')[0].spec.groups.flatMap((g) => g.rules.map((r) => r.alert));
        for (const alert of ['CustodiaHighErrorRate', 'CustodiaHighLatencyP99', 'CustodiaOverdueReviews', 'CustodiaAuditChainVerificationFailed']) {
          assert.ok(alerts.includes(alert), alert);
        }
      }
      if (on('serviceMonitor')) {
        const [sm] = ofKind(manifests, 'ServiceMonitor');
        assert.equal(sm.spec.endpoints[0].path, '/actuator/prometheus');
        assert.deepEqual(sm.spec.selector.matchLabels, named(manifests, 'Service', '-backend').spec.selector);
      }
    });

    if (cnpg) {
      test('the CloudNativePG Cluster bootstraps the owner and a non-bypassing application role', () => {
        const cluster = named(manifests, 'Cluster', '-db');
        assert.equal(cluster.spec.bootstrap.initdb.owner, 'custodia_owner');
        assert.equal(cluster.spec.bootstrap.initdb.secret.name, 'custodia-db-owner');
        const roles = cluster.spec.managed.roles;
        assert.deepEqual(
          roles.map((r) => [r.name, r.passwordSecret.name]),
          [
            ['custodia_app', 'custodia-db-app'],
            ['custodia_indicators', 'custodia-db-indicators'],
          ],
        );
        for (const role of roles) {
          assert.equal(role.bypassrls, false, role.name);
          assert.equal(role.superuser, false, role.name);
          assert.equal(role.inherit, false, role.name);
        }
        const initSql = cluster.spec.bootstrap.initdb.postInitApplicationSQL.join('\n');
        assert.match(initSql, /grant connect on database custodia to custodia_indicators/);
        assert.ok(cluster.spec.instances >= 2);
        const backup = named(manifests, 'ScheduledBackup', '-db');
        if (cluster.spec.backup) {
          assert.match(cluster.spec.backup.barmanObjectStore.destinationPath, /^s3:\/\//);
          assert.equal(backup.spec.cluster.name, cluster.metadata.name);
        } else {
          assert.equal(backup, undefined);
        }
      });
    }

    const bundled = deployments.find((d) => d.metadata.name.endsWith('-keycloak'));
    if (bundled) {
      test('the bundled Keycloak imports a platform realm without demo users or test clients', () => {
        const realm = JSON.parse(named(manifests, 'ConfigMap', '-keycloak-realms').data['platform.json']);
        const dev = readJson(path.join(repoRoot, 'keycloak', 'realms', 'platform.json'));
        assert.equal(realm.users, undefined);
        const clients = realm.clients.map((c) => c.clientId);
        assert.deepEqual(clients, dev.clients.map((c) => c.clientId).filter((id) => !id.startsWith('custodia-test')));
        assert.deepEqual(realm.roles, dev.roles, 'roles drifted from keycloak/realms/platform.json');
        const web = realm.clients.find((c) => c.clientId === 'custodia-web');
        assert.ok(web.redirectUris.length >= 1 && web.redirectUris.every((u) => u.startsWith('https://')));
        assert.equal(web.attributes['pkce.code.challenge.method'], 'S256');
        const c = bundled.spec.template.spec.containers[0];
        assert.deepEqual(c.args, ['start', '--optimized', '--import-realm']);
        const env = Object.fromEntries(c.env.map((e) => [e.name, e]));
        assert.equal(env.KC_HOSTNAME.value, 'https://auth.custodia.example.org');
        assert.ok(env.KC_BOOTSTRAP_ADMIN_PASSWORD.valueFrom.secretKeyRef);
        assert.equal(env.KC_BOOTSTRAP_ADMIN_CLIENT_SECRET.valueFrom.secretKeyRef.name, 'custodia-keycloak-provisioner');
        const kcIngress = named(manifests, 'Ingress', '-keycloak');
        const paths = kcIngress.spec.rules[0].http.paths.map((p) => p.path);
        assert.ok(!paths.includes('/admin'), 'the admin console is routed');
      });
    }
  });
}

describe('optional parts switched off', () => {
  const base = path.join(chartDir, 'ci', 'external-values.yaml');

  test('without the frontend, no frontend objects and the Ingress routes only the API', () => {
    const manifests = render({ files: [base], set: ['frontend.enabled=false'] });
    const frontend = manifests.filter((m) => m.metadata.labels?.['app.kubernetes.io/component'] === 'frontend');
    assert.deepEqual(frontend.map((m) => m.kind), []);
    const [ingress] = ofKind(manifests, 'Ingress');
    assert.deepEqual(ingress.spec.rules[0].http.paths.map((p) => p.path), ['/api', '/v3/api-docs']);
  });

  test('without NetworkPolicies, HPA, PDB and dashboard, none is rendered and the Deployment sets replicas', () => {
    const manifests = render({
      files: [base],
      set: [
        'networkPolicy.enabled=false',
        'backend.autoscaling.enabled=false',
        'backend.podDisruptionBudget.enabled=false',
        'frontend.podDisruptionBudget.enabled=false',
        'metrics.grafanaDashboard.enabled=false',
      ],
    });
    for (const kind of ['NetworkPolicy', 'HorizontalPodAutoscaler', 'PodDisruptionBudget']) {
      assert.equal(ofKind(manifests, kind).length, 0, kind);
    }
    assert.equal(named(manifests, 'ConfigMap', '-dashboard'), undefined);
    assert.equal(named(manifests, 'Deployment', '-backend').spec.replicas, 2);
  });
});

// --- the values schema ----------------------------------------------------------------------------------

describe('values.schema.json', () => {
  const base = path.join(chartDir, 'ci', 'external-values.yaml');

  test('rejects a misspelled key', () => {
    const error = renderError({ files: [base], set: ['backend.replicaCont=3'] });
    assert.match(error, /replicaCont/);
    assert.match(error, /additional properties|additionalProperties|not allowed/i);
  });

  test('rejects a misspelled top-level key', () => {
    assert.match(renderError({ files: [base], set: ['ingres.enabled=false'] }), /ingres/);
  });

  test('rejects a missing required value: the Keycloak URL', () => {
    assert.match(renderError({ files: [base], set: ['keycloak.url='] }), /keycloak\/url/);
  });

  test('rejects a missing required value: the owner Secret', () => {
    assert.match(renderError({ files: [base], set: ['database.ownerSecret.name='] }), /ownerSecret\/name/);
  });

  test('rejects a Keycloak without the onboarding client Secret', () => {
    assert.match(renderError({ files: [base], set: ['keycloak.provisioningSecret.name='] }), /provisioningSecret\/name/);
  });

  test('rejects an external database without a host', () => {
    assert.match(renderError({ files: [base], set: ['database.external.host='] }), /external\/host/);
  });

  test('rejects the bundled Keycloak without its admin Secret', () => {
    assert.match(renderError({ files: [base], set: ['keycloak.mode=bundled'] }), /adminSecret\/name|secret\/name/);
  });

  test('rejects the bundled Keycloak beside an external PostgreSQL without a database host', () => {
    const error = renderError({
      files: [base],
      set: ['keycloak.mode=bundled', 'keycloak.bundled.adminSecret.name=a', 'keycloak.bundled.database.secret.name=b'],
    });
    assert.match(error, /bundled\/database\/host/);
  });

  test('rejects a wrong type', () => {
    assert.match(renderError({ files: [base], set: ['backend.replicaCount=three'] }), /replicaCount/);
  });

  test('rejects the latest tag', () => {
    assert.match(renderError({ files: [base], set: ['backend.image.tag=latest'] }), /image\/tag/);
  });

  test('rejects a credential given as a value', () => {
    assert.match(renderError({ files: [base], set: ['database.appSecret.password=hunter2'] }), /password/);
  });

  test('rejects an enabled ingress without hosts', () => {
    assert.match(renderError({ files: [base], setJson: ['ingress.hosts=[]'] }), /hosts/);
  });

  test('rejects the default values alone: they leave the required values empty', () => {
    renderError({});
  });

  test('every key of values.yaml is commented and known to the schema', () => {
    const missing = valuesKeys().filter((k) => !k.commented).map((k) => k.path);
    assert.deepEqual(missing, [], 'keys without a comment');
    const schema = readJson(path.join(chartDir, 'values.schema.json'));
    const unknown = valuesKeys().map((k) => k.path).filter((p) => !schemaKnows(schema, p.split('.')));
    assert.deepEqual(unknown, [], 'keys the schema does not declare');
  });
});

describe('PromQL of the alerts and the dashboard', () => {
  const promtool = process.env.CUSTODIA_PROMTOOL;
  const skip = promtool ? false : 'CUSTODIA_PROMTOOL is not set (scripts/test.sh sets it)';

  test('passes promtool check rules', { skip }, () => {
    const manifests = render({ files: [path.join(chartDir, 'ci', 'ha-values.yaml')] });
    const [rule] = ofKind(manifests, 'PrometheusRule');
    // The dashboard's queries, as recording rules, so promtool parses them too.
    const dashboard = JSON.parse(named(manifests, 'ConfigMap', '-dashboard').data['custodia.json']);
    const recorded = dashboard.panels.flatMap((panel) =>
      panel.targets.map((t) => ({
        record: `custodia:dashboard_check:panel${panel.id}_${t.refId}`,
        expr: t.expr.replaceAll('$namespace', 'custodia').replaceAll('$service', 'rel-custodia-backend'),
      })),
    );
    const groups = [...rule.spec.groups, { name: 'dashboard', rules: recorded }];
    const dir = mkdtempSync(path.join(os.tmpdir(), 'custodia-rules-'));
    try {
      const file = path.join(dir, 'rules.yml');
      writeFileSync(file, stringify({ groups }));
      const result = spawnSync(promtool, ['check', 'rules', file], { encoding: 'utf8' });
      assert.equal(result.status, 0, result.stdout + result.stderr);
      assert.match(result.stdout, new RegExp(`SUCCESS: ${5 + recorded.length} rules found`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('scripts/smoke-image.sh', () => {
  const script = readFileSync(path.join(repoRoot, 'scripts', 'smoke-image.sh'), 'utf8');
  const section = (from, to) => script.slice(script.indexOf(from), script.indexOf(to, script.indexOf(from)));
  const envNames = (text) => new Set([...text.matchAll(/--env ([A-Z0-9_]+)=/g)].map((m) => m[1]));
  const common = envNames(section('run_args=(', '\n\n'));
  const manifests = render({ files: [path.join(chartDir, 'ci', 'external-values.yaml')] });

  test('runs the backend image with every variable the chart sets for the backend', () => {
    const smoke = new Set([...common, ...envNames(section('# --- 2. the backend container', 'running() {'))]);
    const container = named(manifests, 'Deployment', '-backend').spec.template.spec.containers[0];
    const chart = [...Object.keys(named(manifests, 'ConfigMap', '-backend').data), ...container.env.map((e) => e.name)];
    assert.deepEqual(chart.filter((name) => !smoke.has(name)), []);
  });

  test('runs the migration with every variable the chart sets for the migration Job', () => {
    const smoke = new Set([...common, ...envNames(section('migrate() {', '\n}\n'))]);
    const job = ofKind(manifests, 'Job').find((j) => j.metadata.name.endsWith('-migration'));
    const chart = job.spec.template.spec.containers[0].env.map((e) => e.name);
    assert.deepEqual(chart.filter((name) => !smoke.has(name)), []);
  });
});

describe('the bundled Keycloak platform realm in a real Keycloak', () => {
  const keycloak = process.env.CUSTODIA_TEST_KEYCLOAK_URL;
  const skip = keycloak ? false : 'CUSTODIA_TEST_KEYCLOAK_URL is not set (scripts/test.sh sets it)';

  test('imports, publishes its OIDC discovery and has no users', { skip }, async () => {
    const manifests = render({ files: [path.join(chartDir, 'ci', 'cnpg-bundled-keycloak-values.yaml')] });
    const realm = JSON.parse(named(manifests, 'ConfigMap', '-keycloak-realms').data['platform.json']);
    const name = `chart-check-${process.pid}-${Date.now()}`;
    realm.realm = name;
    // DEV ONLY: the bootstrap admin of the development Keycloak (scripts/lib/keycloak.sh).
    const login = await fetch(`${keycloak}/realms/master/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', username: 'admin', password: 'admin' }),
    });
    assert.equal(login.status, 200, 'cannot log in to the development Keycloak as admin');
    const headers = { Authorization: `Bearer ${(await login.json()).access_token}`, 'Content-Type': 'application/json' };
    try {
      const created = await fetch(`${keycloak}/admin/realms`, { method: 'POST', headers, body: JSON.stringify(realm) });
      assert.equal(created.status, 201, await created.text());
      const discovery = await fetch(`${keycloak}/realms/${name}/.well-known/openid-configuration`);
      assert.equal(discovery.status, 200);
      assert.equal((await discovery.json()).issuer, `${keycloak}/realms/${name}`);
      const [web] = await (await fetch(`${keycloak}/admin/realms/${name}/clients?clientId=custodia-web`, { headers })).json();
      const expected = realm.clients.find((c) => c.clientId === 'custodia-web');
      assert.deepEqual([...web.redirectUris].sort(), [...expected.redirectUris].sort());
      assert.equal(web.publicClient, true);
      const count = await (await fetch(`${keycloak}/admin/realms/${name}/users/count`, { headers })).json();
      assert.equal(count, 0);
    } finally {
      await fetch(`${keycloak}/admin/realms/${name}`, { method: 'DELETE', headers });
    }
  });
});

describe('docs/operations.md', () => {
  test('its configuration reference matches values.yaml (node helm/test/values-reference.mjs --write)', () => {
    assert.equal(documented(), table());
  });
});

// --- helpers --------------------------------------------------------------------------------------------

function readValues(file) {
  return parseDocument(readFileSync(file, 'utf8')).toJS();
}

/**
 * Every key of values.yaml, and whether a comment sits right above it. Keys inside Kubernetes objects that
 * are passed through as they are (resources, selectors, parameters) count as described by their parent.
 */
function valuesKeys() {
  const doc = parseDocument(readFileSync(path.join(chartDir, 'values.yaml'), 'utf8'));
  const out = [];
  const walk = (node, prefix, inheritedComment) => {
    if (!isMap(node)) return;
    node.items.forEach((pair, index) => {
      const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
      const p = prefix ? `${prefix}.${key}` : key;
      // The parser hangs the comment above a map's first key on the map itself.
      const commented =
        Boolean(pair.key?.commentBefore) || (index === 0 && Boolean(node.commentBefore)) || inheritedComment;
      out.push({ path: p, commented });
      // Kubernetes objects passed through (resources, selectors, ...) are described by their parent.
      const passThrough = /resources|Selector|requests|limits|parameters|labels|annotations/i.test(key);
      if (!isSeq(pair.value)) walk(pair.value, p, (passThrough && commented) || inheritedComment);
    });
  };
  walk(doc.contents, '', false);
  return out;
}

function schemaKnows(schema, parts) {
  let node = schema;
  for (const part of parts) {
    while (node?.$ref) node = schema.$defs[node.$ref.split('/').pop()];
    if (node?.oneOf) node = node.oneOf.find((n) => n.type === 'object' || n.$ref) ?? node;
    while (node?.$ref) node = schema.$defs[node.$ref.split('/').pop()];
    if (node?.properties?.[part]) {
      node = node.properties[part];
    } else if (node?.type === 'object' && node.additionalProperties !== false) {
      return true; // a free-form map (labels, annotations, parameters)
    } else {
      return false;
    }
  }
  return true;
}
