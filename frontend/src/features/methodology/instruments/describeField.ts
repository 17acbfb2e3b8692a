import { toFormPath } from '../../../api/problem';
type Node = Record<string, unknown> | unknown[] | undefined;

/**
 * A problem's field in words (of an instrument or a classification scheme) a country administrator recognises: list indices become the codes of what they point
 * to ("definition.sections[0].items[1].condition" → "screen › weapon › condition"); an index whose entry has no code
 * yet stays a 1-based number ("#2").
 */
export function describeField(field: string, definition: object): string {
  const parts = toFormPath(field).split('.');
  if (parts[0] === 'definition') parts.shift();
  const words: string[] = [];
  let node: Node = definition as Node;
  for (const part of parts) {
    if (Array.isArray(node) && /^\d+$/.test(part)) {
      const entry = node[Number(part)] as Record<string, unknown> | undefined;
      const code = typeof entry?.code === 'string' && entry.code ? entry.code : `#${Number(part) + 1}`;
      words.pop(); // "sections", "items", … : the code says enough
      words.push(code);
      node = entry;
    } else {
      words.push(part);
      node = node && !Array.isArray(node) ? (node[part] as Node) : undefined;
    }
  }
  return words.join(' › ');
}
