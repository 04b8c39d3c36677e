/**
 * The account rows, rendered straight into the DOM. A popup may list hundreds of live codes: each row is
 * cloned from one template and updated in place (keyed by account id, text written only when it changes), and
 * the once-a-second tick touches only rows on screen. Same markup and accessible names as any other
 * component; the list's single click handler tells buttons apart by class.
 */
import type { CodeView } from '@/lib/messages';
import { codeGroups, displayText } from '@/lib/otp/display-text';
import type { Translate } from './i18n';
import { currentCode, NEXT_CODE_SHOWN_S } from './live-code';

export interface RowState {
  view: CodeView;
  highlighted: boolean;
  readOnly: boolean;
  confirming: boolean;
  /** The popup's tab can be filled: the row shows "Fill". */
  fillable: boolean;
  /** Bound to the tab's site (listed first); `siteEnd`: the last such row. */
  thisSite: boolean;
  siteEnd: boolean;
}

interface Row {
  li: HTMLLIElement;
  issuer: HTMLElement;
  account: HTMLElement;
  edit: HTMLButtonElement;
  del: HTMLButtonElement;
  code: HTMLButtonElement;
  groups: [HTMLElement, HTMLElement];
  timer: HTMLElement;
  next: HTMLButtonElement;
  nextCode: HTMLElement;
  fill: HTMLButtonElement;
  confirm: HTMLElement | null;
  state: RowState | null;
}

/**
 * How many rows the first frame of a long list draws: more than a 600 px popup shows at 100 % zoom (rows are
 * 54 px or taller, below some 85 px of header and search: ten at most are in view). Where more fit, all are
 * drawn at once (see `drawOpeningRowsFirst`). style.css's `.list.starting > .row:nth-child(n + 12)` follows
 * this number.
 */
export const FIRST_FRAME_ROWS = 11;

/** Almost every console uses 30-second codes: their rings share one value set on the list. */
const SHARED_PERIOD_S = 30;

export function rowLabel(view: Pick<CodeView, 'issuer' | 'account'>): string {
  return joinLabel(displayText(view.issuer), displayText(view.account));
}

/** "Issuer account", from texts already made safe to show (either may be empty). */
function joinLabel(issuer: string, account: string): string {
  return (issuer && account ? `${issuer} ${account}` : issuer || account) || '—';
}

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  cls: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  node.className = cls;
  return node;
}

function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

function setAttr(node: Element, name: string, value: string | null): void {
  if (value === null) {
    if (node.hasAttribute(name)) node.removeAttribute(name);
  } else if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

/** `setText`, for a node that may still be as the template made it (`fresh`: no text yet, nothing to compare). */
function writeText(node: Node, text: string, fresh: boolean): void {
  if (!fresh) setText(node, text);
  else if (text !== '') node.textContent = text;
}

/** `setAttr`, for an element that may still be as the template made it (`fresh`: no such attribute yet). */
function writeAttr(node: Element, name: string, value: string | null, fresh: boolean): void {
  if (!fresh) setAttr(node, name, value);
  else if (value !== null) node.setAttribute(name, value);
}

function template(doc: Document): HTMLLIElement {
  const li = el(doc, 'li', 'row');
  // Rows are dragged to reorder them (Alt+↑/↓ by keyboard; see AccountList).
  li.draggable = true;
  const digits = el(doc, 'span', 'code-digits');
  digits.append(el(doc, 'span', ''), el(doc, 'span', ''));
  const code = el(doc, 'button', 'code');
  code.append(digits);
  const timer = el(doc, 'span', 'countdown');
  timer.setAttribute('role', 'timer');
  // As a TOTP row with a label of two lines shows: the HOTP button, the next code and "Fill" hidden.
  const next = el(doc, 'button', 'icon next');
  const nextCode = el(doc, 'span', 'next-code');
  const fill = el(doc, 'button', 'fill small');
  next.hidden = nextCode.hidden = fill.hidden = true;
  // Issuer and account on one line (the label), the code and its ring under it.
  const label = el(doc, 'span', 'label');
  label.append(el(doc, 'span', 'issuer'), el(doc, 'span', 'account'));
  li.append(
    label,
    el(doc, 'button', 'icon edit'),
    el(doc, 'button', 'icon delete'),
    code,
    timer,
    next,
    nextCode,
    fill,
  );
  return li;
}

/** Icon buttons show their accessible name as a tooltip, set on first hover (not for every row up front). */
export function showTooltip(event: Event): void {
  const button = (event.target as Element | null)?.closest?.('button.icon');
  if (button && !button.hasAttribute('title'))
    button.setAttribute('title', button.getAttribute('aria-label') ?? '');
}

export class CodeListDom {
  private readonly rows = new Map<string, Row>();
  private readonly proto: HTMLLIElement;
  /** Rows to tick: on screen, or not yet reported on by the observer (assumed visible until it says not). */
  private readonly onScreen = new Set<Row>();
  private readonly observer: IntersectionObserver | null;
  private now = Date.now();
  /** The ring fill last written on the list, for the rows of the usual period that have none of their own. */
  private sharedFraction = '';

  constructor(
    private readonly list: HTMLUListElement,
    private readonly t: Translate,
  ) {
    this.proto = template(list.ownerDocument);
    this.observer =
      typeof IntersectionObserver === 'undefined'
        ? null
        : new IntersectionObserver((entries) => {
            for (const entry of entries) {
              const row = this.rows.get((entry.target as HTMLElement).dataset.id ?? '');
              if (!row) continue;
              if (entry.isIntersecting) {
                this.onScreen.add(row);
                this.paintCode(row, true);
              } else this.onScreen.delete(row);
            }
          });
  }

  /** Makes the list show exactly `states`, in order, reusing the rows it already has. */
  sync(states: readonly RowState[], now: number): void {
    this.now = now;
    const keep = new Set(states.map((s) => s.view.id));
    for (const [id, row] of this.rows) {
      if (keep.has(id)) continue;
      this.observer?.unobserve(row.li);
      this.onScreen.delete(row);
      row.li.remove();
      this.rows.delete(id);
    }
    if (this.list.firstChild === null) {
      // The first rendering: the rows are built apart from the page and go in with a single insertion.
      const batch = this.list.ownerDocument.createDocumentFragment();
      for (const state of states) {
        const row = this.create(state.view.id);
        this.fill(row, state);
        batch.append(row.li);
      }
      this.list.append(batch);
      if (states.length > FIRST_FRAME_ROWS && !states.some((s) => s.highlighted)) this.drawOpeningRowsFirst();
      return;
    }
    let cursor: ChildNode | null = this.list.firstChild;
    for (const state of states) {
      const row = this.rows.get(state.view.id) ?? this.create(state.view.id);
      this.fill(row, state);
      if (row.li === cursor) cursor = cursor.nextSibling;
      else this.list.insertBefore(row.li, cursor);
    }
  }

  /**
   * The first frame of a long list draws only the rows the popup opens on: the others are left out (the
   * list's `starting` class, in style.css) for that one frame, then the browser skips or draws them as they
   * scroll, as for any row. Once the first layout is known (before anything is painted), the rows drawn are
   * checked to reach past the bottom of the window; when they do not (a zoomed-out popup, a scrolled page),
   * every row is drawn in that same frame.
   */
  private drawOpeningRowsFirst(): void {
    const list = this.list;
    const view = list.ownerDocument.defaultView;
    if (!view || typeof view.ResizeObserver === 'undefined') return;
    list.classList.add('starting');
    const firstLayout = new view.ResizeObserver(() => {
      firstLayout.disconnect();
      const last = list.children[FIRST_FRAME_ROWS - 1];
      if (!last || last.getBoundingClientRect().bottom < view.innerHeight) list.classList.remove('starting');
      else view.requestAnimationFrame(() => list.classList.remove('starting'));
    });
    firstLayout.observe(list);
  }

  /** The once-a-second update: only rows on screen. */
  tick(now: number): void {
    this.now = now;
    for (const row of this.onScreen) this.paintCode(row, true);
  }

  destroy(): void {
    this.observer?.disconnect();
    this.list.replaceChildren();
  }

  private create(id: string): Row {
    const li = this.proto.cloneNode(true) as HTMLLIElement;
    li.setAttribute('data-id', id);
    // The template's children, in order (walked rather than collected: this runs for every row at start-up).
    const label = li.firstElementChild as HTMLElement;
    const issuer = label.firstElementChild as HTMLElement;
    const account = issuer.nextElementSibling as HTMLElement;
    const edit = label.nextElementSibling as HTMLButtonElement;
    const del = edit.nextElementSibling as HTMLButtonElement;
    const code = del.nextElementSibling as HTMLButtonElement;
    const timer = code.nextElementSibling as HTMLElement;
    const next = timer.nextElementSibling as HTMLButtonElement;
    const nextCode = next.nextElementSibling as HTMLElement;
    const fill = nextCode.nextElementSibling as HTMLButtonElement;
    const firstGroup = code.firstElementChild!.firstElementChild as HTMLElement;
    const row: Row = {
      li,
      issuer,
      account,
      edit,
      del,
      code,
      groups: [firstGroup, firstGroup.nextElementSibling as HTMLElement],
      timer,
      next,
      nextCode,
      fill,
      confirm: null,
      state: null,
    };
    this.rows.set(id, row);
    this.onScreen.add(row);
    this.observer?.observe(li);
    return row;
  }

  private fill(row: Row, state: RowState): void {
    const prev = row.state;
    row.state = state;
    const { view, readOnly } = state;
    // A new row is a copy of the template (the common case: a TOTP row, nothing hidden that shows, nothing
    // disabled, no classes, no text, no labels): only what differs from it is written, without reading first.
    // Hundreds of rows are built at start-up.
    const fresh = prev === null;
    if (fresh || prev.view !== view || prev.readOnly !== readOnly || prev.fillable !== state.fillable) {
      const t = this.t;
      const issuer = displayText(view.issuer);
      const account = displayText(view.account);
      const label = joinLabel(issuer, account);
      writeText(row.issuer, issuer || account, fresh);
      writeText(row.account, issuer ? account : '', fresh);
      if (!fresh || !issuer) row.account.hidden = !issuer;
      const hotp = view.type === 'hotp';
      // Icon buttons get their tooltip from the accessible name when hovered (see `showTooltip`).
      writeAttr(row.edit, 'aria-label', t('button_edit', label), fresh);
      writeAttr(row.del, 'aria-label', t('button_delete', label), fresh);
      writeAttr(row.next, 'aria-label', hotp ? t('button_next_code', label) : null, fresh);
      if (!fresh || readOnly) {
        for (const button of [row.edit, row.del, row.next]) {
          button.removeAttribute('title');
          button.disabled = readOnly;
        }
      }
      writeAttr(row.code, 'aria-label', t('copy_label', label), fresh);
      if (!fresh || hotp) {
        row.timer.hidden = hotp;
        row.next.hidden = !hotp;
      }
      if (state.fillable) {
        writeText(row.fill, t('button_fill'), fresh);
        writeAttr(row.fill, 'aria-label', t('button_fill_label', label), fresh);
      }
      if (!fresh || state.fillable) row.fill.hidden = !state.fillable;
    }
    if (!fresh || state.highlighted) row.li.classList.toggle('highlighted', state.highlighted);
    if (!fresh || view.pinned) row.li.classList.toggle('pinned', view.pinned);
    if (!fresh || state.thisSite) row.li.classList.toggle('this-site', state.thisSite);
    if (!fresh || state.siteEnd) row.li.classList.toggle('site-end', state.siteEnd);
    if (!fresh || state.confirming) this.paintConfirm(row, state.confirming);
    this.paintCode(row, false, fresh);
  }

  private paintConfirm(row: Row, confirming: boolean): void {
    row.li.classList.toggle('confirming', confirming);
    if (!confirming) {
      row.confirm?.remove();
      row.confirm = null;
      return;
    }
    const label = rowLabel(row.state!.view);
    // Asked again if the account was renamed meanwhile: the question names the account as it is now.
    if (row.confirm?.dataset.label === label) return;
    const hadFocus = row.confirm?.contains(row.li.ownerDocument.activeElement) ?? false;
    row.confirm?.remove();
    const doc = row.li.ownerDocument;
    const box = el(doc, 'div', 'confirm');
    box.setAttribute('role', 'group');
    box.dataset.label = label;
    box.setAttribute('aria-label', this.t('confirm_delete', label));
    const text = el(doc, 'span', '');
    text.textContent = this.t('confirm_delete', label);
    const yes = el(doc, 'button', 'danger confirm-delete');
    yes.textContent = this.t('button_delete_confirm');
    const no = el(doc, 'button', 'cancel-delete');
    no.textContent = this.t('button_cancel');
    box.append(text, yes, no);
    row.li.prepend(box);
    row.confirm = box;
    if (hadFocus) yes.focus();
  }

  /**
   * Writes the row's code and countdown for `this.now`. The ring of a 30 s row drawn with the list (`ticking`
   * false) inherits one value set on the list, so that hundreds of rows share their computed style; a row the
   * clock ticks (on screen) gets its own, and keeps it: the list's value then changes only when the list does.
   */
  private paintCode(row: Row, ticking = false, fresh = false): void {
    const view = row.state?.view;
    if (!view) return;
    const { code, remaining, next } = currentCode(view, this.now);
    const [first, second = ''] = codeGroups(code);
    writeText(row.groups[0], first ?? '', fresh);
    writeText(row.groups[1], second, fresh);
    if (view.type === 'hotp') {
      // (A row edited from time-based to HOTP in the last seconds of a step was showing the next code.)
      if (!fresh) {
        setText(row.nextCode, '');
        row.nextCode.hidden = true;
      }
      return;
    }
    writeText(row.timer, String(remaining), fresh);
    writeAttr(row.timer, 'aria-label', this.t('seconds_left', String(remaining)), fresh);
    const urgent = remaining <= 5;
    if (!fresh || urgent) row.timer.classList.toggle('urgent', urgent);
    const fraction = Math.max(0, Math.min(1, remaining / view.period)).toFixed(3);
    if (view.period === SHARED_PERIOD_S && !ticking && (fresh || row.timer.style.length === 0)) {
      if (this.sharedFraction !== fraction) {
        this.sharedFraction = fraction;
        this.list.style.setProperty('--f', fraction);
      }
    } else row.timer.style.setProperty('--f', fraction);
    const showNext = next !== '' && remaining <= NEXT_CODE_SHOWN_S;
    if (!fresh || showNext) {
      setText(row.nextCode, showNext ? this.t('next_code', codeGroups(next).join(' ')) : '');
      row.nextCode.hidden = !showNext;
    }
  }
}
