/**
 * Japanese as a first language: every Japanese string follows docs/glossary-ja.md — no half-width space between
 * Japanese and Latin letters or digits, full-width brackets, 「」 around screen labels, and none of the rejected
 * forms.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ja = JSON.parse(readFileSync(join(__dirname, '../public/_locales/ja/messages.json'), 'utf8')) as Record<
  string,
  { message: string }
>;

/** Kana, kanji, full-width forms and Japanese punctuation. */
const JAPANESE = '\\u3040-\\u30ff\\u3400-\\u9fff\\uff00-\\uffef\\u3000-\\u303f';
/**
 * The product's name is written with a space between its two scripts; a code shown after its label keeps a space
 * (「次のコード 942 114」: the digits are a token of their own, grouped by spaces themselves).
 */
const BRAND = new Set(['extName', 'popup_title', 'next_code']);

const REJECTED = [
  '2FAコード',
  'Google Authenticator',
  'Google 認証',
  'その操作を理解できませんでした',
  'このアカウントを入力するサイト',
  'カウンターベース',
  '時間ベース',
  'おすすめ',
  'ましょう', // 「〜しましょう」「〜しておきましょう」: 「〜してください」
  '［',
  '］',
];

const messages = Object.entries(ja).filter(([key]) => !BRAND.has(key));

describe('Japanese strings (docs/glossary-ja.md)', () => {
  it('finds the strings', () => expect(messages.length).toBeGreaterThan(300));

  it('put no half-width space between Japanese and anything else', () => {
    const spaced = new RegExp(`[${JAPANESE}] | [${JAPANESE}]`);
    expect(messages.filter(([, m]) => spaced.test(m.message)).map(([key]) => key)).toEqual([]);
  });

  it('write a colon after Japanese full-width, with no space (「強度：強い」)', () => {
    const found = messages.filter(([, { message }]) => new RegExp(`[${JAPANESE}]:`).test(message));
    expect(found).toEqual([]);
  });

  it('use full-width brackets in Japanese text', () => {
    expect(messages.filter(([, m]) => /[()]/.test(m.message)).map(([key]) => key)).toEqual([]);
  });

  it('use none of the rejected forms', () => {
    const found = messages.flatMap(([key, m]) =>
      REJECTED.filter((form) => m.message.includes(form)).map((form) => `${key}: ${form}`),
    );
    expect(found).toEqual([]);
  });

  it('hold a range of letters or digits (「A〜Z」「2〜7」) together with word joiners: no line break inside it', () => {
    const loose = messages.filter(([, { message }]) => /[A-Za-z0-9]〜|〜[A-Za-z0-9]/.test(message));
    expect(loose).toEqual([]);
    const held = messages.filter(([, { message }]) => /[A-Za-z0-9]\u2060〜\u2060[A-Za-z0-9]/.test(message));
    expect(held.map(([key]) => key).sort()).toEqual(
      ['secret_hint', 'error_invalid_secret', 'error_invalid_period'].sort(),
    );
  });

  it('say "the next code" in full', () => {
    expect(ja.next_code?.message).toBe('次のコード $1');
  });
});
