import { type Manifest, readKustomization } from './support/k8s';
import { APPS, type App, BFFS } from './support/workspace';

// Who may reach each app's pods, checked offline (schemas: k8s-manifests.spec.ts checks every object).
// The BFFs are every deployable app but core-api (support/workspace.ts), a generated one too.
const K8S = 'deploy/k8s';
const INGRESS_NAMESPACE = 'ingress-nginx';
const MONITORING_NAMESPACE = 'monitoring';

type Peer = {
  podSelector?: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] };
  namespaceSelector?: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] };
  ipBlock?: unknown;
};
type Rule = { from?: Peer[]; to?: Peer[]; ports?: { port?: string | number; protocol?: string }[] };
type Policy = {
  metadata: { name: string };
  spec: {
    podSelector: { matchLabels?: Record<string, string> };
    policyTypes?: string[];
    ingress?: Rule[];
    egress?: Rule[];
  };
};

const byKind = (resources: Manifest[], kind: string): any =>
  resources.find((r) => r.doc['kind'] === kind)?.doc;
const namespace = (peer: Peer) =>
  peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'];
const isEmpty = (selector?: { matchLabels?: object; matchExpressions?: unknown[] }) =>
  !!selector &&
  Object.keys(selector.matchLabels ?? {}).length === 0 &&
  (selector.matchExpressions ?? []).length === 0;

/** A peer that admits more than named pods or namespaces: any pod, any namespace, or an address range. */
function tooWide(peer: Peer): boolean {
  if (peer.ipBlock) return true;
  if (peer.namespaceSelector)
    return isEmpty(peer.namespaceSelector) || namespace(peer) === undefined;
  return !peer.podSelector || isEmpty(peer.podSelector);
}

/** Who reaches a named port of the pods, as `ns:<name>` or `pod:<app>`; `*` for anyone. */
function admitted(policy: Policy, port: string): string[] {
  return (policy.spec.ingress ?? [])
    .filter(
      (rule) => !rule.ports || rule.ports.length === 0 || rule.ports.some((p) => p.port === port),
    )
    .flatMap((rule) =>
      !rule.from || rule.from.length === 0
        ? ['*']
        : rule.from.map((peer) =>
            tooWide(peer)
              ? '*'
              : peer.namespaceSelector
                ? `ns:${namespace(peer)}`
                : `pod:${peer.podSelector?.matchLabels?.['app.kubernetes.io/name']}`,
          ),
    )
    .sort();
}

/** What is wrong with an app's NetworkPolicy, measured against its pods; empty when nothing. */
function policyProblems(app: App, resources: Manifest[]): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => ok || problems.push(problem);
  const policies = resources
    .filter((r) => r.doc['kind'] === 'NetworkPolicy')
    .map((r) => r.doc as unknown as Policy);
  const pod = byKind(resources, 'Deployment')?.spec.template;
  const [policy] = policies;
  if (policies.length !== 1 || !policy || !pod)
    return [`${app}: needs one NetworkPolicy beside its Deployment`];
  const selector = Object.entries(policy.spec.podSelector.matchLabels ?? {});
  check(
    selector.length > 0 && selector.every(([k, v]) => pod.metadata.labels[k] === v),
    `${app}: the NetworkPolicy must select the app's pods`,
  );
  check(
    ['Ingress', 'Egress'].every((t) => policy.spec.policyTypes?.includes(t)),
    `${app}: the NetworkPolicy must restrict both Ingress and Egress`,
  );
  const named = new Set(pod.spec.containers[0].ports.map((p: { name: string }) => p.name));
  for (const rule of policy.spec.ingress ?? []) {
    for (const p of rule.ports ?? [])
      check(named.has(p.port), `${app}: ingress names port ${p.port}, which the pod lacks`);
  }
  const publicFrom =
    app === 'core-api' ? BFFS.map((bff) => `pod:${bff}`).sort() : [`ns:${INGRESS_NAMESPACE}`];
  check(
    JSON.stringify(admitted(policy, 'http')) === JSON.stringify(publicFrom),
    `${app}: the public port must admit ${publicFrom.join(', ')} only (got ${admitted(policy, 'http').join(', ')})`,
  );
  check(
    JSON.stringify(admitted(policy, 'admin')) === JSON.stringify([`ns:${MONITORING_NAMESPACE}`]),
    `${app}: the admin port must admit ${MONITORING_NAMESPACE} only (got ${admitted(policy, 'admin').join(', ')})`,
  );
  const egressPorts = new Set(
    (policy.spec.egress ?? []).flatMap((r) =>
      (r.ports ?? []).map((p) => `${p.port}/${p.protocol}`),
    ),
  );
  const needs = [
    '53/UDP',
    '4318/TCP',
    ...(app === 'core-api' ? ['5432/TCP'] : ['3000/TCP', '6379/TCP', '443/TCP']),
  ];
  for (const port of needs) check(egressPorts.has(port), `${app}: egress must allow ${port}`);
  check(
    (policy.spec.egress ?? []).every((r) => (r.ports ?? []).length > 0),
    `${app}: every egress rule must name its ports (none may allow everything)`,
  );
  return problems;
}

describe('NetworkPolicies (deploy/k8s)', () => {
  const base = (app: App) => readKustomization(`${K8S}/${app}/base`).resources;

  it.each(APPS)('%s: default deny both ways, and only the expected peers on each port', (app) => {
    expect(policyProblems(app, base(app))).toEqual([]);
  });

  it('core-api admits on its public port only the BFF pods, every one of them', () => {
    const policy = byKind(base('core-api'), 'NetworkPolicy') as Policy;
    expect(BFFS).toEqual(expect.arrayContaining(['web-bff', 'mobile-bff']));
    expect(admitted(policy, 'http')).toEqual(BFFS.map((bff) => `pod:${bff}`).sort());
  });

  it('every BFF may reach core-api, and core-api only on its public port', () => {
    const corePort = byKind(
      base('core-api'),
      'Deployment',
    ).spec.template.spec.containers[0].ports.find(
      (p: { name: string }) => p.name === 'http',
    ).containerPort;
    for (const bff of BFFS) {
      const policy = byKind(base(bff), 'NetworkPolicy') as Policy;
      const toCore = (policy.spec.egress ?? []).filter((r) =>
        r.to?.some((p) => p.podSelector?.matchLabels?.['app.kubernetes.io/name'] === 'core-api'),
      );
      expect(toCore.flatMap((r) => r.ports?.map((p) => p.port))).toEqual([corePort]);
    }
  });

  describe('the checks fail when', () => {
    const resources = (app: App) =>
      base(app).map((r) => ({ ...r, doc: structuredClone(r.doc) as any }));

    it.each<[string, (policy: any) => void]>([
      ['an allow-all ingress rule is added', (p) => p.spec.ingress.push({})],
      [
        'a rule admits every namespace',
        (p) => p.spec.ingress[0].from.push({ namespaceSelector: {} }),
      ],
      [
        'a rule admits every pod of the namespace',
        (p) => p.spec.ingress[0].from.push({ podSelector: {} }),
      ],
      [
        'a rule admits an address range',
        (p) => p.spec.ingress[0].from.push({ ipBlock: { cidr: '0.0.0.0/0' } }),
      ],
      ['a rule opens every port to the BFFs', (p) => delete p.spec.ingress[0].ports],
    ])('%s to core-api', (_case, change) => {
      const changed = resources('core-api');
      change(byKind(changed, 'NetworkPolicy'));
      const problems = policyProblems('core-api', changed);
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.every((p) => p.includes('must admit'))).toBe(true);
    });

    it('a policy stops restricting egress, or allows all of it', () => {
      const changed = resources('web-bff');
      const policy = byKind(changed, 'NetworkPolicy');
      policy.spec.policyTypes = ['Ingress'];
      policy.spec.egress.push({});
      expect(policyProblems('web-bff', changed)).toEqual([
        expect.stringContaining('both Ingress and Egress'),
        expect.stringContaining('none may allow everything'),
      ]);
    });

    it('a policy is missing', () => {
      const changed = resources('mobile-bff').filter((r) => r.doc.kind !== 'NetworkPolicy');
      expect(policyProblems('mobile-bff', changed)).toEqual([
        'mobile-bff: needs one NetworkPolicy beside its Deployment',
      ]);
    });
  });
});
