import { type Manifest, readKustomization, schemaErrors } from './support/k8s';
import { APPS, type App, appConfig, filesUnder, serviceOf } from './support/workspace';

const K8S = 'deploy/k8s';
/** The `bff-platform/team` label: the app's scope tag (core, web, mobile, or a generated BFF's). */
const teamOf = (app: App) => serviceOf(app).scope;
/** core-api scales to 6 (its database connections bound it); every BFF to 10. */
const maxReplicasOf = (app: App) => (app === 'core-api' ? 6 : 10);
/** The app stops serving at most 20 s after its drain (it exits within 25 s of SIGTERM at a 5 s drain). */
const CLOSE_MS = 20_000;

/** The container securityContext every app runs with (the image's user `node` is uid 1000). */
const HARDENED = {
  runAsNonRoot: true,
  runAsUser: 1000,
  readOnlyRootFilesystem: true,
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};

/** A Kubernetes memory quantity in Mi/Gi, in MiB; undefined for any other spelling. */
function mebibytes(quantity: unknown): number | undefined {
  const match = /^(\d+)(Mi|Gi)$/.exec(String(quantity ?? ''));
  if (!match) return undefined;
  return Number(match[1]) * (match[2] === 'Gi' ? 1024 : 1);
}

const byKind = (resources: Manifest[], kind: string): any =>
  resources.find((r) => r.doc['kind'] === kind)?.doc;

/** What is wrong with an app's base manifests, measured against the app itself; empty when nothing. */
function appProblems(app: App, resources: Manifest[], coreApi: Manifest[]): string[] {
  const { port, names } = appConfig(app);
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => ok || problems.push(problem);
  const deployment = byKind(resources, 'Deployment');
  const config = byKind(resources, 'ConfigMap');
  const [service, hpa, pdb] = ['Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget'].map(
    (kind) => byKind(resources, kind),
  );
  if (!deployment || !config || !service || !hpa || !pdb) {
    return [`${app}: needs a Deployment, ConfigMap, Service, HorizontalPodAutoscaler and PDB`];
  }
  const pod = deployment.spec.template;
  const [container, ...others] = pod.spec.containers;
  check(others.length === 0, `${app}: one container per pod`);

  // The process: image, port, probes.
  check(container.image === `bff/${app}`, `${app}: image is ${container.image}, not bff/${app}`);
  check(
    container.ports?.[0]?.containerPort === port && container.ports[0].name === 'http',
    `${app}: containerPort must be the app's port ${port}, named http`,
  );
  check(
    container.livenessProbe?.httpGet?.path === '/health/live',
    `${app}: livenessProbe must GET /health/live`,
  );
  check(
    container.readinessProbe?.httpGet?.path === '/health/ready',
    `${app}: readinessProbe must GET /health/ready`,
  );
  if (app === 'core-api') {
    check(
      container.startupProbe?.httpGet?.path === '/health/live',
      `${app}: startupProbe must GET /health/live (migrations run at start)`,
    );
  }
  // Operations on the admin port: probes and scrapes go there, and nothing else exposes it.
  const admin = container.ports?.find((p: { name: string }) => p.name === 'admin');
  const probes = ['livenessProbe', 'readinessProbe', 'startupProbe'].filter((p) => container[p]);
  check(
    !!admin && String(admin.containerPort) === config.data?.['ADMIN_PORT'],
    `${app}: needs a container port named admin at the ConfigMap's ADMIN_PORT`,
  );
  check(
    probes.every((p) => container[p].httpGet?.port === 'admin'),
    `${app}: probes must use the admin port (the public port answers 404 there)`,
  );
  const scrape = pod.metadata.annotations ?? {};
  check(
    scrape['prometheus.io/scrape'] === 'true' &&
      scrape['prometheus.io/port'] === String(admin?.containerPort),
    `${app}: Prometheus must scrape the admin port`,
  );
  check(
    service.spec.ports.every((p: { targetPort: unknown }) => p.targetPort === 'http'),
    `${app}: the Service must expose only the public port`,
  );

  // The environment: only variables the app reads, and the values a container needs.
  const env: Record<string, string> = { ...config.data };
  const set = [...Object.keys(env), ...(container.env ?? []).map((e: { name: string }) => e.name)];
  for (const name of set) {
    check(names.has(name), `${app}: sets ${name}, which the app does not read`);
  }
  check(
    container.envFrom?.[0]?.configMapRef?.name === config.metadata.name,
    `${app}: envFrom must name the ConfigMap ${config.metadata.name}`,
  );
  check(
    env['HOST'] === '0.0.0.0' && env['PORT'] === String(port),
    `${app}: HOST must be 0.0.0.0 and PORT ${port}`,
  );
  const drain = Number(env['SHUTDOWN_DRAIN_MS']);
  check(
    Number.isInteger(drain) && drain >= 0 && drain <= 20_000,
    `${app}: SHUTDOWN_DRAIN_MS must be 0..20000 (got ${env['SHUTDOWN_DRAIN_MS']})`,
  );
  check(
    pod.spec.terminationGracePeriodSeconds * 1000 > drain + CLOSE_MS,
    `${app}: terminationGracePeriodSeconds must exceed SHUTDOWN_DRAIN_MS + ${CLOSE_MS} ms`,
  );
  // Secret values come from Kubernetes Secrets created per environment, never from the repository.
  const secrets = app === 'core-api' ? ['DATABASE_URL'] : ['SERVICE_TOKEN_PRIVATE_KEY'];
  for (const name of secrets) {
    const ref = container.env?.find((e: { name: string }) => e.name === name);
    check(!!ref?.valueFrom?.secretKeyRef?.name, `${app}: ${name} must come from a Secret`);
  }
  if (app !== 'core-api') {
    const core = {
      service: byKind(coreApi, 'Service'),
      url: new URL(env['CORE_API_URL'] ?? 'http://missing'),
    };
    const reachable =
      core.url.hostname === core.service?.metadata.name &&
      Number(core.url.port || 80) === core.service?.spec.ports[0].port;
    check(
      reachable,
      `${app}: CORE_API_URL ${core.url} is not core-api's Service (${core.service?.metadata.name}:${core.service?.spec.ports[0].port})`,
    );
  }

  // Hardening: non-root, read-only, nothing extra; /tmp is the one writable place.
  for (const [field, value] of Object.entries(HARDENED)) {
    check(
      JSON.stringify(container.securityContext?.[field]) === JSON.stringify(value),
      `${app}: securityContext.${field} must be ${JSON.stringify(value)}`,
    );
  }
  const tmp = container.volumeMounts?.find((m: { mountPath: string }) => m.mountPath === '/tmp');
  check(
    !!tmp && pod.spec.volumes?.some((v: any) => v.name === tmp.name && v.emptyDir),
    `${app}: needs an emptyDir at /tmp`,
  );
  check(
    !!container.resources?.requests?.cpu && !!container.resources?.limits?.memory,
    `${app}: needs CPU requests (the HPA measures against them) and a memory limit`,
  );
  // The entry point gives V8 three quarters of the limit (heap-from-limit.sh): reserve that much.
  const [requested, limit] = [
    mebibytes(container.resources?.requests?.memory),
    mebibytes(container.resources?.limits?.memory),
  ];
  check(
    requested !== undefined && limit !== undefined && requested * 4 >= limit * 3,
    `${app}: its memory request must reserve the heap its limit allows (at least 3/4 of the limit)`,
  );

  // The objects around the pods, all pointing at them.
  const labels = pod.metadata.labels;
  const selects = (selector: Record<string, string>) =>
    Object.entries(selector ?? {}).length > 0 &&
    Object.entries(selector).every(([k, v]) => labels[k] === v);
  check(
    service.spec.type === 'ClusterIP' &&
      service.spec.ports[0].targetPort === 'http' &&
      selects(service.spec.selector),
    `${app}: Service must be ClusterIP to targetPort http, selecting the pods`,
  );
  check(
    hpa.spec.scaleTargetRef.name === deployment.metadata.name &&
      hpa.spec.minReplicas === 2 &&
      hpa.spec.maxReplicas === maxReplicasOf(app),
    `${app}: HPA must scale the Deployment from 2 to ${maxReplicasOf(app)}`,
  );
  check(
    hpa.spec.metrics?.some((m: any) => m.resource?.name === 'cpu'),
    `${app}: HPA must scale on CPU`,
  );
  check(
    deployment.spec.replicas === undefined,
    `${app}: replicas belongs to the HPA; a fixed count resets it on every apply`,
  );
  check(
    pdb.spec.minAvailable === 1 && selects(pdb.spec.selector.matchLabels),
    `${app}: PodDisruptionBudget must keep 1 pod, selecting the pods`,
  );
  for (const { doc } of [...resources, { file: '', doc: pod }]) {
    const l = (doc['metadata'] as any).labels ?? {};
    check(
      l['app.kubernetes.io/name'] === app &&
        l['app.kubernetes.io/part-of'] === 'bff-platform' &&
        l['bff-platform/team'] === teamOf(app),
      `${app}: ${String(doc['kind'] ?? 'pod template')} lacks the name, part-of or team label`,
    );
  }
  return problems;
}

describe('Kubernetes manifests (deploy/k8s)', () => {
  const files = filesUnder(K8S).filter((f) => /\.ya?ml$/.test(f));
  const overlays = files
    .filter((f) => f.endsWith('/kustomization.yaml') && f.includes('/overlays/'))
    .map((f) => f.replace(/\/kustomization\.yaml$/, ''));
  const built = overlays.map((dir) => ({ dir, ...readKustomization(dir) }));
  const base = (app: App) => readKustomization(`${K8S}/${app}/base`);

  it('has a base and an example overlay per app, and every file is used by one', () => {
    expect(overlays).toEqual(
      expect.arrayContaining(APPS.map((app) => `${K8S}/${app}/overlays/example`)),
    );
    const used = new Set(built.flatMap((k) => k.files));
    expect(files.filter((f) => !used.has(f))).toEqual([]);
  });

  it('kustomizations refer only to resources and patch targets that exist', () => {
    expect(built.flatMap((k) => k.problems)).toEqual([]);
  });

  it('every object is valid against its Kubernetes schema, and no Secret is committed', async () => {
    const resources = built.flatMap((k) => k.resources);
    expect(resources.length).toBeGreaterThanOrEqual(APPS.length * 6);
    const errors = await Promise.all(
      resources.map(async (r) =>
        (await schemaErrors(r.doc)).map((e) => `${r.file}: ${r.doc['kind']}: ${e}`),
      ),
    );
    expect(errors.flat()).toEqual([]);
    expect(resources.filter((r) => r.doc['kind'] === 'Secret').map((r) => r.file)).toEqual([]);
  });

  it.each(APPS)(
    '%s: port, probes, environment, shutdown timing, hardening and scaling match the app',
    (app) => {
      expect(appProblems(app, base(app).resources, base('core-api').resources)).toEqual([]);
    },
  );

  it.each(APPS)('%s: overlays set only variables the app reads', (app) => {
    const { names } = appConfig(app);
    const patched = built
      .filter((k) => k.dir.startsWith(`${K8S}/${app}/`))
      .flatMap((k) => k.patches)
      .filter((p) => p.doc['kind'] === 'ConfigMap')
      .flatMap((p) => Object.keys((p.doc['data'] as object | undefined) ?? {}));
    expect(patched.filter((name) => !names.has(name))).toEqual([]);
  });

  describe('the checks fail when', () => {
    const deployment = () => structuredClone(byKind(base('web-bff').resources, 'Deployment'));

    it('a manifest breaks the schema', async () => {
      const badPort = deployment();
      badPort.spec.template.spec.containers[0].ports[0].containerPort = 'abc';
      expect(await schemaErrors(badPort)).toEqual([
        expect.stringContaining('containerPort must be integer'),
      ]);
      const negative = { ...deployment(), spec: { ...deployment().spec, replicas: -1 } };
      expect(await schemaErrors(negative)).toEqual(['data/spec/replicas must not be negative']);
      expect(await schemaErrors({ apiVersion: 'apps/v1', kind: 'Deploymnet' })).toEqual([
        'apps/v1 Deploymnet is not a Kubernetes kind',
      ]);
    });

    it('a manifest disagrees with the app', () => {
      const resources = base('web-bff').resources.map((r) => ({
        ...r,
        doc: structuredClone(r.doc) as any,
      }));
      const d = byKind(resources, 'Deployment');
      d.spec.template.spec.containers[0].ports[0].containerPort = 8080;
      d.spec.template.spec.containers[0].readinessProbe.httpGet.path = '/healthz';
      d.spec.template.spec.containers[0].livenessProbe.httpGet.port = 'http';
      byKind(resources, 'Service').spec.ports.push({
        name: 'admin',
        port: 9000,
        targetPort: 'admin',
      });
      d.spec.template.spec.terminationGracePeriodSeconds = 10;
      byKind(resources, 'ConfigMap').data.DATABSE_URL = 'postgres://typo';
      d.spec.template.spec.containers[0].resources.requests.memory = '192Mi';
      const problems = appProblems('web-bff', resources, base('core-api').resources);
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.stringContaining("containerPort must be the app's port 3001"),
          expect.stringContaining('readinessProbe'),
          expect.stringContaining('terminationGracePeriodSeconds'),
          expect.stringContaining('probes must use the admin port'),
          expect.stringContaining('Service must expose only the public port'),
          expect.stringContaining('sets DATABSE_URL'),
          expect.stringContaining('memory request must reserve the heap its limit allows'),
        ]),
      );
    });
  });
});
