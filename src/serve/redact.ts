// Where an article came from, as the API shows it: the file's name, never the path it had on the
// machine that ingested it (a path says who ingested it, where, and how their disk is laid out).
import type { ArticleDetail } from '../store/types.js';

/** "/home/x/corpus/a.txt" → "a.txt"; "file:/home/x/b.jsonl#id=7" → "file:b.jsonl#id=7"; URLs and relative names unchanged. */
export function publicSource(s: string): string;
export function publicSource(s: string | null): string | null;
export function publicSource(s: string | null): string | null {
  if (!s) return s;
  const m = /^(file:(?:\/\/)?)?((?:\/|[A-Za-z]:[\\/]|\\\\)[^#]*)(#.*)?$/.exec(s);
  if (!m) return s;
  const name = m[2].split(/[\\/]/).filter(Boolean).pop() ?? '';
  return `${m[1] ? 'file:' : ''}${name}${m[3] ?? ''}`;
}

export function publicArticle(a: ArticleDetail): ArticleDetail {
  return {
    ...a,
    key: publicSource(a.key),
    revisions: a.revisions.map((r) => ({ ...r, source: publicSource(r.source) })),
    document: { ...a.document, article: { ...a.document.article, id: publicSource(a.document.article.id) } },
  };
}
