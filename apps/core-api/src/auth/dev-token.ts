import { DevServiceKeys, MAX_SERVICE_TOKEN_LIFETIME, ServiceTokenSigner } from '@bff/platform-auth';

/** The caller name development tokens carry: a developer, not one of the BFFs. */
export const DEV_TOKEN_CALLER = 'developer';

export type DevTokenResult =
  { ok: true; token: string; guidance: string } | { ok: false; refusal: string };

/**
 * A service token for trying core-api by hand (Swagger UI's Authorize, curl), signed with a
 * development key that core-api trusts outside production: `<SERVICE_KEYS_DIR>/developer.json`,
 * created on first use beside the BFFs' development keys. Refused when `NODE_ENV=production` or
 * when core-api is configured with `SERVICE_TOKEN_PUBLIC_KEYS` (it then trusts only those keys).
 * `--customer=<id>` names a signed-in customer (carts and orders are per customer); without it
 * the token names an anonymous visitor.
 */
export async function mintDevToken(
  env: NodeJS.ProcessEnv,
  args: readonly string[],
): Promise<DevTokenResult> {
  if (env['NODE_ENV'] === 'production')
    return {
      ok: false,
      refusal:
        'dev-token is for development only and is refused with NODE_ENV=production: production ' +
        'core-api trusts only the keys in SERVICE_TOKEN_PUBLIC_KEYS.',
    };
  if (env['SERVICE_TOKEN_PUBLIC_KEYS'])
    return {
      ok: false,
      refusal:
        'dev-token is refused while SERVICE_TOKEN_PUBLIC_KEYS is set: core-api then trusts only ' +
        'those keys, not the development keys this would sign with.',
    };
  const customerArg = args.find((arg) => arg.startsWith('--customer='));
  const customer = customerArg?.slice('--customer='.length);
  if (customer !== undefined && !/^[1-9]\d{0,9}$/.test(customer))
    return { ok: false, refusal: `--customer must be a customer id such as 1 (got "${customer}")` };
  const keys = new DevServiceKeys(env['SERVICE_KEYS_DIR'] ?? '.data/service-keys');
  const { key } = keys.privateKeyFor(DEV_TOKEN_CALLER);
  const signer = new ServiceTokenSigner(DEV_TOKEN_CALLER, key, {
    lifetimeSeconds: MAX_SERVICE_TOKEN_LIFETIME,
  });
  const token = await signer.tokenFor(customer === undefined ? null : Number(customer));
  const who = customer === undefined ? 'an anonymous visitor' : `customer ${customer}`;
  return {
    ok: true,
    token,
    guidance:
      `A core-api service token for ${who}, valid ${MAX_SERVICE_TOKEN_LIFETIME} s (the most any ` +
      `service token may live; run this again for another). In core-api's Swagger UI ` +
      `(http://localhost:3000/docs) press Authorize and paste it, or send it as ` +
      `"Authorization: Bearer <token>". Signed with ${keys.dir}/${DEV_TOKEN_CALLER}.json.`,
  };
}
