import slugify from 'slugify';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SLUG, toVietnameseSlug } from './slug';

const TITLE = 'Ngành tổ chức xây dựng Đảng nỗ lực thực hiện tốt nhiệm vụ';

describe('toVietnameseSlug', () => {
  it('turns a Vietnamese title into lowercase ASCII words', () => {
    expect(toVietnameseSlug(TITLE)).toBe(
      'nganh-to-chuc-xay-dung-dang-no-luc-thuc-hien-tot-nhiem-vu',
    );
    expect(toVietnameseSlug('Trường Sơn')).toBe('truong-son');
    expect(toVietnameseSlug('Nguyễn Văn Ấn')).toBe('nguyen-van-an');
    expect(toVietnameseSlug('ĐÀ NẴNG đón khách')).toBe('da-nang-don-khach');
    expect(toVietnameseSlug('Quảng Ngãi')).toBe('quang-ngai');
    expect(toVietnameseSlug('ơ ư Ơ Ư ă Ă â Ê ô')).toBe('o-u-o-u-a-a-a-e-o');
    expect(toVietnameseSlug('ỳ ỷ ỹ ỵ ý Ỳ')).toBe('y-y-y-y-y-y');
    expect(toVietnameseSlug('Giải quyết dứt điểm tình trạng ùn ứ')).toBe(
      'giai-quyet-dut-diem-tinh-trang-un-u',
    );
  });

  it('maps Đ and đ to d, never "dj"', () => {
    expect(toVietnameseSlug('Đảng')).toBe('dang');
    expect(toVietnameseSlug('đường')).toBe('duong');
    expect(toVietnameseSlug('ĐỊA ĐIỂM')).toBe('dia-diem');
  });

  it('gives the same slug for NFD input', () => {
    expect(toVietnameseSlug(TITLE.normalize('NFD'))).toBe(toVietnameseSlug(TITLE));
    expect(toVietnameseSlug('Đà Nẵng'.normalize('NFD'))).toBe('da-nang');
    expect(toVietnameseSlug('Việt Nam'.normalize('NFD'))).toBe('viet-nam');
  });

  it('says % and & in Vietnamese', () => {
    expect(toVietnameseSlug('Tăng trưởng 6,5% trong quý III')).toBe(
      'tang-truong-6-5-phan-tram-trong-quy-iii',
    );
    expect(toVietnameseSlug('Nông nghiệp & nông thôn')).toBe('nong-nghiep-va-nong-thon');
    expect(toVietnameseSlug('100%')).toBe('100-phan-tram');
    expect(toVietnameseSlug('A&B')).toBe('a-va-b');
  });

  it('separates words at slashes, dashes and other punctuation', () => {
    expect(toVietnameseSlug('Bắc/Nam')).toBe('bac-nam');
    expect(toVietnameseSlug('COVID-19: số ca mắc giảm')).toBe('covid-19-so-ca-mac-giam');
    expect(toVietnameseSlug('Quảng Ngãi – Kon Tum')).toBe('quang-ngai-kon-tum');
    expect(toVietnameseSlug('Hà Nội, TP.HCM')).toBe('ha-noi-tp-hcm');
    expect(toVietnameseSlug('“Giải cứu” nông sản?!')).toBe('giai-cuu-nong-san');
    expect(toVietnameseSlug('  --Khai mạc--  ')).toBe('khai-mac');
    expect(toVietnameseSlug('A+B')).toBe('a-b');
  });

  it('joins words at apostrophes', () => {
    expect(toVietnameseSlug("Xuân's day")).toBe('xuans-day');
    expect(toVietnameseSlug('Xuân’s day')).toBe('xuans-day');
  });

  it('folds compatibility characters and drops emoji and other scripts', () => {
    expect(toVietnameseSlug('H₂O và CO²')).toBe('h2o-va-co2');
    expect(toVietnameseSlug('ＡＢＣ')).toBe('abc');
    expect(toVietnameseSlug('Việt Nam 🇻🇳 vô địch 🎉')).toBe('viet-nam-vo-dich');
    expect(toVietnameseSlug('Tết 中文')).toBe('tet');
  });

  it('never returns an empty slug', () => {
    expect(toVietnameseSlug('🎉🎉')).toBe(DEFAULT_SLUG);
    expect(toVietnameseSlug('!!!')).toBe('bai-viet');
    expect(toVietnameseSlug('')).toBe('bai-viet');
    expect(toVietnameseSlug('   ')).toBe('bai-viet');
    expect(toVietnameseSlug('中文')).toBe('bai-viet');
    expect(toVietnameseSlug('???', 'tac-gia')).toBe('tac-gia');
  });

  it("leaves slugify's global charmap alone", () => {
    toVietnameseSlug('50% & 50%');
    expect(slugify('50% & more', { lower: true })).toBe('50percent-and-more');
  });
});
