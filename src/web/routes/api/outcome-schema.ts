// The outcome's shape for Fastify's response serializer: compiled once, it writes an outcome
// faster than JSON.stringify, and never lets a field the contract does not name slip out.
const text = { type: 'string' } as const;

export const outcomeResponseSchema = {
  type: 'object',
  required: ['policy', 'verdict', 'findings', 'actions'],
  properties: {
    policy: { type: 'object', properties: { slug: text, version: text, title: text } },
    verdict: text,
    findings: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          rule: text,
          section: text,
          topic: text,
          modality: text,
          status: text,
          summary: text,
          exception: text,
        },
      },
    },
    actions: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          action: text,
          owner: text,
          because: text,
          optional: { type: 'boolean' },
          if: text,
          deadline: text,
        },
      },
    },
  },
} as const;
