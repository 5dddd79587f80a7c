// Record ids are UUIDs; a path or a form that names anything else names nothing.
const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isRecordId(text: string): boolean {
  return text.length === 36 && uuidShape.test(text);
}
