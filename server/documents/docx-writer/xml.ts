/**
 * The one escaping function of the writer: every text and attribute value it writes goes through
 * `escapeXml`. It removes the characters XML 1.0 forbids (§2.2, word-layout.ts) and writes the five
 * characters XML predefines as their entities (§4.6), as docx does for text and attributes alike, so
 * that the XML is the same byte for byte.
 */
import { removeXmlInvalidCharacters } from '../word-layout';

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
  '<': '&lt;',
  '>': '&gt;',
};

/** Whether a text needs any of that: most do not, and are written as they are. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NEEDS_ESCAPING = /[&"'<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Text or an attribute value, ready to write between tags or quotes. */
export function escapeXml(value: string): string {
  if (!NEEDS_ESCAPING.test(value)) return value;
  return removeXmlInvalidCharacters(value).replace(/[&"'<>]/g, (char) => ENTITIES[char]!);
}
