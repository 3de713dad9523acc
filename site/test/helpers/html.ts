import { parse, type DefaultTreeAdapterTypes } from 'parse5';

export type HtmlElement = DefaultTreeAdapterTypes.Element;
type HtmlNode = DefaultTreeAdapterTypes.Node;

/** A parsed page, and the HTML syntax errors the parser met on the way (none, ideally). */
export interface ParsedPage {
  document: DefaultTreeAdapterTypes.Document;
  errors: string[];
}

/** Parses a page as a browser does (parse5, the WHATWG algorithm), collecting syntax errors. */
export function parseHtml(html: string): ParsedPage {
  const errors: string[] = [];
  const document = parse(html, {
    onParseError: (error) => errors.push(`${error.code} at line ${error.startLine}`),
  });
  return { document, errors };
}

const isElement = (node: HtmlNode): node is HtmlElement => 'tagName' in node;

/** Every element under `root`, in document order. */
export function* elements(root: HtmlNode): Generator<HtmlElement> {
  const children = 'childNodes' in root ? root.childNodes : [];
  for (const child of children) {
    if (isElement(child)) {
      yield child;
      yield* elements(child);
    }
  }
}

export function attribute(element: HtmlElement, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name)?.value;
}

export function hasClass(element: HtmlElement, className: string): boolean {
  return (attribute(element, 'class') ?? '').split(/\s+/).includes(className);
}

/** Elements matching a test, in document order. */
export function findAll(root: HtmlNode, test: (element: HtmlElement) => boolean): HtmlElement[] {
  return [...elements(root)].filter(test);
}

/** The first element matching a test; throws (naming `what`) when there is none. */
export function findOne(
  root: HtmlNode,
  test: (element: HtmlElement) => boolean,
  what: string,
): HtmlElement {
  for (const element of elements(root)) if (test(element)) return element;
  throw new Error(`no ${what} in the page`);
}

export const byTag = (tagName: string) => (element: HtmlElement) => element.tagName === tagName;
export const byClass = (className: string) => (element: HtmlElement) =>
  hasClass(element, className);

/** The text content of a node, whitespace collapsed. */
export function textOf(node: HtmlNode): string {
  const parts: string[] = [];
  const walk = (current: HtmlNode): void => {
    if (current.nodeName === '#text')
      parts.push((current as DefaultTreeAdapterTypes.TextNode).value);
    if ('childNodes' in current) current.childNodes.forEach(walk);
  };
  walk(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** The href of every link under `root`. */
export function linksIn(root: HtmlNode): string[] {
  return findAll(root, byTag('a')).flatMap((link) => attribute(link, 'href') ?? []);
}

/** Every URL the page points at: href, src and each srcset candidate. */
export function referencedUrls(root: HtmlNode): string[] {
  const urls: string[] = [];
  for (const element of elements(root)) {
    for (const { name, value } of element.attrs) {
      if (name === 'href' || name === 'src') urls.push(value);
      if (name === 'srcset') {
        for (const candidate of value.split(',')) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url) urls.push(url);
        }
      }
    }
  }
  return urls;
}
