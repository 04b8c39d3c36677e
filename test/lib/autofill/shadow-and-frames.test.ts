// @vitest-environment happy-dom
/**
 * Fields inside open shadow roots and same-origin frames are found and filled; closed shadow roots and
 * cross-origin frames are out of reach (the extension fills a cross-origin frame only by running inside it).
 * happy-dom builds a same-origin frame's document from `srcdoc`, so the frame tests use real frames.
 */
import { describe, expect, it } from 'vitest';
import { fillCode, findCodeTarget, sameOriginDocument } from '@/lib/autofill';
import { BASE_STYLE, showPage, styleMeasure } from './page';

const measure = styleMeasure;
const CODE_FIELD = '<label for="f">確認コード</label><input id="f" inputmode="numeric">';

function frameWith(html: string): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.srcdoc = `${BASE_STYLE}${html}`;
  document.body.append(frame);
  return frame;
}

function shadowHostWith(html: string, mode: ShadowRootMode): ShadowRoot {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode });
  root.innerHTML = `${BASE_STYLE}${html}`;
  return root;
}

describe('open shadow roots', () => {
  it('a field in an open shadow root is found and filled', async () => {
    showPage('<h1>Verify</h1>');
    const root = shadowHostWith(CODE_FIELD, 'open');
    const target = findCodeTarget(document, { measure });
    expect(target).toMatchObject({ kind: 'single', input: root.getElementById('f') });
    expect(await fillCode(target!, '123456', { settleMs: 5 })).toBe(true);
    expect((root.getElementById('f') as HTMLInputElement).value).toBe('123456');
  });

  it('nested open shadow roots too', () => {
    showPage('');
    const outer = shadowHostWith('<div id="inner-host"></div>', 'open');
    const inner = outer.getElementById('inner-host')!.attachShadow({ mode: 'open' });
    inner.innerHTML = `${BASE_STYLE}${CODE_FIELD}`;
    expect(findCodeTarget(document, { measure })).toMatchObject({ input: inner.getElementById('f') });
  });

  it('a closed shadow root is not ours to look into', () => {
    showPage('');
    shadowHostWith(CODE_FIELD, 'closed');
    expect(findCodeTarget(document, { measure })).toBeNull();
  });
});

describe('frames', () => {
  it('a field in a same-origin frame is found and filled through that frame’s own setter', async () => {
    showPage('<h1>Sign in</h1>');
    const frame = frameWith(`<h1>本人確認</h1>${CODE_FIELD}`);
    const inner = sameOriginDocument(frame);
    expect(inner).not.toBeNull();
    const target = findCodeTarget(document, { measure });
    expect(target).toMatchObject({ kind: 'single', input: inner!.getElementById('f') });
    expect(await fillCode(target!, '123456', { settleMs: 5 })).toBe(true);
    expect((inner!.getElementById('f') as HTMLInputElement).value).toBe('123456');
  });

  it('a hidden frame’s fields are not shown to anyone', () => {
    showPage('');
    frameWith(CODE_FIELD).style.display = 'none';
    expect(findCodeTarget(document, { measure })).toBeNull();
  });

  it.each([
    [
      'throws on access',
      () => {
        throw new DOMException(
          'Blocked a frame with origin from accessing a cross-origin frame.',
          'SecurityError',
        );
      },
    ],
    ['returns null', () => null],
  ])('a cross-origin frame whose contentDocument %s is skipped, the page still searched', (_name, get) => {
    showPage(CODE_FIELD);
    const frame = document.createElement('iframe');
    frame.srcdoc = '<p>another site</p>'; // (no src: happy-dom's test setup refuses to load about:blank)
    Object.defineProperty(frame, 'contentDocument', { get });
    document.body.prepend(frame);
    expect(sameOriginDocument(frame)).toBeNull();
    expect(findCodeTarget(document, { measure })).toMatchObject({ input: document.getElementById('f') });
  });
});
