/**
 * The account rows, as Preact components. A popup may list hundreds of live codes: rows are keyed by account
 * id and re-render only when their state or the list's clock changes, and the once-a-second tick reaches only
 * rows on screen (an IntersectionObserver says which). The list's single click handler (in AccountList) tells
 * buttons apart by class.
 */
import { Component, type ComponentChildren } from 'preact';
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { HTMLAttributes, JSX, RefObject } from 'preact';
import type { CodeView } from '@/lib/messages';
import { codeGroups, displayText } from '@/lib/otp/display-text';
import type { Translate } from './i18n';
import { currentCode, NEXT_CODE_SHOWN_S } from './live-code';
import { subscribeSeconds } from './ticker';

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

/**
 * How many rows the first frame of a long list draws: more than a 600 px popup shows at 100 % zoom (rows are
 * 81 px or taller, below some 135 px of header, buttons and search: six at most are in view). Where more
 * fit, all are drawn at once (see `drawOpeningRowsFirst`). style.css's `.list.starting > .row:nth-child(n + 8)`
 * follows this number.
 */
export const FIRST_FRAME_ROWS = 7;

/** Almost every console uses 30-second codes: their rings share one value set on the list. */
const SHARED_PERIOD_S = 30;

/** A source of once-a-second times (the page's shared clock; a test drives its own). */
export type SecondsClock = (listener: (now: number) => void) => () => void;

export function rowLabel(view: Pick<CodeView, 'issuer' | 'account'>): string {
  return joinLabel(displayText(view.issuer), displayText(view.account));
}

/** "Issuer account", from texts already made safe to show (either may be empty). */
function joinLabel(issuer: string, account: string): string {
  return (issuer && account ? `${issuer} ${account}` : issuer || account) || '—';
}

function ringFraction(remaining: number, period: number): string {
  return Math.max(0, Math.min(1, remaining / period)).toFixed(3);
}

/** Icon buttons show their accessible name as a tooltip, set on first hover (not for every row up front). */
export function showTooltip(event: Event): void {
  const button = (event.target as Element | null)?.closest?.('button.icon');
  if (button && !button.hasAttribute('title'))
    button.setAttribute('title', button.getAttribute('aria-label') ?? '');
}

/** Which rows are on screen, and the latest time the clock gave: rows register here when they mount. */
class OnScreen {
  private readonly rows = new Map<Element, (now: number) => void>();
  private readonly visible = new Set<Element>();
  private readonly observer: IntersectionObserver | null;
  now = 0;

  constructor() {
    this.observer =
      typeof IntersectionObserver === 'undefined'
        ? null
        : new IntersectionObserver((entries) => {
            for (const entry of entries) {
              const tick = this.rows.get(entry.target);
              if (!tick) continue;
              if (entry.isIntersecting) {
                this.visible.add(entry.target);
                // Scrolled into view: brought up to date at once.
                if (this.now > 0) tick(this.now);
              } else this.visible.delete(entry.target);
            }
          });
  }

  /** A row is ticked from the start, until the observer reports it off screen. */
  add(li: Element, tick: (now: number) => void): () => void {
    this.rows.set(li, tick);
    this.visible.add(li);
    this.observer?.observe(li);
    return () => {
      this.observer?.unobserve(li);
      this.rows.delete(li);
      this.visible.delete(li);
    };
  }

  tick(now: number): void {
    this.now = now;
    for (const li of this.visible) this.rows.get(li)?.(now);
  }

  destroy(): void {
    this.observer?.disconnect();
  }
}

interface RowProps {
  state: RowState;
  /** When the list was rendered: what a row shows until the clock ticks it. */
  now: number;
  t: Translate;
  onScreen: OnScreen;
}

/** A row's own clock time once ticked (its ring then keeps a value of its own). */
interface RowClock {
  ticked: number;
}

class Row extends Component<RowProps, RowClock> {
  override state: RowClock = { ticked: 0 };
  private readonly li = { current: null as HTMLLIElement | null };
  private release: (() => void) | null = null;
  private label = '';

  override shouldComponentUpdate(next: RowProps, clock: RowClock): boolean {
    const props = this.props;
    return (
      next.state !== props.state ||
      next.now !== props.now ||
      next.t !== props.t ||
      clock.ticked !== this.state.ticked
    );
  }

  override componentDidMount(): void {
    this.label = rowLabel(this.props.state.view);
    const li = this.li.current;
    if (li) this.release = this.props.onScreen.add(li, (now) => this.setState({ ticked: now }));
  }

  override componentDidUpdate(): void {
    // A renamed account: tooltips shown so far named it as it was (set again on the next hover).
    const label = rowLabel(this.props.state.view);
    if (label === this.label) return;
    this.label = label;
    for (const button of this.li.current?.querySelectorAll('button.icon[title]') ?? []) {
      button.removeAttribute('title');
    }
  }

  override componentWillUnmount(): void {
    this.release?.();
  }

  override render({ state, now: listNow, t }: RowProps): JSX.Element {
    const { view, readOnly, fillable } = state;
    const ticked = this.state.ticked;
    const now = Math.max(listNow, ticked);
    const issuer = displayText(view.issuer);
    const account = displayText(view.account);
    const label = joinLabel(issuer, account);
    const hotp = view.type === 'hotp';
    const { code, remaining, next } = currentCode(view, now);
    const [first = '', second = ''] = codeGroups(code);
    const showNext = !hotp && next !== '' && remaining <= NEXT_CODE_SHOWN_S;
    // A 30 s ring drawn with the list inherits the list's value; a ticked row, or another period, has its own.
    const ownRing = ticked > 0 || view.period !== SHARED_PERIOD_S;
    const classes = ['row'];
    if (state.highlighted) classes.push('highlighted');
    if (state.thisSite) classes.push('this-site');
    if (state.siteEnd) classes.push('site-end');
    if (state.confirming) classes.push('confirming');
    return (
      <li class={classes.join(' ')} data-id={view.id} ref={this.li}>
        {state.confirming ? <Confirm label={label} t={t} /> : null}
        <span class="issuer">{issuer || account}</span>
        <span class="account" hidden={!issuer}>
          {issuer ? account : ''}
        </span>
        <button class="icon edit" aria-label={t('button_edit', label)} disabled={readOnly} />
        <button class="icon delete" aria-label={t('button_delete', label)} disabled={readOnly} />
        <button class="code" aria-label={t('copy_label', label)}>
          <span class="code-digits">
            <span>{first}</span>
            <span>{second}</span>
          </span>
        </button>
        {hotp ? (
          <span class="countdown" role="timer" hidden />
        ) : (
          <span
            class={remaining <= 5 ? 'countdown urgent' : 'countdown'}
            role="timer"
            aria-label={t('seconds_left', String(remaining))}
            style={ownRing ? { '--f': ringFraction(remaining, view.period) } : undefined}
          >
            {String(remaining)}
          </span>
        )}
        <button
          class="icon next"
          hidden={!hotp}
          aria-label={hotp ? t('button_next_code', label) : undefined}
          disabled={readOnly}
        />
        <span class="next-code" hidden={!showNext}>
          {showNext ? t('next_code', codeGroups(next).join(' ')) : ''}
        </span>
        <button
          class="fill small"
          hidden={!fillable}
          aria-label={fillable ? t('button_fill_label', label) : undefined}
        >
          {fillable ? t('button_fill') : ''}
        </button>
      </li>
    );
  }
}

function Confirm({ label, t }: { label: string; t: Translate }) {
  const question = t('confirm_delete', label);
  return (
    <div class="confirm" role="group" aria-label={question} data-label={label}>
      <span>{question}</span>
      <button class="danger confirm-delete">{t('button_delete_confirm')}</button>
      <button class="cancel-delete">{t('button_cancel')}</button>
    </div>
  );
}

/**
 * The first frame of a long list draws only the rows the popup opens on: the others are left out (the
 * list's `starting` class, in style.css) for that one frame, then the browser skips or draws them as they
 * scroll, as for any row. Once the first layout is known (before anything is painted), the rows drawn are
 * checked to reach past the bottom of the window; when they do not (a zoomed-out popup, a scrolled page),
 * every row is drawn in that same frame.
 */
function drawOpeningRowsFirst(list: HTMLUListElement): void {
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

export function CodeRows({
  rows,
  now,
  t,
  clock = subscribeSeconds,
  listRef,
  ...list
}: {
  rows: readonly RowState[];
  /** The time the rows are drawn for (the clock's ticks then move the rows on screen on). */
  now: number;
  t: Translate;
  clock?: SecondsClock;
  /** The list element, for the caller's own focus and scrolling. */
  listRef?: RefObject<HTMLUListElement | null>;
  children?: ComponentChildren;
} & Omit<HTMLAttributes<HTMLUListElement>, 'class' | 'style' | 'ref'>) {
  const own = useRef<HTMLUListElement>(null);
  const ul = listRef ?? own;
  const onScreen = useMemo(() => new OnScreen(), []);
  onScreen.now = Math.max(onScreen.now, now);
  // Mounted with its rows: a long list's first frame (not when opened on a new account, scrolled to it).
  const opening = useRef(rows.length > FIRST_FRAME_ROWS && !rows.some((s) => s.highlighted));
  useLayoutEffect(() => {
    if (opening.current && ul.current) drawOpeningRowsFirst(ul.current);
    return () => onScreen.destroy();
  }, [onScreen]);
  useLayoutEffect(() => clock((at) => onScreen.tick(at)), [clock, onScreen]);
  const shared = rows.find((s) => s.view.type !== 'hotp' && s.view.period === SHARED_PERIOD_S)?.view;
  const fraction = shared ? ringFraction(currentCode(shared, now).remaining, SHARED_PERIOD_S) : undefined;
  return (
    <ul class="list" ref={ul} style={fraction ? { '--f': fraction } : undefined} {...list}>
      {rows.map((state) => (
        <Row key={state.view.id} state={state} now={now} t={t} onScreen={onScreen} />
      ))}
    </ul>
  );
}
