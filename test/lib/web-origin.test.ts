import { describe, expect, it } from 'vitest';
import { isSecureWebOrigin, isWebOrigin, webOriginOf } from '@/lib/web-origin';

describe('webOriginOf', () => {
  it('gives the http(s) origin of a URL, as URL.origin writes it', () => {
    expect(webOriginOf('https://Console.Example.com:443/login?x=1#y')).toBe('https://console.example.com');
    expect(webOriginOf('http://localhost:8080/')).toBe('http://localhost:8080');
    expect(webOriginOf('https://console.example.com')).toBe('https://console.example.com');
  });

  it('is null for any other scheme and for text that is no URL', () => {
    for (const url of [
      'about:blank',
      'data:text/html,x',
      'blob:https://console.example.com/1',
      'file:///tmp/qr.png',
      'chrome-extension://abcdefghijklmnop/popup.html',
      'javascript:alert(1)',
      '',
      'console.example.com',
    ])
      expect(webOriginOf(url), url).toBeNull();
  });

  it('agrees with isWebOrigin on origins (an origin is its own origin)', () => {
    for (const value of [
      'https://a.example',
      'https://a.example/',
      'http://127.0.0.1:3000',
      'HTTPS://A.example',
    ])
      expect(webOriginOf(value) === value, value).toBe(isWebOrigin(value));
    expect(isSecureWebOrigin('http://127.0.0.1:3000')).toBe(true);
  });
});
