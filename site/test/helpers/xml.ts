import { createRequire } from 'node:module';

// sax (a devDependency of the site, also what svgo uses) in strict mode is a real XML parser:
// it rejects what a feed reader or a search engine would (unclosed or crossed tags, bare `&`,
// unquoted attributes, a second root). It ships no types; these are the few parts used here.
interface SaxTag {
  name: string;
  attributes: Record<string, string>;
}
interface SaxParser {
  onerror: (error: Error) => void;
  onopentag: (tag: SaxTag) => void;
  onclosetag: (name: string) => void;
  ontext: (text: string) => void;
  oncdata: (text: string) => void;
  write(xml: string): SaxParser;
  close(): SaxParser;
  /** Clears the error so that parsing may go on (sax refuses further input until then). */
  resume(): SaxParser;
}
const sax = createRequire(import.meta.url)('sax') as {
  parser(strict: boolean, options?: { trim?: boolean; xmlns?: boolean }): SaxParser;
};

/** An element of a parsed XML document: enough to look things up in feeds and sitemaps. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Parses an XML document strictly; throws with the parser's message on the first error. */
export function parseXml(xml: string): XmlElement {
  const parser = sax.parser(true, { xmlns: false });
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let failure: Error | undefined;
  parser.onerror = (error) => {
    failure ??= error;
    parser.resume();
  };
  parser.onopentag = (tag) => {
    const element: XmlElement = {
      name: tag.name,
      attributes: tag.attributes,
      children: [],
      text: '',
    };
    stack.at(-1)!.children.push(element);
    stack.push(element);
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  parser.ontext = parser.oncdata = (text) => {
    stack.at(-1)!.text += text;
  };
  parser.write(xml).close();
  if (failure) throw failure;
  if (root.children.length !== 1)
    throw new Error(`expected one root element, got ${root.children.length}`);
  return root.children[0]!;
}

/** The child elements called `name`. */
export const childrenNamed = (element: XmlElement, name: string) =>
  element.children.filter((child) => child.name === name);

/** The text of the first child called `name` ('' when there is none). */
export const childText = (element: XmlElement, name: string) =>
  childrenNamed(element, name)[0]?.text ?? '';
