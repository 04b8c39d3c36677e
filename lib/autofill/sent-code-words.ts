/**
 * The words of a sentence saying a code was sent, and where to: one sentence at a time, after NFKC + lower-case.
 * English is matched by whole words (`sent` must not match `consent` or `presented`); Japanese by its verb endings
 * (送信しました, 送信された: done; 送信 alone, as on a "send by e-mail" link, is not).
 */
import type { SentTo } from './code-target';

export const EMAIL_ADDRESS = /[^\s@|<>()"']+@[^\s@|<>()"']+\.[a-z]{2,}/;

/** Something was sent, or the user is told to look where it arrived. */
const SENT = new RegExp(
  [
    String.raw`\b(?:sent|e-?mailed|texted|delivered)\b`,
    String.raw`\bcheck (?:your|the) (?:e-?mail|inbox|mailbox|phone|messages|text messages)\b`,
    '送信(?:しました|した|され|済)',
    'お?送り(?:しました|した|ました)',
    '送った|送られ|送付(?:しました|した|され)|届い|届きました|受信した|受け取った',
    '(?:メール|受信トレイ|sms|メッセージ)を(?:ご)?確認',
  ].join('|'),
);

/** An offer to send the code again: it was sent once already. */
const RESEND = new RegExp(
  [
    String.raw`\bre-?send\b`,
    String.raw`\bsend (?:it |the code |a code |me a code )?again\b`,
    String.raw`\bsend (?:a )?new code\b`,
    String.raw`\bsend another\b`,
    String.raw`\bdid ?n[o']?t (?:get|receive)\b|\bdidn’t (?:get|receive)\b`,
    '再送|届かない',
  ].join('|'),
);

/** A sentence about some code (a bare "we sent you an email" may be a link to click, but still a sent code). */
const CODE = /code|passcode|\botp\b|one-time|\bpin\b|コード|番号|パスワード|暗証/;

/** The authenticator app or a push prompt: "sent" there is not a code sent to the user. */
const APP_OR_PUSH = /authenticator|\bapps?\b|notification|\bpush|\bprompt\b|アプリ|通知/;

/** Japanese names for SMS that contain メール: read as SMS before looking for e-mail. */
const SMS_MAIL_NAMES = /ショートメール|cメール|\+メッセージ/g;
const EMAIL_WORDS = /\be-?mail|\binbox\b|\bmailbox\b|メール|受信トレイ/;
/** The strong names of a text message (they win over an app or push word in the same sentence). */
const SMS_WORDS = /\bsms\b|\btext(?:ed)?\b|\btext messages?\b|テキストメッセージ|ショートメッセージ/;
const PHONE_WORDS = /phone|\bmobile\b|\bcell\b|ending in \d|電話|携帯|スマートフォン|スマホ|末尾/;
/** `•••• ••12`, `+xx xxxxxxxx12`, `090-****-1234`, `(***) ***-**34`. */
const MASKED_PHONE = /[•*●x∙·]{2,}[\s\-().•*●x∙·]*\d{2,4}\b/;

/** Where one sentence says the code went: `unknown` when it was sent but the sentence names no channel. */
export type Said = SentTo | 'unknown';

/**
 * Where this sentence says the code was sent, or null when it says nothing was. Links and buttons only count
 * when they offer to send the code again.
 */
export function sentenceSays(sentence: string, inAction: boolean): Said | null {
  const resend = RESEND.test(sentence);
  const sent = !inAction && SENT.test(sentence);
  if (!resend && !sent) return null;
  const text = sentence.replace(SMS_MAIL_NAMES, ' sms ');
  const email = EMAIL_ADDRESS.test(text) || EMAIL_WORDS.test(text);
  const sms = SMS_WORDS.test(text);
  const phone = PHONE_WORDS.test(text) || MASKED_PHONE.test(text);
  if (!resend) {
    // "A notification was sent to your phone", "the code in your authenticator app": not a code sent to the user.
    if (APP_OR_PUSH.test(text) && !email && !sms) return null;
    if (!email && !sms && !phone && !CODE.test(text)) return null;
  }
  if (email) return 'email';
  return sms || phone ? 'sms' : 'unknown';
}
