import { describe, expect, it } from 'vitest';
import { bodyImageUrl, imageSources, mediaFieldUrl } from './cms-media';

const CMS = 'http://127.0.0.1:1337';

describe('mediaFieldUrl', () => {
  it('resolves the local provider’s paths against the CMS and keeps a cloud URL', () => {
    expect(mediaFieldUrl('/uploads/a.jpg', CMS)).toBe('http://127.0.0.1:1337/uploads/a.jpg');
    expect(mediaFieldUrl('https://cdn.example/a.jpg', CMS)).toBe('https://cdn.example/a.jpg');
  });
});

describe('bodyImageUrl', () => {
  it('takes paths and URLs of the CMS, and leaves pictures from elsewhere alone', () => {
    expect(bodyImageUrl('/uploads/a.jpg', CMS)).toBe('http://127.0.0.1:1337/uploads/a.jpg');
    expect(bodyImageUrl(`${CMS}/uploads/a.jpg`, CMS)).toBe('http://127.0.0.1:1337/uploads/a.jpg');
    expect(bodyImageUrl('https://example.com/a.jpg', CMS)).toBeUndefined();
    expect(bodyImageUrl('//example.com/a.jpg', CMS)).toBeUndefined();
  });
});

describe('imageSources', () => {
  it('reads every <img> src of rendered HTML, entities decoded', () => {
    expect(
      imageSources(
        '<p><img src="/uploads/a.jpg?x=1&amp;y=2" alt="A" /></p><img alt="" src="/b.png">',
      ),
    ).toEqual(['/uploads/a.jpg?x=1&y=2', '/b.png']);
  });
});
