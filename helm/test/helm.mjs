// Runs the Helm 4 binary that scripts/lib/helm.sh installs and parses what it renders.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');
export const chartDir = path.join(repoRoot, 'helm', 'custodia');
export const ciDir = path.join(chartDir, 'ci');

export const helmBinary =
  process.env.CUSTODIA_HELM ||
  path.join(process.env.CUSTODIA_CACHE || path.join(os.homedir(), '.cache', 'custodia'), 'helm-v4.1.4', 'helm');

if (!existsSync(helmBinary)) {
  throw new Error(`no helm at ${helmBinary}: run the chart tests through scripts/test.sh (it installs Helm 4)`);
}

export const ciFiles = readdirSync(ciDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => path.join(ciDir, f));

/** Runs helm; returns { status, stdout, stderr } without throwing. */
export function helm(args) {
  const result = spawnSync(helmBinary, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function valueArgs({ files = [], set = [], setJson = [] } = {}) {
  return [
    ...files.flatMap((f) => ['-f', f]),
    ...set.flatMap((s) => ['--set', s]),
    ...setJson.flatMap((s) => ['--set-json', s]),
  ];
}

/** `helm template` with the given values; returns the parsed manifests (throws on a render error). */
export function render(values = {}) {
  const args = ['template', 'rel', chartDir, '--namespace', 'custodia', '--include-crds', ...valueArgs(values)];
  const { status, stdout, stderr } = helm(args);
  if (status !== 0) throw new Error(`helm template failed:\n${stderr}`);
  return parseAllDocuments(stdout)
    .map((doc) => {
      if (doc.errors.length) throw new Error(`unparsable manifest: ${doc.errors[0].message}`);
      return doc.toJS();
    })
    .filter((m) => m && typeof m === 'object');
}

/** `helm template` expected to fail; returns its error output. */
export function renderError(values = {}) {
  const { status, stderr } = helm(['template', 'rel', chartDir, ...valueArgs(values)]);
  if (status === 0) throw new Error('helm template succeeded but was expected to fail');
  return stderr;
}

export function lint(values = {}) {
  return helm(['lint', '--strict', chartDir, ...valueArgs(values)]);
}

// --- views on a rendered release ----------------------------------------------------------------------

export const ofKind = (manifests, kind) => manifests.filter((m) => m.kind === kind);
export const named = (manifests, kind, suffix) =>
  manifests.find((m) => m.kind === kind && m.metadata.name.endsWith(suffix));

/** Every pod spec of the release: Deployments, StatefulSets and Jobs (their templates) and bare Pods. */
export function podSpecs(manifests) {
  return manifests.flatMap((m) => {
    if (['Deployment', 'StatefulSet', 'Job', 'DaemonSet'].includes(m.kind)) {
      return [{ owner: m, labels: m.spec.template.metadata.labels, spec: m.spec.template.spec }];
    }
    if (m.kind === 'Pod') return [{ owner: m, labels: m.metadata.labels, spec: m.spec }];
    return [];
  });
}

export function containersOf(spec) {
  return [
    ...(spec.initContainers ?? []).map((c) => ({ ...c, init: true })),
    ...(spec.containers ?? []).map((c) => ({ ...c, init: false })),
  ];
}

export const hooksOf = (m) => String(m.metadata?.annotations?.['helm.sh/hook'] ?? '').split(',').filter(Boolean);

export function matches(selector, labels) {
  return Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels?.[k] === v);
}

export const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
