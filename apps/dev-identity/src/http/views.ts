/** The provider's pages: plain HTML, no scripts, no external resources. */
const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const htmlSafe = (value: unknown): string =>
  String(value).replace(/[&<>"']/g, (c) => escapes[c] ?? c);

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${htmlSafe(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:24rem;margin:3rem auto;padding:0 1rem}label,input,button{display:block;width:100%;margin:.4rem 0}.error{color:#b00020}</style>
</head>
<body>
<p><small>Development OpenID provider — never deployed</small></p>
${body}
</body>
</html>
`;
}

export interface SignInView {
  /** Where the form posts to. */
  action: string;
  clientName: string;
  email?: string;
  error?: string;
}

export function signInPage({ action, clientName, email = '', error }: SignInView): string {
  return page(
    'Sign in',
    `<h1>Sign in</h1>
<p>to continue to ${htmlSafe(clientName)}</p>
${error ? `<p class="error" role="alert">${htmlSafe(error)}</p>` : ''}
<form method="post" action="${htmlSafe(action)}" autocomplete="off">
<label for="email">E-mail</label>
<input id="email" name="email" type="email" required autofocus value="${htmlSafe(email)}">
<label for="password">Password</label>
<input id="password" name="password" type="password" required>
<button type="submit">Sign in</button>
</form>`,
  );
}

/** RP-initiated logout's confirmation; `form` is the provider's hidden form (id op.logoutForm). */
export function signOutPage(host: string, form: string): string {
  return page(
    'Sign out',
    `<h1>Sign out of ${htmlSafe(host)}?</h1>
${form}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
<button type="submit" form="op.logoutForm">No, stay signed in</button>`,
  );
}

export function signedOutPage(): string {
  return page('Signed out', '<h1>Signed out</h1><p>You are signed out.</p>');
}

export function errorPage(details: object): string {
  const rows = Object.entries(details)
    .map(([key, value]) => `<dt>${htmlSafe(key)}</dt><dd>${htmlSafe(value)}</dd>`)
    .join('');
  return page('Sign-in error', `<h1>Something went wrong</h1><dl>${rows}</dl>`);
}
