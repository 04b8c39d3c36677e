/**
 * Tells a page that sent the user a code (by e-mail or text message) from an authenticator page: they look the
 * same, only the sentences around the field differ. What counts is a sentence saying a code WAS sent ("We sent a
 * code to j***@example.com", "A text message with a 6-digit verification code was just sent to •••• ••12",
 * 「…宛てにメールで送信した確認コード」) or offering to send it again ("Resend code", 再送信). An address on its own
 * says nothing: sign-in pages show the signed-in identity above an authenticator's field too (Microsoft's banner,
 * Okta's identifier line). A link offering to send one ("Send the code by e-mail instead") is a choice not yet
 * made. The caller fills such a page only when the user explicitly asks, never automatically.
 */
import type { SentTo } from './code-target';
import { parentAcrossShadow } from './is-shown';
import { normalizeText } from './normalize-text';
import { type Said, sentenceSays } from './sent-code-words';

/** The field's surroundings grow until they hold about this much text (never less than its form). */
const MAX_CONTEXT_CHARS = 1500;

/** Elements whose text stands apart from what surrounds it; the rest (span, strong, a…) run on in a sentence. */
const INLINE = new Set(
  'abbr b bdi bdo cite code data dfn em font i kbd mark q s samp small span strong sub sup time tt u var wbr'.split(
    ' ',
  ),
);
const UNREAD = new Set(['script', 'style', 'template', 'noscript', 'select', 'textarea']);
/** A link or button: what it offers to do, not what happened. */
const ACTION = new Set(['a', 'button', 'summary']);
const ACTION_ROLES = new Set(['button', 'link', 'menuitem', 'tab']);

interface Chunk {
  text: string;
  /** Inside a link or button. */
  action: boolean;
}

/** Where the page says this field's code was sent; null when it says none was (an authenticator's code). */
export function codeSentTo(field: Element): SentTo | null {
  const context = contextOf(field);
  const said: Said[] = [];
  for (const chunk of chunksOf(context)) {
    for (const sentence of splitSentences(normalizeText(chunk.text))) {
      const channel = sentenceSays(sentence, chunk.action);
      if (channel) said.push(channel);
    }
  }
  if (said.length === 0) return null;
  // Only a phone named alone makes it an SMS page; a mailbox, or both, read as e-mail (so does no channel at all:
  // the question then speaks of e-mail or SMS).
  return said.includes('sms') && !said.includes('email') ? 'sms' : 'email';
}

/**
 * The field's form (or the field), widened to its largest ancestor that is not yet a whole page: the sentence
 * saying where the code went often sits above a form that holds only the field and its button (Auth0's prompt
 * header), while a long page's other sections are not about this field.
 */
function contextOf(field: Element): Element {
  let context = field.closest('form') ?? field;
  for (let up = parentAcrossShadow(context); up && up.localName !== 'html'; up = parentAcrossShadow(up)) {
    if (!hasTextAtMost(up, MAX_CONTEXT_CHARS)) break;
    context = up;
  }
  return context;
}

/** Whether the element's readable text is at most `limit` characters (stops reading once it is over). */
function hasTextAtMost(root: Element, limit: number): boolean {
  let length = 0;
  const walk = (node: Node): boolean => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) length += (child.nodeValue ?? '').length + 1;
      else if (child.nodeType === 1 && !UNREAD.has((child as Element).localName) && !walk(child))
        return false;
      if (length > limit) return false;
    }
    return true;
  };
  return walk(root);
}

/** The element's shown text, cut where blocks, links and buttons begin and end. */
function chunksOf(root: Element): Chunk[] {
  const chunks: Chunk[] = [];
  let text = '';
  let action = false;
  const flush = () => {
    if (text.trim()) chunks.push({ text, action });
    text = '';
  };
  const walk = (node: Node, inAction: boolean) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) {
        if (inAction !== action) flush();
        action = inAction;
        text += child.nodeValue ?? '';
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      if (UNREAD.has(el.localName) || isHidden(el)) continue;
      const childAction = inAction || isAction(el);
      const block = !INLINE.has(el.localName) || childAction !== inAction;
      if (block) flush();
      walk(el, childAction);
      if (el.shadowRoot) walk(el.shadowRoot, childAction);
      if (block) flush();
    }
  };
  walk(root, false);
  flush();
  return chunks;
}

function isAction(el: Element): boolean {
  return ACTION.has(el.localName) || ACTION_ROLES.has(el.getAttribute('role') ?? '');
}

/** Text the user cannot see (a template for another step of the flow) says nothing about this one. */
function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const style = view.getComputedStyle(el);
  return style.display === 'none' || style.visibility === 'hidden';
}

/** Sentences end at `.`, `!`, `?` before a space (never inside an address) and at 。 or a line break. */
function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|[。\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
