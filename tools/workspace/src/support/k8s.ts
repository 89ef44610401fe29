// Offline checks of Kubernetes manifests: each object against its kind's schema (kubernetes-models,
// generated from the Kubernetes OpenAPI definitions), and kustomizations read the way
// `kubectl apply -k` reads them (resources and patches must exist and match up).
import { posix } from 'node:path';
import { exists, read, yamlDocuments } from './workspace';

export interface Manifest {
  file: string;
  // YAML from disk: any shape at all until validated.
  doc: Record<string, unknown>;
}

/** Schema errors for one Kubernetes object (empty when valid). */
export async function schemaErrors(doc: unknown): Promise<string[]> {
  const { apiVersion, kind } = (doc ?? {}) as { apiVersion?: unknown; kind?: unknown };
  // Only names that map onto a module path: `v1` (the core group) or `<group>/<version>`.
  if (
    typeof apiVersion !== 'string' ||
    !/^([a-z0-9.-]+\/)?v\d+\w*$/.test(apiVersion) ||
    typeof kind !== 'string' ||
    !/^[A-Z][A-Za-z]+$/.test(kind)
  ) {
    return [`not a Kubernetes object (apiVersion ${String(apiVersion)}, kind ${String(kind)})`];
  }
  let Model: (new (data: unknown) => { validate(): void }) | undefined;
  try {
    // kubernetes-models lays its classes out as <apiVersion>/<Kind>, e.g. apps/v1/Deployment.
    Model = (await import(`kubernetes-models/${apiVersion}/${kind}`))[kind];
  } catch {
    Model = undefined;
  }
  if (!Model) return [`${apiVersion} ${kind} is not a Kubernetes kind`];
  const errors: string[] = [];
  try {
    new Model(doc).validate();
  } catch (error) {
    errors.push((error as Error).message);
  }
  // The published schemas carry no minimums (the API server checks them in code), so
  // `replicas: -1` would pass; no field of the kinds we deploy may be negative.
  errors.push(...negativeNumbers(doc, 'data').map((path) => `${path} must not be negative`));
  return errors;
}

function negativeNumbers(value: unknown, path: string): string[] {
  if (typeof value === 'number') return value < 0 ? [path] : [];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, child]) =>
      negativeNumbers(child, `${path}/${key}`),
    );
  return [];
}

export interface Kustomization {
  /** The objects it produces (from its own files and the kustomizations it builds on). */
  resources: Manifest[];
  patches: Manifest[];
  /** Every file it reads, kustomization.yaml files included. */
  files: string[];
  problems: string[];
}

/** The parts of a kustomization.yaml these checks read. */
interface KustomizationFile {
  apiVersion?: unknown;
  kind?: unknown;
  resources?: string[];
  patches?: { path?: string }[];
  images?: { name: string }[];
}

type Workload = { spec?: { template?: { spec?: { containers?: { image?: string }[] } } } };

/** Reads `<dir>/kustomization.yaml` and what it refers to, without applying patches. */
export function readKustomization(dir: string): Kustomization {
  const file = `${dir}/kustomization.yaml`;
  const result: Kustomization = { resources: [], patches: [], files: [file], problems: [] };
  const [k] = yamlDocuments(read(file), file) as (KustomizationFile | undefined)[];
  if (k?.apiVersion !== 'kustomize.config.k8s.io/v1beta1' || k?.kind !== 'Kustomization')
    result.problems.push(`${file}: not a kustomize.config.k8s.io/v1beta1 Kustomization`);
  const load = (path: string) =>
    yamlDocuments(read(path), path).map((doc) => ({
      file: path,
      doc: doc as Record<string, unknown>,
    }));

  for (const entry of k?.resources ?? []) {
    const path = posix.normalize(posix.join(dir, entry));
    if (exists(`${path}/kustomization.yaml`)) {
      const base = readKustomization(path);
      result.resources.push(...base.resources);
      result.files.push(...base.files);
      result.problems.push(...base.problems);
    } else if (exists(path) && /\.ya?ml$/.test(path)) {
      result.resources.push(...load(path));
      result.files.push(path);
    } else {
      result.problems.push(`${file}: resource ${entry} does not exist`);
    }
  }
  for (const patch of k?.patches ?? []) {
    const path = patch.path && posix.normalize(posix.join(dir, patch.path));
    if (!path || !exists(path)) {
      result.problems.push(`${file}: patch ${patch.path ?? '(inline)'} is not a file that exists`);
      continue;
    }
    result.files.push(path);
    for (const p of load(path)) {
      result.patches.push(p);
      // A strategic-merge patch applies to the object with the same kind and name.
      const name = (p.doc['metadata'] as { name?: string } | undefined)?.name;
      if (
        !result.resources.some(
          (r) =>
            r.doc['kind'] === p.doc['kind'] &&
            (r.doc['metadata'] as { name?: string })?.name === name,
        )
      ) {
        result.problems.push(
          `${path}: patches ${String(p.doc['kind'])} ${name}, which ${file} does not contain`,
        );
      }
    }
  }
  const containers = result.resources.flatMap(
    (r) => (r.doc as Workload).spec?.template?.spec?.containers ?? [],
  );
  const images = new Set(containers.map((c) => c.image?.split(':')[0]));
  for (const image of k?.images ?? []) {
    if (!images.has(image.name))
      result.problems.push(`${file}: images: ${image.name} is not an image any container uses`);
  }
  return result;
}
