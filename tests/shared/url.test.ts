import { describe, expect, it } from 'vitest';
import { isClippableUrl, normalizeUrl, urlKeys } from '../../shared/url.ts';

describe('normalizeUrl', () => {
  it('treats scheme, www, case, default port, fragment and trailing slash as the same page', () => {
    const same = [
      'https://www.Example.org/welcome-desk/',
      'http://example.org/welcome-desk#contact',
      'https://example.org:443/welcome-desk',
      'HTTPS://EXAMPLE.ORG/welcome-desk/index.html',
    ];
    expect(new Set(same.map(normalizeUrl))).toEqual(new Set(['example.org/welcome-desk']));
  });

  it('drops tracking parameters and sorts the others', () => {
    expect(normalizeUrl('https://city.example/p?b=2&utm_source=news&a=1&fbclid=x')).toBe(
      'city.example/p?a=1&b=2',
    );
  });

  it('keeps meaningful differences apart', () => {
    expect(normalizeUrl('https://city.example/p?id=1')).not.toBe(normalizeUrl('https://city.example/p?id=2'));
    expect(normalizeUrl('https://city.example/a')).not.toBe(normalizeUrl('https://city.example/b'));
    expect(normalizeUrl('https://city.example:8080/a')).not.toBe(normalizeUrl('https://city.example/a'));
  });

  it('answers null for what is not a URL', () => {
    expect(normalizeUrl('not a url')).toBeNull();
  });

  it('gives one key per distinct address', () => {
    expect(urlKeys('https://a.example/x', 'http://www.a.example/x/', null, 'https://b.example/y')).toEqual([
      'a.example/x',
      'b.example/y',
    ]);
  });
});

describe('isClippableUrl', () => {
  it('accepts web pages and refuses browser pages and stores', () => {
    expect(isClippableUrl('https://city.example/')).toBe(true);
    expect(isClippableUrl('chrome://settings')).toBe(false);
    expect(isClippableUrl('https://chromewebstore.google.com/detail/x')).toBe(false);
    expect(isClippableUrl(undefined)).toBe(false);
  });
});
