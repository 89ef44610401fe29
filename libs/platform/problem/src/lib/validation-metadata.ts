import { getMetadataStorage, type MetadataStorage } from 'class-validator';

type Target = Parameters<MetadataStorage['getTargetValidationMetadatas']>[0];
type Metadatas = ReturnType<MetadataStorage['getTargetValidationMetadatas']>;
type Grouped = ReturnType<MetadataStorage['groupByPropertyName']>;

const cached = new WeakSet<MetadataStorage>();

/**
 * Remembers, per class and options, the validation metadata class-validator looks up on every
 * validation. Its lookup walks the metadata of every class the service declares (for
 * inheritance) and copies it, on each request and for each validated argument: a twentieth of a
 * page's allocations (docs/performance.md). Metadata is declared as classes load, so the answers
 * hold; any metadata added later (a decorator applied at run time, `registerSchema`) forgets them
 * all. Installed once per metadata storage; the storage is global, shared by every pipe.
 */
export function cacheValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  if (cached.has(storage)) return;
  cached.add(storage);
  let lookups = new Map<Target, Map<string, Metadatas>>();
  let groupings = new WeakMap<Metadatas, Grouped>();
  const forget = () => {
    lookups = new Map();
    groupings = new WeakMap();
  };

  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema ?? ''}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0000') ?? '-'}`;
    let byOptions = lookups.get(target);
    if (!byOptions) lookups.set(target, (byOptions = new Map()));
    let found = byOptions.get(key);
    if (!found) byOptions.set(key, (found = lookup(target, schema, always, strictGroups, groups)));
    return found;
  };
  const group = storage.groupByPropertyName.bind(storage);
  storage.groupByPropertyName = (metadatas) => {
    let grouped = groupings.get(metadatas);
    if (!grouped) groupings.set(metadatas, (grouped = group(metadatas)));
    return grouped;
  };

  const addMetadata = storage.addValidationMetadata.bind(storage);
  storage.addValidationMetadata = (metadata) => {
    forget();
    addMetadata(metadata);
  };
  const addSchema = storage.addValidationSchema.bind(storage);
  storage.addValidationSchema = (schema) => {
    forget();
    addSchema(schema);
  };
}
