// Pictures are decoded and encoded afresh with sharp (libvips). What comes out is only the pixels:
// EXIF (camera, time, GPS position), XMP, IPTC, ICC profiles and comments are all left behind,
// because sharp writes none of them unless asked to (we never call keepMetadata, withMetadata or
// withExif), and anything hidden after or inside the image data goes too.
import sharp from 'sharp';
import type { ImageKind } from './file-types.ts';

export type Reencoded =
  | { ok: true; bytes: Uint8Array; kind: 'png' | 'jpeg' | 'webp' }
  | { ok: false; reason: 'unreadable' | 'animated' }
  | { ok: false; reason: 'too_many_pixels'; width: number; height: number };

export async function reencode(input: Uint8Array, kind: ImageKind, maxPixels: number): Promise<Reencoded> {
  let width: number;
  let height: number;
  try {
    // Reading the header decodes no pixels, so it needs no limit; the size it gives is checked
    // before anything is decoded, which stops a decompression bomb with a message giving its size.
    const header = await sharp(input, { failOn: 'error', limitInputPixels: false }).metadata();
    if (header.format !== sharpFormat[kind]) return { ok: false, reason: 'unreadable' };
    if ((header.pages ?? 1) > 1) return { ok: false, reason: 'animated' };
    width = header.width;
    height = header.height;
  } catch (error) {
    return refusal(error);
  }
  if (width * height > maxPixels) return { ok: false, reason: 'too_many_pixels', width, height };

  // A GIF becomes a PNG: lossless, and one format fewer for whoever opens the evidence later.
  const output = kind === 'gif' ? 'png' : kind;
  try {
    // libvips also refuses, as it decodes, an image over the limit: a backstop to the check above.
    // rotate() with no angle turns the picture the way its EXIF orientation says, before the EXIF goes.
    const image = sharp(input, { failOn: 'error', limitInputPixels: maxPixels }).rotate();
    const bytes =
      output === 'png'
        ? await image.png({ compressionLevel: 9 }).toBuffer()
        : output === 'jpeg'
          ? await image.jpeg({ quality: 90, chromaSubsampling: '4:4:4' }).toBuffer()
          : await image.webp({ quality: 90 }).toBuffer();
    return { ok: true, bytes, kind: output };
  } catch (error) {
    return refusal(error);
  }
}

const sharpFormat: Record<ImageKind, string> = { png: 'png', jpeg: 'jpeg', webp: 'webp', gif: 'gif' };

function refusal(error: unknown): Reencoded {
  if (error instanceof Error && /pixel limit/i.test(error.message)) {
    return { ok: false, reason: 'too_many_pixels', width: 0, height: 0 };
  }
  return { ok: false, reason: 'unreadable' };
}
