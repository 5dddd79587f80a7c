// RFC 9457 problem documents: how the API (and /readyz) says what went wrong.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppError, ErrorCode } from '../errors.ts';

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: ErrorCode;
  /** The invalid fields, each named by its dot path and its JSON Pointer; empty when no field is at fault. */
  errors: { field: string; pointer: string; detail: string }[];
}

export const problemContentType = 'application/problem+json';

/** The address that documents a kind of problem, e.g. https://…/problems/validation-failed. */
export function problemTypeUri(baseUrl: string, code: ErrorCode): string {
  return `${baseUrl}/problems/${code.replaceAll('_', '-')}`;
}

export function pathOf(request: FastifyRequest): string {
  return request.url.split('?', 1)[0] ?? '/';
}

export function problemDocument(error: AppError, instance: string, baseUrl: string): ProblemDocument {
  return {
    type: problemTypeUri(baseUrl, error.code),
    title: error.title,
    status: error.status,
    detail: error.message,
    instance,
    code: error.code,
    errors: error.fields.map((field) => ({
      field: field.field,
      pointer: pointerFor(field.field),
      detail: field.detail,
    })),
  };
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError, baseUrl: string) {
  return reply
    .code(error.status)
    .type(problemContentType)
    .header('cache-control', 'no-store')
    .send(problemDocument(error, pathOf(request), baseUrl));
}

/** "situation.people.0.role" → "#/situation/people/0/role" (RFC 6901, as a URI fragment). */
function pointerFor(field: string): string {
  if (field === '') return '#';
  const escape = (part: string) => encodeURIComponent(part.replaceAll('~', '~0').replaceAll('/', '~1'));
  return `#/${field.split('.').map(escape).join('/')}`;
}
