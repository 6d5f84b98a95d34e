/**
 * Types of the npm package `xliff` (6.x ships none), the maintained XLIFF library the tests read and
 * write XLIFF 1.2 files with: only what they use.
 */
declare module 'xliff' {
  /** A unit as the library reads it: texts (inline markup as arrays unless inlineAsString), notes. */
  export interface XliffJsUnit {
    source?: string | unknown[];
    target?: string | unknown[];
    note?: string | string[];
    additionalAttributes?: Record<string, string>;
  }
  export interface XliffJs {
    sourceLanguage?: string;
    targetLanguage?: string;
    /** Units by id, by the `original` of their <file>. */
    resources: Record<string, Record<string, XliffJsUnit>>;
  }
  export function xliff12ToJs(xml: string, options?: { inlineAsString?: boolean }): Promise<XliffJs>;
  export function jsToXliff12(js: XliffJs, options?: { indent?: string }): Promise<string>;
}
