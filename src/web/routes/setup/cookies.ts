// The set-up keeps its answers between pages without server sessions (none exist yet): in a
// signed, HttpOnly, SameSite=Strict cookie for /setup only, holding them as JSON. Signed, so
// what comes back is what Footprint wrote. On completion it gives way to a smaller cookie
// holding what the confirmation page shows.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../../config.ts';
import { organisationKinds } from '../../../domain/community/school.ts';
import { type Answers, answersSchema } from './answers.ts';

const answersCookie = 'footprint-setup';
const doneCookie = 'footprint-setup-done';
/** Browsers keep a cookie of up to 4096 bytes, its name and attributes included. */
const longestValue = 3800;

export const setupDoneSchema = z.object({
  school: z.string(),
  slug: z.string(),
  organisation: z.string(),
  kind: z.enum(organisationKinds),
  headteacher: z.string(),
});
export type SetupDone = z.infer<typeof setupDoneSchema>;

export function setupCookies(config: Config) {
  const options = {
    httpOnly: true,
    sameSite: 'strict',
    path: '/setup',
    secure: config.baseUrl.startsWith('https:'),
  } as const;

  function read<T>(request: FastifyRequest, name: string, schema: z.ZodType<T>): T | undefined {
    const cookie = request.cookies[name];
    if (cookie === undefined) return undefined;
    const unsigned = request.unsignCookie(cookie);
    if (!unsigned.valid) return undefined;
    try {
      const parsed = schema.safeParse(JSON.parse(Buffer.from(unsigned.value, 'base64url').toString('utf8')));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  /** False, keeping nothing, when the value is too long for a browser to keep. */
  function write(reply: FastifyReply, name: string, value: unknown, maxAge: number): boolean {
    const encoded = Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
    if (encodeURIComponent(reply.signCookie(encoded)).length > longestValue) return false;
    reply.setCookie(name, encoded, { ...options, signed: true, maxAge });
    return true;
  }

  return {
    answers: (request: FastifyRequest): Answers => read(request, answersCookie, answersSchema) ?? {},
    keepAnswers: (reply: FastifyReply, answers: Answers) => write(reply, answersCookie, answers, 24 * 60 * 60),
    forgetAnswers: (reply: FastifyReply) => reply.clearCookie(answersCookie, options),
    done: (request: FastifyRequest) => read(request, doneCookie, setupDoneSchema),
    finish(reply: FastifyReply, done: SetupDone) {
      reply.clearCookie(answersCookie, options);
      write(reply, doneCookie, done, 60 * 60);
    },
  };
}

export type SetupCookies = ReturnType<typeof setupCookies>;
