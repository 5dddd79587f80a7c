// Evidence for concern reports, kept on the server's disk under DATA_DIR/evidence/<school id>/,
// which nothing serves directly. Each file is checked by its content, not its name; pictures are
// decoded and encoded afresh so that what is kept carries no EXIF, GPS position or other metadata;
// each is written under a random name of the server's making, readable by Footprint's user alone.
//
// PDFs are kept exactly as uploaded. Rewriting one to strip its metadata (author, the program that
// made it, dates) would need a PDF writer that could change how the evidence looks, and a PDF's
// hash should match the copy the person who reported it still has. What a PDF's metadata can
// reveal is far less than a photo's GPS position, the file is shown only to the people the policy
// permits, and it is only ever served as an attachment, never displayed inline.
//
// One host only: several app processes on one machine share the directory safely (every write is
// a new file, renamed into place), but app processes on several machines need a shared store (S3
// or similar) behind the same port.
import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { type FileHandle, mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { EvidenceMediaType, EvidenceStore, EvidenceUpload } from '../../services/ports.ts';
import { displayName, extensionOf } from './file-names.ts';
import {
  canonicalExtension,
  type ContentKind,
  describe,
  isKept,
  type KeptKind,
  kindDeclaredBy,
  kindNamedBy,
  sniff,
} from './file-types.ts';
import { reencode } from './images.ts';

export interface EvidenceLimits {
  /** Largest picture accepted, in bytes, as uploaded and as re-encoded. */
  maxImageBytes: number;
  maxPdfBytes: number;
  /** Largest picture accepted, in pixels (width × height), so that a small file cannot decode to gigabytes. */
  maxPixels: number;
}

const megabyte = 1024 * 1024;

export const defaultEvidenceLimits: EvidenceLimits = {
  maxImageBytes: 10 * megabyte,
  maxPdfBytes: 10 * megabyte,
  maxPixels: 40_000_000,
};

const uploadInstead = 'Upload a screenshot as a PNG or JPEG, or a PDF.';

// Schools' ids are UUIDs; keys are 24 random bytes in base64url. Nothing else names a path here.
const schoolIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const keyPattern = /^[A-Za-z0-9_-]{32}$/;

/** The store kept in `directory` (DATA_DIR/evidence), created on the first file kept. */
export function createEvidenceStore(directory: string, limits: Partial<EvidenceLimits> = {}): EvidenceStore {
  const max = { ...defaultEvidenceLimits, ...limits };

  return {
    async store(schoolId, upload) {
      if (!schoolIdPattern.test(schoolId)) throw new Error('Evidence is kept only for a school, by its id.');
      const checked = await check(upload, max);
      if (!checked.ok) return checked;
      const key = randomBytes(24).toString('base64url');
      await writeNewFile(join(directory, schoolId), key, checked.bytes);
      return {
        ok: true,
        file: {
          key,
          mediaType: checked.mediaType,
          size: checked.bytes.length,
          sha256: createHash('sha256').update(checked.bytes).digest('hex'),
          originalName: checked.originalName,
        },
      };
    },

    async open(schoolId, key) {
      if (!schoolIdPattern.test(schoolId) || !keyPattern.test(key)) return undefined;
      let handle: FileHandle;
      try {
        // O_NOFOLLOW: only a file this store wrote, never one a link points to.
        handle = await open(join(directory, schoolId, key), constants.O_RDONLY | constants.O_NOFOLLOW);
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
      try {
        if (!(await handle.stat()).isFile()) return undefined;
        return await handle.readFile();
      } finally {
        await handle.close();
      }
    },

    async remove(schoolId, key) {
      if (!schoolIdPattern.test(schoolId) || !keyPattern.test(key)) return false;
      try {
        await rm(join(directory, schoolId, key));
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },
  };
}

type Checked =
  { ok: true; bytes: Uint8Array; mediaType: EvidenceMediaType; originalName: string } | { ok: false; problem: string };

async function check(upload: EvidenceUpload, max: EvidenceLimits): Promise<Checked> {
  const { bytes, fileName } = upload;
  if (bytes.length === 0)
    return refuse(`The file is empty. Choose it again, or take the screenshot again. ${uploadInstead}`);

  const kind = sniff(bytes);
  if (!isKept(kind)) return refuse(refusalFor(kind));

  const extension = extensionOf(fileName);
  const named = kindNamedBy(extension);
  if (named !== undefined && named !== kind) {
    return refuse(
      `This file is called .${extension} but is ${describe(kind)}. Check that you chose the right file; ` +
        `if you did, rename it to end in .${canonicalExtension[kind]} and upload it again.`,
    );
  }
  const declared = upload.declaredType === undefined ? undefined : kindDeclaredBy(upload.declaredType);
  if (declared !== undefined && declared !== kind) {
    return refuse(
      `This file was sent as ${describe(declared)} but is ${describe(kind)}. Check that you chose the right file, and upload it again.`,
    );
  }

  if (kind === 'pdf') {
    if (bytes.length > max.maxPdfBytes) {
      return refuse(
        `This PDF is ${inMegabytes(bytes.length)}; the most Footprint accepts is ${inMegabytes(max.maxPdfBytes)}. ` +
          'Upload only the pages that matter, or screenshots of them.',
      );
    }
    if (!isWholePdf(bytes)) {
      return refuse(
        'This PDF seems damaged or incomplete. Open it, save or print it again as a PDF, and upload the new copy.',
      );
    }
    return {
      ok: true,
      bytes,
      mediaType: 'application/pdf',
      originalName: displayName(fileName, named ? extension : 'pdf'),
    };
  }

  const tooBig = () =>
    refuse(
      `This picture is ${inMegabytes(bytes.length)}; the most Footprint accepts is ${inMegabytes(max.maxImageBytes)}. ` +
        'Crop it to the part that matters, or save it as a JPEG, and upload that.',
    );
  if (bytes.length > max.maxImageBytes) return tooBig();

  const picture = await reencode(bytes, kind, max.maxPixels);
  if (!picture.ok) {
    switch (picture.reason) {
      case 'animated':
        return refuse(
          'This picture is animated. Take a screenshot of the moment that matters and upload it as a PNG or JPEG.',
        );
      case 'too_many_pixels':
        return refuse(
          `This picture is ${picture.width > 0 ? `${picture.width} × ${picture.height} pixels, ` : ''}larger than the ` +
            `${Math.floor(max.maxPixels / 1_000_000)} megapixels Footprint accepts. Crop it to the part that matters, or take a screenshot of it, and upload that.`,
        );
      case 'unreadable':
        return refuse(
          'This picture could not be read: it may be damaged or incomplete. Open it, save it again as a PNG or JPEG, and upload that.',
        );
    }
  }
  if (picture.bytes.length > max.maxImageBytes) return tooBig();
  const ext = named === picture.kind ? extension : canonicalExtension[picture.kind];
  return {
    ok: true,
    bytes: picture.bytes,
    mediaType: `image/${picture.kind}`,
    originalName: displayName(fileName, ext),
  };
}

/** Why a kind of file is never kept, and what to upload instead. */
function refusalFor(kind: Exclude<ContentKind, KeptKind>): string {
  switch (kind) {
    case 'svg':
      return `This is an SVG drawing, which can carry hidden code, so it cannot be kept as evidence. Take a screenshot of it instead. ${uploadInstead}`;
    case 'html':
    case 'xml':
      return 'This is a web page or other code, which cannot be kept as evidence. Take a screenshot of the page, or save it as a PDF, and upload that.';
    case 'executable':
      return `This file is a program, not a picture or a document, so it cannot be uploaded. ${uploadInstead}`;
    case 'zip':
      return `Word, Excel, zipped and other documents cannot be uploaded as they are. Save the document as a PDF, or take a screenshot, and upload that.`;
    case 'heic':
      return 'This is an iPhone (HEIC) photo, which Footprint cannot read. Take a screenshot of it, or export it as a JPEG, and upload that.';
    case 'video':
      return 'Videos cannot be uploaded. Take screenshots of the moments that matter and upload them as PNG or JPEG pictures.';
    case 'tiff':
    case 'bmp':
      return `This kind of picture (${describe(kind).replace(/^an? /, '')}) cannot be kept. Save it as a PNG or JPEG and upload that.`;
    case 'unknown':
      return `This file is not a picture or a PDF that Footprint can read. ${uploadInstead}`;
  }
}

// A PDF starts with its version and ends with %%EOF (readers allow a little trailing junk after it);
// one without the end was cut short on its way here.
function isWholePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 16)).toString('latin1');
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
  return /^%PDF-[12]\.\d/.test(head) && tail.includes('%%EOF');
}

// Written whole under a temporary name that no key can match, flushed, then renamed into place:
// a crash leaves either the whole file or no file under the key, never half of one.
async function writeNewFile(folder: string, key: string, bytes: Uint8Array): Promise<void> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const draft = join(folder, `.${key}.partial`);
  const handle = await open(draft, 'wx', 0o600);
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(draft, join(folder, key));
  } catch (error) {
    await rm(draft, { force: true });
    throw error;
  }
  const directory = await open(folder, 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}

function refuse(problem: string): { ok: false; problem: string } {
  return { ok: false, problem };
}

function inMegabytes(bytes: number): string {
  const value = bytes / megabyte;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} MB`;
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ELOOP' || code === 'ENOTDIR';
}
