import { describe, expect, it } from 'vitest';
import { imageKey, variantFileName, variantWidths, VARIANT_FILE_NAME } from './image-names';

describe('imageKey', () => {
  it('keeps a readable start of the upload name and adds a hash of the URL', () => {
    expect(imageKey('http://127.0.0.1:1337/uploads/cau_rong_d6f15c3732.jpg')).toBe(
      'cau_rong_d6f15c3732-4c7a84918b',
    );
  });

  it('spells Vietnamese names in plain letters, đ included', () => {
    expect(imageKey('http://cms/uploads/%E1%BA%A2nh%20%C4%90%E1%BA%B9p.JPG')).toMatch(
      /^anh-dep-[0-9a-f]{10}$/,
    );
  });

  it('tells apart files of the same name in different places', () => {
    expect(imageKey('http://cms/uploads/a/anh.jpg')).not.toBe(
      imageKey('http://cms/uploads/b/anh.jpg'),
    );
  });

  it('makes names the dev server agrees to serve', () => {
    const file = variantFileName(imageKey('http://cms/uploads/Ảnh bìa (1).png'), 640);
    expect(file).toMatch(VARIANT_FILE_NAME);
  });
});

describe('variantWidths', () => {
  it('never enlarges and tops out at 1280 px', () => {
    expect(variantWidths(1200)).toEqual([192, 384, 640, 960, 1200]);
    expect(variantWidths(4000)).toEqual([192, 384, 640, 960, 1280]);
    expect(variantWidths(1280)).toEqual([192, 384, 640, 960, 1280]);
    expect(variantWidths(100)).toEqual([100]);
  });
});
