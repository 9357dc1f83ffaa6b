import { describe, expect, it } from 'vitest';
import { isLoadableImage, pickImageSource, widestFromSrcset } from './image-source';

const attrs = (map: Record<string, string>) => (name: string) => map[name] ?? null;
const base = 'https://example.com/news/a.html';

describe('pickImageSource', () => {
  it('prefers data-src over a data: placeholder in src', () => {
    expect(pickImageSource(attrs({ src: 'data:image/gif;base64,R0lGOD', 'data-src': 'https://cdn/x.jpg' }), base)).toBe('https://cdn/x.jpg');
  });
  it('falls back to the widest srcset entry, glued attributes and all', () => {
    expect(pickImageSource(attrs({ src: 'data:x', srcset: 'https://a/1.jpg 240w, https://a/2.jpg 800w' }), base)).toBe('https://a/2.jpg');
    expect(widestFromSrcset('https://a/only.jpg')).toBe('https://a/only.jpg');
  });
  it('resolves relative and protocol-relative addresses', () => {
    expect(pickImageSource(attrs({ src: '//s4.reutersmedia.net/r/?i=1' }), base)).toBe('https://s4.reutersmedia.net/r/?i=1');
    expect(pickImageSource(attrs({ src: '/img/a.png' }), base)).toBe('https://example.com/img/a.png');
  });
  it('drops relative addresses when there is no base URL, and keeps absolute ones', () => {
    expect(pickImageSource(attrs({ src: '/img/a.png' }), null)).toBeNull();
    expect(pickImageSource(attrs({ src: 'img/a.png' }), null)).toBeNull();
    expect(pickImageSource(attrs({ src: '//cdn.example/a.png' }), null)).toBe('https://cdn.example/a.png');
    expect(pickImageSource(attrs({ src: 'https://cdn.example/a.png' }), null)).toBe('https://cdn.example/a.png');
  });
  it('prefers an https copy to an http src: from srcset, or the same host where the article is https', () => {
    expect(pickImageSource(attrs({ src: 'http://cdt.example/a.jpg', srcset: 'https://cdt.example/a.jpg 800w, https://cdt.example/a-300.jpg 300w' }), base)).toBe('https://cdt.example/a.jpg');
    expect(pickImageSource(attrs({ src: 'http://example.com/files/a.jpg' }), base)).toBe('https://example.com/files/a.jpg');
    expect(pickImageSource(attrs({ src: 'http://elsewhere.example/a.jpg' }), base)).toBe('http://elsewhere.example/a.jpg');
  });
  it('gives null for scripts and empty sources', () => {
    expect(pickImageSource(attrs({ src: 'javascript:alert(1)' }), base)).toBeNull();
    expect(pickImageSource(attrs({}), base)).toBeNull();
  });
});

describe('isLoadableImage', () => {
  it('loads https only', () => {
    expect(isLoadableImage('https://a/b.jpg')).toBe(true);
    expect(isLoadableImage('http://a/b.jpg')).toBe(false);
    expect(isLoadableImage('javascript:alert(1)')).toBe(false);
  });
});
