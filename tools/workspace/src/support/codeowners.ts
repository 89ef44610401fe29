// Reads a CODEOWNERS file the way GitHub does: one `pattern owner…` rule a line, and for a given
// file the LAST matching rule decides. Patterns use gitignore syntax; this covers the part of it
// that a CODEOWNERS file uses (anchored and unanchored paths, `*`, `**`, `?`, trailing `/`).

export interface OwnerRule {
  line: number;
  pattern: string;
  owners: string[];
  matches: (path: string) => boolean;
}

export function parseCodeowners(text: string): OwnerRule[] {
  const rules: OwnerRule[] = [];
  text.split('\n').forEach((raw, index) => {
    const content = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!content) return;
    const [pattern = '', ...owners] = content.split(/\s+/);
    const regex = patternToRegExp(pattern);
    rules.push({ line: index + 1, pattern, owners, matches: (path) => regex.test(path) });
  });
  return rules;
}

/** The rule that decides who owns `path` (a repository path without a leading slash). */
export function ruleFor(rules: OwnerRule[], path: string): OwnerRule | undefined {
  return rules.findLast((rule) => rule.matches(path));
}

function patternToRegExp(pattern: string): RegExp {
  const directoryOnly = pattern.endsWith('/');
  const body = pattern.replace(/^\//, '').replace(/\/$/, '');
  // A slash at the start or in the middle anchors the pattern at the repository root; otherwise
  // it matches at any depth (`*.md`, `Dockerfile`).
  const anchored = pattern.startsWith('/') || body.includes('/');
  const source = body
    .split(/(\*\*\/|\*\*|\*|\?)/)
    .map((part) => {
      if (part === '**/') return '(?:.*/)?';
      if (part === '**') return '.*';
      if (part === '*') return '[^/]*';
      if (part === '?') return '[^/]';
      return part.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  // A match may be the file itself or a directory, which then owns everything below it.
  return new RegExp(
    `^${anchored ? '' : '(?:.*/)?'}${source}${directoryOnly ? '/.*' : '(?:/.*)?'}$`,
  );
}
