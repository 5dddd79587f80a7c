// Forms as a browser sends them, through inject(): ticked checkboxes as repeated fields, and a
// file input as a multipart upload.
import type { FastifyInstance, InjectOptions } from 'fastify';

/** A posted field holding a file: sent as a multipart upload, as a browser sends a file input. */
export const fileField = '__file';

/**
 * The app as the test browser sees it, with two things a form can send that a record of strings
 * cannot say: a field named `name[]` is sent as `name` once for each of its comma-separated values
 * (ticked checkboxes), and a post carrying `fileField` goes as multipart/form-data with that text as
 * the file `file`, named by the field `fileName`. Cookies and the CSRF token go as the browser sent them.
 */
export function withFormsOfEveryKind(app: () => FastifyInstance): () => FastifyInstance {
  const inject = async (options: InjectOptions) => {
    if (options.method !== 'POST') return app().inject(options);
    const fields = new URLSearchParams(typeof options.payload === 'string' ? options.payload : '');
    const sent: [string, string][] = [...fields].flatMap(([name, value]): [string, string][] =>
      name.endsWith('[]')
        ? value.split(',').map((each): [string, string] => [name.slice(0, -2), each])
        : [[name, value]],
    );
    const content = fields.get(fileField);
    if (content === null) return app().inject({ ...options, payload: new URLSearchParams(sent).toString() });
    const form = new FormData();
    for (const [name, value] of sent) if (name !== fileField && name !== 'fileName') form.append(name, value);
    form.append('file', new Blob([content], { type: 'text/csv' }), fields.get('fileName') ?? 'roster.csv');
    const request = new Request('http://localhost/', { method: 'POST', body: form });
    return app().inject({
      ...options,
      headers: { ...options.headers, 'content-type': request.headers.get('content-type') ?? '' },
      payload: Buffer.from(await request.arrayBuffer()),
    });
  };
  return () => ({ inject }) as unknown as FastifyInstance;
}
