/**
 * The API's addresses, one table: each row is an address under /api/v1 (as Express matches it) with its
 * operations. The router's 405 answers (the Allow header), the index at GET /api/v1 and the OpenAPI
 * document (openapi.ts) are all made from it, and a test checks that Express's routes and the table are
 * the same set: a new route is a handler in api.ts plus one row here.
 *
 * A row names its parameters, its body and its errors by name; openapi.ts turns the names into the
 * document's parameters, request bodies and problem responses. The summaries are for integrators,
 * in English like the rest of the OpenAPI document.
 */
import { DOCUMENT_NAMES, DOCX_MIME, type DocumentName } from '../documents';
import { DIRECTORY_DOCUMENT, DIRECTORY_TYPES } from '../documents/directory';
import type { ErrorCode } from './errors';

export const MODES = ['draft', 'final'] as const;
export type DocumentFormat = 'docx' | 'html' | 'pdf';
/** The formats each document comes in (?format=), the first being the default. */
export const DOCUMENT_FORMATS: Readonly<Record<DocumentName, readonly DocumentFormat[]>> = {
  instrument: ['docx', 'pdf'],
  notifications: ['docx', 'pdf'],
  'full-powers': ['docx', 'pdf'],
  'note-verbale': ['docx', 'pdf'],
  checklist: ['docx', 'html', 'pdf'],
  // pdf: the .zip with a PDF beside each .docx (documents/produce.ts).
  bundle: ['docx', 'pdf'],
};

export type Method = 'get' | 'post' | 'put' | 'delete';

/** The parameters an operation can take (openapi.ts describes each). */
export type ParameterName =
  | 'lang'
  | 'documentLang'
  | 'mode'
  | 'treaty'
  | 'format'
  | 'directoryFormat'
  | 'names'
  | 'id'
  | 'code'
  | 'ifMatch'
  | 'ifMatchOptional'
  | 'ifNoneMatch';

/** The schemas of the document's components a response can be (openapi.ts). */
export type SchemaName =
  | 'Index'
  | 'Health'
  | 'Treaties'
  | 'States'
  | 'JsonSchema'
  | 'OpenApi'
  | 'ProblemTypes'
  | 'ProblemType'
  | 'Assessment'
  | 'Draft'
  | 'SavedDraft'
  | 'DraftHistory'
  | 'Binary'
  | 'Html'
  | 'Csv'
  | 'Directory';

export interface Success {
  readonly status: 200 | 201 | 204;
  readonly description: string;
  /** Media type -> schema; none for 204. */
  readonly content?: Readonly<Record<string, SchemaName>>;
  /** Response headers worth naming (openapi.ts describes each). */
  readonly headers?: readonly ('ETag' | 'Location' | 'Content-Disposition' | 'Content-Language')[];
}

export interface Operation {
  readonly operationId: string;
  readonly summary: string;
  readonly parameters?: readonly ParameterName[];
  /** A package, or a package or a draft representation holding one. */
  readonly body?: 'package' | 'packageOrDraft';
  readonly success: readonly Success[];
  /**
   * The errors particular to this operation; openapi.ts adds those of every JSON body (malformed_json,
   * bad_request, payload_too_large, unsupported_media_type) and internal_error.
   */
  readonly errors?: readonly ErrorCode[];
}

export interface ApiRoute {
  /** The address under /api/v1 as Express matches it ("/drafts/:id"). */
  readonly express: string;
  /** The address in the OpenAPI document, when not the same ("/documents/instrument"). */
  readonly path?: string;
  readonly operations: Partial<Record<Method, Operation>>;
}

const json = (schema: SchemaName) => ({ 'application/json': schema });

const MEDIA_TYPES: Readonly<Record<DocumentName, Readonly<Record<string, SchemaName>>>> = {
  instrument: { [DOCX_MIME]: 'Binary', 'application/pdf': 'Binary' },
  notifications: { [DOCX_MIME]: 'Binary', 'application/pdf': 'Binary' },
  'full-powers': { [DOCX_MIME]: 'Binary', 'application/pdf': 'Binary' },
  'note-verbale': { [DOCX_MIME]: 'Binary', 'application/pdf': 'Binary' },
  checklist: { [DOCX_MIME]: 'Binary', 'text/html': 'Html', 'application/pdf': 'Binary' },
  bundle: { 'application/zip': 'Binary' },
};

const DOCUMENT_SUMMARIES: Readonly<Record<DocumentName, string>> = {
  instrument: 'The instrument of ratification, acceptance, approval or accession for one treaty',
  notifications: 'The notifications due at deposit',
  'full-powers': 'The full powers of the signer, when the signer needs them',
  'note-verbale': 'The note verbale that accompanies the deposit',
  checklist: "The legal adviser's checklist (one language)",
  bundle: 'Every document in one .zip, with the package',
};

/** POST /documents/{name}: one row per document, all served by the route /documents/:name. */
function documentRoute(name: DocumentName): ApiRoute {
  const camel = name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
  return {
    express: '/documents/:name',
    path: `/documents/${name}`,
    operations: {
      post: {
        operationId: `${camel}Document`,
        summary: DOCUMENT_SUMMARIES[name],
        parameters: [name === 'checklist' ? 'lang' : 'documentLang', 'mode', 'treaty', 'format'],
        body: 'package',
        success: [
          {
            status: 200,
            description: 'The document, as an attachment in the documents’ language',
            content: MEDIA_TYPES[name],
            headers: ['Content-Disposition', 'Content-Language'],
          },
        ],
        errors: [
          'invalid_parameter',
          'invalid_package',
          'final_refused',
          ...(name === 'instrument' || name === 'full-powers'
            ? (['missing_parameter', 'treaty_not_in_package', 'no_instrument'] as const)
            : []),
          ...(name === 'full-powers' ? (['full_powers_not_needed'] as const) : []),
          'not_found',
          'busy',
          'pdf_unavailable',
          'pdf_failed',
        ],
      },
    },
  };
}

export const API_ROUTES: readonly ApiRoute[] = [
  {
    express: '/',
    operations: {
      get: {
        operationId: 'index',
        summary: 'The API’s addresses and languages',
        success: [{ status: 200, description: 'The addresses', content: json('Index') }],
      },
    },
  },
  {
    express: '/health',
    operations: {
      get: {
        operationId: 'health',
        summary: 'Whether the store answers, and the dates of the participation data',
        success: [
          { status: 200, description: 'Healthy (503 with the same body when not)', content: json('Health') },
        ],
      },
    },
  },
  {
    express: '/openapi.json',
    operations: {
      get: {
        operationId: 'openApi',
        summary: 'This document',
        success: [{ status: 200, description: 'The OpenAPI 3.1 document', content: json('OpenApi') }],
      },
    },
  },
  {
    express: '/treaties',
    operations: {
      get: {
        operationId: 'treaties',
        summary: 'The catalogue: the treaties, their titles and requirements with their articles',
        parameters: ['lang'],
        success: [{ status: 200, description: 'The catalogue', content: json('Treaties') }],
        errors: ['invalid_parameter'],
      },
    },
  },
  {
    express: '/states',
    operations: {
      get: {
        operationId: 'states',
        summary: 'States and the European Union, with their signatures and consents',
        parameters: ['lang', 'names'],
        success: [{ status: 200, description: 'The States', content: json('States') }],
        errors: ['invalid_parameter'],
      },
    },
  },
  {
    express: '/schema',
    operations: {
      get: {
        operationId: 'schema',
        summary: 'The JSON Schema of a package (the Package schema of this document)',
        success: [
          {
            status: 200,
            description: 'The JSON Schema',
            content: { 'application/schema+json': 'JsonSchema' },
          },
        ],
      },
    },
  },
  {
    express: '/problems',
    operations: {
      get: {
        operationId: 'problemTypes',
        summary: 'The problem types of the API’s errors (RFC 9457)',
        parameters: ['lang'],
        success: [{ status: 200, description: 'Every problem type', content: json('ProblemTypes') }],
      },
    },
  },
  {
    express: '/problems/:code',
    operations: {
      get: {
        operationId: 'problemType',
        summary: 'One problem type: what an error’s `type` refers to',
        parameters: ['code', 'lang'],
        success: [{ status: 200, description: 'The problem type', content: json('ProblemType') }],
        errors: ['not_found'],
      },
    },
  },
  {
    express: '/validate',
    operations: {
      post: {
        operationId: 'validate',
        summary: 'Check a package: its issues, checklist and entry into force',
        parameters: ['lang'],
        body: 'package',
        success: [{ status: 200, description: 'The assessment', content: json('Assessment') }],
        errors: ['invalid_package'],
      },
    },
  },
  ...DOCUMENT_NAMES.map(documentRoute),
  {
    express: '/documents/:name',
    path: `/documents/${DIRECTORY_DOCUMENT}`,
    operations: {
      post: {
        operationId: 'authoritiesDirectory',
        summary:
          "Every designated authority as a record of the UNODC directory of competent national authorities (the field list is unverified: see the JSON's fieldList)",
        parameters: ['lang', 'mode', 'directoryFormat'],
        body: 'package',
        success: [
          {
            status: 200,
            description: 'The records, as an attachment in the language asked',
            content: { [DIRECTORY_TYPES.csv]: 'Csv', [DIRECTORY_TYPES.json]: 'Directory' },
            headers: ['Content-Disposition', 'Content-Language'],
          },
        ],
        errors: ['missing_parameter', 'invalid_parameter', 'invalid_package', 'final_refused', 'not_found'],
      },
    },
  },
  {
    express: '/drafts',
    operations: {
      post: {
        operationId: 'createDraft',
        summary: 'Create a draft from a package',
        parameters: ['lang'],
        body: 'packageOrDraft',
        success: [
          { status: 201, description: 'The draft', content: json('Draft'), headers: ['ETag', 'Location'] },
        ],
        errors: ['invalid_package', 'rate_limited', 'storage_full'],
      },
    },
  },
  {
    express: '/drafts/:id',
    operations: {
      get: {
        operationId: 'getDraft',
        summary: 'A draft, with its revision as ETag',
        parameters: ['id', 'ifNoneMatch', 'lang'],
        success: [{ status: 200, description: 'The draft', content: json('Draft'), headers: ['ETag'] }],
        errors: ['not_found', 'draft_unreadable'],
      },
      put: {
        operationId: 'replaceDraft',
        summary: 'Replace a draft’s package, naming the revision read (If-Match)',
        parameters: ['id', 'ifMatch', 'lang'],
        body: 'packageOrDraft',
        success: [
          {
            status: 200,
            description: 'The draft saved, with the answers cleared and the paths changed',
            content: json('SavedDraft'),
            headers: ['ETag'],
          },
        ],
        errors: [
          'invalid_package',
          'not_found',
          'precondition_required',
          'precondition_failed',
          'storage_full',
          'draft_unreadable',
        ],
      },
      delete: {
        operationId: 'deleteDraft',
        summary: 'Delete a draft',
        parameters: ['id', 'ifMatchOptional', 'lang'],
        success: [{ status: 204, description: 'Deleted' }],
        errors: ['not_found', 'precondition_required', 'precondition_failed', 'draft_unreadable'],
      },
    },
  },
  {
    express: '/drafts/:id/history',
    operations: {
      get: {
        operationId: 'draftHistory',
        summary: 'The record of a draft’s saves',
        parameters: ['id', 'lang'],
        success: [
          { status: 200, description: 'The history', content: json('DraftHistory'), headers: ['ETag'] },
        ],
        errors: ['not_found', 'draft_unreadable'],
      },
    },
  },
];

/** Each Express address and the methods it accepts, as the Allow header says them (GET brings HEAD). */
export function allowedMethods(): ReadonlyMap<string, string> {
  const out = new Map<string, Set<string>>();
  for (const route of API_ROUTES) {
    const methods = out.get(route.express) ?? new Set<string>();
    for (const method of Object.keys(route.operations)) {
      methods.add(method.toUpperCase());
      if (method === 'get') methods.add('HEAD');
    }
    out.set(route.express, methods);
  }
  const order = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'];
  return new Map([...out].map(([path, methods]) => [path, order.filter((m) => methods.has(m)).join(', ')]));
}
