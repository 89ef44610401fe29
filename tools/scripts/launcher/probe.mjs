/** What went wrong reaching a URL, in the words an operator searches for: ECONNREFUSED, timeout… */
function describe(error, timeoutMs) {
  if (error?.name === 'TimeoutError' || error?.name === 'AbortError') {
    return `timeout: no answer in ${timeoutMs / 1000} s`;
  }
  const cause = error?.cause;
  const code = cause?.code ?? cause?.errors?.find((e) => e?.code)?.code;
  if (code) return code;
  return cause?.message ?? error?.message ?? String(error);
}

/**
 * Asks core-api at `baseUrl` whether it is alive (GET /health/live), as the BFFs will reach it.
 * Resolves `{ ok: true }` or `{ ok: false, error }` with the connection error or the status.
 */
export async function probeCoreApi(baseUrl, timeoutMs = 5_000) {
  try {
    const res = await fetch(`${baseUrl}/health/live`, { signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel();
    return res.ok
      ? { ok: true }
      : { ok: false, error: `HTTP ${res.status} from ${baseUrl}/health/live` };
  } catch (error) {
    return { ok: false, error: describe(error, timeoutMs) };
  }
}
