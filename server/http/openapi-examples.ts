/**
 * Examples for the OpenAPI document: openapi-examples.json, generated from tests/fixtures/packages/good
 * by tests/support/openapi-examples.ts (UPDATE_OPENAPI_EXAMPLES=1 npx jest tests/http/openapi.test.ts):
 * do not edit it by hand. Kept as data, as the fixtures' values hold treaty and requirement ids.
 */
import examples from './openapi-examples.json';

/** An example per field, by its path in the package ("authorities/roles"). */
export const FIELD_EXAMPLES: Readonly<Record<string, unknown>> = examples.fields;

/** The whole package the document shows as the Package example. */
export const PACKAGE_EXAMPLE: unknown = examples.package;
