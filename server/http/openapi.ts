/**
 * The OpenAPI 3.1 document served at GET /api/v1/openapi.json, made from two sources and nothing else:
 *
 * - the package's schema: the JSON Schema zod generates from the package's zod schema (the same as
 *   GET /api/v1/schema; OpenAPI 3.1's schemas are JSON Schema 2020-12, zod's target), each field given
 *   its English label (common:fields.<path>, the label the journey and the issues use) as its
 *   description and an example from the package fixtures (openapi/examples.json, generated: openapi-examples.ts);
 * - the route table (api-routes.ts): every address, its parameters, body, responses and errors.
 *
 * Errors are problem details (RFC 9457, errors.ts): one response per status, `application/problem+json`,
 * the codes that status can carry listed in its description.
 */
import type { TFunction } from 'i18next';
import { LANGUAGE_CODES, TREATY_IDS } from '../catalogue';
import { packageJsonSchema } from '../domain/package';
import type { DocumentName } from '../documents';
import { DIRECTORY_FORMATS } from '../documents/directory';
import { DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES } from '../i18n';
import {
  API_ROUTES,
  DOCUMENT_FORMATS,
  MODES,
  type Operation,
  type ParameterName,
  type SchemaName,
} from './api-routes';
import { ERROR_CODES, ERROR_STATUS, PROBLEM_MEDIA_TYPE, PROBLEM_TYPE_BASE, type ErrorCode } from './errors';
import { openApiExamples } from './openapi-examples';

type Schema = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Gives each field of the package's JSON Schema its label and example; `key` is the label key ("authorities/email"). */
function annotate(schema: Schema, key: string, t: TFunction): void {
  const properties = schema.properties as Record<string, Schema> | undefined;
  const fields = openApiExamples().fields;
  for (const [name, child] of Object.entries(properties ?? {})) {
    const childKey = key === '' ? name : `${key}/${name}`;
    const label = t(`fields.${childKey}`, { defaultValue: '' });
    if (label !== '') child.description = label;
    if (childKey in fields) child.examples = [fields[childKey]];
    annotate(child, childKey, t);
  }
  for (const list of ['anyOf', 'oneOf', 'allOf'] as const) {
    const variants = schema[list] as Schema[] | undefined;
    for (const variant of variants ?? []) annotate(variant, key, t);
  }
  const items = schema.items as Schema | undefined;
  if (items && typeof items === 'object' && !Array.isArray(items)) annotate(items, key, t);
}

export function packageSchema(t: TFunction): Schema {
  const schema = { ...(packageJsonSchema() as Schema) };
  // The dialect is the document's (jsonSchemaDialect).
  delete schema.$schema;
  annotate(schema, '', t);
  return {
    title: 'Accession package',
    description: t('packageLabel'),
    ...schema,
    examples: [openApiExamples().package],
  };
}

const LANGUAGES = [...SUPPORTED_LANGUAGES];
const stringEnum = (values: readonly string[]) => ({ type: 'string', enum: [...values] });
const looseObject = (description: string, properties: Record<string, unknown> = {}) => ({
  type: 'object',
  description,
  properties,
  additionalProperties: true,
});

const ISSUE = {
  type: 'object',
  description: 'One issue: a schema problem, or what a rule of the treaties reports',
  required: ['severity', 'code', 'message', 'path', 'field', 'source'],
  properties: {
    severity: stringEnum(['error', 'warning', 'info']),
    code: { type: 'string', description: 'Stable code of the issue', examples: ['schema.required'] },
    message: { type: 'string', description: "The issue, in the request's language" },
    path: { type: 'string', description: 'Where in the package', examples: ['authorities[0].email'] },
    field: { type: ['string', 'null'], description: "The field's label" },
    requirement: {
      type: 'string',
      description: 'For a checklist item missing in final mode: its requirement',
    },
    source: {
      anyOf: [looseObject('The article the issue rests on, with its label'), { type: 'null' }],
    },
  },
};

function components(t: TFunction): Record<SchemaName | 'Package' | 'Issue' | 'Problem', unknown> {
  return {
    Package: packageSchema(t),
    Issue: ISSUE,
    Problem: {
      type: 'object',
      description: 'An error, as RFC 9457 problem details, with two extension members: `code` and `issues`.',
      required: ['type', 'title', 'status', 'detail', 'code', 'issues'],
      properties: {
        type: {
          type: 'string',
          format: 'uri-reference',
          description: `The problem type: ${PROBLEM_TYPE_BASE}{code}, relative to the API's address; GET it for its status and title`,
          examples: [`${PROBLEM_TYPE_BASE}invalid_package`],
        },
        title: { type: 'string', description: "The problem type's title, in the request's language" },
        status: { type: 'integer', description: 'The HTTP status' },
        detail: { type: 'string', description: "What happened and what to do, in the request's language" },
        code: { ...stringEnum(ERROR_CODES), description: 'The stable code of the problem type' },
        issues: { type: 'array', items: ref('Issue'), description: 'For a package: every issue' },
        error: {
          type: 'object',
          deprecated: true,
          description:
            'The former shape ({ code, message, issues }), kept for one release: read the members above',
          properties: {
            code: stringEnum(ERROR_CODES),
            message: { type: 'string' },
            issues: { type: 'array', items: ref('Issue') },
          },
        },
      },
    },
    ProblemType: {
      type: 'object',
      required: ['type', 'code', 'status', 'title'],
      properties: {
        type: { type: 'string', format: 'uri-reference' },
        code: stringEnum(ERROR_CODES),
        status: { type: 'integer' },
        title: { type: 'string' },
      },
    },
    ProblemTypes: {
      type: 'object',
      required: ['problems'],
      properties: { problems: { type: 'array', items: ref('ProblemType') } },
    },
    Index: {
      type: 'object',
      required: ['endpoints', 'languages'],
      properties: {
        endpoints: { type: 'array', items: { type: 'string' } },
        languages: { type: 'array', items: stringEnum(LANGUAGES) },
      },
    },
    Health: looseObject('The store and the data', {
      status: stringEnum(['ok', 'unavailable']),
      storeSchemaVersion: { type: 'integer' },
      participationAsAt: { type: 'object', additionalProperties: { type: 'string', format: 'date' } },
    }),
    Treaties: looseObject('The catalogue', { treaties: { type: 'array', items: { type: 'object' } } }),
    States: looseObject('States and the European Union', {
      states: { type: 'array', items: { type: 'object' } },
      note: { type: 'string' },
    }),
    JsonSchema: { type: 'object', description: 'A JSON Schema (draft 2020-12)' },
    OpenApi: { type: 'object', description: 'An OpenAPI 3.1 document' },
    Assessment: looseObject('What the rules say of a package', {
      valid: { type: 'boolean', description: 'No issue of severity error' },
      finalAllowed: { type: 'boolean', description: 'Final documents can be produced' },
      issues: { type: 'array', items: ref('Issue') },
      checklist: looseObject('The checklist', {
        items: { type: 'array', items: { type: 'object' } },
        missing: { type: 'array', items: { type: 'string' } },
      }),
      entryIntoForce: { type: 'array', items: { type: 'object' } },
    }),
    Draft: {
      type: 'object',
      required: ['id', 'revision', 'createdAt', 'updatedAt', 'links', 'package'],
      properties: {
        id: { type: 'string', pattern: '^[A-Za-z0-9_-]{24}$' },
        revision: { type: 'integer', minimum: 1 },
        createdAt: { type: 'string', format: 'date-time' },
        updatedAt: { type: 'string', format: 'date-time' },
        links: {
          type: 'object',
          properties: { self: { type: 'string' }, page: { type: 'string' } },
        },
        package: ref('Package'),
      },
    },
    SavedDraft: {
      allOf: [
        ref('Draft'),
        {
          type: 'object',
          properties: {
            cleared: {
              type: 'array',
              items: { type: 'object' },
              description: 'Answers that stopped applying',
            },
            changed: { type: 'array', items: { type: 'string' }, description: 'The paths changed' },
          },
        },
      ],
    },
    DraftHistory: looseObject('The saves of a draft', {
      id: { type: 'string' },
      revision: { type: 'integer' },
      revisions: { type: 'array', items: { type: 'object' } },
    }),
    Binary: { type: 'string', format: 'binary', contentMediaType: 'application/octet-stream' },
    Html: { type: 'string' },
    Csv: { type: 'string', description: 'RFC 4180, UTF-8 with a byte-order mark, a header row of labels' },
    Directory: looseObject('The directory records, with the field list and its source (unverified)', {
      language: { type: 'string' },
      fieldList: {
        type: 'object',
        properties: { verified: { type: 'boolean' }, source: { type: 'string' } },
      },
      fields: { type: 'array', items: { type: 'object' } },
      records: { type: 'array', items: { type: 'object' } },
    }),
  };
}

const LANG_PATTERN = `^(${LANGUAGES.join('|')})$`;

function parameter(name: ParameterName, document?: DocumentName): Record<string, unknown> {
  switch (name) {
    case 'lang':
      return {
        name: 'lang',
        in: 'query',
        description:
          "Language of the messages (and of a document); without it, Accept-Language's best supported language, else en",
        schema: { type: 'string', pattern: LANG_PATTERN, examples: [DEFAULT_LANGUAGE] },
      };
    case 'documentLang':
      return {
        name: 'lang',
        in: 'query',
        description:
          "The documents' language, or two different languages separated by a comma for a bilingual document (first column first); without it, the package's documentLanguage",
        schema: {
          type: 'string',
          pattern: `^(${LANGUAGES.join('|')})(,(${LANGUAGES.join('|')}))?$`,
          examples: [DEFAULT_LANGUAGE, `${SUPPORTED_LANGUAGES[0]},${DEFAULT_LANGUAGE}`],
        },
      };
    case 'mode':
      return {
        name: 'mode',
        in: 'query',
        description:
          'draft renders whatever is there; final is refused (422) while anything mandatory is missing',
        schema: { ...stringEnum(MODES), default: 'draft' },
      };
    case 'treaty':
      return {
        name: 'treaty',
        in: 'query',
        description: 'The treaty of an instrument (required when the package has more than one)',
        schema: stringEnum(TREATY_IDS),
      };
    case 'format':
      return {
        name: 'format',
        in: 'query',
        description:
          document === 'bundle'
            ? 'The file format: pdf adds a PDF beside each .docx in the .zip (501 pdf_unavailable where LibreOffice is not installed)'
            : 'The file format: pdf is converted by LibreOffice (501 pdf_unavailable where it is not installed)',
        schema: { ...stringEnum(DOCUMENT_FORMATS[document ?? 'instrument']), default: 'docx' },
      };
    case 'directoryFormat':
      return {
        name: 'format',
        in: 'query',
        required: true,
        description: 'The format of the records',
        schema: stringEnum(DIRECTORY_FORMATS),
      };
    case 'names':
      return {
        name: 'names',
        in: 'query',
        description: "Language of the States' names (any ISO 639-1 code); the request's language by default",
        schema: stringEnum(LANGUAGE_CODES),
      };
    case 'id':
      return {
        name: 'id',
        in: 'path',
        required: true,
        description: "The draft's identifier (its only key: keep it private)",
        schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{24}$' },
      };
    case 'code':
      return { name: 'code', in: 'path', required: true, schema: stringEnum(ERROR_CODES) };
    case 'ifMatch':
    case 'ifMatchOptional':
      return {
        name: 'If-Match',
        in: 'header',
        required: name === 'ifMatch',
        description: 'The ETag of the revision read, such as "r3"',
        schema: { type: 'string', examples: ['"r3"'] },
      };
    case 'ifNoneMatch':
      return {
        name: 'If-None-Match',
        in: 'header',
        description: 'An ETag already held: 304 when the draft is still at it',
        schema: { type: 'string' },
      };
  }
}

const HEADERS: Record<string, { description: string; schema: unknown }> = {
  ETag: { description: 'The revision, such as "r3"', schema: { type: 'string' } },
  Location: { description: 'The address of the draft created', schema: { type: 'string' } },
  'Content-Disposition': { description: 'attachment, with the file name', schema: { type: 'string' } },
  'Content-Language': { description: "The documents' languages", schema: { type: 'string' } },
  'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } },
  Allow: { description: 'The methods the address accepts', schema: { type: 'string' } },
};

const BODY_ERRORS: readonly ErrorCode[] = [
  'malformed_json',
  'bad_request',
  'payload_too_large',
  'unsupported_media_type',
];

function responses(operation: Operation): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const success of operation.success) {
    out[String(success.status)] = {
      description: success.description,
      ...(success.headers
        ? { headers: Object.fromEntries(success.headers.map((h) => [h, HEADERS[h]])) }
        : {}),
      ...(success.content
        ? {
            content: Object.fromEntries(
              Object.entries(success.content).map(([type, schema]) => [type, { schema: ref(schema) }]),
            ),
          }
        : {}),
    };
  }
  if (operation.parameters?.includes('ifNoneMatch'))
    out['304'] = { description: 'Not modified: the draft is still at the ETag given' };
  const codes = new Set<ErrorCode>([
    ...(operation.body ? BODY_ERRORS : []),
    ...(operation.errors ?? []),
    'internal_error',
  ]);
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of ERROR_CODES)
    if (codes.has(code))
      byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    const retry = list.some((c) => c === 'busy' || c === 'rate_limited' || c === 'pdf_failed');
    out[String(status)] = {
      description: `Problem: ${list.join(', ')}`,
      ...(retry ? { headers: { 'Retry-After': HEADERS['Retry-After'] } } : {}),
      content: { [PROBLEM_MEDIA_TYPE]: { schema: ref('Problem') } },
    };
  }
  return out;
}

const REQUEST_BODIES = {
  package: {
    required: true,
    description: 'The package, as JSON',
    content: { 'application/json': { schema: ref('Package') } },
  },
  packageOrDraft: {
    required: true,
    description: 'The package, or a draft representation holding it ({ "package": ... })',
    content: {
      'application/json': {
        schema: {
          oneOf: [
            ref('Package'),
            { type: 'object', required: ['package'], properties: { package: ref('Package') } },
          ],
        },
      },
    },
  },
};

/** The OpenAPI 3.1 document; `t` is i18next's in the source language (English), for the fields' labels. */
export function openApiDocument(t: TFunction): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of API_ROUTES) {
    const path = `/api/v1${(route.path ?? route.express).replace(/:(\w+)/g, '{$1}')}`.replace(/\/$/, '');
    const document = route.path?.startsWith('/documents/')
      ? (route.path.slice('/documents/'.length) as DocumentName)
      : undefined;
    for (const [method, operation] of Object.entries(route.operations)) {
      (paths[path] ??= {})[method] = {
        operationId: operation.operationId,
        summary: operation.summary,
        ...(operation.parameters
          ? { parameters: operation.parameters.map((p) => parameter(p, document)) }
          : {}),
        ...(operation.body ? { requestBody: REQUEST_BODIES[operation.body] } : {}),
        responses: responses(operation),
      };
    }
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    info: {
      title: 'Accession assistant API',
      version: '1',
      description:
        "Drafts instruments of accession, ratification, acceptance or approval of the UN Convention against Transnational Organized Crime and its Protocols, the notifications due at deposit, full powers, a note verbale and a checklist. Messages follow ?lang= or Accept-Language (ar, zh, en, fr, ru, es). Errors are RFC 9457 problem details (application/problem+json). No cookies and no credentials: cross-origin calls are allowed from the origins the service's CORS_ORIGINS lists.",
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    paths,
    components: { schemas: components(t) },
  };
}
