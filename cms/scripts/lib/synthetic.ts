import type { Core } from '@strapi/strapi';
import type { CreditRole } from '../../data/newsroom';
import { ensureImage } from './media';
import { ARTICLE_UID, documents, type IdsBySlug } from './newsroom';

/** Every synthetic article's slug starts with this, followed by its number. */
export const SYNTHETIC_SLUG_PREFIX = 'tin-tong-hop-so-';

const TOPICS = [
  'Tăng cường kiểm tra an toàn thực phẩm tại các chợ dân sinh',
  'Nông dân xuống đồng gieo cấy vụ mới đúng khung lịch thời vụ',
  'Khánh thành nhà văn hóa thôn sau ba tháng thi công',
  'Ra mắt mô hình tổ tự quản bảo vệ môi trường khu dân cư',
  'Hội nghị đối thoại giữa lãnh đạo huyện với thanh niên',
  'Tập huấn kỹ năng chuyển đổi số cho cán bộ cấp xã',
  'Trao tặng nhà đại đoàn kết cho hộ nghèo vùng biên',
  'Giải bóng đá thiếu niên thu hút 24 đội tham dự',
  'Phát triển cây dược liệu dưới tán rừng tự nhiên',
  'Ra quân làm đường giao thông nông thôn đầu năm',
];

const ROLES: CreditRole[] = ['Bài', 'Tin', 'Bài, ảnh'];

/** A few cheap paragraphs: enough text for paging and build benchmarks, nothing more. */
function syntheticBody(n: number, topic: string): string {
  return `## Diễn biến chính

Bài viết tổng hợp số ${n} được tạo tự động để thử phân trang và đo thời gian dựng trang. Nội dung: ${topic.toLocaleLowerCase('vi')}, với sự tham gia của chính quyền địa phương và đông đảo người dân.

Theo ban tổ chức, hoạt động diễn ra đúng kế hoạch, bảo đảm an toàn và tiết kiệm. Các ý kiến đóng góp của người dân được ghi nhận đầy đủ để tiếp tục hoàn thiện trong thời gian tới.

## Kết quả bước đầu

Sau đợt triển khai, địa phương đánh giá kết quả đạt yêu cầu đề ra và sẽ nhân rộng cách làm hiệu quả sang các thôn, xã khác trên địa bàn.`;
}

/** Publication times step back one hour per article from this moment (GMT+7). */
const NEWEST = Date.parse('2026-11-01T09:00:00+07:00');

/**
 * Tops the database up to `count` synthetic published articles numbered 1..count, spread over the
 * categories, authors and past hours. Numbers that already exist are skipped, so running it again
 * (or with a larger count) only adds what is missing.
 */
export async function seedSyntheticArticles(
  strapi: Core.Strapi,
  count: number,
  ids: { categories: IdsBySlug; authors: IdsBySlug },
  log: (line: string) => void,
): Promise<void> {
  const existing = (await strapi.db.query(ARTICLE_UID).findMany({
    where: { slug: { $startsWith: SYNTHETIC_SLUG_PREFIX } },
    select: ['slug'],
  })) as { slug: string }[];
  const present = new Set(
    existing.map((row) => Number(row.slug.slice(SYNTHETIC_SLUG_PREFIX.length))),
  );
  const missing: number[] = [];
  for (let n = 1; n <= count; n++) if (!present.has(n)) missing.push(n);
  if (missing.length === 0) {
    log(`synthetic articles: ${count} requested, all there`);
    return;
  }

  const categorySlugs = [...ids.categories.keys()];
  const authorIds = [...ids.authors.values()];
  // One shared illustrative cover per category keeps the media library small.
  const covers = new Map<string, number>();
  for (const slug of categorySlugs) {
    const file = await ensureImage(strapi, {
      name: `anh-bia-tong-hop-${slug}.jpg`,
      artKey: `tong-hop-${slug}`,
      alternativeText: 'Ảnh minh họa',
    });
    covers.set(slug, file.id);
  }

  const service = documents(strapi, ARTICLE_UID);
  const started = Date.now();
  const BATCH = 200;
  for (let i = 0; i < missing.length; i += BATCH) {
    // One transaction per batch: on SQLite this is the difference between a sync per row and a
    // sync per batch (about ten times faster).
    await strapi.db.transaction(async () => {
      for (const n of missing.slice(i, i + BATCH)) {
        const topic = TOPICS[n % TOPICS.length];
        const category = categorySlugs[n % categorySlugs.length];
        await service.create({
          status: 'published',
          data: {
            title: `Tin tổng hợp số ${n}: ${topic}`,
            slug: `${SYNTHETIC_SLUG_PREFIX}${n}`,
            sapo: `Tin tổng hợp số ${n}. ${topic}. Bài viết tự động dùng để thử phân trang và đo hiệu năng.`,
            body: syntheticBody(n, topic),
            cover: covers.get(category),
            coverCaption: 'Ảnh minh họa',
            category: ids.categories.get(category),
            credits: [{ role: ROLES[n % ROLES.length], author: authorIds[n % authorIds.length] }],
            publicationTime: new Date(NEWEST - n * 3_600_000).toISOString(),
            tags: ['tổng hợp'],
          },
        });
      }
    });
    const done = Math.min(i + BATCH, missing.length);
    const rate = Math.round(done / ((Date.now() - started) / 1000));
    log(`  synthetic articles: ${done}/${missing.length} (${rate}/s)`);
  }
  log(`synthetic articles: ${count} requested, ${missing.length} created and published`);
}
