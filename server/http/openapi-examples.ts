/**
 * Examples for the OpenAPI document: openapi/examples.json, generated from tests/fixtures/packages/good
 * by tests/support/openapi-examples.ts (UPDATE_OPENAPI_EXAMPLES=1 npx jest tests/http/openapi.test.ts):
 * do not edit it by hand. Data outside server/, as the fixtures' values hold treaty and requirement ids
 * (the law is the catalogue's), read when the document is first made, not at start-up.
 */
import fs from 'node:fs';
import { PATHS } from '../paths';

export interface OpenApiExamples {
  /** An example per field, by its path in the package ("authorities/roles"). */
  readonly fields: Readonly<Record<string, unknown>>;
  /** The whole package the document shows as the Package example. */
  readonly package: unknown;
}

let examples: OpenApiExamples | undefined;

export function openApiExamples(): OpenApiExamples {
  examples ??= JSON.parse(fs.readFileSync(PATHS.openApiExamples, 'utf8')) as OpenApiExamples;
  return examples;
}
