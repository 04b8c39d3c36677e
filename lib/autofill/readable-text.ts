/** The text a reader sees in an element: its text nodes, without scripts and style sheets. */
const UNREAD = new Set(['script', 'style', 'template', 'noscript']);

export function readableText(el: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) parts.push(child.nodeValue ?? '');
      else if (child.nodeType === 1 && !UNREAD.has((child as Element).localName)) walk(child);
    }
  };
  walk(el);
  return parts.join(' ');
}
