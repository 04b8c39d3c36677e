// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CodeListDom, FIRST_FRAME_ROWS, showTooltip, type RowState } from '@/components/code-list-dom';
import type { CodeView } from '@/lib/messages';
import { translator } from '../support/translate';

const T0 = 1_700_000_010_000; // 10 s into a 30 s step
const STEP_END = 1_700_000_030_000;

function view(id: string, patch: Partial<CodeView> = {}): CodeView {
  return {
    id,
    type: 'totp',
    issuer: `Issuer ${id}`,
    account: `${id}@example.jp`,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    origins: [],
    autoFill: [],
    createdAt: 0,
    pinned: false,
    code: '123456',
    next: '654321',
    validUntilMs: STEP_END,
    ...patch,
  };
}

const state = (v: CodeView, patch: Partial<RowState> = {}): RowState => ({
  view: v,
  highlighted: false,
  readOnly: false,
  confirming: false,
  fillable: false,
  thisSite: false,
  siteEnd: false,
  ...patch,
});

let ul: HTMLUListElement;
let list: CodeListDom;
const items = () => [...ul.querySelectorAll('li')];

beforeEach(() => {
  document.body.innerHTML = '<ul></ul>';
  ul = document.querySelector('ul')!;
  list = new CodeListDom(ul, translator('en'));
});

describe('code list rendering', () => {
  it('renders each account as a list item with its labels, code and countdown', () => {
    list.sync([state(view('aaaa1111')), state(view('bbbb2222', { issuer: '' }))], T0);
    const [first, second] = items();
    expect(first!.textContent).toContain('Issuer aaaa1111');
    expect(first!.textContent).toContain('aaaa1111@example.jp');
    expect(first!.querySelector('.code')!.textContent).toBe('123456');
    expect(first!.querySelector('.code')!.getAttribute('aria-label')).toBe(
      'Copy code for Issuer aaaa1111 aaaa1111@example.jp',
    );
    expect(first!.querySelector('.countdown')!.textContent).toBe('20');
    expect(first!.querySelector<HTMLElement>('.next-code')!.hidden).toBe(true);
    // Without an issuer the account name is the title line, shown once.
    expect(second!.querySelector('.issuer')!.textContent).toBe('bbbb2222@example.jp');
    expect(second!.querySelector<HTMLElement>('.account')!.hidden).toBe(true);
  });

  it('keeps each row element across updates, reorders and removes by id', () => {
    list.sync([state(view('aaaa1111')), state(view('bbbb2222')), state(view('cccc3333'))], T0);
    const [a, b, c] = items();
    list.sync([state(view('cccc3333', { code: '999999' })), state(view('aaaa1111'))], T0);
    expect(items()).toEqual([c, a]);
    expect(c!.querySelector('.code')!.textContent).toBe('999999');
    expect(b!.isConnected).toBe(false);
  });

  it('shows the next code in the last seconds, and switches to it when the step ends', () => {
    list.sync([state(view('aaaa1111'))], STEP_END - 4_000);
    const li = items()[0]!;
    expect(li.querySelector<HTMLElement>('.next-code')!.hidden).toBe(false);
    expect(li.querySelector('.next-code')!.textContent).toBe('Next 654 321');
    expect(li.querySelector('.countdown')!.classList.contains('urgent')).toBe(true);
    list.tick(STEP_END + 1);
    expect(li.querySelector('.code')!.textContent).toBe('654321');
    expect(li.querySelector('.countdown')!.textContent).toBe('30');
    expect(li.querySelector<HTMLElement>('.next-code')!.hidden).toBe(true);
  });

  it('HOTP rows have a labelled next-code button and no countdown; others hide that button', () => {
    list.sync(
      [state(view('aaaa1111', { type: 'hotp', validUntilMs: 0, next: '' })), state(view('bbbb2222'))],
      T0,
    );
    const [hotp, totp] = items();
    expect(hotp!.querySelector<HTMLElement>('.countdown')!.hidden).toBe(true);
    expect(hotp!.querySelector('.next')!.getAttribute('aria-label')).toBe(
      'Next code for Issuer aaaa1111 aaaa1111@example.jp',
    );
    expect(totp!.querySelector<HTMLElement>('.next')!.hidden).toBe(true);
  });

  it('asks before deleting, in place of the labels, and disables edits when read-only', () => {
    list.sync([state(view('aaaa1111'), { confirming: true })], T0);
    const li = items()[0]!;
    expect(li.querySelector('[role=group]')!.getAttribute('aria-label')).toBe(
      'Delete Issuer aaaa1111 aaaa1111@example.jp? You will no longer see its codes here.',
    );
    list.sync([state(view('aaaa1111'), { readOnly: true })], T0);
    expect(li.querySelector('[role=group]')).toBeNull();
    expect(li.querySelector<HTMLButtonElement>('.edit')!.disabled).toBe(true);
  });

  it('shows an icon button’s name as its tooltip when hovered', () => {
    list.sync([state(view('aaaa1111'))], T0);
    const edit = items()[0]!.querySelector('.edit')!;
    expect(edit.hasAttribute('title')).toBe(false);
    showTooltip({ target: edit } as unknown as Event);
    expect(edit.getAttribute('title')).toBe('Edit Issuer aaaa1111 aaaa1111@example.jp');
  });

  it('shows direction-override characters instead of obeying them', () => {
    list.sync([state(view('aaaa1111', { issuer: 'Bank\u202Egnp.exe' }))], T0);
    expect(items()[0]!.querySelector('.issuer')!.textContent).toBe('Bank[U+202E]gnp.exe');
  });

  it('a row built at once is the same as one brought to that state by updates', () => {
    // New rows take a shortcut (only what differs from the template is written): it must not show, to the
    // eye or to assistive technology. (Hidden parts may keep old text: they are neither seen nor read.)
    // A ring's value is its own, or else the list's (which every row without one inherits).
    const shown = (root: Element, list: HTMLElement = root as HTMLElement): string[] =>
      [...root.children].flatMap((el) => {
        const node = el as HTMLElement;
        if (node.hidden) return [];
        const text = [...node.childNodes]
          .filter((n) => n.nodeType === 3)
          .map((n) => n.textContent)
          .join('');
        const classes = [...node.classList].sort().join('.');
        const attrs = ['aria-label', 'role', 'disabled', 'title', 'data-id']
          .map((a) => (node.hasAttribute(a) ? `${a}=${node.getAttribute(a)}` : ''))
          .join(' ');
        const ring = node.classList.contains('countdown')
          ? node.style.getPropertyValue('--f') || list.style.getPropertyValue('--f')
          : '';
        return [`${node.tagName}.${classes} ${attrs} ${ring} "${text}"`, ...shown(node, list)];
      });
    const views = [
      view('aaaa1111'),
      view('aaaa1111', { issuer: '' }),
      view('aaaa1111', { type: 'hotp', validUntilMs: 0, next: '' }),
      view('aaaa1111', { period: 60, validUntilMs: STEP_END + 30_000 }),
    ];
    const rowState = fc.record({
      view: fc.constantFrom(...views),
      highlighted: fc.boolean(),
      readOnly: fc.boolean(),
      confirming: fc.boolean(),
      fillable: fc.boolean(),
      thisSite: fc.boolean(),
      siteEnd: fc.boolean(),
    });
    // Early in the step, in its last seconds (urgent ring, next code shown), and just past its end.
    const time = fc.constantFrom(T0, STEP_END - 3_000, STEP_END + 1_000);
    fc.assert(
      fc.property(rowState, time, rowState, time, (before, beforeAt, after, afterAt) => {
        const build = (steps: [RowState, number][]) => {
          const target = document.createElement('ul');
          const dom = new CodeListDom(target, translator('en'));
          for (const [s, at] of steps) dom.sync([s], at);
          return shown(target);
        };
        expect(
          build([
            [before, beforeAt],
            [after, afterAt],
          ]),
        ).toEqual(build([[after, afterAt]]));
      }),
      { numRuns: 500 },
    );
  });

  it('rings of 30 s codes share one value on the list; other periods, and rows the clock ticks, have their own', () => {
    const observers: { callback: IntersectionObserverCallback; targets: Element[] }[] = [];
    class FakeObserver {
      targets: Element[] = [];
      constructor(callback: IntersectionObserverCallback) {
        observers.push({ callback, targets: this.targets });
      }
      observe(target: Element) {
        this.targets.push(target);
      }
      unobserve() {}
      disconnect() {}
    }
    const real = globalThis.IntersectionObserver;
    globalThis.IntersectionObserver = FakeObserver as unknown as typeof IntersectionObserver;
    try {
      const target = document.createElement('ul');
      const dom = new CodeListDom(target, translator('en'));
      dom.sync(
        [
          state(view('aaaa1111')),
          state(view('bbbb2222')),
          state(view('cccc3333', { period: 60, validUntilMs: STEP_END + 30_000 })),
        ],
        T0,
      );
      const [shown, hidden, sixty] = [...target.querySelectorAll('li')];
      const ring = (li: Element) =>
        li.querySelector<HTMLElement>('.countdown')!.style.getPropertyValue('--f');
      const count = (li: Element) => li.querySelector('.countdown')!.textContent;
      expect(target.style.getPropertyValue('--f')).toBe((20 / 30).toFixed(3));
      expect([ring(shown!), ring(hidden!)]).toEqual(['', '']);
      expect(ring(sixty!)).toBe((50 / 60).toFixed(3));
      // The browser reports which rows are on screen; only those are ticked.
      const [{ callback, targets }] = observers as [(typeof observers)[number]];
      expect(targets).toEqual([shown, hidden, sixty]);
      const entry = (li: Element, isIntersecting: boolean) =>
        ({ target: li, isIntersecting }) as IntersectionObserverEntry;
      callback(
        [entry(shown!, true), entry(hidden!, false), entry(sixty!, false)],
        {} as IntersectionObserver,
      );
      dom.tick(T0 + 5_000);
      expect(count(shown!)).toBe('15');
      expect(ring(shown!)).toBe((15 / 30).toFixed(3));
      // The others wait, and the list's value (all they inherit) is not rewritten every second.
      expect(count(hidden!)).toBe('20');
      expect(target.style.getPropertyValue('--f')).toBe((20 / 30).toFixed(3));
      // Scrolled into view: brought up to date at once.
      callback([entry(hidden!, true)], {} as IntersectionObserver);
      expect(count(hidden!)).toBe('15');
      expect(ring(hidden!)).toBe((15 / 30).toFixed(3));
    } finally {
      globalThis.IntersectionObserver = real;
    }
  });
});

describe("a long list's first frame", () => {
  /** The browser's side, played by the test: the first layout's report, and the next animation frame. */
  let layoutReports: { callback: ResizeObserverCallback; target: Element | null; live: boolean }[];
  let frames: FrameRequestCallback[];

  beforeEach(() => {
    layoutReports = [];
    frames = [];
    vi.stubGlobal(
      'ResizeObserver',
      class {
        private readonly report: (typeof layoutReports)[number];
        constructor(callback: ResizeObserverCallback) {
          this.report = { callback, target: null, live: true };
          layoutReports.push(this.report);
        }
        observe(target: Element) {
          this.report.target = target;
        }
        unobserve() {}
        disconnect() {
          this.report.live = false;
        }
      },
    );
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  const many = (n: number, patch: (i: number) => Partial<RowState> = () => ({})) =>
    Array.from({ length: n }, (_, i) => state(view(`id-${i}`), patch(i)));
  /** The first layout is done: the last row drawn ends `bottom` px from the top of the window. */
  const laidOut = (bottom: number) => {
    const opening = items()[FIRST_FRAME_ROWS - 1]!;
    vi.spyOn(opening, 'getBoundingClientRect').mockReturnValue({ bottom } as DOMRect);
    const [report] = layoutReports;
    expect(report?.target).toBe(ul);
    report!.callback([], {} as ResizeObserver);
  };
  const starting = () => ul.classList.contains('starting');

  it('draws only the opening rows, then every row from the next frame on', () => {
    list.sync(many(40), T0);
    expect(items()).toHaveLength(40);
    expect(starting()).toBe(true);
    laidOut(window.innerHeight + 40);
    // Still so for the frame being painted; the next one lifts it.
    expect(starting()).toBe(true);
    expect(layoutReports[0]!.live).toBe(false);
    expect(frames).toHaveLength(1);
    frames[0]!(0);
    expect(starting()).toBe(false);
  });

  it('draws every row in the first frame when more than the opening rows fit in the window', () => {
    list.sync(many(40), T0);
    laidOut(window.innerHeight - 30);
    expect(starting()).toBe(false);
    expect(frames).toHaveLength(0);
  });

  it('leaves short lists, later renderings and a list opened on a new account as they are', () => {
    list.sync(many(FIRST_FRAME_ROWS), T0);
    expect(starting()).toBe(false);
    list.sync(many(40), T0);
    expect(starting()).toBe(false);
    list.destroy();
    list = new CodeListDom(ul, translator('en'));
    // Scrolled to the account just added: wherever it is in the list, it is drawn at once.
    list.sync(
      many(40, (i) => ({ highlighted: i === 30 })),
      T0,
    );
    expect(starting()).toBe(false);
    expect(layoutReports).toHaveLength(0);
  });

  it('matches the stylesheet, which leaves out the rows after the opening ones', () => {
    const css = readFileSync(resolve(__dirname, '../../components/style.css'), 'utf8');
    const rule = /\.list\.starting > \.row:nth-child\(n \+ (\d+)\) \{\s*content-visibility: hidden;/.exec(
      css,
    );
    expect(Number(rule?.[1])).toBe(FIRST_FRAME_ROWS + 1);
  });
});
