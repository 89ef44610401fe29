interface Cookie {
  name: string;
  value: string;
  host: string;
  path: string;
  expires: number | undefined;
}

/** A small cookie jar for one user agent: host-only cookies, path matching, expiry, deletion. */
export class CookieJar {
  private cookies: Cookie[] = [];

  /** Stores the `Set-Cookie` headers of an answer from `url`. */
  store(url: URL, setCookies: string[]): void {
    for (const header of setCookies) {
      const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const cookie: Cookie = {
        name: pair.slice(0, eq),
        value: pair.slice(eq + 1),
        host: url.host,
        path: defaultPath(url.pathname),
        expires: undefined,
      };
      for (const attribute of attributes) {
        const [key = '', value = ''] = attribute.split('=', 2);
        const name = key.toLowerCase();
        if (name === 'path' && value.startsWith('/')) cookie.path = value;
        if (name === 'max-age') cookie.expires = Date.now() + Number(value) * 1000;
        if (name === 'expires' && cookie.expires === undefined) cookie.expires = Date.parse(value);
      }
      this.cookies = this.cookies.filter(
        (c) => !(c.name === cookie.name && c.host === cookie.host && c.path === cookie.path),
      );
      if (cookie.expires === undefined || cookie.expires > Date.now()) this.cookies.push(cookie);
    }
  }

  /** The `Cookie` header for a request to `url` (longest paths first), or undefined. */
  header(url: URL): string | undefined {
    const now = Date.now();
    const matching = this.cookies
      .filter((c) => c.host === url.host && (c.expires === undefined || c.expires > now))
      .filter((c) => pathMatches(url.pathname, c.path))
      .sort((a, b) => b.path.length - a.path.length);
    return matching.length ? matching.map((c) => `${c.name}=${c.value}`).join('; ') : undefined;
  }

  /** The names of the cookies held for this host. */
  names(host: string): string[] {
    return this.cookies.filter((c) => c.host === host).map((c) => c.name);
  }
}

function defaultPath(pathname: string): string {
  const slash = pathname.lastIndexOf('/');
  return slash <= 0 ? '/' : pathname.slice(0, slash);
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}
