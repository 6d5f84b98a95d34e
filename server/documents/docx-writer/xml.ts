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

/** Text or an attribute value, ready to write between tags or quotes. */
export function escapeXml(value: string): string {
  return removeXmlInvalidCharacters(value).replace(/[&"'<>]/g, (char) => ENTITIES[char]!);
}
