/** The first `<form>` of a page: where it goes and its hidden and named fields. */
export interface HtmlForm {
  action: string;
  method: string;
  fields: Record<string, string>;
}

const decode = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const attribute = (tag: string, name: string) =>
  new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`, 'i').exec(tag);

/** Reads the first form of `html` (relative actions resolved against `pageUrl`); undefined if none. */
export function firstForm(html: string, pageUrl: string): HtmlForm | undefined {
  const start = /<form\b[^>]*>/i.exec(html);
  if (!start) return undefined;
  const end = html.indexOf('</form>', start.index);
  const body = html.slice(start.index, end < 0 ? undefined : end);
  const actionMatch = attribute(start[0], 'action');
  const action = actionMatch ? decode(actionMatch[2] ?? actionMatch[3] ?? '') : pageUrl;
  const method = attribute(start[0], 'method');
  const fields: Record<string, string> = {};
  for (const input of body.match(/<input\b[^>]*>/gi) ?? []) {
    const name = attribute(input, 'name');
    const value = attribute(input, 'value');
    if (name) fields[decode(name[2] ?? name[3] ?? '')] = decode(value?.[2] ?? value?.[3] ?? '');
  }
  return {
    action: new URL(action || pageUrl, pageUrl).href,
    method: (method?.[2] ?? method?.[3] ?? 'get').toLowerCase(),
    fields,
  };
}

/** The text of an element with role="alert" (the sign-in page's error), if any. */
export function alertText(html: string): string | undefined {
  const match = /<[a-z]+[^>]*role="alert"[^>]*>([\s\S]*?)<\//i.exec(html);
  return match?.[1] ? decode(match[1]).trim() : undefined;
}
