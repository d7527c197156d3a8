// A clip as the popup hands it to the library store (NewPractice), with neutral defaults: a test names only
// what it is about (its page, title, language…).
import type { NewPractice } from '../../extension/store/practices.ts';

export const newPractice = (over: Partial<NewPractice> = {}): NewPractice => ({
  url: 'https://example.org/practice',
  canonicalUrl: null,
  title: 'A practice',
  excerpt: '',
  siteName: null,
  byline: null,
  publishedTime: null,
  lang: 'en',
  dir: 'ltr',
  image: null,
  contentMarkdown: '',
  extraction: 'full',
  areas: [],
  tags: [],
  note: '',
  ...over,
});
