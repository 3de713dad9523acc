import { GAP, pageNumbers } from '../pagination';
import { ArchiveSearch, highlight, type SearchPage } from './query';

/** Results a page; the query string's names, in Vietnamese like the site's addresses. */
const PER_PAGE = 10;
export const QUERY_PARAMS = { query: 'q', section: 'chuyen-muc', page: 'trang' } as const;
/** Searching as the reader types waits for a short pause, not every keystroke. */
const TYPING_PAUSE_MS = 200;

function marked(doc: Document, text: string, query: string): Node[] {
  return highlight(text, query).map((run) => {
    if (!run.mark) return doc.createTextNode(run.text);
    const mark = doc.createElement('mark');
    mark.textContent = run.text;
    return mark;
  });
}

function resultItem(doc: Document, result: SearchPage['results'][number], query: string) {
  const item = doc.createElement('li');
  item.className = 'article-card search-result';
  const heading = doc.createElement('h2');
  const link = doc.createElement('a');
  link.href = result.url;
  link.append(...marked(doc, result.title, query));
  heading.append(link);
  const meta = doc.createElement('p');
  meta.className = 'article-card-meta';
  const section = doc.createElement('span');
  section.textContent = result.section;
  const dot = doc.createElement('span');
  dot.setAttribute('aria-hidden', 'true');
  dot.textContent = ' · ';
  const time = doc.createElement('time');
  time.className = 'timestamp';
  time.dateTime = result.iso;
  time.textContent = result.time;
  meta.append(section, dot, time);
  item.append(heading, meta);
  if (result.sapo) {
    const sapo = doc.createElement('p');
    sapo.className = 'article-card-sapo';
    sapo.append(...marked(doc, result.sapo, query));
    item.append(sapo);
  }
  return item;
}

/** Keeps the address (`?q=…&chuyen-muc=…&trang=…`) in step: a search can be shared or reloaded. */
export function startSearchPage(doc: Document): void {
  const form = doc.querySelector<HTMLFormElement>('form[data-search-form]');
  const status = doc.querySelector<HTMLElement>('[data-search-status]');
  const list = doc.querySelector<HTMLOListElement>('[data-search-results]');
  const pages = doc.querySelector<HTMLElement>('[data-search-pages]');
  if (!form || !status || !list || !pages) return;
  const input = form.elements.namedItem(QUERY_PARAMS.query) as HTMLInputElement;
  const select = form.elements.namedItem(QUERY_PARAMS.section) as HTMLSelectElement;
  const search = new ArchiveSearch(async (path) => {
    const response = await fetch(`/${path}`);
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.json();
  });

  const params = new URL(doc.location.href).searchParams;
  input.value = params.get(QUERY_PARAMS.query) ?? '';
  select.value = params.get(QUERY_PARAMS.section) ?? '';
  let latest = 0;

  const address = (query: string, section: string, page: number) => {
    const url = new URL(doc.location.href);
    url.search = '';
    if (query) url.searchParams.set(QUERY_PARAMS.query, query);
    if (section) url.searchParams.set(QUERY_PARAMS.section, section);
    if (page > 1) url.searchParams.set(QUERY_PARAMS.page, String(page));
    return url;
  };

  const pageLinks = (query: string, section: string, page: number, pageCount: number) => {
    pages.replaceChildren();
    pages.hidden = pageCount < 2;
    if (pageCount < 2) return;
    const numbers = doc.createElement('ol');
    for (const number of pageNumbers(page, pageCount)) {
      const item = doc.createElement('li');
      if (number === GAP) {
        item.textContent = '…';
        item.setAttribute('aria-hidden', 'true');
      } else {
        const link = doc.createElement('a');
        link.href = address(query, section, number).href;
        link.textContent = String(number);
        if (number === page) link.setAttribute('aria-current', 'page');
        link.addEventListener('click', (event) => {
          event.preventDefault();
          void show(number);
          doc.querySelector('h1')?.scrollIntoView();
        });
        item.append(link);
      }
      numbers.append(item);
    }
    pages.append(numbers);
  };

  async function show(page: number) {
    const query = input.value.trim();
    const section = select.value;
    history.replaceState(null, '', address(query, section, page));
    const run = ++latest;
    if (!query) {
      status!.textContent = 'Nhập từ khóa (có dấu hoặc không dấu) để tìm bài viết.';
      list!.replaceChildren();
      pageLinks(query, section, 1, 0);
      return;
    }
    status!.textContent = 'Đang tìm…';
    try {
      const found = await search.search(query, { section, page, perPage: PER_PAGE });
      if (run !== latest) return;
      const pageCount = Math.ceil(found.total / PER_PAGE);
      status!.textContent =
        found.total === 0
          ? `Không tìm thấy kết quả cho “${query}”.`
          : `${found.total} kết quả cho “${query}”` +
            (pageCount > 1 ? `, trang ${page}/${pageCount}.` : '.');
      list!.replaceChildren(...found.results.map((result) => resultItem(doc, result, query)));
      pageLinks(query, section, page, pageCount);
    } catch {
      if (run !== latest) return;
      status!.textContent = 'Chưa tải được dữ liệu tìm kiếm. Hãy thử lại sau ít phút.';
    }
  }

  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => void show(1), TYPING_PAUSE_MS);
  });
  select.addEventListener('change', () => void show(1));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    void show(1);
  });
  form.dataset.ready = '';
  void show(Math.max(1, Number.parseInt(params.get(QUERY_PARAMS.page) ?? '1', 10) || 1));
}
