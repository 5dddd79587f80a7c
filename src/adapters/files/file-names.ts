// The name an upload came with, made safe to show on a page and to offer in a download's
// Content-Disposition. It is never used to name anything on disk.
import { kindNamedBy } from './file-types.ts';

const maxLength = 120;

/** The extension of a file name, lower-case and without its dot; '' when it has none. */
export function extensionOf(fileName: string): string {
  const base = baseName(fileName);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/**
 * A display name: the last part of the path only, without control or direction-changing characters
 * (which can make "gpj.exe" read as "exe.jpg"), quotes, slashes or the characters Windows forbids,
 * at most 120 characters, ending in `extension` (in place of an extension of a kind of file we know).
 */
export function displayName(fileName: string, extension: string): string {
  const cleaned = baseName(fileName)
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/["\\/:*?<>|]/g, '_')
    .replace(/\s+/g, ' ')
    .trim();
  const dot = cleaned.lastIndexOf('.');
  const known = dot > 0 && kindNamedBy(cleaned.slice(dot + 1)) !== undefined;
  const stem = (known ? cleaned.slice(0, dot) : cleaned).replace(/^[.\s]+|[.\s]+$/g, '');
  const room = maxLength - extension.length - 1;
  const shortened = [...stem].slice(0, room).join('').trim();
  return `${shortened || 'evidence'}.${extension}`;
}

function baseName(fileName: string): string {
  const parts = fileName.split(/[\\/]/);
  return parts[parts.length - 1] ?? '';
}
