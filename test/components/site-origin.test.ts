/** What people type as a site, as the exact origin an account is bound to. */
import { describe, expect, it } from 'vitest';
import { siteOrigin } from '@/components/site-origin';

describe('siteOrigin', () => {
  it.each([
    ['clp.trendmicro.com', 'https://clp.trendmicro.com'],
    ['https://portal.example.jp/login?next=/', 'https://portal.example.jp'],
    ['HTTPS://Portal.Example.JP', 'https://portal.example.jp'],
    ['http://127.0.0.1:8787/trend/login', 'http://127.0.0.1:8787'],
    ['127.0.0.1:8787', 'https://127.0.0.1:8787'],
    ['  console.example.jp  ', 'https://console.example.jp'],
    ['https://xn--eckwd4c7c.jp', 'https://xn--eckwd4c7c.jp'],
    ['https://例え.jp', 'https://xn--r8jz45g.jp'],
  ])('%s -> %s', (typed, origin) => {
    expect(siteOrigin(typed)).toBe(origin);
  });

  it.each([
    '',
    '   ',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'ftp://files.example.jp',
    'two words',
    'https://user:pw@host.jp',
  ])('refuses %j', (typed) => {
    expect(siteOrigin(typed)).toBeNull();
  });
});
