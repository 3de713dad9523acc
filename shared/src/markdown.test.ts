import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

// Whatever an attack tries, none of this may reach the page.
const DANGEROUS =
  /<script|<style|<iframe|<object|<embed|<form|<input|<svg|\son\w+=|javascript:|vbscript:|data:|style=/i;

describe('renderMarkdown: the article body survives', () => {
  it('renders subheadings, turning a stray h1 into h2', () => {
    expect(renderMarkdown('## Tiêu đề\n### Mục\n#### Nhỏ')).toBe(
      '<h2>Tiêu đề</h2>\n<h3>Mục</h3>\n<h4>Nhỏ</h4>\n',
    );
    expect(renderMarkdown('# Tít')).toBe('<h2>Tít</h2>\n');
  });

  it('renders paragraphs, lists, quotes and emphasis', () => {
    expect(renderMarkdown('Đoạn một.\n\nĐoạn hai.')).toBe('<p>Đoạn một.</p>\n<p>Đoạn hai.</p>\n');
    expect(renderMarkdown('- một\n- hai\n\n1. a\n2. b')).toBe(
      '<ul>\n<li>một</li>\n<li>hai</li>\n</ul>\n<ol>\n<li>a</li>\n<li>b</li>\n</ol>\n',
    );
    expect(renderMarkdown('> Trích dẫn **đậm** *nghiêng*')).toBe(
      '<blockquote>\n<p>Trích dẫn <strong>đậm</strong> <em>nghiêng</em></p>\n</blockquote>\n',
    );
  });

  it('renders links and tables', () => {
    expect(renderMarkdown('[Báo](https://example.vn "Trang chủ")')).toBe(
      '<p><a href="https://example.vn" title="Trang chủ">Báo</a></p>\n',
    );
    expect(renderMarkdown('[Liên hệ](mailto:toasoan@example.vn)')).toBe(
      '<p><a href="mailto:toasoan@example.vn">Liên hệ</a></p>\n',
    );
    expect(renderMarkdown('| Xã | Dân số |\n|---|--:|\n| An Phú | 12.000 |')).toContain(
      '<td align="right">12.000</td>',
    );
  });

  it('turns an image with a title alone in its paragraph into a figure', () => {
    expect(renderMarkdown('![Cầu Rồng](/uploads/cau.jpg "Cầu Rồng về đêm. Ảnh: T.S")')).toBe(
      '<figure><img src="/uploads/cau.jpg" alt="Cầu Rồng" loading="lazy" />' +
        '<figcaption>Cầu Rồng về đêm. Ảnh: T.S</figcaption></figure>\n',
    );
    expect(renderMarkdown('Trước.\n\n![a](https://cdn.example.vn/a.jpg "Chú thích")\n\nSau.')).toBe(
      '<p>Trước.</p>\n<figure><img src="https://cdn.example.vn/a.jpg" alt="a" loading="lazy" />' +
        '<figcaption>Chú thích</figcaption></figure>\n<p>Sau.</p>\n',
    );
  });

  it('keeps other images inline and lazy', () => {
    expect(renderMarkdown('![Cầu](/uploads/cau.jpg)')).toBe(
      '<p><img src="/uploads/cau.jpg" alt="Cầu" loading="lazy" /></p>\n',
    );
    expect(renderMarkdown('Xem ![Cầu](/c.jpg "Cầu Rồng") nhé')).toBe(
      '<p>Xem <img src="/c.jpg" alt="Cầu" title="Cầu Rồng" loading="lazy" /> nhé</p>\n',
    );
  });

  it('escapes quotes and markup in alt text and captions', () => {
    expect(renderMarkdown('![say "hi" <b>](/a.jpg "<i>cap</i> & co")')).toBe(
      '<figure><img src="/a.jpg" alt="say &quot;hi&quot; &lt;b&gt;" loading="lazy" />' +
        '<figcaption>&lt;i&gt;cap&lt;/i&gt; &amp; co</figcaption></figure>\n',
    );
  });

  it('outputs NFC text whatever the input form', () => {
    expect(renderMarkdown('Vie\u0323\u0302t Nam')).toBe('<p>Việt Nam</p>\n');
    expect(renderMarkdown('ca\u0301 e&#x301;')).toBe('<p>cá é</p>\n');
  });
});

describe('renderMarkdown: nothing dangerous gets through', () => {
  const attacks = [
    '<script>alert(1)</script>',
    'Chữ <script src="https://evil.example/x.js"></script> chữ',
    '<img src=x onerror="alert(1)">',
    '<img src="/a.jpg" onload=alert(1) style="width:9999px">',
    '[bấm](javascript:alert(1))',
    '[bấm](JaVaScRiPt:alert(1))',
    '[bấm](  javascript:alert(1))',
    '[bấm](jav&#x09;ascript:alert(1))',
    '[bấm](vbscript:msgbox(1))',
    '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
    '![x](data:image/png;base64,AAAA "chú thích")',
    '<a href="data:text/html,<script>alert(1)</script>">d</a>',
    '<a href="https://example.vn" onclick="steal()" target="_blank">l</a>',
    '<iframe src="https://evil.example"></iframe>',
    '<style>body { display: none }</style>',
    '<p style="color:red">đỏ</p>',
    '<form action="https://evil.example"><input name="pw"></form>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<svg><script>alert(1)</script></svg>',
    '<svg onload="alert(1)"></svg>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<details open ontoggle="alert(1)">x</details>',
    '```html\n<script>alert(1)</script>\n```',
  ];

  it.each(attacks)('neutralizes %s', (attack) => {
    expect(renderMarkdown(attack)).not.toMatch(DANGEROUS);
  });

  it('drops the tags but keeps the words around them', () => {
    expect(renderMarkdown('Chữ <script>alert(1)</script> chữ')).toBe('<p>Chữ  chữ</p>\n');
    expect(renderMarkdown('<p style="color:red" onclick="x()">đỏ</p>')).toBe('<p>đỏ</p>');
    expect(renderMarkdown('a <img src=x onerror="alert(1)"> b')).toBe(
      '<p>a <img src="x" loading="lazy" /> b</p>\n',
    );
    expect(renderMarkdown('[bấm](javascript:alert(1))')).toBe('<p><a>bấm</a></p>\n');
  });

  it('never lets NFC fuse a tag delimiter with a combining mark', () => {
    const html = renderMarkdown('<p>&#x338; onmouseover=alert(1)</p>');
    expect(html).toBe('<p>&#x338; onmouseover=alert(1)</p>');
    expect(html.normalize('NFC')).toBe(html);
    expect(renderMarkdown('a &#x338;b')).toBe('<p>a \u0338b</p>\n');
  });

  it('shows code as text', () => {
    expect(renderMarkdown('`<script>`')).toBe('<p><code>&lt;script&gt;</code></p>\n');
  });
});
