/** The longest side of a photo after compression on the phone, and the JPEG quality. */
export const PHOTO_MAX_SIDE = 1600;
export const PHOTO_QUALITY = 0.7;
/** Well under the server's 2 MB (FIELD_PHOTO_MAX_BYTES), so a photo is never refused for its size. */
const PHOTO_TARGET_BYTES = 1_500_000;

/** The size that fits within `max` on the longer side, keeping the proportions; never enlarged. */
export function fitWithin(width: number, height: number, max: number): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

async function decode(file: Blob): Promise<{ image: CanvasImageSource; width: number; height: number; close: () => void }> {
  if ('createImageBitmap' in window) {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    return { image: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
  }
  const url = URL.createObjectURL(file);
  const image = new Image();
  image.src = url;
  await image.decode();
  return { image, width: image.naturalWidth, height: image.naturalHeight, close: () => URL.revokeObjectURL(url) };
}

function encode(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('photo could not be encoded'))), 'image/jpeg', quality));
}

/**
 * A camera photo (often 4–20 MB) made small on the phone: at most 1600 px, JPEG at 0.7, smaller still
 * if that is not enough. Uploading the original over a weak signal would take minutes.
 */
export async function compressPhoto(file: Blob): Promise<Blob> {
  const source = await decode(file);
  try {
    let side = PHOTO_MAX_SIDE;
    let quality = PHOTO_QUALITY;
    for (;;) {
      const size = fitWithin(source.width, source.height, side);
      const canvas = document.createElement('canvas');
      canvas.width = size.width;
      canvas.height = size.height;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no canvas on this phone');
      context.drawImage(source.image, 0, 0, size.width, size.height);
      const blob = await encode(canvas, quality);
      if (blob.size <= PHOTO_TARGET_BYTES || side <= 640) return blob;
      side = Math.round(side * 0.75);
      quality = Math.max(0.5, quality - 0.1);
    }
  } finally {
    source.close();
  }
}
